// Recent authentication. Changes that would let someone keep an account they do not own (adding
// or removing a passkey, turning on, replacing or turning off the authenticator app) need more
// than a session: the customer must have proved who they are in the last few minutes, with
// their password, a passkey with user verification, or a code from their app. A session left
// open on a shared computer, or a stolen cookie, is then not enough to take the account over.
// Completing a sign-in counts as such a proof too (with whatever factors the account needs: a
// passkey without user verification there stands for the password, as it does at sign-in).
import {ApiError} from './http.mjs';

/** How long a proof counts as recent. */
export const RECENT_AUTH_MINUTES = 10;

/**
 * How long after a full sign-in the browser may add a passkey on its own (conditional create:
 * no dialog, so no user presence and no user verification at registration).
 */
export const UPGRADE_MINUTES = 5;

/**
 * The answer to a sensitive change without a recent proof: a 403 whose code the demo's pages
 * recognise (they then ask again). It is not one of the components' codes, so a component that
 * meets it shows `unknown` with the message.
 */
export const REAUTHENTICATE = 'reauthentication-required';

/**
 * Notes that the session `tokenHash` proved who uses it now.
 * @param {import('./store.mjs').Store} store
 * @param {string} tokenHash
 * @param {string} method password, passkey, app, or how the session was signed in
 * @param {number} [at]
 */
export function recordAuthentication(store, tokenHash, method, at = Date.now()) {
  store.run('INSERT OR REPLACE INTO session_auth (token_hash, auth_at, auth_method) VALUES (?, ?, ?)', [
    tokenHash,
    at,
    method,
  ]);
}

/**
 * When the session last proved who uses it, and when it was signed in.
 * @param {import('./store.mjs').Store} store
 * @param {string} tokenHash
 * @returns {{authAt: number | null, signedInAt: number | null}}
 */
export function authenticationTimes(store, tokenHash) {
  const row = store.get(
    `SELECT sessions.created_at AS signed_in_at, session_auth.auth_at AS auth_at
     FROM sessions LEFT JOIN session_auth ON session_auth.token_hash = sessions.token_hash
     WHERE sessions.token_hash = ? AND sessions.stage = 'full'`,
    [tokenHash],
  );
  return {
    authAt: row?.auth_at === null || row?.auth_at === undefined ? null : Number(row.auth_at),
    signedInAt: row?.signed_in_at === null || row?.signed_in_at === undefined ? null : Number(row.signed_in_at),
  };
}

/**
 * True when the session proved who uses it within the last {@link RECENT_AUTH_MINUTES}.
 * @param {import('./store.mjs').Store} store
 * @param {{tokenHash: string}} session
 */
export function isRecentlyAuthenticated(store, session) {
  const {authAt} = authenticationTimes(store, session.tokenHash);
  return authAt !== null && Date.now() - authAt <= RECENT_AUTH_MINUTES * 60_000;
}

/**
 * True within {@link UPGRADE_MINUTES} of the session's full sign-in (not of a later proof).
 * @param {import('./store.mjs').Store} store
 * @param {{tokenHash: string}} session
 */
export function justSignedIn(store, session) {
  const {signedInAt} = authenticationTimes(store, session.tokenHash);
  return signedInAt !== null && Date.now() - signedInAt <= UPGRADE_MINUTES * 60_000;
}

/**
 * Refuses a sensitive change unless the session proved who uses it recently.
 * @param {import('./store.mjs').Store} store
 * @param {{tokenHash: string}} session
 */
export function requireRecentAuthentication(store, session) {
  if (!isRecentlyAuthenticated(store, session)) {
    throw new ApiError(403, REAUTHENTICATE, {
      message: 'For your security, confirm it’s you before making this change.',
    });
  }
}
