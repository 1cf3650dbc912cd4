// The scenes of the plain-page tests: every component in its states on a page with nothing but
// the browser's defaults, and the audit of what a 320 px wide screen shows (horizontal scrolling,
// targets under 24 × 24 px, cut text). Shared by test/browser/plain-page-320.test.ts and
// test/browser/pseudo-locale.test.ts.
import '../../src/define.js';
import type {SereinPasswordChange} from '../../src/components/password-change/password-change.js';
import type {SereinOtpPrompt} from '../../src/components/otp-prompt/otp-prompt.js';
import type {SereinRecoveryWizard} from '../../src/components/recovery-wizard/recovery-wizard.js';
import type {SereinPasskeyButton} from '../../src/components/passkey-button/passkey-button.js';
import type {SereinStrengthMeter} from '../../src/components/strength-meter/strength-meter.js';
import {fill, until} from './helpers.js';

export const WIDTH = 320;
const MIN_TARGET = 24;
const STRONG = 'mango kiwi 1987 pear orchard';
/** A masked address as a host may show it: one long word with no place to break. */
export const LONG_ADDRESS = 'c•••••••@customer-accounts.long-company-name.example.com';
export const LONG_MESSAGE =
  'Our sign-in service is being updated right now; please come back in a few minutes, nothing was lost.';

/** Every element of `root`, including those in open shadow roots, in tree order. */
export function allElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  found.push(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** Whether the element draws nothing the customer can see or point at. */
export function unseen(element: Element, rect: DOMRect): boolean {
  if (rect.width === 0 || rect.height === 0) return true;
  if (!element.checkVisibility({visibilityProperty: true})) return true;
  // Visually hidden text for screen readers (clipped to one pixel).
  const style = getComputedStyle(element);
  return style.position === 'absolute' && rect.width <= 1 && rect.height <= 1;
}

const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="radio"], [role="checkbox"], [role="link"], [tabindex]:not([tabindex="-1"])';

export const describeNode = (element: Element) => {
  const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
  const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
  return `${element.localName}${type}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}${text ? ` “${text}”` : ''}`;
};

const size = (rect: DOMRect) => `${Math.round(rect.width * 10) / 10} × ${Math.round(rect.height * 10) / 10}`;

/**
 * A link inside a sentence (WCAG 2.2's "inline" exception to the target size): its parent
 * has words of its own around it. Every other control must be 24 × 24 px itself: this is
 * stricter than the criterion's spacing exception, on purpose.
 */
function inRunningText(element: Element): boolean {
  if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
  return [...(element.parentElement?.childNodes ?? [])].some(
    (node) => node !== element && node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
  );
}

