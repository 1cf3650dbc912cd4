import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {getStorybookHelpers} from '@wc-toolkit/storybook-helpers';
import {html, type TemplateResult} from 'lit';
import '../src/define/recovery-wizard.js';
import type {SereinRecoveryWizard} from '../src/define/recovery-wizard.js';
import {expect} from 'storybook/test';
import {until} from './story-helpers.js';
import type {SereinError, SereinRecoveryMethod} from '../src/index.js';

const {args, argTypes, template} = getStorybookHelpers<SereinRecoveryWizard>('serein-recovery-wizard');

const meta: Meta = {
  title: 'Components/Account recovery',
  component: 'serein-recovery-wizard',
  args: {...args, 'support-href': '#help', strings: undefined},
  argTypes: {
    ...argTypes,
    breachCheck: {...argTypes.breachCheck, control: false},
    strings: {...argTypes.strings, control: 'object'},
  },
  render: (storyArgs) => template(storyArgs),
  parameters: {
    docs: {
      description: {
        component:
          'The host answers `serein-recovery-identify` with `respondWith(methods)` and the other events with ' +
          '`waitUntil(promise)`. Every story wires a fake backend; its play function walks to the step shown.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const METHODS: SereinRecoveryMethod[] = [
  {id: 'email', channel: 'email', destination: 'c•••@example.com'},
  {id: 'sms', channel: 'sms', destination: '•••• •• 42'},
  {id: 'app', channel: 'app'},
  {id: 'backup', channel: 'backup-code'},
];

interface Backend {
  methods?: SereinRecoveryMethod[];
  identify?: () => Promise<unknown>;
  send?: () => Promise<unknown>;
  verify?: () => Promise<unknown>;
  reset?: () => Promise<unknown>;
  secondFactor?: () => Promise<unknown>;
  /** Slotted content (the done step's `success` slot). */
  slotted?: TemplateResult;
}

type Settle = CustomEvent<{waitUntil(promise: Promise<unknown>): void; respondWith(promise: Promise<unknown>): void}>;

/** A fake backend for the story's wizard. */
function withBackend(backend: Backend = {}) {
  return (storyArgs: Record<string, unknown>) =>
    html`<div
      @serein-recovery-identify=${(event: Settle) =>
        event.detail.respondWith(backend.identify?.() ?? Promise.resolve(backend.methods ?? METHODS))}
      @serein-recovery-send=${(event: Settle) => event.detail.waitUntil(backend.send?.() ?? Promise.resolve())}
      @serein-recovery-verify=${(event: Settle) => event.detail.waitUntil(backend.verify?.() ?? Promise.resolve())}
      @serein-recovery-reset=${(event: Settle) => event.detail.waitUntil(backend.reset?.() ?? Promise.resolve())}
      @serein-recovery-second-factor=${(event: Settle) =>
        event.detail.waitUntil(backend.secondFactor?.() ?? Promise.resolve())}
      @serein-recovery-second-factor-send=${(event: Settle) => event.detail.waitUntil(Promise.resolve())}
    >
      ${template(storyArgs, backend.slotted)}
    </div>`;
}

function wizard(canvas: HTMLElement): SereinRecoveryWizard {
  const found = canvas.querySelector('serein-recovery-wizard');
  if (!found) throw new Error('<serein-recovery-wizard> is missing');
  return found;
}

function fill(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('the field is missing');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
}

const submit = (element: SereinRecoveryWizard) =>
  element.querySelector<HTMLButtonElement>('[data-step]:not([hidden]) button[type="submit"]')!.click();

type Target = 'method' | 'code' | 'second-factor' | 'password' | 'done';
const ORDER: Target[] = ['method', 'code', 'second-factor', 'password', 'done'];

/** Walks the wizard to `target`, choosing `method` on the way. */
async function walk(canvas: HTMLElement, target: Target, method = 'email'): Promise<SereinRecoveryWizard> {
  const element = wizard(canvas);
  await element.updateComplete;
  fill(element.querySelector('[data-step="identify"] input'), 'camille@example.com');
  submit(element);
  await until(() => element.currentStep === 'method', 'the method step');
  // The step is current before it is drawn and before the identify request has settled (a
  // submission while one is pending is ignored): wait for both.
  await until(
    () => element.querySelector('[data-step="method"]:not([hidden])') && !element.matches(':state(busy)'),
    'the method step drawn',
  );
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (target === 'method') return element;
  element.querySelector<HTMLInputElement>(`input[type="radio"][value="${method}"]`)?.click();
  submit(element);
  await until(() => element.querySelector('[data-step="code"] h2'), 'the code step');
  if (target === 'code') return element;
  fill(element.querySelector('input[autocomplete="one-time-code"]'), method === 'backup' ? 'K7PQ-2MZX' : '482107');
  submit(element);
  await until(() => element.currentStep !== 'code', 'the next step');
  if (element.currentStep === 'second-factor') {
    await until(() => element.querySelector('[data-step="second-factor"] h2'), 'the second-factor step');
    if (target === 'second-factor') return element;
    fill(element.querySelector('[data-step="second-factor"] input[autocomplete="one-time-code"]'), '271828');
    submit(element);
  }
  await until(() => element.querySelector('[data-step="password"] h2'), 'the password step');
  if (ORDER.indexOf(target) < ORDER.indexOf('done')) return element;
  fill(element.querySelector('[data-step="password"] input[autocomplete="new-password"]'), 'mango kiwi 1987 pear');
  submit(element);
  await until(() => element.currentStep === 'done', 'the last step');
  return element;
}

const walkTo = (target: Target, method?: string, backend?: Backend): Story => ({
  render: withBackend(backend),
  play: async ({canvasElement}) => void (await walk(canvasElement, target, method)),
});

/** Step 1: who are you? */
export const Identify: Story = {render: withBackend()};

/** Step 2: every kind of method on offer. */
export const ChooseMethod = walkTo('method');

/**
 * Step 2 when the host has no way to send a code: the heading says so (and has the focus), and
 * "Contact support" is the main action.
 */
export const NoMethods: Story = {
  render: withBackend({methods: []}),
  play: async ({canvasElement}) => {
    const element = await walk(canvasElement, 'method');
    const step = element.querySelector('[data-step="method"]')!;
    await expect(step.querySelector('a.serein-button'), 'support as the main action').not.toBeNull();
    await expect(step.querySelector('input[type="radio"]'), 'nothing to choose').toBeNull();
  },
};

/** Step 3, by email: the link and the code both work. */
export const CodeByEmail = walkTo('code', 'email');
/** With `brand`: the code step says whose email it is and that it never asks for a password. */
export const CodeByEmailWithBrand: Story = {...walkTo('code', 'email'), args: {brand: 'Acme'}};
export const CodeByTextMessage = walkTo('code', 'sms');
export const CodeFromApp = walkTo('code', 'app');
export const BackupCode = walkTo('code', 'backup');

/** Step 4: the new password, for the account typed on step 1. */
export const NewPassword = walkTo('password');

/** Done: what changed, and on to sign in (never signed in automatically). */
export const Done = walkTo('done');

/** Done, with `sign-in-href`: a link to the sign-in page. */
export const DoneWithSignInLink: Story = {...walkTo('done'), args: {'sign-in-href': '#sign-in'}};

/** The answer to the code says the account has two-step verification: "Confirm it is you" (step 4 of 5). */
const TWO_STEP = {secondFactor: {channels: ['app', 'sms', 'backup-code'], destination: '•••• •• 42'}};
export const SecondFactor = walkTo('second-factor', 'email', {verify: () => Promise.resolve(TWO_STEP)});

/** Only the app: a lost phone leads to support. */
export const SecondFactorAppOnly = walkTo('second-factor', 'email', {
  verify: () => Promise.resolve({secondFactor: {channels: ['app']}}),
});

/** Two-step verification that cannot be confirmed here: support is the main action. */
export const SecondFactorNoUsableWay = walkTo('second-factor', 'email', {
  verify: () => Promise.resolve({secondFactor: {channels: []}}),
});

export const SecondFactorCodeIncorrect: Story = {
  render: withBackend({
    verify: () => Promise.resolve(TWO_STEP),
    secondFactor: () => Promise.reject({code: 'code-incorrect', attemptsLeft: 2}),
  }),
  play: async ({canvasElement}) => {
    const element = await walk(canvasElement, 'second-factor');
    fill(element.querySelector('[data-step="second-factor"] input[autocomplete="one-time-code"]'), '111111');
    submit(element);
    await until(() => element.querySelector('[data-step="second-factor"] [aria-invalid="true"]'), 'the error');
  },
};

/** Done, with the host's passkey offer in the `success` slot (for after the next sign-in). */
export const DoneWithPasskeyOffer: Story = {
  ...walkTo('done', 'email', {
    slotted: html`<p slot="success">
      Create a passkey so this does not happen again: your account page offers one after you sign in.
    </p>`,
  }),
  args: {'sign-in-href': '#sign-in'},
};

export const Busy: Story = {
  render: withBackend({identify: () => new Promise(() => undefined)}),
  play: async ({canvasElement}) => {
    const element = wizard(canvasElement);
    await element.updateComplete;
    fill(element.querySelector('[data-step="identify"] input'), 'camille@example.com');
    submit(element);
    await until(() => element.querySelector('form[aria-busy="true"]'), 'the busy state');
  },
};

function failingAt(target: 'identify' | 'method' | 'code' | 'password', error: SereinError): Story {
  const reject = () => Promise.reject(error);
  const backend: Backend =
    target === 'identify'
      ? {identify: reject}
      : target === 'method'
        ? {send: reject}
        : target === 'code'
          ? {verify: reject}
          : {reset: reject};
  return {
    render: withBackend(backend),
    play: async ({canvasElement}) => {
      const element = wizard(canvasElement);
      await element.updateComplete;
      if (target === 'identify') {
        fill(element.querySelector('[data-step="identify"] input'), 'camille@example.com');
        submit(element);
      } else {
        await walk(canvasElement, target === 'method' ? 'method' : target);
        if (target === 'method') submit(element);
        else if (target === 'code') {
          fill(element.querySelector('input[autocomplete="one-time-code"]'), '111111');
          submit(element);
        } else {
          fill(
            element.querySelector('[data-step="password"] input[autocomplete="new-password"]'),
            'mango kiwi 1987 pear',
          );
          submit(element);
        }
      }
      await until(
        () =>
          element.querySelector('[data-step]:not([hidden]) [aria-invalid="true"]') ||
          [...element.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent?.trim()),
        'the error',
      );
    },
  };
}

export const ErrorRateLimitedOnIdentify = failingAt('identify', {
  code: 'rate-limited',
  retryAfterSeconds: 300,
  reference: 'ACME-7Q2K',
});
export const ErrorNetworkOnSend = failingAt('method', {code: 'network'});
export const ErrorCodeIncorrect = failingAt('code', {code: 'code-incorrect', attemptsLeft: 2});
export const ErrorCodeExpired = failingAt('code', {code: 'code-expired'});
export const ErrorTooManyAttempts = failingAt('code', {code: 'too-many-attempts', retryAfterSeconds: 900});
export const ErrorPasswordBreached = failingAt('password', {code: 'password-breached'});
export const ErrorUnavailableOnReset = failingAt('password', {code: 'unavailable', reference: 'ACME-5F1Z'});

/** On a 320 px wide phone screen, at the method step. */
export const Narrow320: Story = {
  render: (storyArgs) => html`<div style="inline-size: 320px; max-inline-size: 100%">${withBackend()(storyArgs)}</div>`,
  play: async ({canvasElement}) => void (await walk(canvasElement, 'method')),
};
