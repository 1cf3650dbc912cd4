// Every link and form action a host hands a component goes through safeUrl(): a hostile URL in
// any disguise never reaches the DOM, and each element warns once per attribute.
import {expect, fixture, html} from '@open-wc/testing';
import '../define/otp-prompt.js';
import '../define/password-change.js';
import '../define/recovery-wizard.js';
import '../define/passkey-button.js';
import type {SereinRecoveryWizard} from '../components/recovery-wizard/recovery-wizard.js';
import {captureConsole, fill, until} from '../../test/support/helpers.js';
import {GOOD_URLS, HOSTILE_URLS} from '../../test/support/urls.js';

const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Every `href` and `action` in the element, as the browser resolves them. */
function urlsIn(element: Element): {attribute: string; raw: string; scheme: string}[] {
  return [...element.querySelectorAll('[href], [action]')].flatMap((node) =>
    ['href', 'action'].flatMap((attribute) => {
      const raw = node.getAttribute(attribute);
      return raw === null ? [] : [{attribute, raw, scheme: new URL(raw, document.baseURI).protocol}];
    }),
  );
}

function expectOnlySafeUrls(element: Element, label: string) {
  for (const url of urlsIn(element)) expect(ALLOWED.has(url.scheme), `${label}: ${JSON.stringify(url)}`).to.equal(true);
}

async function mount(tag: string, attribute: string, value: string) {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const element = document.createElement(tag) as HTMLElement & {updateComplete: Promise<boolean>};
  element.setAttribute(attribute, value);
  holder.append(element);
  await element.updateComplete;
  return element;
}

const CASES: {tag: string; attribute: string; rendered: (element: Element) => Element | null}[] = [
  {tag: 'serein-otp-prompt', attribute: 'support-href', rendered: (element) => element.querySelector('.serein-help')},
  {tag: 'serein-otp-prompt', attribute: 'action', rendered: (element) => element.querySelector('form')},
  {
    tag: 'serein-password-change',
    attribute: 'support-href',
    rendered: (element) => element.querySelector('.serein-help'),
  },
  {tag: 'serein-password-change', attribute: 'action', rendered: (element) => element.querySelector('form')},
  {
    tag: 'serein-recovery-wizard',
    attribute: 'support-href',
    rendered: (element) => element.querySelector('.serein-help'),
  },
];