/** Measures the page around `component`. */
export function audit(component: Element): string[] {
  const problems: string[] = [];
  const overflow = Math.max(0, document.documentElement.scrollWidth - WIDTH);
  if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
  const elements = allElements(component);
  const targets: {element: Element; rect: DOMRect}[] = [];
  for (const element of elements) {
    const rect = element.getBoundingClientRect();
    if (unseen(element, rect)) continue;
    if (rect.right > WIDTH + 0.5 || rect.left < -0.5) {
      problems.push(`${describeNode(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
    }
    const style = getComputedStyle(element);
    const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    const isField = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
    if (clips && !isField && element.scrollWidth > element.clientWidth + 1 && element.textContent?.trim()) {
      problems.push(`${describeNode(element)} cuts its text (${element.scrollWidth} > ${element.clientWidth} px)`);
    }
    if (element.matches(INTERACTIVE) && !(element as HTMLButtonElement).disabled) targets.push({element, rect});
  }
  for (const {element, rect} of targets) {
    if (rect.width >= MIN_TARGET - 0.01 && rect.height >= MIN_TARGET - 0.01) continue;
    if (inRunningText(element)) continue;
    problems.push(`${describeNode(element)} is a ${size(rect)} px target`);
  }
  return problems;
}

export type Scene = (container: HTMLElement) => Promise<Element>;

async function meterWith(container: HTMLElement, password: string) {
  const label = Object.assign(document.createElement('label'), {htmlFor: 'plain-new', textContent: 'New password'});
  const input = Object.assign(document.createElement('input'), {
    id: 'plain-new',
    type: 'password',
    autocomplete: 'new-password',
  });
  const meter = document.createElement('serein-strength-meter') as SereinStrengthMeter;
  meter.htmlFor = 'plain-new';
  container.append(label, input, meter);
  await meter.updateComplete;
  fill(input, password);
  await until(() => meter.querySelector('.serein-strength-meter__feedback p'), 'the advice');
  await meter.updateComplete;
  return meter;
}

async function passwordForm(container: HTMLElement, answer?: () => Promise<unknown>) {
  const element = document.createElement('serein-password-change') as SereinPasswordChange;
  Object.assign(element, {
    username: 'camille.dupont-lefebvre@example.com',
    confirm: true,
    signOutOthers: true,
    deferrable: true,
    deadline: '2030-06-30',
    supportHref: '/help',
    askFeedback: true,
    reason: 'breach',
  });
  container.append(element);
  await element.updateComplete;
  if (!answer) return element;
  element.addEventListener('serein-password-change', (event) => (event as CustomEvent).detail.waitUntil(answer()));
  const [current, fresh, again] = element.querySelectorAll<HTMLInputElement>('input[type="password"]');
  fill(current, 'my old one');
  fill(fresh, STRONG);
  fill(again, STRONG);
  await new Promise((resolve) => setTimeout(resolve, 300));
  element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return element;
}

async function otpPrompt(container: HTMLElement) {
  const element = document.createElement('serein-otp-prompt') as SereinOtpPrompt;
  Object.assign(element, {
    channel: 'sms',
    destination: '•••• 42',
    rememberDevice: true,
    rememberDays: 30,
    supportHref: '/help',
    alternatives: [{channel: 'email', destination: LONG_ADDRESS}, {channel: 'app'}, {channel: 'backup-code'}],
  });
  container.append(element);
  await until(() => element.querySelector('h2'), 'the view');
  return element;
}

async function wizardAt(container: HTMLElement, step: 'identify' | 'method' | 'code' | 'password' | 'done') {
  const element = document.createElement('serein-recovery-wizard') as SereinRecoveryWizard;
  Object.assign(element, {supportHref: '/help', signInHref: '/sign-in'});
  element.addEventListener('serein-recovery-identify', (event) =>
    (event as CustomEvent).detail.respondWith(
      Promise.resolve([
        {id: 'm-email', channel: 'email', destination: LONG_ADDRESS},
        {id: 'm-sms', channel: 'sms', destination: '•••• 42'},
        {id: 'm-backup', channel: 'backup-code'},
      ]),
    ),
  );
  for (const type of ['serein-recovery-send', 'serein-recovery-verify', 'serein-recovery-reset']) {
    element.addEventListener(type, (event) => (event as CustomEvent).detail.waitUntil(Promise.resolve()));
  }
  container.append(element);
  await element.updateComplete;
  const submit = () =>
    element.querySelector<HTMLButtonElement>('[data-step]:not([hidden]) button[type="submit"]')!.click();
  const reach = async (next: string) => {
    await until(() => element.currentStep === next, `the ${next} step`);
    await element.updateComplete;
  };
  if (step === 'identify') return element;
  fill(element.querySelector<HTMLInputElement>('[data-step="identify"] input[autocomplete="username"]')!, 'c@x.fr');
  submit();
  await reach('method');
  if (step === 'method') return element;
  element.querySelector<HTMLInputElement>('input[type="radio"][value="m-email"]')!.click();
  submit();
  await reach('code');
  const code = await until(() => element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]'));
  if (step === 'code') return element;
  fill(code, '123456');
  submit();
  await reach('password');
  const fresh = await until(() =>
    element.querySelector<HTMLInputElement>('[data-step="password"] input[autocomplete="new-password"]'),
  );
  if (step === 'password') {
    fill(fresh, 'short');
    await new Promise((resolve) => setTimeout(resolve, 300));
    return element;
  }
  fill(fresh, STRONG);
  submit();
  await reach('done');
  return element;
}

async function passkeyButton(container: HTMLElement, mode: 'register' | 'signin', message: boolean) {
  const element = document.createElement('serein-passkey-button') as SereinPasskeyButton;
  Object.assign(element, {mode, dismissible: true});
  container.append(element);
  await element.updateComplete;
  if (!message) return element;
  element.addEventListener('serein-passkey-options', (event) =>
    (event as CustomEvent).detail.respondWith(
      Promise.reject({code: 'unavailable', reference: 'ACME-7Q2K-42', message: LONG_MESSAGE}),
    ),
  );
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
  // WebAuthn's module loads on this first click: a generous wait on a busy machine.
  await until(() => element.shadowRoot!.querySelector('[role="status"] code'), 'the message', 20000);
  await element.updateComplete;
  return element;
}

export const SCENES: Record<string, Scene> = {
  'strength meter, weak password with advice': (container) => meterWith(container, 'password1'),
  'strength meter, long pass phrase': (container) =>
    meterWith(container, 'a rather long pass phrase that wraps across lines on a narrow phone screen'),
  'password form, every option': (container) => passwordForm(container),
  'password form, form error with a reference': async (container) => {
    const element = await passwordForm(container, () => Promise.reject({code: 'unavailable', reference: 'REF-9X'}));
    await until(() => element.querySelector('[role="alert"] code'), 'the error');
    return element;
  },
  'password form, field error': async (container) => {
    const element = await passwordForm(container, () => Promise.reject({code: 'current-password-incorrect'}));
    await until(() => element.querySelector('input[aria-invalid="true"]'), 'the field error');
    return element;
  },
  'password form, thank-you state': async (container) => {
    const element = await passwordForm(container, () => Promise.resolve());
    await until(() => element.querySelector('.serein-password-change__feedback button'), 'the question');
    return element;
  },
  'code prompt': (container) => otpPrompt(container),
  'code prompt, other ways open': async (container) => {
    const element = await otpPrompt(container);
    element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    await until(() => element.querySelector('button[aria-expanded="true"]'), 'the other ways');
    return element;
  },
  'code prompt, error with a reference': async (container) => {
    const element = await otpPrompt(container);
    element.addEventListener('serein-otp-submit', (event) =>
      (event as CustomEvent).detail.waitUntil(
        Promise.reject({code: 'rate-limited', retryAfterSeconds: 600, reference: 'REF-9X'}),
      ),
    );
    fill(element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!, '123456');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => element.querySelector('[role="alert"] code'), 'the error');
    return element;
  },
  'recovery wizard, identify': (container) => wizardAt(container, 'identify'),
  'recovery wizard, method': (container) => wizardAt(container, 'method'),
  'recovery wizard, code': (container) => wizardAt(container, 'code'),
  'recovery wizard, password': (container) => wizardAt(container, 'password'),
  'recovery wizard, done': (container) => wizardAt(container, 'done'),
  'passkey button, register': (container) => passkeyButton(container, 'register', false),
  'passkey button, sign in with a message': (container) => passkeyButton(container, 'signin', true),
  'passkey button, register with a message': (container) => passkeyButton(container, 'register', true),
  'passkey button, sign in, another way and the help link': async (container) => {
    const element = document.createElement('serein-passkey-button') as SereinPasskeyButton;
    Object.assign(element, {mode: 'signin', supportHref: '#help'});
    container.append(element);
    await element.updateComplete;
    element.addEventListener('serein-passkey-options', (event) =>
      (event as CustomEvent).detail.respondWith(Promise.reject({code: 'passkey-unknown-credential'})),
    );
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await until(() => element.shadowRoot!.querySelector('[part="alternative"]'), 'the other way', 20000);
    await element.updateComplete;
    return element;
  },
};
