// Password hashing (scrypt from node:crypto, a salt per hash) and the demo's password policy.
import {randomBytes, scrypt as scryptCallback, timingSafeEqual} from 'node:crypto';

/** scrypt cost: N = 2^14, r = 8, p = 1 (16 MiB, a few tens of milliseconds here). */
const COST = {N: 2 ** 14, r: 8, p: 1};
const KEY_LENGTH = 32;

/** @type {(() => void) | undefined} */
let onHash;

/**
 * Calls `listener` each time a password is hashed (the end-to-end tests count hashes through a
 * route that only their test mode adds; nothing else sets it).
 * @param {(() => void) | undefined} listener
 */
export function observeHashing(listener) {
  onHash = listener;
}

/**
 * @param {string} password
 * @param {Buffer} salt
 * @param {{N: number, r: number, p: number}} cost
 * @returns {Promise<Buffer>}
 */
function scrypt(password, salt, cost) {
  onHash?.();
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, {...cost, maxmem: 64 * 1024 * 1024}, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$key` (salt and key in base64url). The password is
 * NFC-normalised first (NIST SP 800-63B-4 §3.1.1.2) and never truncated.
 * @param {string} password
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * @param {string} password
 * @param {string} stored a value made by {@link hashPassword}
 */
export async function verifyPassword(password, stored) {
  const [kind, N, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), {N: Number(N), r: Number(r), p: Number(p)});
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nobody's password, so that unknown accounts cost as much time as known ones. */
export const decoyHash = await hashPassword(randomBytes(16).toString('hex'));

export const MIN_LENGTH = 15;
export const MAX_LENGTH = 1024;

/**
 * The demo's "found in a data breach" list: well-known long passwords that pass the length rule,
 * so the server's own refusal can be seen; compared without case (a real server would ask a breach corpus, such as
 * Pwned Passwords' k-anonymity API).
 */
export const BREACHED = new Set([
  'correct horse battery staple',
  'passwordpassword',
  '123456789012345',
  '1234567890123456',
  'qwertyuiopasdfgh',
  'qwertyuiopasdfghjkl',
  'iloveyouiloveyou',
  'password1234567!',
  'letmeinletmeinletmein',
]);

/**
 * What the server refuses in a new password, whatever the page checked before (ASVS 5.0 2.2.2):
 * too short or too long (in code points), or on the breached list.
 * @param {string} password
 * @returns {{code: 'password-rejected' | 'password-breached', message?: string} | undefined}
 */
export function policyProblem(password) {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_LENGTH) return {code: 'password-rejected', message: `Use at least ${MIN_LENGTH} characters.`};
  if (length > MAX_LENGTH) return {code: 'password-rejected', message: `Use at most ${MAX_LENGTH} characters.`};
  if (BREACHED.has(password.normalize('NFC').toLowerCase())) return {code: 'password-breached'};
  return undefined;
}
