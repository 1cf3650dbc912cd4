// Accounts, sessions, remembered devices, one-time codes and the development outbox: the state
// every route works with.
import {createHash, createHmac, randomBytes, randomInt} from 'node:crypto';
import {hashPassword, policyProblem, verifyPassword} from './passwords.mjs';
import {ApiError, cookie, fail} from './http.mjs';
import {recordAuthentication} from './recent-auth.mjs';
import {deviceOf, languageOf, renderNotice} from './mail.mjs';

/** The account the demo creates on its first start; the start page shows these credentials. */
export const SEED_ACCOUNT = Object.freeze({
  email: 'ada@example.com',
  password: 'calm river copper lantern',
  name: 'Ada',
  // A number from Ofcom's range for drama: it belongs to nobody.
  phone: '+44 7700 900142',
});

export const SESSION_COOKIE = 'serein_session';
export const DEVICE_COOKIE = 'serein_device';
const SESSION_HOURS = 12;
const SECOND_FACTOR_MINUTES = 10;
const REMEMBER_DAYS = 30;
/**
 * How long queued work waits before it runs (see `later`): between 0.5 and 1.5 s, so that when
 * it runs says nothing about which request queued it.
 */
const queueDelay = () => 500 + randomInt(0, 1000);
/** How many unexpired codes (and, apart, links) of one purpose stay valid at once. */
const LIVE_CODES = 3;

/**
 * @typedef {object} User
 * @property {number} id
 * @property {string} email
 * @property {string} name
 * @property {string | null} phone
 * @property {string} password_hash
 * @property {number} password_changed_at
 * @property {number} breach_flag
 * @property {string | null} totp_secret
 * @property {string | null} totp_pending_secret
 * @property {number | null} totp_last_step
 * @property {string} webauthn_user_id
 */

/**
 * @typedef {object} Session
 * @property {string} tokenHash
 * @property {User} user
 * @property {'full' | 'second-factor'} stage
 * @property {string} method how the customer signed in (password, passkey, password+app, password+sms)
 */

/**
 * What a route handler gets: the request, its origin, its cookies, and where to put cookies.
 * @typedef {object} Context
 * @property {import('node:http').IncomingMessage} request
 * @property {URL} url
 * @property {string} origin the page origin, http://<host>
 * @property {string} hostname the WebAuthn relying party id
 * @property {string} ip
 * @property {Record<string, string>} cookies
 * @property {string[]} setCookies
 * @property {Record<string, unknown>} body
 */

/** A random token for a cookie or a link (256 bits). */
export const newToken = () => randomBytes(32).toString('base64url');

/** @param {string} token */
export const sha256 = (token) => createHash('sha256').update(token).digest('base64url');

/** A six-digit code from the CSPRNG. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Codes are short, so they are hashed with a key held only in memory (a restart voids the codes sent before). */
const codeKey = randomBytes(32);
/** @param {string} code */
export const hashCode = (code) => createHmac('sha256', codeKey).update(code).digest('base64url');

/** What people type around a code: spaces and dashes. */
export const cleanCode = (/** @type {unknown} */ value) =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';

/** @param {unknown} value */
export const text = (value) => (typeof value === 'string' ? value : '');

/** @param {unknown} value */
export const normaliseEmail = (value) => text(value).normalize('NFC').trim().toLowerCase();

/**
 * `ada@example.com` → `a•••@example.com`; anything without an @ keeps its first character.
 * @param {string} identifier
 */
export function maskEmail(identifier) {
  const at = identifier.lastIndexOf('@');
  const local = at > 0 ? identifier.slice(0, at) : identifier;
  const domain = at > 0 ? identifier.slice(at) : '';
  return `${[...local][0] ?? ''}•••${domain}`;
}

/** @param {string} phone */
export const maskPhone = (phone) => `•••• ${phone.replace(/\D/g, '').slice(-2)}`;

/**
 * @param {import('./store.mjs').Store} store
 */
