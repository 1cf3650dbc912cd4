import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {getStorybookHelpers} from '@wc-toolkit/storybook-helpers';
import {html} from 'lit';
import {ref} from 'lit/directives/ref.js';
import {expect, waitFor} from 'storybook/test';
import '../src/define/passkey-button.js';
import type {SereinPasskeyButton} from '../src/define/passkey-button.js';
import type {SereinError, SereinPasskeyMode} from '../src/index.js';
import {storyId} from './story-helpers.js';

const {args, argTypes, template} = getStorybookHelpers<SereinPasskeyButton>('serein-passkey-button');

// Stories never create a real passkey: the device is simulated. Each story's host, when it hands
// over the options, says how the simulated device answers that ceremony.

/** How the simulated device answers. */
type Device = 'confirm' | 'keep-open' | 'cancel' | 'already-registered';

let device: Device | undefined;
/** What the simulated browser says about creating a passkey without a dialog (undefined: the browser's own answer). */
let conditionalCreate: boolean | undefined;

const base64url = (buffer: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A credential shaped like the browser's, carrying nothing real. */
function simulatedCredential(kind: 'create' | 'get') {
  const rawId = crypto.getRandomValues(new Uint8Array(16)).buffer;
  const clientDataJSON = new TextEncoder().encode('{"type":"story"}').buffer;
  return {
    id: base64url(rawId),
    rawId,
    type: 'public-key',
    authenticatorAttachment: 'platform',
    getClientExtensionResults: () => ({}),
    response:
      kind === 'create'
        ? {clientDataJSON, attestationObject: new Uint8Array([0xa0]).buffer, getTransports: () => ['internal']}
        : {clientDataJSON, authenticatorData: new ArrayBuffer(37), signature: new ArrayBuffer(64), userHandle: null},
  };
}

/** One ceremony of the simulated device; the browser's autofill list stays open until aborted. */
function simulate(kind: 'create' | 'get', options?: {signal?: AbortSignal; mediation?: string}) {
  const signal = options?.signal;
  return new Promise<Credential | null>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason));
    // The autofill list stays open until the person picks a passkey; a silent creation answers.
    if ((kind === 'get' && options?.mediation === 'conditional') || device === 'keep-open') return;
    setTimeout(() => {
      if (signal?.aborted) return;
      if (device === 'cancel') reject(new DOMException('The person closed the dialog (story).', 'NotAllowedError'));
      else if (device === 'already-registered')
        reject(new DOMException('This device already has this passkey (story).', 'InvalidStateError'));
      else resolve(simulatedCredential(kind) as unknown as Credential);
    }, 300);
  });
}

if (typeof navigator !== 'undefined' && navigator.credentials) {
  const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
  const realCreate = container.create.bind(container);
  const realGet = container.get.bind(container);
  container.create = (options?: CredentialCreationOptions) =>
    device ? simulate('create', options) : realCreate(options);
  container.get = (options?: CredentialRequestOptions) =>
    device || options?.mediation === 'conditional' ? simulate('get', options) : realGet(options);
}

type Capabilities = () => Promise<Record<string, boolean>>;
const credentialApi = typeof window === 'undefined' ? undefined : window.PublicKeyCredential;
if (credentialApi) {
  const ask = (credentialApi as unknown as {getClientCapabilities?: Capabilities}).getClientCapabilities;
  const real = ask?.bind(credentialApi);
  Object.defineProperty(credentialApi, 'getClientCapabilities', {
    configurable: true,
    value: async () => ({
      ...((await real?.()) ?? {}),
      ...(conditionalCreate === undefined ? {} : {conditionalCreate}),
    }),
  });
}

/**
 * The automatic upgrade's stories: the simulated browser can (or cannot) create a passkey
 * without a dialog, and no earlier silent attempt of this session is remembered.
 */
function withUpgrade(capable: boolean) {
  return (storyArgs: Record<string, unknown>) => {
    conditionalCreate = capable;
    sessionStorage.removeItem('serein-passkey-upgrade-failed');
    device = 'confirm';
    return withBackend()(storyArgs);
  };
}

interface Backend {
  /** How the simulated device answers the ceremony. */
  device?: Device;
  /** Rejects the options request with this error. */
  options?: SereinError;
  /** The host's verification: accepted (default), rejected with this error, or never answered. */
  verify?: SereinError | 'pending';
}

