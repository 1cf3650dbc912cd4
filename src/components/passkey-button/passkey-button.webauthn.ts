import {
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type {SereinPasskeyMode, SereinPasskeyResponseJSON} from '../../events/passkey.js';

// The WebAuthn capability of <serein-passkey-button>: @simplewebauthn/browser and the reading of
// its outcomes. Loaded on the first pointer or focus on the button (or when passkey autofill
// starts), so the button stays small. What the button says about them is in the view.

/** What the ceremony gave: the browser's answer, or the name of the error it ended with. */
export type CeremonyOutcome = {status: 'done'; response: SereinPasskeyResponseJSON} | {status: 'error'; name: string};

/** How an error reads to the customer (docs/requirements.md PK-04). */
export type PasskeyProblem =
  /** Closed, timed out, or not allowed: nothing happened, try again. Never "no passkey found". */
  | 'cancelled'
  /** This device already holds a passkey for this account (register). */
  | 'already-registered'
  /** The device cannot make the kind of passkey asked for. */
  | 'constraint'
  /** Passkeys cannot be used with this device. */
  | 'unsupported'
  /** The page's address is not allowed to use these passkeys (a set-up problem of the site). */
  | 'not-allowed-here'
  /** Anything else: try again. */
  | 'device';

/** Whether `value` looks like the options JSON of @simplewebauthn/server for `mode`. */
export function validOptions(mode: SereinPasskeyMode, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const options = value as Record<string, unknown>;
  if (typeof options.challenge !== 'string') return false;
  if (mode === 'signin') return true;
  const object = (key: string) => typeof options[key] === 'object' && options[key] !== null;
  return object('rp') && object('user');
}

/**
 * Runs the browser's ceremony with the host's options, unchanged. A new ceremony aborts a
 * pending one (SimpleWebAuthn's abort service): a click on the button ends passkey autofill.
 * `conditional`: passkey autofill (sign-in) or the automatic upgrade (register).
 */
export async function perform(
  mode: SereinPasskeyMode,
  options: unknown,
  conditional: boolean,
): Promise<CeremonyOutcome> {
  try {
    const response =
      mode === 'register'
        ? await startRegistration({
            optionsJSON: options as PublicKeyCredentialCreationOptionsJSON,
            // The automatic upgrade: `mediation: 'conditional'`, no dialog (WebAuthn L3 conditional create).
            useAutoRegister: conditional,
          })
        : await startAuthentication({
            optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
            useBrowserAutofill: conditional,
            // The element checked the field itself, also inside shadow roots (docs/requirements.md PK-02).
            verifyBrowserAutofillInput: false,
          });
    return {status: 'done', response};
  } catch (error) {
    return {status: 'error', name: error instanceof Error || error instanceof DOMException ? error.name : 'Error'};
  }
}

/** Ends the pending ceremony, if any (its promise rejects with an `AbortError`). */
export function cancelCeremony(): void {
  WebAuthnAbortService.cancelCeremony();
}

export function isCancel(name: string): boolean {
  return name === 'NotAllowedError' || name === 'AbortError';
}

/** The customer-facing reading of a WebAuthn error name. */
export function problemOf(name: string, mode: SereinPasskeyMode): PasskeyProblem {
  if (isCancel(name)) return 'cancelled';
  switch (name) {
    case 'InvalidStateError':
      return mode === 'register' ? 'already-registered' : 'device';
    case 'ConstraintError':
      return 'constraint';
    case 'NotSupportedError':
      return 'unsupported';
    case 'SecurityError':
      return 'not-allowed-here';
    default:
      return 'device';
  }
}

interface SignalingPublicKeyCredential {
  signalUnknownCredential?: (options: {rpId: string; credentialId: string}) => Promise<void>;
}

/**
 * Tells the browser (WebAuthn signal API) that the relying party does not know this credential,
 * so that its passkey manager can stop offering it. Fire and forget: the result is opaque by
 * design and never shown.
 */
export function signalUnknownCredential(options: unknown, credentialId: string): void {
  const api = window.PublicKeyCredential as unknown as SignalingPublicKeyCredential | undefined;
  if (typeof api?.signalUnknownCredential !== 'function') return;
  const given = options as {rpId?: unknown; rp?: {id?: unknown}};
  const rpId =
    typeof given.rpId === 'string' ? given.rpId : typeof given.rp?.id === 'string' ? given.rp.id : location.hostname;
  try {
    void api.signalUnknownCredential({rpId, credentialId}).catch(() => undefined);
  } catch {
    // Opaque by design: nothing to tell the customer.
  }
}
