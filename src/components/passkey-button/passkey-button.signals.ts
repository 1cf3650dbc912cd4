// The WebAuthn signal API (WebAuthn Level 3): telling the browser's passkey manager what the
// host's server knows, so that the list a customer picks from stays true. Small functions with
// no dependency, for the page that lists the account's passkeys. Each is feature-detected and
// never throws: the browser's answer is opaque by design, and it is never shown to the customer.

/** The passkeys the host's server accepts for one account (`signalAcceptedPasskeys`). */
export interface SereinAcceptedPasskeys {
  /** The relying party id of the passkeys (default: this page's host name). */
  rpId?: string;
  /** The account's WebAuthn user handle, base64url, as in the registration options' `user.id`. */
  userId: string;
  /** Every credential id (base64url) the server still accepts for this account. */
  credentialIds: readonly string[];
}

/** The account's current names (`signalPasskeyUserDetails`). */
export interface SereinPasskeyUserDetails {
  /** The relying party id of the passkeys (default: this page's host name). */
  rpId?: string;
  /** The account's WebAuthn user handle, base64url. */
  userId: string;
  /** What the customer signs in with, such as the email address (`user.name`). */
  name: string;
  /** The customer's own name, as shown beside the passkey (`user.displayName`). */
  displayName: string;
}

interface SignalApi {
  signalAllAcceptedCredentials?: (options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }) => Promise<void>;
  signalCurrentUserDetails?: (options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }) => Promise<void>;
}

/** Calls one signal where the browser has it; true when the browser took it. Never throws. */
async function signal(method: keyof SignalApi, options: (rpId: string) => object): Promise<boolean> {
  try {
    const api = globalThis.PublicKeyCredential as unknown as SignalApi | undefined;
    const send = api?.[method] as ((options: object) => Promise<void>) | undefined;
    if (typeof send !== 'function') return false;
    await send.call(api, options(location.hostname));
    return true;
  } catch {
    // Refused (a malformed id, another relying party): nothing for the customer to see.
    return false;
  }
}

/**
 * After the page listed the account's passkeys, or removed one: tells the browser which
 * passkeys the server still accepts for this account (`signalAllAcceptedCredentials`), so that
 * its passkey manager can hide or remove the others. Pass the complete list: a passkey left out
 * may be removed from the customer's device. Resolves with whether the browser took the signal
 * (false where the browser has no signal API); never rejects.
 */
export function signalAcceptedPasskeys({rpId, userId, credentialIds}: SereinAcceptedPasskeys): Promise<boolean> {
  return signal('signalAllAcceptedCredentials', (hostname) => ({
    rpId: rpId ?? hostname,
    userId,
    allAcceptedCredentialIds: [...credentialIds],
  }));
}

/**
 * After the customer's name or email changed (or when the account page shows them): tells the
 * browser the account's current names (`signalCurrentUserDetails`), so that its passkey manager
 * shows them beside the passkey. Resolves with whether the browser took the signal (false where
 * the browser has no signal API); never rejects.
 */
export function signalPasskeyUserDetails({
  rpId,
  userId,
  name,
  displayName,
}: SereinPasskeyUserDetails): Promise<boolean> {
  return signal('signalCurrentUserDetails', (hostname) => ({rpId: rpId ?? hostname, userId, name, displayName}));
}