/** Options as a backend would make them for this page; the simulated device does not read them. */
function optionsFor(mode: SereinPasskeyMode) {
  const challenge = base64url(crypto.getRandomValues(new Uint8Array(32)).buffer);
  return mode === 'register'
    ? {
        challenge,
        rp: {name: 'Acme', id: location.hostname},
        user: {
          id: base64url(crypto.getRandomValues(new Uint8Array(16)).buffer),
          name: 'camille@example.com',
          displayName: 'Camille',
        },
        pubKeyCredParams: [{type: 'public-key', alg: -7}],
        timeout: 300000,
        attestation: 'none',
        authenticatorSelection: {residentKey: 'required', userVerification: 'required'},
      }
    : {challenge, rpId: location.hostname, timeout: 300000, userVerification: 'required', allowCredentials: []};
}

/** The story's host: answers `serein-passkey-options` and `serein-passkey-verify` as `backend` says. */
function withBackend(backend: Backend = {}) {
  return (storyArgs: Record<string, unknown>) =>
    html`<div
      @serein-passkey-options=${(event: HTMLElementEventMap['serein-passkey-options']) => {
        device = backend.device ?? 'confirm';
        event.detail.respondWith(
          backend.options ? Promise.reject(backend.options) : (optionsFor(event.detail.mode) as never),
        );
      }}
      @serein-passkey-verify=${(event: HTMLElementEventMap['serein-passkey-verify']) =>
        event.detail.waitUntil(
          backend.verify === 'pending'
            ? new Promise(() => undefined)
            : backend.verify
              ? Promise.reject(backend.verify)
              : new Promise((resolve) => setTimeout(resolve, 300)),
        )}
    >
      ${template(storyArgs)}
    </div>`;
}

const meta: Meta = {
  title: 'Components/Passkey button',
  component: 'serein-passkey-button',
  args: {...args, mode: 'register', strings: undefined},
  argTypes: {
    ...argTypes,
    mode: {...argTypes.mode, control: 'inline-radio', options: ['register', 'signin']},
    strings: {...argTypes.strings, control: 'object'},
  },
  render: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'The host answers `serein-passkey-options` with `event.detail.respondWith(optionsJSON)` and ' +
          '`serein-passkey-verify` with `event.detail.waitUntil(promise)`. In these stories the device is ' +
          'simulated (no passkey is created) and each story’s fake backend answers in its own way.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

function element(canvas: HTMLElement): SereinPasskeyButton {
  const found = canvas.querySelector('serein-passkey-button');
  if (!found) throw new Error('<serein-passkey-button> is missing');
  return found;
}

/** Waits until `condition` holds; fails the story otherwise. */
function until(condition: () => unknown, what: string): Promise<void> {
  return waitFor(() => expect(Boolean(condition()), what).toBe(true), {timeout: 8000, interval: 25});
}

/** Presses the passkey button as a customer would, then waits for `state` (text in the status line, or a custom state). */
async function pressAndWait(canvas: HTMLElement, done: (button: SereinPasskeyButton) => unknown, what: string) {
  const passkey = element(canvas);
  await passkey.updateComplete;
  const button = passkey.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]');
  await expect(button, 'the passkey button').not.toBeNull();
  button!.click();
  await until(() => done(passkey), what);
  await passkey.updateComplete;
}

const statusText = (passkey: SereinPasskeyButton) =>
  passkey.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

/** Docs pages run `play` only when asked: without it these stories would show the idle button there. */
const autoplay = {docs: {story: {autoplay: true}}};

export const Register: Story = {};

export const SignIn: Story = {args: {mode: 'signin'}};

export const Dismissible: Story = {args: {dismissible: true}};

/** The page's own username field, where the browser lists passkeys (passkey autofill). */
export const ConditionalAutofill: Story = {
  args: {mode: 'signin', conditional: true},
  render: (storyArgs, context) => {
    const id = storyId('username');
    const labels: Record<string, string> = {
      en: 'Email',
      fr: 'Adresse e-mail',
      de: 'E-Mail-Adresse',
      es: 'Correo electrónico',
      ar: 'البريد الإلكتروني',
    };
    const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
    return html`<div style="display: grid; gap: 0.75rem; max-inline-size: 24rem;">
      <label for=${id}>${labels[locale] ?? labels.en}</label>
      <input
        id=${id}
        name="username"
        type="email"
        autocomplete="username webauthn"
        style="font: inherit; padding: 0.5rem"
      />
      ${withBackend()(storyArgs)}
    </div>`;
  },
  parameters: {
    docs: {
      description: {
        story:
          'With `conditional`, passkeys are also offered in the autofill list of the `autocomplete="username webauthn"` field; pressing the button ends that offer quietly and opens the system dialog.',
      },
    },
  },
};

