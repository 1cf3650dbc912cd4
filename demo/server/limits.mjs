// Guess and send limits, kept in memory: a restart forgets them (the demo runs as one process; a
// deployment with several instances keeps these counters in a store they share, such as its
// database or Redis, with the same rules).
//
// The rules, and the guess budgets they give, are in the README's "Guess budgets" section.

/**
 * Who is guessing: the account (as typed: an unknown address is counted like a known one), the
 * client (the remembered-device cookie when it is a valid one for this account, else the client
 * address), the client address, and whether the client is one of the owner's remembered devices.
 * @typedef {object} Guesser
 * @property {string} account
 * @property {string} client
 * @property {string} address
 * @property {boolean} trusted
 */

/**
 * Why an attempt is refused: a wait (seconds), or the account's hard ceiling (no wait helps:
 * the owner recovers the account, or signs in on a remembered device).
 * @typedef {{retryAfterSeconds: number, ceiling?: false} | {ceiling: true, retryAfterSeconds?: undefined}} Refusal
 */

/**
 * An attempt reserved by {@link GuessLimiter.begin}: it counts as a failure from the start, and
 * one of these three ends it.
 * @typedef {object} Attempt
 * @property {Refusal | undefined} refused set when the attempt may not be made at all
 * @property {() => {attemptsLeft: number | undefined}} fail the guess was wrong; `attemptsLeft`
 *   is set when the account's ceiling is five failures away or closer
 * @property {() => Refusal | undefined} succeed the guess was right: the counters are refunded and
 *   cleared, unless the account was locked meanwhile (then the refusal to answer with)
 * @property {() => void} release not a guess after all (a right but expired code): refunded
 */

/** A counter over a fixed window. */
class WindowCounter {
  /** @type {Map<string, {count: number, since: number}>} */
  #windows = new Map();

  /** @param {{max: number, windowSeconds: number}} options */
  constructor({max, windowSeconds}) {
    this.max = max;
    this.windowMs = windowSeconds * 1000;
  }

