// What a password change and a recovery do to the account's sessions.
//
// - A password change gives this browser a new session token (the old cookie stops working,
//   so a copy of it taken earlier is worth nothing) and, when the customer leaves "sign out
//   everywhere else" ticked, ends the account's other sessions.
// - A recovery reset ends everything, whatever the page asked: every session (an attacker who
//   caused the recovery may be signed in), every remembered device (it would skip the second
//   step) and every code not used yet.
import {cookie} from './http.mjs';
import {newToken, sha256, SESSION_COOKIE} from './accounts.mjs';
import {recordAuthentication} from './recent-auth.mjs';

/**
 * Moves the current session to a new token: same account, stage, sign-in time and expiry; the
 * old token is gone. The customer just proved who they are with `method`.
 * @param {import('./store.mjs').Store} store
 * @param {import('./accounts.mjs').Context} context
 * @param {{tokenHash: string}} session
 * @param {string} method
 * @returns {string} the new token's hash
 */
export function rotateSession(store, context, session, method) {
  const token = newToken();
  const tokenHash = sha256(token);
  const now = Date.now();
  const expiresAt = store.transaction(() => {
    const row = store.get('SELECT expires_at FROM sessions WHERE token_hash = ?', [session.tokenHash]);
    store.run(
      `INSERT INTO sessions (token_hash, user_id, stage, method, created_at, expires_at)
       SELECT ?, user_id, stage, method, created_at, expires_at FROM sessions WHERE token_hash = ?`,
      [tokenHash, session.tokenHash],
    );
    store.run('DELETE FROM sessions WHERE token_hash = ?', [session.tokenHash]);
    store.run('DELETE FROM session_auth WHERE token_hash = ?', [session.tokenHash]);
    recordAuthentication(store, tokenHash, method, now);
    return Number(row?.expires_at ?? now);
  });
  context.setCookies.push(
    cookie(SESSION_COOKIE, token, {maxAgeSeconds: Math.max(0, Math.floor((expiresAt - now) / 1000))}),
  );
  return tokenHash;
}

/**
 * Ends every session, remembered device, unused one-time code and recovery flow of an account.
 * @param {import('./store.mjs').Store} store
 * @param {number} userId
 * @returns {number} how many sessions ended
 */
export function endEverything(store, userId) {
  return store.transaction(() => {
    const ended = store.run('DELETE FROM sessions WHERE user_id = ?', [userId]).changes;
    store.run('DELETE FROM remembered_devices WHERE user_id = ?', [userId]);
    store.run('DELETE FROM one_time_codes WHERE user_id = ? AND used_at IS NULL', [userId]);
    store.run('DELETE FROM recovery_flows WHERE user_id = ?', [userId]);
    return ended;
  });
}