export function createAccounts(store) {
  /** @param {import('./store.mjs').Row | undefined} row */
  const asUser = (row) => /** @type {User | undefined} */ (/** @type {unknown} */ (row));

  /** @type {(() => void)[]} */
  const jobs = [];
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const accounts = {
    /** @param {string} email */
    byEmail: (email) => asUser(store.get('SELECT * FROM users WHERE email = ?', [email])),
    /** @param {number} id */
    byId: (id) => asUser(store.get('SELECT * FROM users WHERE id = ?', [id])),

    /**
     * @param {{email: string, password: string, name: string, phone?: string}} account
     */
    async create({email, password, name, phone}) {
      const hash = await hashPassword(password);
      const now = Date.now();
      return store.run(
        `INSERT INTO users (email, name, phone, password_hash, password_changed_at, webauthn_user_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [normaliseEmail(email), name, phone ?? null, hash, now, randomBytes(16).toString('base64url'), now],
      ).lastId;
    },

    /** Creates the demo account when the store has no account yet. */
    async seed() {
      if (store.get('SELECT id FROM users LIMIT 1')) return false;
      await accounts.create(SEED_ACCOUNT);
      return true;
    },

    /**
     * Writes a message, rendered by serein/messages.js (mail.mjs), to the development outbox
     * instead of sending it. Every email and text message goes through here.
     * @param {string} recipient
     * @param {import('./mail.mjs').Rendered} message
     */
    send(recipient, message) {
      store.transaction(() => {
        const {lastId} = store.run(
          'INSERT INTO outbox (created_at, channel, recipient, subject, body) VALUES (?, ?, ?, ?, ?)',
          [Date.now(), message.channel, recipient, message.subject, message.body],
        );
        store.run(
          'INSERT INTO outbox_rendered (outbox_id, locale, dir, html, segments, encoding) VALUES (?, ?, ?, ?, ?, ?)',
          [lastId, message.locale, message.dir, message.html, message.segments, message.encoding],
        );
      });
    },

    /**
     * Remembers the language the customer uses (the page's language menu, else the browser's),
     * for the messages sent to them later.
     * @param {User} user
     * @param {string} locale one of the shipped locales
     */
    setLanguage(user, locale) {
      store.run(
        'INSERT INTO account_languages (user_id, locale) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale',
        [user.id, locale],
      );
    },

    /**
     * The language of the account's messages (English until the customer used another).
     * @param {User} user
     */
    language(user) {
      return String(store.get('SELECT locale FROM account_languages WHERE user_id = ?', [user.id])?.locale ?? 'en');
    },

    /**
     * Queues work to do after the answer (issuing and sending a recovery code): the request
     * itself then does the same work whether or not the account exists, and its timing does not
     * tell. The queue runs about a second later (in one batch with what was queued meanwhile), or
     * at once through {@link flush}.
     * @param {() => void} job
     */
    later(job) {
      jobs.push(job);
      if (!timer) {
        timer = setTimeout(accounts.flush, queueDelay());
        timer.unref();
      }
    },

    /** Runs the queued work now (before the outbox is read, and when the server stops). */
    flush() {
      clearTimeout(timer);
      timer = undefined;
      for (const job of jobs.splice(0)) {
        try {
          job();
        } catch (error) {
          console.error(`A queued job failed: ${/** @type {Error} */ (error).message}`);
        }
      }
    },

    /**
     * An email that tells the customer something changed on the account (ASVS 5.0 6.3.7), in
     * their language, naming the device the change came from.
     * @param {User} user
     * @param {import('./mail.mjs').Notice} notice
     * @param {Context} context
     */
    notify(user, notice, context) {
      accounts.send(
        user.email,
        renderNotice(notice, {
          user,
          locale: accounts.language(user),
          origin: context.origin,
          device: deviceOf(context.request),
        }),
      );
    },

    /**
     * The session of this browser, if any (expired ones are ignored).
     * @param {Context} context
     * @returns {Session | undefined}
     */
    session(context) {
      const token = context.cookies[SESSION_COOKIE];
      if (!token) return undefined;
      const row = store.get('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?', [
        sha256(token),
        Date.now(),
      ]);
      const user = row && accounts.byId(Number(row.user_id));
      if (!row || !user) return undefined;
      return {
        tokenHash: String(row.token_hash),
        user,
        stage: row.stage === 'full' ? 'full' : 'second-factor',
        method: String(row.method),
      };
    },

    /**
     * The signed-in customer, or a 401.
     * @param {Context} context
     */
    signedIn(context) {
      const session = accounts.session(context);
      if (session?.stage !== 'full') throw fail.signInFirst();
      return session;
    },

    /**
     * Starts a session with a new token (never reusing one the browser had: no fixation).
     * @param {Context} context
     * @param {User} user
     * @param {'full' | 'second-factor'} stage
     * @param {string} method
     */
    startSession(context, user, stage, method) {
      accounts.endSession(context);
      const token = newToken();
      const now = Date.now();
      // What has expired goes with the next sign-in.
      store.transaction(() => {
        store.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
        store.run('DELETE FROM remembered_devices WHERE expires_at <= ?', [now]);
        store.run('DELETE FROM one_time_codes WHERE expires_at <= ?', [now - 86_400_000]);
      });
      const lifetime = stage === 'full' ? SESSION_HOURS * 3600_000 : SECOND_FACTOR_MINUTES * 60_000;
      store.run(
        'INSERT INTO sessions (token_hash, user_id, stage, method, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [sha256(token), user.id, stage, method, now, now + lifetime],
      );
      // A full sign-in is a proof of who is there: it counts as recent authentication.
      if (stage === 'full') recordAuthentication(store, sha256(token), method, now);
      const language = languageOf(context.request);
      if (language) accounts.setLanguage(user, language);
      context.setCookies.push(cookie(SESSION_COOKIE, token, {maxAgeSeconds: lifetime / 1000}));
    },

    /** @param {Context} context */
    endSession(context) {
      const token = context.cookies[SESSION_COOKIE];
      if (!token) return;
      store.run('DELETE FROM sessions WHERE token_hash = ?', [sha256(token)]);
      context.setCookies.push(cookie(SESSION_COOKIE, '', {maxAgeSeconds: 0}));
    },

    /**
     * Replaces the password once the server's own rules allow the new one (length, breached
     * list, not the current one), clears the breach flag, and ends the other sessions if asked.
     * @param {User} user
     * @param {string} newPassword
     * @param {{signOutOthers: boolean, keepTokenHash?: string}} options
     * @returns {Promise<number>} how many sessions ended
     */
    async replacePassword(user, newPassword, {signOutOthers, keepTokenHash}) {
      const problem = policyProblem(newPassword);
      if (problem) throw new ApiError(422, problem.code, problem.message ? {message: problem.message} : {});
      if (await verifyPassword(newPassword, user.password_hash)) throw new ApiError(422, 'password-reused');
      const hash = await hashPassword(newPassword);
      return store.transaction(() => {
        store.run('UPDATE users SET password_hash = ?, password_changed_at = ?, breach_flag = 0 WHERE id = ?', [
          hash,
          Date.now(),
          user.id,
        ]);
        return signOutOthers ? accounts.endOtherSessions(user, keepTokenHash) : 0;
      });
    },

    /**
     * @param {User} user
     * @param {string} [keepTokenHash] the session to keep (this device)
     * @returns {number} how many sessions ended
     */
    endOtherSessions(user, keepTokenHash = '') {
      return store.run('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?', [user.id, keepTokenHash]).changes;
    },

    /**
     * "Don't ask again on this device": a random token in a cookie, its hash in the store.
     * @param {Context} context
     * @param {User} user
     */
    rememberDevice(context, user) {
      const token = newToken();
      const lifetime = REMEMBER_DAYS * 86_400_000;
      store.run('INSERT INTO remembered_devices (token_hash, user_id, expires_at) VALUES (?, ?, ?)', [
        sha256(token),
        user.id,
        Date.now() + lifetime,
      ]);
      context.setCookies.push(cookie(DEVICE_COOKIE, token, {maxAgeSeconds: lifetime / 1000}));
    },

    /**
     * @param {Context} context
     * @param {User} user
     */
    isRememberedDevice(context, user) {
      const token = context.cookies[DEVICE_COOKIE];
      return (
        !!token &&
        !!store.get('SELECT 1 AS ok FROM remembered_devices WHERE token_hash = ? AND user_id = ? AND expires_at > ?', [
          sha256(token),
          user.id,
          Date.now(),
        ])
      );
    },

    /**
     * Who is guessing, for the limits: the remembered-device cookie when it is a valid one for
     * this account (the owner's own device), else the client address. The same query runs for
     * an unknown account (`user` undefined) as for a known one.
     * @param {Context} context
     * @param {User | undefined} user
     * @returns {{client: string, address: string, trusted: boolean}}
     */
    client(context, user) {
      const token = context.cookies[DEVICE_COOKIE];
      const trusted =
        !!token &&
        !!store.get('SELECT 1 AS ok FROM remembered_devices WHERE token_hash = ? AND user_id = ? AND expires_at > ?', [
          sha256(token),
          user?.id ?? 0,
          Date.now(),
        ]);
      return {client: trusted ? `device:${sha256(token)}` : `address:${context.ip}`, address: context.ip, trusted};
    },

    /**
     * Issues a one-time code (and optionally a link token, a secret of its own with its own
     * row). The last {@link LIVE_CODES} codes of a purpose stay valid until they expire, so that
     * a new send (by anyone who knows the address) does not void the one the owner is typing.
     * @param {User} user
     * @param {'recovery' | 'sms-2fa'} purpose
     * @param {number} lifetimeMinutes
     * @param {{withLink?: boolean}} [options]
     */
    issueCode(user, purpose, lifetimeMinutes, {withLink = false} = {}) {
      const code = newCode();
      const link = withLink ? newToken() : undefined;
      const now = Date.now();
      const expiresAt = now + lifetimeMinutes * 60_000;
      /** @param {string} kind @param {string} hash */
      const insert = (kind, hash) => {
        // The oldest unused ones beyond the last few go.
        store.run(
          `DELETE FROM one_time_codes WHERE id IN (
             SELECT id FROM one_time_codes WHERE user_id = ? AND purpose = ? AND used_at IS NULL
             ORDER BY id DESC LIMIT -1 OFFSET ?)`,
          [user.id, kind, LIVE_CODES - 1],
        );
        store.run(
          `INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
          [user.id, kind, hash, now, expiresAt],
        );
      };
      store.transaction(() => {
        insert(purpose, hashCode(code));
        if (link) insert(`${purpose}-link`, sha256(link));
      });
      return {code, link};
    },

    /**
     * Checks a code against the live codes of a purpose and uses the one it matches.
     * @param {User} user
     * @param {'recovery' | 'sms-2fa'} purpose
     * @param {string} code
     * @returns {'ok' | 'expired' | 'incorrect'}
     */
    useCode(user, purpose, code) {
      if (!/^\d{6}$/.test(code)) return 'incorrect';
      const row = store.get(
        `SELECT id, expires_at FROM one_time_codes WHERE user_id = ? AND purpose = ? AND code_hash = ? AND used_at IS NULL
         ORDER BY id DESC LIMIT 1`,
        [user.id, purpose, hashCode(code)],
      );
      if (!row) return 'incorrect';
      if (Number(row.expires_at) <= Date.now()) return 'expired';
      // The condition makes two simultaneous requests with the same code succeed only once.
      const used = store.run('UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL', [
        Date.now(),
        Number(row.id),
      ]);
      return used.changes === 1 ? 'ok' : 'incorrect';
    },

    /**
     * Uses a link token of a purpose, once.
     * @param {'recovery'} purpose
     * @param {string} token
     * @returns {User | undefined} whose link it was
     */
    useLink(purpose, token) {
      if (!token) return undefined;
      const now = Date.now();
      const row = store.get(
        `SELECT id, user_id FROM one_time_codes
         WHERE purpose = ? AND code_hash = ? AND used_at IS NULL AND expires_at > ?`,
        [`${purpose}-link`, sha256(token), now],
      );
      if (!row) return undefined;
      if (
        store.run('UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, Number(row.id)])
          .changes !== 1
      ) {
        return undefined;
      }
      return accounts.byId(Number(row.user_id));
    },

    /**
     * Voids every unused code and link of a purpose (once the reset they lead to is done).
     * @param {User} user
     * @param {'recovery' | 'sms-2fa'} purpose
     */
    voidCodes(user, purpose) {
      store.run('UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND purpose IN (?, ?) AND used_at IS NULL', [
        Date.now(),
        user.id,
        purpose,
        `${purpose}-link`,
      ]);
    },
  };
  return accounts;
}

/** @typedef {ReturnType<typeof createAccounts>} Accounts */
