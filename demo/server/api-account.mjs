// Sign in and out, the second step (authenticator app or text message), the password change,
// the authenticator-app enrolment and the account summary.
import {ApiError, fail} from './http.mjs';
import {verifyPassword, decoyHash} from './passwords.mjs';
import {checkTotp, newTotpSecret} from './totp.mjs';
import {cleanCode, maskPhone, normaliseEmail, text} from './accounts.mjs';
import {requireRecentAuthentication} from './recent-auth.mjs';
import {rotateSession} from './sessions.mjs';
import {renderInvitation, renderSignInSms} from './mail.mjs';

/** @typedef {import('./accounts.mjs').Context} Context */
/** @typedef {import('./accounts.mjs').User} User */
/** @typedef {import('./app.mjs').Deps} Deps */

const SMS_CODE_MINUTES = 5;

/**
 * A same-origin path to go to after signing in, or undefined.
 * @param {unknown} next
 */
const safeNext = (next) =>
  typeof next === 'string' && /^\/[\w/-]*$/.test(next) && !next.startsWith('//') ? next : undefined;

/**
 * Where a customer goes once signed in: the password page when the server wants a change.
 * @param {User} user
 * @param {unknown} [next]
 */
export const afterSignIn = (user, next) => (user.breach_flag ? '/account/password' : (safeNext(next) ?? '/account'));

/**
 * Reserves a password attempt before anything is awaited (the attempt counts as a failure until
 * it succeeds), or refuses it: a wait (`rate-limited` with `retryAfterSeconds`), or the account's
 * ceiling for this client (`rate-limited` without a wait: recover the account, or sign in on a
 * remembered device).
 * @param {Deps} deps
 * @param {Context} context
 * @param {string} account the email as typed (unknown ones are counted like known ones)
 * @param {User | undefined} user
 */
export function beginPasswordAttempt({accounts, limits}, context, account, user) {
  const attempt = limits.passwords.begin({account, ...accounts.client(context, user)});
  if (attempt.refused) throw passwordRefusal(attempt.refused);
  return attempt;
}

/** @param {import('./limits.mjs').Refusal} refusal */
export const passwordRefusal = (refusal) =>
  refusal.ceiling
    ? new ApiError(429, 'rate-limited', {
        message: 'Too many wrong passwords for this account. Recover your account to choose a new password.',
      })
    : fail.rateLimited(refusal.retryAfterSeconds);

/**
 * Counts a wrong password (the next attempt from this client waits a little longer).
 * @param {import('./limits.mjs').Attempt} attempt
 */
export function wrongPassword(attempt) {
  attempt.fail();
  return new ApiError(400, 'current-password-incorrect');
}

/**
 * Reserves a one-time-code attempt before anything is awaited, or refuses it
 * (`too-many-attempts`, with `retryAfterSeconds` unless the account's ceiling was reached).
 * @param {Deps} deps
 * @param {Context} context
 * @param {import('./limits.mjs').GuessLimiter} limiter
 * @param {string} key what the code is for (the account and the step)
 * @param {User | undefined} user
 */
export function beginCodeAttempt({accounts}, context, limiter, key, user) {
  const attempt = limiter.begin({account: key, ...accounts.client(context, user)});
  if (attempt.refused) throw codeRefusal(attempt.refused);
  return attempt;
}

/** @param {import('./limits.mjs').Refusal} refusal */
export const codeRefusal = (refusal) =>
  refusal.ceiling
    ? new ApiError(429, 'too-many-attempts', {
        message: 'Too many wrong codes for this account. Please contact support.',
      })
    : fail.tooManyAttempts(refusal.retryAfterSeconds);

/**
 * Counts a wrong code: `code-incorrect`, with `attemptsLeft` once the account's ceiling is near.
 * @param {import('./limits.mjs').Attempt} attempt
 */
export function wrongCode(attempt) {
  const {attemptsLeft} = attempt.fail();
  return new ApiError(400, 'code-incorrect', attemptsLeft === undefined ? {} : {attemptsLeft});
}