  /**
   * @param {string} key
   * @param {number} now
   */
  #current(key, now) {
    const window = this.#windows.get(key);
    if (window && now - window.since < this.windowMs) return window;
    const fresh = {count: 0, since: now};
    this.#windows.set(key, fresh);
    return fresh;
  }

  /**
   * Seconds until the key may count again, 0 when it may now.
   * @param {string} key
   * @param {number} now
   */
  waitFor(key, now) {
    const window = this.#current(key, now);
    return window.count < this.max ? 0 : Math.ceil((window.since + this.windowMs - now) / 1000);
  }

  /**
   * @param {string} key
   * @param {number} now
   * @returns {() => void} the refund (it does nothing once the window has changed)
   */
  add(key, now) {
    const window = this.#current(key, now);
    window.count += 1;
    return () => {
      if (this.#windows.get(key) === window && window.count > 0) window.count -= 1;
    };
  }

  /** @param {number} now */
  prune(now) {
    for (const [key, window] of this.#windows) if (now - window.since >= this.windowMs) this.#windows.delete(key);
  }
}

/**
 * Limits guesses at one kind of secret (passwords, or one-time codes).
 *
 * - Per account × client, a progressive delay: after the n-th consecutive failure the next
 *   attempt waits 2^(n-1) × `baseDelaySeconds`, at most `maxDelaySeconds`. Failures persist
 *   until a success (a wait running out does not clear them). One attempt at a time per client.
 * - Per account, a hard ceiling of consecutive failures (NIST SP 800-63B-4 §3.2.2: at most 100)
 *   counted only for clients that are not one of the owner's remembered devices, and applied
 *   only to them: whoever knows an address cannot lock its owner's own device out.
 * - Optionally, per client address and for the whole server, failures per window (for clients
 *   that are not remembered devices).
 *
 * Every attempt counts as a failure from {@link GuessLimiter.begin}, before the caller awaits
 * anything (a hash, a database): parallel requests cannot slip past a limit, and a success
 * refunds its attempt.
 */
export class GuessLimiter {
  /** @type {Map<string, {failures: number, inFlight: number, nextAt: number, lastAt: number}>} */
  #clients = new Map();
  /** @type {Map<string, number>} consecutive failures of untrusted clients, per account */
  #accounts = new Map();
  #calls = 0;

  /**
   * @param {{
   *   ceiling: number,
   *   baseDelaySeconds?: number,
   *   maxDelaySeconds?: number,
   *   perAddress?: {max: number, windowSeconds: number},
   *   global?: {max: number, windowSeconds: number},
   *   now?: () => number,
   * }} options
   */
  constructor(options) {
    this.ceiling = options.ceiling;
    this.baseDelayMs = (options.baseDelaySeconds ?? 1) * 1000;
    this.maxDelayMs = (options.maxDelaySeconds ?? 900) * 1000;
    this.perAddress = options.perAddress && new WindowCounter(options.perAddress);
    this.global = options.global && new WindowCounter(options.global);
    this.now = options.now ?? Date.now;
  }

  /**
   * The wait after `failures` consecutive failures, in milliseconds.
   * @param {number} failures
   */
  delayAfter(failures) {
    if (failures <= 0) return 0;
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(failures - 1, 40));
  }

  /**
   * Reserves an attempt, or says why it may not be made. Call it before any `await`.
   * @param {Guesser} who
   * @returns {Attempt}
   */
  begin(who) {
    const now = this.now();
    this.#maybePrune(now);
    const refused = this.#refusal(who, now);
    const noop = () => undefined;
    if (refused) return {refused, fail: () => ({attemptsLeft: undefined}), succeed: noop, release: noop};

    const clientKey = `${who.account}\n${who.client}`;
    const entry = this.#clients.get(clientKey) ?? {failures: 0, inFlight: 0, nextAt: 0, lastAt: now};
    entry.failures += 1;
    entry.inFlight += 1;
    entry.lastAt = now;
    this.#clients.set(clientKey, entry);
    if (!who.trusted) this.#accounts.set(who.account, (this.#accounts.get(who.account) ?? 0) + 1);
    const refunds = who.trusted
      ? []
      : [this.perAddress?.add(who.address, now), this.global?.add('', now)].filter((refund) => refund !== undefined);

    let open = true;
    const close = () => {
      const wasOpen = open;
      open = false;
      if (wasOpen) entry.inFlight -= 1;
      return wasOpen;
    };
    /** Takes this attempt's failure back (it was not a wrong guess). */
    const refund = () => {
      entry.failures = Math.max(0, entry.failures - 1);
      if (!who.trusted) this.#accounts.set(who.account, Math.max(0, (this.#accounts.get(who.account) ?? 1) - 1));
      for (const undo of refunds) undo();
    };

    return {
      refused: undefined,
      fail: () => {
        if (!close()) return {attemptsLeft: undefined};
        const end = this.now();
        entry.lastAt = end;
        // The wait starts when the answer goes out, so that it covers the time to send the next guess.
        entry.nextAt = end + this.delayAfter(entry.failures);
        if (who.trusted) return {attemptsLeft: undefined};
        const left = Math.max(0, this.ceiling - (this.#accounts.get(who.account) ?? 0));
        return {attemptsLeft: left <= 5 ? left : undefined};
      },
      succeed: () => {
        if (!close()) return undefined;
        refund();
        // Checked again now that the guess is known to be right: failures of other clients
        // may have reached the ceiling while this one was being checked.
        if (!who.trusted && (this.#accounts.get(who.account) ?? 0) >= this.ceiling) return {ceiling: true};
        this.#clients.delete(clientKey);
        this.#accounts.delete(who.account);
        return undefined;
      },
      release: () => {
        if (close()) refund();
      },
    };
  }

  /**
   * Forgets an account's failures (its secret was replaced through recovery).
   * @param {string} account
   */
  clear(account) {
    this.#accounts.delete(account);
    for (const key of this.#clients.keys()) if (key.startsWith(`${account}\n`)) this.#clients.delete(key);
  }

  /**
   * @param {Guesser} who
   * @param {number} now
   * @returns {Refusal | undefined}
   */
  #refusal(who, now) {
    const entry = this.#clients.get(`${who.account}\n${who.client}`);
    // One guess at a time per client; the next one waits for the answer and then the delay. (An
    // attempt still open after a minute ended in an unexpected error: it no longer blocks.)
    if (entry && entry.inFlight > 0 && now - entry.lastAt < 60_000) {
      return {retryAfterSeconds: Math.ceil(this.baseDelayMs / 1000)};
    }
    if (entry && entry.nextAt > now) return {retryAfterSeconds: Math.ceil((entry.nextAt - now) / 1000)};
    if (who.trusted) return undefined;
    if ((this.#accounts.get(who.account) ?? 0) >= this.ceiling) return {ceiling: true};
    const wait = Math.max(this.perAddress?.waitFor(who.address, now) ?? 0, this.global?.waitFor('', now) ?? 0);
    return wait > 0 ? {retryAfterSeconds: wait} : undefined;
  }

  /**
   * Drops, now and then, what no longer limits anything: client counters idle for a day (their
   * wait, at most 15 minutes, is long over) and ended windows. Account failures stay until a
   * success or a recovery.
   * @param {number} now
   */
  #maybePrune(now) {
    this.#calls += 1;
    if (this.#calls % 1000 !== 0) return;
    for (const [key, entry] of this.#clients) {
      if (entry.inFlight === 0 && now - entry.lastAt > 86_400_000) this.#clients.delete(key);
    }
    this.perAddress?.prune(now);
    this.global?.prune(now);
  }
}

/**
 * A cooldown between sends (codes by email or text message) plus a cap per hour, per key (the
 * callers key it per account × client, so that nobody spends the owner's budget).
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
    if (this.#sent.size > 10_000) {
      for (const [other, times] of this.#sent) if (now - (times.at(-1) ?? 0) >= 3600_000) this.#sent.delete(other);
    }
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
