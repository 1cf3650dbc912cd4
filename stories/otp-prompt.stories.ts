import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {getStorybookHelpers} from '@wc-toolkit/storybook-helpers';
import {html} from 'lit';
import '../src/define/otp-prompt.js';
import type {SereinOtpPrompt} from '../src/define/otp-prompt.js';
import {until} from './story-helpers.js';
import type {SereinError} from '../src/index.js';

const {args, argTypes, template} = getStorybookHelpers<SereinOtpPrompt>('serein-otp-prompt');

const meta: Meta = {
  title: 'Components/One-time code',
  component: 'serein-otp-prompt',
  args: {...args, strings: undefined, alternatives: []},
  argTypes: {
    ...argTypes,
    channel: {...argTypes.channel, control: 'select', options: ['app', 'sms', 'email', 'backup-code']},
    alternatives: {...argTypes.alternatives, control: 'object'},
    strings: {...argTypes.strings, control: 'object'},
  },
  render: (storyArgs) => template(storyArgs),
  parameters: {
    docs: {
      description: {
        component:
          'The host answers `serein-otp-submit` (and `serein-otp-resend`) with `event.detail.waitUntil(promise)`. ' +
          'Stories that show a host answer wire a fake backend in their render function.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The prompt of the story, once its view is rendered. */
async function prompt(canvas: HTMLElement): Promise<SereinOtpPrompt> {
  const found = canvas.querySelector('serein-otp-prompt');
  if (!found) throw new Error('<serein-otp-prompt> is missing');
  await until(() => found.querySelector('h2'), 'the prompt');
  return found;
}

/** Puts `code` in the field as a paste or an autofill would. */
function enter(element: SereinOtpPrompt, code: string): void {
  const input = element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
  input.value = code;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
}

async function enterAndSubmit(canvas: HTMLElement, code = '123456'): Promise<SereinOtpPrompt> {
  const element = await prompt(canvas);
  enter(element, code);
  element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return element;
}

type Answer = CustomEvent<{waitUntil(promise: Promise<unknown>): void}>;

/** A fake backend that answers every code with `outcome` (and every resend with `resend`). */
function withBackend(outcome: () => Promise<unknown>, resend: () => Promise<unknown> = () => Promise.resolve()) {
  return (storyArgs: Record<string, unknown>) =>
    html`<div
      @serein-otp-submit=${(event: Answer) => event.detail.waitUntil(outcome())}
      @serein-otp-resend=${(event: Answer) => event.detail.waitUntil(resend())}
    >
      ${template(storyArgs)}
    </div>`;
}

const ALTERNATIVES = [
  {channel: 'sms', destination: '•••• •• 42'},
  {channel: 'email', destination: 'c•••@example.com'},
  {channel: 'backup-code'},
];

/** The code from an authenticator app (the default). */
export const App: Story = {};

/** A code sent by text message, the resend countdown running. */
export const TextMessage: Story = {args: {channel: 'sms', destination: '•••• •• 42'}};

export const Email: Story = {args: {channel: 'email', destination: 'c•••@example.com'}};

/** A saved backup code: letters and digits, shown in readable groups. */
export const BackupCode: Story = {
  args: {channel: 'backup-code'},
  play: async ({canvasElement}) => {
    const element = await prompt(canvasElement);
    enter(element, 'k7pq 2mzx-9f');
  },
};

/** Part of the code typed: the boxes follow the caret. */
export const Typing: Story = {
  play: async ({canvasElement}) => {
    const element = await prompt(canvasElement);
    const input = element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    input.focus();
    enter(element, '482');
  },
};

/** An 8-digit code. */
export const EightDigits: Story = {args: {length: 8}};

/** Checked as soon as the last digit arrives, as the hint says beforehand. */
export const AutoSubmit: Story = {args: {'auto-submit': true, channel: 'sms', destination: '•••• •• 42'}};

export const RememberDevice: Story = {args: {'remember-device': true, 'remember-days': 30}};

/** "Try another way", opened. */
export const Alternatives: Story = {
  args: {channel: 'sms', destination: '•••• •• 42', alternatives: ALTERNATIVES},
  play: async ({canvasElement}) => {
    const element = await prompt(canvasElement);
    const toggle = element.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the list of other ways');
  },
};

/** "Send a new code", once the wait is over. */
async function resendReady(canvas: HTMLElement): Promise<HTMLButtonElement> {
  const element = await prompt(canvas);
  element.resendAfter = 0;
  const resend = () => element.querySelector<HTMLButtonElement>('.serein-otp-prompt__resend button')!;
  await until(() => resend().getAttribute('aria-disabled') === 'false', 'resend available');
  return resend();
}

/** The countdown is over: a new code can be asked for. */
export const ResendAvailable: Story = {
  args: {channel: 'email', destination: 'c•••@example.com'},
  play: async ({canvasElement}) => void (await resendReady(canvasElement)),
};

/** A new code was sent; the countdown starts again (the story made the first wait 0 s, the next one is 30 s). */
export const ResendSent: Story = {
  args: {channel: 'sms', destination: '•••• •• 42'},
  render: (storyArgs) =>
    html`<div
      @serein-otp-resend=${(event: Answer) => {
        (event.currentTarget as HTMLElement).querySelector<HTMLElement & {resendAfter: number}>(
          'serein-otp-prompt',
        )!.resendAfter = 30;
        event.detail.waitUntil(Promise.resolve());
      }}
    >
      ${template(storyArgs)}
    </div>`,
  play: async ({canvasElement}) => {
    const resend = await resendReady(canvasElement);
    const element = await prompt(canvasElement);
    resend.click();
    await until(() => element.querySelector('[role="status"]')?.textContent?.trim(), 'the confirmation');
    await until(() => resend.getAttribute('aria-disabled') === 'true', 'the countdown restarted');
  },
};

/** A new code on its way: the spinner inside "Send a new code", which keeps its width. */
export const Resending: Story = {
  args: {channel: 'email', destination: 'c•••@example.com'},
  render: withBackend(
    () => Promise.resolve(),
    () => new Promise(() => undefined),
  ),
  play: async ({canvasElement}) => {
    const resend = await resendReady(canvasElement);
    resend.click();
    await until(() => resend.querySelector('.serein-spinner'), 'the spinner');
  },
};

export const WithHelpLink: Story = {args: {'support-href': '#help'}};

export const Busy: Story = {
  render: withBackend(() => new Promise(() => undefined)),
  play: async ({canvasElement}) => {
    const element = await enterAndSubmit(canvasElement);
    await until(() => element.querySelector('form[aria-busy="true"]'), 'the busy state');
  },
};

function failing(error: SereinError, storyArgs: Record<string, unknown> = {}): Story {
  return {
    args: storyArgs,
    render: withBackend(() => Promise.reject(error)),
    play: async ({canvasElement}) => {
      const element = await enterAndSubmit(canvasElement);
      await until(
        () =>
          element.querySelector('[aria-invalid="true"]') ||
          element.querySelector('[role="alert"]')?.textContent?.trim(),
        'the error',
      );
    },
  };
}

export const ErrorCodeIncorrect = failing({code: 'code-incorrect', attemptsLeft: 2});
export const ErrorCodeExpired = failing({code: 'code-expired'}, {channel: 'email', destination: 'c•••@example.com'});
export const ErrorTooManyAttempts = failing(
  {code: 'too-many-attempts', retryAfterSeconds: 900},
  {channel: 'sms', destination: '•••• •• 42', alternatives: ALTERNATIVES},
);
export const ErrorRateLimited = failing({code: 'rate-limited', retryAfterSeconds: 60, reference: 'ACME-7Q2K'});
export const ErrorNetwork = failing({code: 'network'});

export const Success: Story = {
  args: {'support-href': '#help'},
  render: withBackend(() => Promise.resolve()),
  play: async ({canvasElement}) => {
    const element = await enterAndSubmit(canvasElement);
    await until(() => !element.querySelector('form'), 'the confirmation');
  },
};

/** After the code: the host's next step in the `success` slot, under the confirmation. */
export const SuccessWithNextStep: Story = {
  args: {'support-href': '#help'},
  render: (storyArgs) =>
    html`<div @serein-otp-submit=${(event: Answer) => event.detail.waitUntil(Promise.resolve())}>
      ${template(storyArgs, html`<p slot="success"><a href="#account" style="display: inline-block; line-height: max(1.5em, 24px)">Continue to your account</a></p>`)}
    </div>`,
  play: async ({canvasElement}) => {
    const element = await enterAndSubmit(canvasElement);
    await until(() => !element.querySelector('form'), 'the confirmation');
  },
};

/** On a 320 px wide phone screen: everything wraps, nothing scrolls sideways. */
export const Narrow320: Story = {
  args: {
    channel: 'sms',
    destination: '•••• •• 42',
    'remember-device': true,
    'remember-days': 30,
    'auto-submit': true,
    alternatives: ALTERNATIVES,
    'support-href': '#help',
  },
  render: (storyArgs) => html`<div style="inline-size: 320px; max-inline-size: 100%">${template(storyArgs)}</div>`,
};