/**
 * The automatic upgrade just after a full sign-in, where the browser can create a passkey without
 * a dialog: nothing shows while it is tried; once the host verified it, the usual success line.
 */
export const UpgradeSilent: Story = {
  args: {mode: 'register', conditional: true},
  render: withUpgrade(true),
  play: async ({canvasElement}) => {
    await until(() => canvasElement.querySelector('serein-passkey-button')?.matches(':state(success)'), 'the upgrade');
  },
  // Not played on the docs page, where another story's ceremony would abort the silent one.
  parameters: {
    docs: {
      description: {
        story:
          'With `mode="register" conditional` and a browser that reports `conditionalCreate`, the passkey is created with `mediation: "conditional"`: the element shows nothing until it succeeds (a failure shows nothing at all).',
      },
    },
  },
};

/** The automatic upgrade where the browser cannot create a passkey silently: the visible offer, with "Not now". */
export const UpgradeOffer: Story = {
  args: {mode: 'register', conditional: true},
  render: withUpgrade(false),
  play: async ({canvasElement}) => {
    await until(
      () => element(canvasElement).shadowRoot?.querySelector('[part="dismiss"]'),
      'the visible offer with “Not now”',
    );
  },
  parameters: autoplay,
};

/** The system dialog is open. (Not played on the docs page, where another story's ceremony would end it.) */
export const WaitingForDevice: Story = {
  render: withBackend({device: 'keep-open'}),
  play: ({canvasElement}) =>
    pressAndWait(canvasElement, (passkey) => passkey.matches(':state(busy)'), 'the waiting state'),
};

export const CheckingPasskey: Story = {
  args: {mode: 'signin'},
  render: withBackend({verify: 'pending'}),
  play: ({canvasElement}) =>
    pressAndWait(
      canvasElement,
      (passkey) => passkey.matches(':state(busy)') && passkey.shadowRoot!.textContent!.includes('…'),
      'the verification',
    ),
  parameters: autoplay,
};

export const Cancelled: Story = {
  render: withBackend({device: 'cancel'}),
  play: ({canvasElement}) => pressAndWait(canvasElement, (passkey) => statusText(passkey), 'the calm message'),
  parameters: autoplay,
};

export const CancelledSignIn: Story = {
  args: {mode: 'signin'},
  render: withBackend({device: 'cancel'}),
  play: ({canvasElement}) => pressAndWait(canvasElement, (passkey) => statusText(passkey), 'the calm message'),
  parameters: autoplay,
};

/** Settled: this device has a passkey already. The line says so; nothing more to create. */
export const AlreadyRegistered: Story = {
  render: withBackend({device: 'already-registered'}),
  play: async ({canvasElement}) => {
    await pressAndWait(canvasElement, (passkey) => statusText(passkey), 'the message');
    await expect(element(canvasElement).shadowRoot!.querySelector('button[part="button"]'), 'no button').toBeNull();
  },
  parameters: autoplay,
};

export const VerificationRejected: Story = {
  render: withBackend({verify: {code: 'passkey-not-verified', reference: 'ACME-4F7Q'}}),
  play: ({canvasElement}) =>
    pressAndWait(canvasElement, (passkey) => statusText(passkey).includes('ACME-4F7Q'), 'the message'),
  parameters: autoplay,
};

/**
 * A sign-in message that points to another way comes with it: here a link to the host's password
 * sign-in (`alternative-href`), then the help link (`support-href`), last as in every state.
 */
export const AnotherWayLink: Story = {
  args: {mode: 'signin', 'alternative-href': '#password-sign-in', 'support-href': '#help'},
  render: withBackend({verify: {code: 'passkey-unknown-credential'}}),
  play: ({canvasElement}) =>
    pressAndWait(
      canvasElement,
      (passkey) => passkey.shadowRoot!.querySelector('a[part="alternative"]'),
      'the other way to sign in',
    ),
  parameters: autoplay,
};

