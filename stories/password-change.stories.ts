import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {getStorybookHelpers} from '@wc-toolkit/storybook-helpers';
import {html} from 'lit';
import '../src/define/password-change.js';
import '../src/define/passkey-button.js';
import type {SereinPasswordChange} from '../src/define/password-change.js';
import {rewardText, until} from './story-helpers.js';
import type {SereinError} from '../src/index.js';

const {args, argTypes, template} = getStorybookHelpers<SereinPasswordChange>('serein-password-change');

const STRONG = 'mango kiwi 1987 pear';

const meta: Meta = {
  title: 'Components/Password change',
  component: 'serein-password-change',
  args: {...args, username: 'camille@example.com', strings: undefined},
  argTypes: {
    ...argTypes,
    breachCheck: {...argTypes.breachCheck, control: false},
    userInputs: {...argTypes.userInputs, control: false},
    strings: {...argTypes.strings, control: 'object'},
  },
  render: (storyArgs) => template(storyArgs),
  parameters: {
    docs: {
      description: {
        component:
          'The host answers `serein-password-change` with `event.detail.waitUntil(promise)`. ' +
          'Stories that show a host answer wire a fake backend in their render function.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

function element(canvas: HTMLElement): SereinPasswordChange {
  const found = canvas.querySelector('serein-password-change');
  if (!found) throw new Error('<serein-password-change> is missing');
  return found;
}

/** Fills the form as a password manager would and submits it. */
async function fillAndSubmit(canvas: HTMLElement): Promise<SereinPasswordChange> {
  const form = element(canvas);
  await form.updateComplete;
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="password"]')];
  inputs.forEach((input, index) => {
    input.value = index === 0 && !form.noCurrent ? 'my old password' : STRONG;
    input.dispatchEvent(new InputEvent('input', {bubbles: true}));
  });
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return form;
}

/** A fake backend that answers every submission with `outcome`. */
function withBackend(outcome: () => Promise<unknown>) {
  return (storyArgs: Record<string, unknown>) => {
    const result = template(storyArgs);
    return html`<div
      @serein-password-change=${(event: CustomEvent<{waitUntil(promise: Promise<unknown>): void}>) =>
        event.detail.waitUntil(outcome())}
    >
      ${result}
    </div>`;
  };
}

export const Default: Story = {};

export const Routine: Story = {args: {reason: 'routine', 'customer-name': 'Camille', brand: 'Acme'}};

export const SuspiciousActivity: Story = {
  args: {reason: 'suspicious-activity', 'customer-name': 'Camille', brand: 'Acme', 'sign-out-others': true},
};

/** What the host knows about the sign-in, beside "we will never ask for your password". */
export const SuspiciousActivityWithDetails: Story = {
  args: {
    reason: 'suspicious-activity',
    'customer-name': 'Camille',
    brand: 'Acme',
    'sign-out-others': true,
    'signal-details': JSON.stringify({
      when: '2026-11-30T21:14:00Z',
      device: 'Chrome on Windows',
      place: 'near Lyon, France',
    }),
  },
};

export const Breach: Story = {args: {reason: 'breach', 'customer-name': 'Camille', brand: 'Acme'}};

export const Compliance: Story = {args: {reason: 'compliance', brand: 'Acme'}};

export const DeferrableWithDeadline: Story = {
  args: {reason: 'routine', deferrable: true, deadline: '2026-12-31', brand: 'Acme'},
};

export const WithConfirmation: Story = {args: {confirm: true}};

export const NoCurrentPassword: Story = {args: {'no-current': true}};

export const LongCustomerName: Story = {
  args: {
    reason: 'suspicious-activity',
    'customer-name': 'Maria Fernanda de los Ángeles Villaseñor-Montenegro',
    brand: 'Acme Mutual Savings and Loans Cooperative',
    'sign-out-others': true,
    'support-href': '#help',
  },
};

export const WithHelpLink: Story = {args: {'support-href': '#help', 'support-label': ''}};

export const ValidationErrors: Story = {
  args: {confirm: true},
  play: async ({canvasElement}) => {
    const form = element(canvasElement);
    await form.updateComplete;
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="password"]')];
    // Typed, as a customer does: the meter judges the 9 characters as they arrive.
    inputs[1].value = 'too short';
    inputs[1].dispatchEvent(new InputEvent('input', {bubbles: true}));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('[aria-invalid="true"]'), 'the field errors');
  },
};

/** Submitted with nothing typed: each field asks for what is missing. */
export const ValidationEmpty: Story = {
  play: async ({canvasElement}) => {
    const form = element(canvasElement);
    await form.updateComplete;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelectorAll('[aria-invalid="true"]').length === 2, 'the field errors');
  },
};

