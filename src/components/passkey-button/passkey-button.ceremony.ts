import {
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import {msg} from '@lit/localize';
import type {SereinPasskeyMode, SereinPasskeyResponseJSON} from '../../events/passkey.js';

export {ActionController} from '../../internal/action-controller.js';
export {renderFormError} from '../../internal/error-view.js';

// The parts of <serein-passkey-button> that only an interaction needs: @simplewebauthn/browser,
// the action protocol, and what the button says after the system dialog. Loaded on the first
// pointer or focus on the button (or when passkey autofill starts), so the button stays small.

/** What the ceremony gave: the browser's answer, or the name of the error it ended with. */
export type CeremonyOutcome = {status: 'done'; response: SereinPasskeyResponseJSON} | {status: 'error'; name: string};

/** How an error reads to the customer (STANDARDS.md §7a). */
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
 */
export async function perform(
  mode: SereinPasskeyMode,
  options: unknown,
  conditional: boolean,
): Promise<CeremonyOutcome> {
  try {
    const response =
      mode === 'register'
        ? await startRegistration({optionsJSON: options as PublicKeyCredentialCreationOptionsJSON})
        : await startAuthentication({
            optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
            useBrowserAutofill: conditional,
            // The element checked the field itself, also inside shadow roots (STANDARDS PK-02).
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

type Translate = (id: string, localized: string) => string;

/** What the button says after a ceremony that gave no passkey: calm, and what to do next. */
export function problemText(problem: PasskeyProblem, mode: SereinPasskeyMode, t: Translate): string {
  switch (problem) {
    case 'cancelled':
      return mode === 'register'
        ? t(
            'passkey-button.cancelled-register',
            msg('No passkey was created. You can try again whenever you are ready.', {
              id: 'passkey-button.cancelled-register',
            }),
          )
        : t(
            'passkey-button.cancelled-signin',
            msg('The passkey sign-in did not finish. You can try again, or choose another way to sign in.', {
              id: 'passkey-button.cancelled-signin',
            }),
          );
    case 'already-registered':
      return t(
        'passkey-button.already-registered',
        msg(
          'This device already has a passkey for this account, so there is nothing more to do. You can use it the next time you sign in.',
          {id: 'passkey-button.already-registered'},
        ),
      );
    case 'constraint':
      return t(
        'passkey-button.constraint',
        msg(
          'This device cannot create this kind of passkey. You can try again with another device, such as your phone or a security key.',
          {id: 'passkey-button.constraint'},
        ),
      );
    case 'unsupported':
      return t(
        'passkey-button.device-unsupported',
        msg('Passkeys cannot be used with this device. Please use another way to continue.', {
          id: 'passkey-button.device-unsupported',
        }),
      );
    case 'not-allowed-here':
      return t(
        'passkey-button.not-allowed-here',
        msg('Passkeys cannot be used on this page right now. Please use another way to continue.', {
          id: 'passkey-button.not-allowed-here',
        }),
      );
    default:
      return t(
        'passkey-button.device-error',
        msg('Your device could not use the passkey this time. Please try again.', {id: 'passkey-button.device-error'}),
      );
  }
}

/** What the button says once the host accepted the passkey. */
export function successText(mode: SereinPasskeyMode, t: Translate): string {
  return mode === 'register'
    ? t(
        'passkey-button.success-register',
        msg('Your passkey is ready. Next time, you can sign in with it instead of your password.', {
          id: 'passkey-button.success-register',
        }),
      )
    : t(
        'passkey-button.success-signin',
        msg('You are signed in with your passkey.', {id: 'passkey-button.success-signin'}),
      );
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