describe('URLs from attributes', () => {
  for (const {tag, attribute, rendered} of CASES) {
    it(`<${tag} ${attribute}>: only relative, http, https, mailto and tel URLs reach the DOM`, async () => {
      for (const value of HOSTILE_URLS) {
        let element!: HTMLElement;
        const lines = await captureConsole(async () => {
          element = await mount(tag, attribute, value);
          await until(() => element.querySelector('form'), 'the form');
          // Re-rendering does not warn again.
          element.lang = 'en';
          (element as unknown as {requestUpdate(): void}).requestUpdate();
          await (element as unknown as {updateComplete: Promise<boolean>}).updateComplete;
        });
        expectOnlySafeUrls(element, `${tag} ${attribute}=${JSON.stringify(value)}`);
        if (attribute === 'action') expect(element.querySelector('form')!.hasAttribute('action')).to.equal(false);
        else expect(element.querySelector('a'), 'no help link').to.equal(null);
        const warnings = lines.filter((line) => line.includes(`${tag}: ${attribute}`));
        expect(warnings, `${tag} ${attribute}=${JSON.stringify(value)}: ${JSON.stringify(lines)}`).to.have.length(1);
      }
      for (const value of GOOD_URLS) {
        const lines = await captureConsole(async () => {
          const element = await mount(tag, attribute, value);
          await until(() => rendered(element), 'the link or the form');
          const node = attribute === 'action' ? rendered(element)! : rendered(element)!.querySelector('a')!;
          expect(node.getAttribute(attribute === 'action' ? 'action' : 'href'), value).to.equal(value);
        });
        expect(
          lines.filter((line) => line.includes(attribute)),
          value,
        ).to.deep.equal([]);
      }
    });
  }

  it('<serein-recovery-wizard sign-in-href>: a hostile URL leaves the sign-in button instead of a link', async () => {
    const element = (await mount('serein-recovery-wizard', 'sign-in-href', '/sign-in')) as SereinRecoveryWizard;
    element.addEventListener('serein-recovery-identify', (event) =>
      (event as CustomEvent).detail.respondWith(Promise.resolve([{id: 'm-backup', channel: 'backup-code'}])),
    );
    for (const type of ['serein-recovery-send', 'serein-recovery-verify', 'serein-recovery-reset']) {
      element.addEventListener(type, (event) => (event as CustomEvent).detail.waitUntil(Promise.resolve()));
    }
    const step = () => element.querySelector<HTMLElement>('[data-step]:not([hidden])')!;
    fill(element.querySelector<HTMLInputElement>('input[autocomplete="username"]')!, 'camille@example.com');
    step().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => element.currentStep === 'method', 'the method step');
    element.querySelector<HTMLInputElement>('input[type="radio"][value="m-backup"]')!.click();
    step().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => element.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
    fill(element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!, 'ABCD-EFGH');
    step().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => element.querySelector('[data-step="password"] input[autocomplete="new-password"]'), 'passwords');
    fill(
      element.querySelector<HTMLInputElement>('[data-step="password"] input[autocomplete="new-password"]')!,
      'mango kiwi 1987 pear',
    );
    step().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => element.currentStep === 'done', 'the last step');
    const signInLink = () => element.querySelector<HTMLAnchorElement>('a.serein-recovery-wizard__sign-in');
    expect(signInLink()!.getAttribute('href')).to.equal('/sign-in');
    const lines = await captureConsole(async () => {
      for (const value of HOSTILE_URLS) {
        element.setAttribute('sign-in-href', value);
        await element.updateComplete;
        expectOnlySafeUrls(element, `sign-in-href=${JSON.stringify(value)}`);
        expect(signInLink(), JSON.stringify(value)).to.equal(null);
        expect(step().querySelector('.serein-recovery-wizard__actions button'), 'the sign-in button').to.exist;
      }
    });
    expect(lines.filter((line) => line.includes('serein-recovery-wizard: sign-in-href'))).to.have.length(1);
    element.setAttribute('sign-in-href', 'https://example.com/sign-in');
    await element.updateComplete;
    expect(signInLink()!.getAttribute('href')).to.equal('https://example.com/sign-in');
  });

  // The passkey button renders in its shadow root; without WebAuthn, with show-unsupported, a
  // sign-in button shows both its links at once.
  for (const attribute of ['alternative-href', 'support-href']) {
    it(`<serein-passkey-button ${attribute}>: only relative, http, https, mailto and tel URLs reach the DOM`, async () => {
      const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
      Reflect.deleteProperty(window, 'PublicKeyCredential');
      try {
        const links = (element: Element) => element.shadowRoot!.querySelectorAll('a');
        for (const value of HOSTILE_URLS) {
          let element!: HTMLElement & {updateComplete: Promise<boolean>; requestUpdate(): void};
          const lines = await captureConsole(async () => {
            const holder = await fixture<HTMLDivElement>(html`<div></div>`);
            element = document.createElement('serein-passkey-button') as typeof element;
            element.setAttribute('mode', 'signin');
            element.setAttribute('show-unsupported', '');
            element.setAttribute(attribute, value);
            holder.append(element);
            await until(() => element.shadowRoot?.querySelector('[part="status"]'), 'the explanation');
            // Re-rendering does not warn again.
            element.lang = 'en';
            element.requestUpdate();
            await element.updateComplete;
          });
          expectOnlySafeUrls(element.shadowRoot!.firstElementChild!, `${attribute}=${JSON.stringify(value)}`);
          expect(links(element), JSON.stringify(value)).to.have.length(0);
          if (attribute === 'alternative-href') {
            // The other way stays offered, as a button that asks the host.
            expect(element.shadowRoot!.querySelector('button[part="alternative"]'), 'the button').to.exist;
          }
          const warnings = lines.filter((line) => line.includes(`serein-passkey-button: ${attribute}`));
          expect(warnings, `${attribute}=${JSON.stringify(value)}: ${JSON.stringify(lines)}`).to.have.length(1);
        }
        for (const value of GOOD_URLS) {
          const lines = await captureConsole(async () => {
            const element = await mount('serein-passkey-button', attribute, value);
            element.setAttribute('mode', 'signin');
            element.setAttribute('show-unsupported', '');
            await until(() => element.shadowRoot?.querySelector('a'), 'the link');
            const selector = attribute === 'support-href' ? '.serein-help a' : 'a[part="alternative"]';
            expect(element.shadowRoot!.querySelector(selector)!.getAttribute('href'), value).to.equal(value);
          });
          expect(
            lines.filter((line) => line.includes(attribute)),
            value,
          ).to.deep.equal([]);
        }
      } finally {
        if (saved) Object.defineProperty(window, 'PublicKeyCredential', saved);
      }
    });
  }
});