export const Busy: Story = {
  render: withBackend(() => new Promise(() => undefined)),
  play: async ({canvasElement}) => {
    const form = await fillAndSubmit(canvasElement);
    await until(() => form.querySelector('form[aria-busy="true"]'), 'the busy state');
  },
};

function failing(error: SereinError): Story {
  return {
    render: withBackend(() => Promise.reject(error)),
    play: async ({canvasElement}) => {
      const form = await fillAndSubmit(canvasElement);
      await until(
        () => form.querySelector('[aria-invalid="true"]') || form.querySelector('[role="alert"]')?.textContent?.trim(),
        'the error',
      );
    },
  };
}

export const ErrorCurrentPasswordIncorrect = failing({code: 'current-password-incorrect'});
export const ErrorPasswordBreached = failing({code: 'password-breached'});
export const ErrorPasswordReused = failing({code: 'password-reused'});
export const ErrorPasswordRejected = failing({
  code: 'password-rejected',
  message: 'Acme passwords cannot contain your account number.',
});
export const ErrorRateLimited = failing({code: 'rate-limited', retryAfterSeconds: 300, reference: 'ACME-7Q2K'});
export const ErrorNetwork = failing({code: 'network'});
export const ErrorUnavailable = failing({code: 'unavailable', reference: 'ACME-5F1Z'});

export const Success: Story = {
  args: {'sign-out-others': true, 'ask-feedback': true, 'support-href': '#help'},
  // A reward in the success slot: a thank-you and a benefit in the Storybook locale, with an
  // inline SVG gift (an emoji shows as an empty box where no emoji font is installed).
  render: (storyArgs, {globals}) => {
    const reward = rewardText(globals.locale);
    return html`<div
      @serein-password-change=${(event: CustomEvent<{waitUntil(promise: Promise<unknown>): void}>) =>
        event.detail.waitUntil(Promise.resolve())}
    >
      ${template(
        storyArgs,
        html`<div
          slot="success"
          style="display:flex;gap:0.75rem;align-items:start;padding:0.75rem;border:1px solid light-dark(#d0d7de,#30363d);border-radius:0.5rem"
        >
          <svg
            viewBox="0 0 24 24"
            width="28"
            height="28"
            aria-hidden="true"
            style="flex:none;color:light-dark(#1a7f37,#3fb950)"
          >
            <path
              fill="none"
              stroke="currentColor"
              stroke-width="1.75"
              stroke-linecap="round"
              stroke-linejoin="round"
              d="M4 11h16v9a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM3 7h18v4H3zM12 7v14M12 7c-1.5-3-5-3.5-5-1.25C7 7 9.5 7 12 7zm0 0c1.5-3 5-3.5 5-1.25C17 7 14.5 7 12 7z"
            />
          </svg>
          <div>
            <p style="margin:0;font-weight:600">${reward.title}</p>
            <p style="margin:0">${reward.text}</p>
          </div>
        </div>`,
      )}
    </div>`;
  },
  play: async ({canvasElement}) => {
    const form = await fillAndSubmit(canvasElement);
    await until(() => !form.querySelector('form'), 'the thank-you state');
  },
};

/** After the change, a passkey offer in the `success` slot (the change has just proved who the customer is). */
export const SuccessWithPasskeyOffer: Story = {
  args: {'sign-out-others': true, 'support-href': '#help'},
  render: (storyArgs) =>
    html`<div
      @serein-password-change=${(event: CustomEvent<{waitUntil(promise: Promise<unknown>): void}>) =>
        event.detail.waitUntil(Promise.resolve())}
    >
      ${template(
        storyArgs,
        html`<div slot="success">
          <p>Next time, sign in with your fingerprint, face or screen lock instead of a password.</p>
          <serein-passkey-button mode="register"></serein-passkey-button>
        </div>`,
      )}
    </div>`,
  play: async ({canvasElement}) => {
    const form = await fillAndSubmit(canvasElement);
    await until(() => !form.querySelector('form'), 'the thank-you state');
  },
};

/** On a 320 px wide phone screen: everything wraps, nothing scrolls sideways. */
export const Narrow320: Story = {
  args: {
    reason: 'breach',
    'customer-name': 'Camille',
    brand: 'Acme',
    confirm: true,
    'sign-out-others': true,
    deferrable: true,
  },
  render: (storyArgs) => html`<div style="inline-size: 320px; max-inline-size: 100%">${template(storyArgs)}</div>`,
};
