// Rate limits, kept in memory (a restart forgets them; a real deployment keeps them in a shared
// store so that every server instance sees the same counts).

/**
 * Counts failures per key inside a window; after `max` failures the key is locked for
 * `lockSeconds`. A success clears the key. Asking for a new code does not reset anything
 * (NIST SP 800-63B-4 §3.1.3.2).
 */
export class FailureLimiter {
  /** @type {Map<string, {failures: number, since: number, lockedUntil: number}>} */
  #entries = new Map();

  /**
   * @param {{max: number, windowSeconds: number, lockSeconds: number, now?: () => number}} options
   */
  constructor(options) {
    this.max = options.max;
    this.windowMs = options.windowSeconds * 1000;
    this.lockMs = options.lockSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * @param {string} key
   * @returns {number} seconds until the key is unlocked, 0 when it is not locked
   */
  lockedFor(key) {
    const entry = this.#current(key);
    if (!entry || entry.lockedUntil <= this.now()) return 0;
    return Math.ceil((entry.lockedUntil - this.now()) / 1000);
  }

  /**
   * Records a failure.
   * @param {string} key
   * @returns {{attemptsLeft: number, lockedFor: number}} attempts left before the lock, and the lock's length once it is on
   */
  fail(key) {
    const now = this.now();
    const entry = this.#current(key) ?? {failures: 0, since: now, lockedUntil: 0};
    entry.failures += 1;
    this.#entries.set(key, entry);
    return {attemptsLeft: Math.max(0, this.max - entry.failures), lockedFor: this.#lockIfDue(entry, now)};
  }

  /** @param {string} key */
  succeed(key) {
    this.#entries.delete(key);
  }

  /**
   * @param {{failures: number, since: number, lockedUntil: number}} entry
   * @param {number} now
   */
  #lockIfDue(entry, now) {
    if (entry.failures < this.max) return 0;
    // The lock starts with the attempt after the last allowed failure.
    if (entry.lockedUntil <= now) entry.lockedUntil = now + this.lockMs;
    return Math.ceil((entry.lockedUntil - now) / 1000);
  }

  /** @param {string} key */
  #current(key) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    // A window without a lock ends quietly; an expired lock clears the count.
    if ((entry.lockedUntil && entry.lockedUntil <= now) || (!entry.lockedUntil && now - entry.since > this.windowMs)) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/**
 * A cooldown between sends (codes by email or text message) plus a cap per hour.
 */
export class SendLimiter {
  /** @type {Map<string, number[]>} */
  #sent = new Map();

  /** @param {{cooldownSeconds: number, perHour: number, now?: () => number}} options */
  constructor(options) {
    this.cooldownMs = options.cooldownSeconds * 1000;
    this.perHour = options.perHour;
    this.now = options.now ?? Date.now;
  }

  /**
   * Records a send when allowed.
   * @param {string} key
   * @returns {number} 0 when the send may go, else the seconds to wait
   */
  take(key) {
    const now = this.now();
    const recent = (this.#sent.get(key) ?? []).filter((time) => now - time < 3600_000);
    const last = recent.at(-1);
    let wait = 0;
    if (last !== undefined && now - last < this.cooldownMs) wait = this.cooldownMs - (now - last);
    if (recent.length >= this.perHour) wait = Math.max(wait, recent[0] + 3600_000 - now);
    if (wait > 0) {
      this.#sent.set(key, recent);
      return Math.ceil(wait / 1000);
    }
    recent.push(now);
    this.#sent.set(key, recent);
    return 0;
  }
}
