import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {
  newSignIn,
  passkeyAdded,
  passwordChanged,
  passwordChangeInvitation,
  PASSWORD_CHANGE_REASONS,
  recoveryCode,
  signInCode,
  signInCodeSms,
  twoStepChanged,
  TWO_STEP_CHANGES,
  type EmailMessage,
  type TextMessage,
} from '../src/messages.js';
import {until} from './story-helpers.js';

// Each email is shown as the customer's mail client would show it: its own document, in a
// sandboxed frame (no script, no same-origin access), next to its text version.

interface PreviewArgs {
  locale: string;
  brand: string;
  customerName: string;
  device: string;
  accent: string;
  onAccent: string;
}

const meta: Meta<PreviewArgs> = {
  title: 'Messages',
  args: {
    locale: '',
    brand: 'Acme',
    customerName: 'Ada Lovelace',
    device: 'Firefox on Linux',
    accent: '#1d4ed8',
    onAccent: '#ffffff',
  },
  argTypes: {
    locale: {
      control: 'select',
      options: ['', 'en', 'fr', 'de', 'es', 'ar', 'it', 'pt-BR', 'nl', 'pl', 'ja'],
      description: 'The message locale (empty: the toolbar language).',
    },
    accent: {control: 'color'},
    onAccent: {control: 'color'},
  },
  parameters: {
    docs: {
      description: {
        component:
          '`serein/messages.js` renders the emails and text messages of each security moment on the server. ' +
          'Each preview is the rendered email in a sandboxed frame, with its subject, preheader and text version.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<PreviewArgs>;

const common = (args: PreviewArgs, locale: string) => ({
  locale,
  brand: args.brand,
  customerName: args.customerName || undefined,
  supportHref: 'https://acme.example/help',
  colors: {accent: args.accent, onAccent: args.onAccent},
});
const notice = (args: PreviewArgs, locale: string) => ({
  ...common(args, locale),
  when: new Date('2026-12-02T09:30:00Z'),
  device: args.device || undefined,
  location: 'near Lyon, France',
  links: {recovery: 'https://acme.example/recover'},
});

const pre = 'white-space:pre-wrap;overflow-wrap:anywhere;font:0.875rem/1.4 ui-monospace,monospace;margin:0';

function emailPreview(email: EmailMessage) {
  return html`<section style="display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr))">
    <div>
      <h2 style="font-size:1rem;margin:0 0 0.25rem">${email.subject}</h2>
      <p style="margin:0 0 0.5rem">${email.preheader}</p>
      <iframe
        sandbox=""
        .srcdoc=${email.html}
        title=${email.subject}
        style="width:100%;height:880px;border:1px solid #8b949e;border-radius:4px"
      ></iframe>
    </div>
    <div>
      <h3 style="font-size:1rem;margin:0 0 0.5rem">text/plain</h3>
      <pre style=${pre} lang=${email.locale} dir=${email.dir}>${email.text}</pre>
    </div>
  </section>`;
}

function smsPreview(sms: TextMessage) {
  return html`<section style="max-width:24rem">
    <h2 style="font-size:1rem;margin:0 0 0.5rem">SMS · ${sms.encoding} · ${sms.segments}</h2>
    <pre style=${pre} lang=${sms.locale} dir=${sms.locale === 'ar' ? 'rtl' : 'ltr'}>${sms.text}</pre>
  </section>`;
}

/** An email story: renders with the chosen (or the toolbar's) locale, and checks the frame got it. */
function emailStory(render: (args: PreviewArgs, locale: string) => EmailMessage[]): Story {
  return {
    render: (args, {globals}) => {
      const locale = args.locale || String(globals.locale ?? 'en');
      return html`${render(args, locale).map(emailPreview)}`;
    },
    play: async ({canvasElement}) => {
      await until(
        () => canvasElement.querySelector('iframe[sandbox=""]')?.getAttribute('srcdoc') !== null,
        'the email',
      );
      const frame = canvasElement.querySelector('iframe')!;
      await until(() => (frame as HTMLIFrameElement & {srcdoc: string}).srcdoc.includes('<h1'), 'the email document');
    },
  };
}

export const PasswordChangeInvitation: Story = emailStory((args, locale) =>
  PASSWORD_CHANGE_REASONS.slice(0, 1).map((reason) =>
    passwordChangeInvitation({
      ...common(args, locale),
      reason,
      site: 'https://acme.example',
      deadline: new Date('2026-12-20T12:00:00Z'),
      deferrable: true,
    }),
  ),
);

export const PasswordChangeInvitationReasons: Story = emailStory((args, locale) =>
  PASSWORD_CHANGE_REASONS.slice(1).map((reason) =>
    passwordChangeInvitation({...common(args, locale), reason, site: 'https://acme.example'}),
  ),
);

export const PasswordChanged: Story = emailStory((args, locale) => [passwordChanged(notice(args, locale))]);

export const RecoveryCode: Story = emailStory((args, locale) => [
  recoveryCode({
    ...common(args, locale),
    code: 'K7Q2M9',
    expiresInMinutes: 15,
    links: {recovery: 'https://acme.example/recover/continue?token=one-time'},
  }),
]);

export const SignInCode: Story = emailStory((args, locale) => [
  signInCode({...common(args, locale), code: '482913', expiresInMinutes: 10}),
]);

export const SignInCodeSms: Story = {
  render: (args, {globals}) => {
    const locale = args.locale || String(globals.locale ?? 'en');
    return smsPreview(
      signInCodeSms({brand: args.brand, code: '482913', expiresInMinutes: 5, site: 'acme.example', locale}),
    );
  },
  play: async ({canvasElement}) => {
    await until(() => canvasElement.querySelector('pre')?.textContent?.includes('#482913'), 'the text message');
  },
};

export const PasskeyAdded: Story = emailStory((args, locale) => [passkeyAdded(notice(args, locale))]);

export const TwoStepChanged: Story = emailStory((args, locale) =>
  TWO_STEP_CHANGES.slice(0, 1).map((change) => twoStepChanged({...notice(args, locale), change})),
);

export const NewSignIn: Story = emailStory((args, locale) => [newSignIn(notice(args, locale))]);