/**
 * A right code: refunds the attempt, unless the account was locked meanwhile.
 * @param {import('./limits.mjs').Attempt} attempt
 */
export function rightCode(attempt) {
  const refused = attempt.succeed();
  if (refused) throw codeRefusal(refused);
}

/**
 * Uses an authenticator-app code of the account: true when it is right and was not used before.
 * The condition makes two simultaneous requests with the same code succeed only once.
 * @param {import('./store.mjs').Store} store
 * @param {User} user
 * @param {string} code
 */
export async function useTotp(store, user, code) {
  if (!user.totp_secret) return false;
  const step = await checkTotp(String(user.totp_secret), code, user.totp_last_step);
  return (
    step !== undefined &&
    store.run('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)', [
      step,
      user.id,
      step,
    ]).changes === 1
  );
}

/**
 * @param {Deps} deps
 * @returns {Record<string, (context: Context) => unknown>}
 */
export function accountRoutes(deps) {
  const {accounts, store, limits} = deps;

  /** @param {Context} context */
  function secondFactorSession(context) {
    const session = accounts.session(context);
    if (session?.stage !== 'second-factor' || !session.user.totp_secret) throw fail.signInFirst();
    return session;
  }

  return {
    'GET /api/me': (context) => {
      const {user, method} = accounts.signedIn(context);
      const passkeys = store.all(
        'SELECT id, created_at AS createdAt, last_used_at AS lastUsedAt FROM passkeys WHERE user_id = ? ORDER BY created_at',
        [user.id],
      );
      return {
        email: user.email,
        name: user.name,
        phone: user.phone ? maskPhone(user.phone) : null,
        signedInWith: method,
        breach: !!user.breach_flag,
        passwordChangeReason: user.breach_flag ? 'breach' : 'user',
        passwordChangedAt: user.password_changed_at,
        twoStep: !!user.totp_secret,
        passkeys,
        // The WebAuthn user handle (random, not secret): the account page's passkey signals name it.
        webauthnUserId: user.webauthn_user_id,
      };
    },

    'POST /api/session': async (context) => {
      const email = normaliseEmail(context.body.email);
      const password = text(context.body.password);
      if (!email || !password) throw fail.badRequest('Enter your email and password.');
      const user = accounts.byEmail(email);
      const attempt = beginPasswordAttempt(deps, context, email, user);
      // An unknown email costs the same time as a wrong password, and gets the same answer.
      const matches = await verifyPassword(password, user?.password_hash ?? decoyHash);
      if (!user || !matches) throw wrongPassword(attempt);
      // Checked again: the account may have been locked while the hash was computed.
      const refused = attempt.succeed();
      if (refused) throw passwordRefusal(refused);
      if (user.totp_secret && !accounts.isRememberedDevice(context, user)) {
        accounts.startSession(context, user, 'second-factor', 'password');
        return {next: '/two-factor', secondFactor: true};
      }
      accounts.startSession(context, user, 'full', 'password');
      return {next: afterSignIn(user, context.body.next)};
    },

    'POST /api/sign-out': (context) => {
      accounts.endSession(context);
      return {next: '/sign-in'};
    },

    'GET /api/two-factor': (context) => {
      const {user} = secondFactorSession(context);
      return {
        channel: 'app',
        alternatives: user.phone ? [{channel: 'sms', destination: maskPhone(user.phone)}] : [],
      };
    },

    'POST /api/two-factor/send': (context) => {
      const {user} = secondFactorSession(context);
      if (context.body.channel !== 'sms' || !user.phone) throw fail.badRequest('No code can be sent that way.');
      const wait = limits.sends.take(`sms:${user.id}\n${accounts.client(context, user).client}`);
      if (wait > 0) throw fail.rateLimited(wait);
      const {code} = accounts.issueCode(user, 'sms-2fa', SMS_CODE_MINUTES);
      accounts.send(
        user.phone,
        renderSignInSms({locale: accounts.language(user), hostname: context.hostname, code, minutes: SMS_CODE_MINUTES}),
      );
      return {channel: 'sms', destination: maskPhone(user.phone)};
    },

    'POST /api/two-factor': async (context) => {
      const session = secondFactorSession(context);
      const {user} = session;
      const attempt = beginCodeAttempt(deps, context, limits.codes, `second-factor:${user.id}`, user);
      const code = cleanCode(context.body.code);
      const channel = context.body.channel === 'sms' ? 'sms' : 'app';
      if (channel === 'sms') {
        const outcome = accounts.useCode(user, 'sms-2fa', code);
        if (outcome === 'expired') {
          attempt.release();
          throw new ApiError(400, 'code-expired');
        }
        if (outcome !== 'ok') throw wrongCode(attempt);
      } else if (!(await useTotp(store, user, code))) {
        throw wrongCode(attempt);
      }
      rightCode(attempt);
      accounts.startSession(context, user, 'full', `${session.method}+${channel}`);
      if (context.body.rememberDevice === true) accounts.rememberDevice(context, user);
      return {next: afterSignIn(user)};
    },

    'POST /api/password': async (context) => {
      const session = accounts.signedIn(context);
      const {user} = session;
      const currentPassword = text(context.body.currentPassword);
      const newPassword = text(context.body.newPassword);
      const attempt = beginPasswordAttempt(deps, context, user.email, user);
      if (!(await verifyPassword(currentPassword, user.password_hash))) throw wrongPassword(attempt);
      const refused = attempt.succeed();
      if (refused) throw passwordRefusal(refused);
      const signedOutOthers = await accounts.replacePassword(user, newPassword, {
        signOutOthers: context.body.signOutOthers === true,
        keepTokenHash: session.tokenHash,
      });
      // A new token for this browser: a copy of the old cookie no longer signs anyone in.
      rotateSession(store, context, session, 'password');
      accounts.notify(user, 'password-changed', context);
      return {signedOutOthers};
    },

    'POST /api/account/breach': (context) => {
      const {user} = accounts.signedIn(context);
      const breached = context.body.breached === true;
      store.run('UPDATE users SET breach_flag = ? WHERE id = ?', [breached ? 1 : 0, user.id]);
      // What a host does when a password turns up in a breach: invite the customer to change it.
      if (breached && !user.breach_flag) {
        const locale = accounts.language(user);
        accounts.send(user.email, renderInvitation({user, locale, origin: context.origin, reason: 'breach'}));
      }
      return {breached, passwordChangeReason: breached ? 'breach' : 'user'};
    },

    'POST /api/totp/enrolment': async (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const {user} = session;
      const enrolment = await newTotpSecret(user.email);
      store.run('UPDATE users SET totp_pending_secret = ? WHERE id = ?', [enrolment.secret, user.id]);
      return enrolment;
    },

    'POST /api/totp/enrolment/confirm': async (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const {user} = session;
      if (!user.totp_pending_secret) throw fail.badRequest('Start the set-up again.');
      const attempt = beginCodeAttempt(deps, context, limits.codes, `enrolment:${user.id}`, user);
      const step = await checkTotp(user.totp_pending_secret, cleanCode(context.body.code), null);
      if (step === undefined) throw wrongCode(attempt);
      rightCode(attempt);
      store.run(
        'UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?',
        [step, user.id],
      );
      if (user.totp_secret) {
        accounts.notify(user, 'two-step-replaced', context);
      } else {
        accounts.notify(user, 'two-step-on', context);
      }
      return {twoStep: true};
    },

    'POST /api/totp/disable': (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const {user} = session;
      if (!user.totp_secret) return {twoStep: false};
      store.transaction(() => {
        store.run(
          'UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = ?',
          [user.id],
        );
        store.run('DELETE FROM remembered_devices WHERE user_id = ?', [user.id]);
      });
      accounts.notify(user, 'two-step-off', context);
      return {twoStep: false};
    },
  };
}
