import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type {SereinRespondWith, SereinWaitUntil} from './action.js';

/** What the passkey button does: create a passkey for the signed-in account, or sign in with one. */
export type SereinPasskeyMode = 'register' | 'signin';

/**
 * The options your backend made for this ceremony, as JSON (`@simplewebauthn/server`'s
 * `generateRegistrationOptions()` / `generateAuthenticationOptions()` output). They are passed to
 * the browser unchanged.
 */
export type SereinPasskeyOptionsJSON = PublicKeyCredentialCreationOptionsJSON | PublicKeyCredentialRequestOptionsJSON;

/** What the browser answered, for your backend to verify (`verifyRegistrationResponse()` / `verifyAuthenticationResponse()`). */
export type SereinPasskeyResponseJSON = RegistrationResponseJSON | AuthenticationResponseJSON;

/**
 * Detail of `serein-passkey-options`: answer with `respondWith(promise of the options JSON)`.
 * `conditional` is true when the options are for passkey autofill on the page's
 * `autocomplete="username webauthn"` field (sign-in; leave `allowCredentials` empty), or for
 * the automatic passkey upgrade (register). `prefetch` is true when the button asks ahead of a
 * click (when the pointer or the focus first reaches it).
 */
export interface SereinPasskeyOptionsDetail extends SereinRespondWith<SereinPasskeyOptionsJSON> {
  mode: SereinPasskeyMode;
  conditional: boolean;
  /**
   * Asked before the click, so that the click can open the system dialog at once. Answer as
   * usual, but start nothing visible when it fails (such as a page to confirm who the customer
   * is): nothing is shown for it, and the click asks again. Each answer is used once at most.
   */
  prefetch: boolean;
}

/**
 * Detail of `serein-passkey-verify`: send `response` to your backend and call
 * `waitUntil(promise)`. Reject with `{code: 'passkey-not-verified'}`, or with
 * `{code: 'passkey-unknown-credential'}` when the passkey is not (or no longer) linked to an
 * account: the button then tells the browser through the WebAuthn signal API. The only event
 * that carries the credential.
 */
export interface SereinPasskeyVerifyDetail extends SereinWaitUntil {
  mode: SereinPasskeyMode;
  conditional: boolean;
  response: SereinPasskeyResponseJSON;
}

/** Detail of `serein-passkey-success`: your backend accepted the passkey. */
export interface SereinPasskeySuccessDetail {
  mode: SereinPasskeyMode;
  /** True when the customer chose the passkey from the autofill list. */
  conditional: boolean;
}

/**
 * Detail of `serein-passkey-error`: the browser's WebAuthn ceremony ended without a passkey, for
 * your diagnostics. The customer sees a calm message (never for an abort the button made itself).
 */
export interface SereinPasskeyErrorDetail {
  mode: SereinPasskeyMode;
  conditional: boolean;
  /** The `DOMException` name: `NotAllowedError` (closed, timed out or not allowed), `AbortError`, `InvalidStateError` (already registered), `ConstraintError`, `NotSupportedError`, `SecurityError` (check your RP ID), `TypeError` (invalid options), `UnknownError`, or `Error`. */
  name: string;
  /** True when it reads as a cancel (`NotAllowedError`, `AbortError`): nothing failed. */
  cancelled: boolean;
}

/**
 * Detail of `serein-passkey-dismiss` ("Not now"), `serein-passkey-unsupported`, and
 * `serein-passkey-alternative` (the customer chose the other way to continue: take them there).
 */
export interface SereinPasskeyModeDetail {
  mode: SereinPasskeyMode;
}

interface SereinPasskeyEvents {
  'serein-passkey-options': CustomEvent<SereinPasskeyOptionsDetail>;
  'serein-passkey-verify': CustomEvent<SereinPasskeyVerifyDetail>;
  'serein-passkey-success': CustomEvent<SereinPasskeySuccessDetail>;
  'serein-passkey-error': CustomEvent<SereinPasskeyErrorDetail>;
  'serein-passkey-dismiss': CustomEvent<SereinPasskeyModeDetail>;
  'serein-passkey-unsupported': CustomEvent<SereinPasskeyModeDetail>;
  'serein-passkey-alternative': CustomEvent<SereinPasskeyModeDetail>;
}

// The events bubble and are composed: typed on elements and on the document.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface HTMLElementEventMap extends SereinPasskeyEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface DocumentEventMap extends SereinPasskeyEvents {}
}
