// "Confirm it's you" before a sensitive change (recent-auth.mjs): the password, or a code from
// the authenticator app. (A passkey with user verification is the third way; its routes are in
// api-passkeys.mjs, next to the other passkey challenges.) The same limits as signing in apply,
// so asking again never gives a guesser more attempts.
import {
  beginCodeAttempt,
  beginPasswordAttempt,
  passwordRefusal,
  rightCode,
  wrongCode,
  wrongPassword,
} from './api-account.mjs';
import {cleanCode, text} from './accounts.mjs';
import {verifyPassword} from './passwords.mjs';
import {checkTotp} from './totp.mjs';
import {fail} from './http.mjs';
import {isRecentlyAuthenticated, recordAuthentication, RECENT_AUTH_MINUTES} from './recent-auth.mjs';

/** @typedef {import('./accounts.mjs').Context} Context */
/** @typedef {import('./app.mjs').Deps} Deps */

/**
 * @param {Deps} deps
 * @returns {Record<string, (context: Context) => unknown>}
 */
export function reauthRoutes(deps) {
  const {accounts, store, limits} = deps;

  return {
    // What the confirmation page can offer, and whether it is needed right now.
    'GET /api/reauth': (context) => {
      const session = accounts.signedIn(context);
      const {user} = session;
      const passkeys = Number(store.get('SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?', [user.id])?.n ?? 0);
      return {
        email: user.email,
        recent: isRecentlyAuthenticated(store, session),
        minutes: RECENT_AUTH_MINUTES,
        methods: ['password', ...(passkeys > 0 ? ['passkey'] : []), ...(user.totp_secret ? ['app'] : [])],
      };
    },

    'POST /api/reauth/password': async (context) => {
      const session = accounts.signedIn(context);
      const {user} = session;
      const password = text(context.body.password);
      if (!password) throw fail.badRequest('Enter your password.');
      const attempt = beginPasswordAttempt(deps, context, user.email, user);
      if (!(await verifyPassword(password, user.password_hash))) throw wrongPassword(attempt);
      const refused = attempt.succeed();
      if (refused) throw passwordRefusal(refused);
      recordAuthentication(store, session.tokenHash, 'password');
      return {confirmed: true};
    },

    'POST /api/reauth/code': async (context) => {
      const session = accounts.signedIn(context);
      const {user} = session;
      if (!user.totp_secret) throw fail.badRequest('Two-step verification is off for this account.');
      // The second step's own counter: confirming here is not a way around its lock-out.
      const attempt = beginCodeAttempt(deps, context, limits.codes, `second-factor:${user.id}`, user);
      const step = await checkTotp(user.totp_secret, cleanCode(context.body.code), user.totp_last_step);
      // As in the second step: a code is accepted once, even by two requests at the same time.
      const used =
        step !== undefined &&
        store.run(
          'UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
          [step, user.id, step],
        ).changes === 1;
      if (!used) throw wrongCode(attempt);
      rightCode(attempt);
      recordAuthentication(store, session.tokenHash, 'app');
      return {confirmed: true};
    },
  };
}
