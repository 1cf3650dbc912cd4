// Account recovery: identify → send a code (and a link) by email → verify → (the authenticator
// app's code, when the account has two-step verification) → new password.
// The answers never tell whether an account exists: an unknown address gets the same methods,
// the same cookie, the same cooldowns and the same "incorrect code", and no email is sent; the
// requests do the same work for both (the code is issued and emailed after the answer).
// The code and the link are two secrets, each used once; using one leaves the other valid until
// the new password is set, which voids both. For an account with two-step verification, the
// right email code (or the link) is not enough: the grant to set a new password is given only
// after the app's code, which the server checks itself (the page cannot skip it).
import {ApiError, cookie, fail} from './http.mjs';
import {cleanCode, maskEmail, newToken, normaliseEmail, sha256, text} from './accounts.mjs';
import {beginCodeAttempt, rightCode, useTotp, wrongCode} from './api-account.mjs';
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
   * @returns {string} the flow's token hash
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
    return sha256(token);
  }

  /**
   * After the first step of an account with two-step verification: the grant waits for the
   * app's code. What the wizard is told to ask for (`serein-recovery-verify`'s answer).
   * @param {string} tokenHash
   */
  function awaitSecondStep(tokenHash) {
    store.run('INSERT OR REPLACE INTO recovery_second_steps (token_hash, expires_at) VALUES (?, ?)', [
      tokenHash,
      Date.now() + GRANT_MINUTES * 60_000,
    ]);
    // The demo has no backup codes or text messages for this step: a lost app leads to support.
    return {channels: ['app']};
  }

  /**
   * Grants the new password for `GRANT_MINUTES`, the second step being done.
   * @param {string} tokenHash
   */
  function grant(tokenHash) {
    store.transaction(() => {
      store.run('DELETE FROM recovery_second_steps WHERE token_hash = ?', [tokenHash]);
      store.run('UPDATE recovery_flows SET grant_expires_at = ? WHERE token_hash = ?', [
        Date.now() + GRANT_MINUTES * 60_000,
        tokenHash,
      ]);
    });
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
      // Only the owner of the email gets this far, so telling them about the second step is safe.
      if (flow.user?.totp_secret) return {verified: true, secondFactor: awaitSecondStep(flow.tokenHash)};
      grant(flow.tokenHash);
      return {verified: true};
    },

    // The second step of an account with two-step verification: the authenticator app's code,
    // with the same attempt budget as the second step of a sign-in (guesses add up).
    'POST /api/recovery/second-factor': async (context) => {
      const flow = currentFlow(context);
      const {user} = flow;
      const waiting = store.get(
        'SELECT expires_at FROM recovery_second_steps WHERE token_hash = ? AND expires_at > ?',
        [flow.tokenHash, Date.now()],
      );
      if (!user || !waiting) throw new ApiError(403, 'code-expired', {message: 'Confirm a new code first.'});
      if (context.body.channel !== 'app') throw fail.badRequest('This way of confirming is not available.');
      const attempt = beginCodeAttempt(deps, context, limits.codes, `second-factor:${user.id}`, user);
      if (!(await useTotp(store, user, cleanCode(context.body.code)))) throw wrongCode(attempt);
      rightCode(attempt);
      grant(flow.tokenHash);
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
      if (user.totp_secret) {
        // The link stands for the email only: the app's code comes before the new password.
        const tokenHash = startFlow(context, user.email, user.id);
        return {identifier: user.email, secondFactor: awaitSecondStep(tokenHash)};
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
