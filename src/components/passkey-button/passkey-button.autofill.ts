import type {SereinActionOutcome} from '../../internal/action-controller.js';
import type {SereinPasskeyResponseJSON} from '../../events/passkey.js';
import type * as WebAuthn from './passkey-button.webauthn.js';

// Passkey autofill of <serein-passkey-button mode="signin" conditional> (conditional mediation):
// passkeys in the autofill list of the page's <input autocomplete="username webauthn">, until
// the button is used. Small and free of dependencies: the WebAuthn capability comes from the host.

/** One offer of an element; `cancelled` once the button took over or the element left the page. */
export interface AutofillOffer {
  cancelled: boolean;
  /** The conditional request is waiting for the browser. */
  pending: boolean;
}

/** What the offer needs from the button. */
export interface AutofillHost {
  readonly element: HTMLElement;
  /** The element left the page since the offer started. */
  left(): boolean;
  /** Loads the WebAuthn capability. */
  prepare(): Promise<Pick<typeof WebAuthn, 'perform' | 'validOptions'>>;
  /** Asks the host for the options (`serein-passkey-options`, conditional). */
  options(): Promise<SereinActionOutcome<unknown>>;
  /** The device answered: the host's verification. */
  verify(options: unknown, response: SereinPasskeyResponseJSON): Promise<void>;
  /** The diagnostic event of a WebAuthn error (nothing shown). */
  reportError(name: string): void;
  warnOnce(message: string): void;
}

interface ConditionalCapabilities {
  getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
  isConditionalMediationAvailable?: () => Promise<boolean>;
}

/**
 * Passkey autofill is offered only where the browser says it can (docs/requirements.md PK-01); a missing
 * capability key means "unknown", so the older check is asked next.
 */
async function autofillAvailable(): Promise<boolean> {
  const api = window.PublicKeyCredential as unknown as ConditionalCapabilities | undefined;
  if (!api) return false;
  try {
    const capabilities = await api.getClientCapabilities?.();
    if (typeof capabilities?.conditionalGet === 'boolean') return capabilities.conditionalGet;
    return (await api.isConditionalMediationAvailable?.()) === true;
  } catch {
    return false;
  }
}

/** The page's field that passkey autofill attaches to: `webauthn` as its last autocomplete token. */
function autofillField(element: HTMLElement): HTMLInputElement | undefined {
  const selector = 'input[autocomplete~="webauthn" i]';
  const root = element.getRootNode();
  const found = [
    ...(root instanceof ShadowRoot ? root.querySelectorAll<HTMLInputElement>(selector) : []),
    ...document.querySelectorAll<HTMLInputElement>(selector),
  ];
  return found.find(
    (input) => (input.getAttribute('autocomplete') ?? '').trim().toLowerCase().split(/\s+/).at(-1) === 'webauthn',
  );
}

/** Conditional mediation: passkeys in the field's autofill list, until the button is used. */
export async function offerAutofill(offer: AutofillOffer, host: AutofillHost): Promise<void> {
  // Ended (the button was used, or the element left) before this module arrived.
  if (offer.cancelled) return;
  if (!autofillField(host.element)) {
    host.warnOnce(
      'conditional needs an <input autocomplete="username webauthn"> in the same document or shadow root; passkey autofill is not offered.',
    );
    return;
  }
  if (!(await autofillAvailable()) || offer.cancelled) return;
  const ceremony = await host.prepare();
  if (offer.cancelled) return;
  const options = await host.options();
  if (offer.cancelled || options.status !== 'done') return;
  if (!ceremony.validOptions('signin', options.value)) {
    host.warnOnce(
      'serein-passkey-options was answered with something other than the options JSON of @simplewebauthn/server; passkey autofill is not offered.',
    );
    return;
  }
  offer.pending = true;
  const outcome = await ceremony.perform('signin', options.value, true);
  offer.pending = false;
  // Ended by the button or by leaving the page: quietly.
  if (offer.cancelled || host.left()) return;
  // Autofill is an offer, not a request: no message, only the diagnostic event.
  if (outcome.status === 'error') host.reportError(outcome.name);
  else await host.verify(options.value, outcome.response);
}