/** The host's own other way, in the `alternative` slot (in the page's language), after a cancel. */
export const AnotherWaySlot: Story = {
  args: {mode: 'signin', 'support-href': '#help'},
  render: (storyArgs, context) => {
    const labels: Record<string, string> = {
      en: 'Use your password instead',
      fr: 'Utiliser votre mot de passe',
      de: 'Stattdessen Ihr Passwort verwenden',
      es: 'Usar su contraseña',
      ar: 'استخدام كلمة المرور بدلًا من ذلك',
      it: 'Usi la Sua password',
      'pt-BR': 'Usar sua senha',
      nl: 'Uw wachtwoord gebruiken',
      pl: 'Użyj hasła',
      ja: 'パスワードを使う',
    };
    const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
    return html`<div
      @serein-passkey-options=${(event: HTMLElementEventMap['serein-passkey-options']) => {
        device = 'cancel';
        event.detail.respondWith(optionsFor(event.detail.mode) as never);
      }}
    >
      ${template(storyArgs, html`<a slot="alternative" href="#password-sign-in" style="display: inline-block; line-height: max(1.5em, 24px)">${labels[locale] ?? labels.en}</a>`)}
    </div>`;
  },
  play: ({canvasElement}) =>
    pressAndWait(
      canvasElement,
      (passkey) => passkey.shadowRoot!.querySelector('[part="alternative"]'),
      'the host’s other way',
    ),
  parameters: autoplay,
};

export const UnknownCredential: Story = {
  args: {mode: 'signin'},
  render: withBackend({verify: {code: 'passkey-unknown-credential'}}),
  play: ({canvasElement}) => pressAndWait(canvasElement, (passkey) => statusText(passkey), 'the message'),
  parameters: autoplay,
};

export const NetworkError: Story = {
  args: {mode: 'signin'},
  render: withBackend({options: {code: 'network'}}),
  play: ({canvasElement}) => pressAndWait(canvasElement, (passkey) => statusText(passkey), 'the message'),
  parameters: autoplay,
};

export const Success: Story = {
  play: ({canvasElement}) =>
    pressAndWait(canvasElement, (passkey) => passkey.matches(':state(success)'), 'the success state'),
  parameters: autoplay,
};

export const SuccessSignIn: Story = {
  args: {mode: 'signin'},
  play: ({canvasElement}) =>
    pressAndWait(canvasElement, (passkey) => passkey.matches(':state(success)'), 'the success state'),
  parameters: autoplay,
};

/**
 * A browser without WebAuthn, with `show-unsupported`, signing in: why passkeys cannot be used
 * here, the other way to sign in (`alternative-href`) and the help link (`support-href`). The
 * element is created while `PublicKeyCredential` is hidden from it, and the page gets it back
 * right after.
 */
export const Unsupported: Story = {
  args: {'show-unsupported': true, mode: 'signin', 'alternative-href': '#password-sign-in', 'support-href': '#help'},
  render: (storyArgs) => {
    const place = (holder: Element | undefined, frames = 0) => {
      // Lit calls this before the holder is in the page, and a docs page may attach it later:
      // the element is created once the holder is in the document, so it connects at once.
      if (!holder || holder.firstElementChild) return;
      if (!holder.isConnected) {
        if (frames < 600) requestAnimationFrame(() => place(holder, frames + 1));
        return;
      }
      const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
      Reflect.deleteProperty(window, 'PublicKeyCredential');
      try {
        const passkey = document.createElement('serein-passkey-button');
        passkey.mode = storyArgs.mode === 'register' ? 'register' : 'signin';
        passkey.showUnsupported = storyArgs['show-unsupported'] !== false;
        passkey.alternativeHref = String(storyArgs['alternative-href'] ?? '');
        passkey.supportHref = String(storyArgs['support-href'] ?? '');
        holder.append(passkey);
      } finally {
        if (saved) Object.defineProperty(window, 'PublicKeyCredential', saved);
      }
    };
    return html`<div ${ref((holder) => queueMicrotask(() => place(holder)))}></div>`;
  },
  play: async ({canvasElement}) => {
    await until(() => canvasElement.querySelector('serein-passkey-button'), 'the element');
    const passkey = element(canvasElement);
    await passkey.updateComplete;
    await expect(passkey.matches(':state(unsupported)')).toBe(true);
    await until(() => statusText(passkey), 'the explanation');
    await expect(passkey.shadowRoot!.querySelector('a[part="alternative"]'), 'the other way').not.toBeNull();
    await expect(passkey.shadowRoot!.querySelector('.serein-help a'), 'the help link').not.toBeNull();
  },
  parameters: autoplay,
};

/** On a 320 px wide phone screen, with "Not now" and a long message: everything wraps. */
export const Narrow320: Story = {
  args: {dismissible: true},
  render: (storyArgs) =>
    html`<div style="inline-size: 320px; max-inline-size: 100%">
      ${withBackend({verify: {code: 'passkey-not-verified', reference: 'ACME-4F7Q-2026-11-22'}})(storyArgs)}
    </div>`,
  play: ({canvasElement}) =>
    pressAndWait(canvasElement, (passkey) => statusText(passkey).includes('ACME'), 'the message'),
  parameters: autoplay,
};
