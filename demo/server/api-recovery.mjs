// Account recovery: identify → send a code (and a link) by email → verify → new password.
// The answers never tell whether an account exists: an unknown address gets the same methods,
// the same cookie, the same cooldowns and the same "incorrect code", and no email is sent; the
// requests do the same work for both (the code is issued and emailed after the answer).
// The code and the link are two secrets, each used once; using one leaves the other valid until
// the new password is set, which voids both.
import {ApiError, cookie, fail} from './http.mjs';
import {cleanCode, maskEmail, newToken, normaliseEmail, sha256, text} from './accounts.mjs';
import {beginCodeAttempt, rightCode, wrongCode} from './api-account.mjs';
import {endEverything} from './sessions.mjs';
import {languageOf, renderRecoveryCode} from './mail.mjs';

/** @typedef {import('./accounts.mjs').Context} Context */
/** @typedef {import('./app.mjs').Deps} Deps */

const RECOVERY_COOKIE = 'serein_recovery';
const FLOW_MINUTES = 30;
const CODE_MINUTES = 10;
const GRANT_MINUTES = 15;

/**
 * @param {Deps} deps
 * @returns {Record<string, (context: Context) => unknown>}
 */
export function recoveryRoutes(deps) {
  const {accounts, store, limits} = deps;

  /**
   * Starts a recovery flow for an identifier (known or not) and gives this browser its cookie.
   * @param {Context} context
   * @param {string} identifier
   * @param {number | null} userId
   * @param {number | null} grantExpiresAt
   */
  function startFlow(context, identifier, userId, grantExpiresAt = null) {
    const token = newToken();
    const now = Date.now();
    store.transaction(() => {
      store.run('DELETE FROM recovery_flows WHERE expires_at <= ?', [now]);
      store.run(
        'INSERT INTO recovery_flows (token_hash, identifier, user_id, grant_expires_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        [sha256(token), identifier, userId, grantExpiresAt, now + FLOW_MINUTES * 60_000],
      );
    });
    context.setCookies.push(flowCookie(token, FLOW_MINUTES * 60));
  }

  /**
   * @param {string} token
   * @param {number} maxAgeSeconds
   */
  const flowCookie = (token, maxAgeSeconds) =>
    cookie(RECOVERY_COOKIE, token, {maxAgeSeconds, path: '/api/recovery', sameSite: 'Strict'});

  /** @param {Context} context */
  function currentFlow(context) {
    const token = context.cookies[RECOVERY_COOKIE];
    const row =
      token &&
      store.get('SELECT * FROM recovery_flows WHERE token_hash = ? AND expires_at > ?', [sha256(token), Date.now()]);
    if (!row) throw new ApiError(400, 'code-expired', {message: 'This recovery has timed out. Please start again.'});
    return {
      tokenHash: String(row.token_hash),
      identifier: String(row.identifier),
      // The same query for an unknown address (no account has id 0).
      user: accounts.byId(row.user_id === null ? 0 : Number(row.user_id)),
      codeExpiresAt: row.code_expires_at === null ? null : Number(row.code_expires_at),
      grantExpiresAt: row.grant_expires_at === null ? null : Number(row.grant_expires_at),
    };
  }

  /**
   * Issues a recovery code and a link, and emails them in the customer's language.
   * @param {import('./accounts.mjs').User} user
   * @param {string} origin
   */
  function sendRecoveryEmail(user, origin) {
    const {code, link} = accounts.issueCode(user, 'recovery', CODE_MINUTES, {withLink: true});
    if (!link) return;
    const locale = accounts.language(user);
    accounts.send(user.email, renderRecoveryCode({user, locale, origin, code, link, minutes: CODE_MINUTES}));
  }

  return {
    'POST /api/recovery/identify': (context) => {
      const identifier = normaliseEmail(context.body.identifier);
      if (!identifier || identifier.length > 254) throw fail.badRequest('Enter the email address of your account.');
      const user = accounts.byEmail(identifier);
      startFlow(context, identifier, user?.id ?? null);
      // Masked from what was typed, so it looks the same whether or not the account exists.
      return {methods: [{id: 'email', channel: 'email', destination: maskEmail(identifier)}]};
    },

    'POST /api/recovery/send': (context) => {
      const flow = currentFlow(context);
      if (context.body.method !== 'email') throw fail.badRequest('This recovery method is not available.');
      // A budget per client: someone else asking for codes does not spend the owner's.
      const wait = limits.sends.take(`recovery:${flow.identifier}\n${accounts.client(context, flow.user).client}`);
      if (wait > 0) throw fail.rateLimited(wait);
      store.run('UPDATE recovery_flows SET code_expires_at = ? WHERE token_hash = ?', [
        Date.now() + CODE_MINUTES * 60_000,
        flow.tokenHash,
      ]);
      const {user} = flow;
      const {origin} = context;
      const language = languageOf(context.request);
      // Issued, rendered and emailed after the answer (in the language of this request), and
      // queued for an unknown address too.
      accounts.later(() => {
        if (!user) return;
        if (language) accounts.setLanguage(user, language);
        sendRecoveryEmail(user, origin);
      });
      return {sent: true};
    },

    'POST /api/recovery/verify': (context) => {
      const flow = currentFlow(context);
      if (flow.codeExpiresAt !== null && flow.codeExpiresAt <= Date.now()) throw new ApiError(400, 'code-expired');
      const attempt = beginCodeAttempt(deps, context, limits.recoveryCodes, `recovery:${flow.identifier}`, flow.user);
      const outcome = flow.user ? accounts.useCode(flow.user, 'recovery', cleanCode(context.body.code)) : 'incorrect';
      if (outcome === 'expired') {
        attempt.release();
        throw new ApiError(400, 'code-expired');
      }
      if (outcome !== 'ok') throw wrongCode(attempt);
      rightCode(attempt);
      store.run('UPDATE recovery_flows SET grant_expires_at = ? WHERE token_hash = ?', [
        Date.now() + GRANT_MINUTES * 60_000,
        flow.tokenHash,
      ]);
      return {verified: true};
    },

    // The link page posts the token only when the customer clicks "Continue" (a mail scanner
    // that opens the link does not spend it).
    'POST /api/recovery/link': (context) => {
      const user = accounts.useLink('recovery', text(context.body.token));
      if (!user) {
        throw new ApiError(400, 'code-expired', {
          message: 'This link has expired or was already used. Ask for a new one.',
        });
      }
      startFlow(context, user.email, user.id, Date.now() + GRANT_MINUTES * 60_000);
      return {identifier: user.email};
    },

    'POST /api/recovery/reset': async (context) => {
      const flow = currentFlow(context);
      const {user} = flow;
      if (!user || flow.grantExpiresAt === null || flow.grantExpiresAt <= Date.now()) {
        throw new ApiError(403, 'code-expired', {message: 'Confirm a new code first.'});
      }
      await accounts.replacePassword(user, text(context.body.newPassword), {signOutOthers: false});
      // Whoever caused the recovery may be signed in somewhere: every session, remembered device,
      // unused code or link and recovery flow of the account ends, whatever the page asked
      // (`signOutOthers` is not read); the guessing that led here is forgotten.
      const signedOutOthers = endEverything(store, user.id);
      limits.passwords.clear(user.email);
      limits.recoveryCodes.clear(`recovery:${flow.identifier}`);
      context.setCookies.push(flowCookie('', 0));
      accounts.notify(user, 'password-reset', context);
      // No automatic sign-in: the customer signs in with the new password (and the second step).
      return {signedOutOthers};
    },
  };
}
