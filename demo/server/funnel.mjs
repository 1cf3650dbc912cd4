// What the journey events (`serein-journey`, `serein-feedback`) tell a product owner: per
// component, how many journeys were shown, started and succeeded, where people gave up, how long
// each step took, and how easy people found it.

export const COMPONENTS = ['strength-meter', 'password-change', 'otp-prompt', 'passkey-button', 'recovery-wizard'];
export const ACTIONS = ['shown', 'started', 'step', 'submitted', 'succeeded', 'failed', 'deferred', 'abandoned'];
const MAX_EVENTS_PER_BATCH = 200;
const KEEP_EVENTS = 20_000;

/**
 * @param {unknown} value
 * @param {number} max
 */
const shortText = (value, max = 64) =>
  typeof value === 'string' && value.length > 0 && value.length <= max && /^[\w .:/-]+$/.test(value) ? value : null;

/** @param {unknown} value */
const count = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.round(value), 2 ** 31) : null;

/**
 * Keeps only the fields the journey contract defines (`docs/contract.md`, "Journey events"), each checked: anything else a
 * page might send is dropped, so no secret can end up in the store through this door.
 * @param {unknown} raw
 */
function cleanEvent(raw) {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const event = /** @type {Record<string, unknown>} */ (raw);
  const detail = /** @type {Record<string, unknown>} */ (typeof event.detail === 'object' && event.detail) || {};
  const component =
    typeof detail.component === 'string' && COMPONENTS.includes(detail.component) ? detail.component : null;
  const seq = count(event.seq);
  if (!component || seq === null) return undefined;
  const none = {action: null, step: null, reason: null, errorCode: null, elapsedMs: null, attempt: null, score: null};
  if (event.type === 'feedback') {
    const score = count(detail.score);
    if (score === null || score < 1 || score > 5) return undefined;
    return {...none, type: 'feedback', seq, component, score};
  }
  if (event.type !== 'journey' || typeof detail.action !== 'string' || !ACTIONS.includes(detail.action)) {
    return undefined;
  }
  return {
    ...none,
    type: 'journey',
    seq,
    component,
    action: detail.action,
    step: shortText(detail.step),
    reason: shortText(detail.reason),
    errorCode: shortText(detail.errorCode),
    elapsedMs: count(detail.elapsedMs),
    attempt: count(detail.attempt),
  };
}

/** @param {number[]} values */
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/**
 * How the funnel keeps up under load: events older than `maxAgeMs` (or beyond the newest
 * `keepEvents`) are deleted; each client address may send `beaconBurst` beacons at once and
 * `beaconsPerSecond` on average (a token bucket); the live summary is computed once per change for
 * every open stream, at most every `minIntervalMs`, or ten times as long as computing it took (so
 * that it takes at most a tenth of the server's time), up to `maxIntervalMs`.
 */
export const FUNNEL_LIMITS = {
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  keepEvents: KEEP_EVENTS,
  beaconBurst: 120,
  beaconsPerSecond: 5,
  minIntervalMs: 1000,
  maxIntervalMs: 10_000,
  /** Delay before the first push after a change (a few beacons usually arrive together). */
  settleMs: 200,
};

/** How often old events are looked for, besides at start. */
const PRUNE_EVERY_MS = 60_000;

/**
 * @param {import('./store.mjs').Store} store
 */
export function createFunnel(store) {
  /** @type {Set<(summaryJson: string) => void>} */
  const listeners = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pushTimer;
  /** The summary of the events as they were when it was computed, and its JSON. */
  /** @type {{summary: ReturnType<typeof computeSummary>, json: string} | undefined} */
  let cached;
  let dirty = true;
  let lastComputedAt = 0;
  let lastComputeMs = 0;
  let lastPrunedAt = 0;
  /** Beacon budgets per client address: tokens left, and when they were counted. */
  /** @type {Map<string, {tokens: number, at: number}>} */
  const buckets = new Map();

  function prune(now = Date.now()) {
    lastPrunedAt = now;
    return store.run('DELETE FROM journey_events WHERE received_at < ?', [now - FUNNEL_LIMITS.maxAgeMs]).changes;
  }
  prune();
  // Old events also go while no beacon arrives.
  const pruneTimer = setInterval(() => {
    if (prune() > 0) changed();
  }, 60 * PRUNE_EVERY_MS);
  pruneTimer.unref();

  /** The summary, computed again only when events changed since. */
  function current() {
    if (!cached || dirty) {
      const started = performance.now();
      const summary = computeSummary();
      cached = {summary, json: JSON.stringify(summary)};
      dirty = false;
      lastComputedAt = Date.now();
      lastComputeMs = performance.now() - started;
    }
    return cached;
  }

  function push() {
    pushTimer = undefined;
    if (listeners.size === 0 || !dirty) return;
    const {json} = current();
    for (const listener of listeners) listener(json);
  }

  function changed() {
    dirty = true;
    if (listeners.size === 0 || pushTimer) return;
    const interval = Math.min(Math.max(FUNNEL_LIMITS.minIntervalMs, 10 * lastComputeMs), FUNNEL_LIMITS.maxIntervalMs);
    const wait = Math.max(FUNNEL_LIMITS.settleMs, lastComputedAt + interval - Date.now());
    pushTimer = setTimeout(push, wait);
    pushTimer.unref();
  }

  /**
   * The rows of the funnel, read once per computation.
   */
  function computeSummary() {
    const rows = store.all(
      `SELECT id, view, seq, type, component, action, step, reason, error_code AS errorCode, elapsed_ms AS elapsedMs,
         score, received_at AS receivedAt
       FROM journey_events ORDER BY view, seq, id`,
    );
    return summarise(rows);
  }

  return {
    /**
     * Takes one beacon from `address` out of its budget; false when it has none left (the
     * beacon is then refused before its body is read).
     * @param {string} address
     * @param {number} [now]
     */
    allowBeacon(address, now = Date.now()) {
      const bucket = buckets.get(address) ?? {tokens: FUNNEL_LIMITS.beaconBurst, at: now};
      bucket.tokens = Math.min(
        FUNNEL_LIMITS.beaconBurst,
        bucket.tokens + ((now - bucket.at) / 1000) * FUNNEL_LIMITS.beaconsPerSecond,
      );
      bucket.at = now;
      if (bucket.tokens < 1) {
        buckets.set(address, bucket);
        return false;
      }
      bucket.tokens -= 1;
      if (buckets.size > 10_000) {
        // Full buckets carry no information: forget them.
        for (const [key, value] of buckets) {
          if (value.tokens + ((now - value.at) / 1000) * FUNNEL_LIMITS.beaconsPerSecond >= FUNNEL_LIMITS.beaconBurst) {
            buckets.delete(key);
          }
        }
      }
      buckets.set(address, bucket);
      return true;
    },

    /**
     * Seconds until `address` may send a beacon again.
     * @param {string} address
     */
    beaconRetryAfterSeconds(address) {
      const bucket = buckets.get(address);
      if (!bucket) return 0;
      return Math.max(1, Math.ceil((1 - bucket.tokens) / FUNNEL_LIMITS.beaconsPerSecond));
    },

    /**
     * Stores a batch that a page sent (with `navigator.sendBeacon`).
     * @param {unknown} body `{view, page, events: [{type, seq, detail}]}`
     * @returns {number} how many events were kept
     */
    ingest(body) {
      if (typeof body !== 'object' || body === null) return 0;
      const batch = /** @type {Record<string, unknown>} */ (body);
      const view = typeof batch.view === 'string' && /^[\w-]{8,64}$/.test(batch.view) ? batch.view : null;
      const page = shortText(batch.page, 200) ?? '';
      if (!view || !Array.isArray(batch.events)) return 0;
      const events = batch.events
        .slice(0, MAX_EVENTS_PER_BATCH)
        .map(cleanEvent)
        .filter((event) => event !== undefined);
      if (events.length === 0) return 0;
      const now = Date.now();
      store.transaction(() => {
        for (const event of events) {
          store.run(
            `INSERT INTO journey_events (received_at, view, seq, page, type, component, action, step, reason, error_code,
               elapsed_ms, attempt, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              now,
              view,
              event.seq,
              page,
              event.type,
              event.component,
              event.action,
              event.step,
              event.reason,
              event.errorCode,
              event.elapsedMs,
              event.attempt,
              event.score,
            ],
          );
        }
        store.run(`DELETE FROM journey_events WHERE id <= (SELECT MAX(id) FROM journey_events) - ?`, [
          FUNNEL_LIMITS.keepEvents,
        ]);
        if (now - lastPrunedAt >= PRUNE_EVERY_MS) prune(now);
      });
      changed();
      return events.length;
    },

    reset() {
      store.run('DELETE FROM journey_events');
      changed();
    },

    /**
     * Deletes the events older than {@link FUNNEL_LIMITS}.maxAgeMs (done at start and, while
     * beacons arrive, once a minute); returns how many went.
     */
    prune() {
      const removed = prune();
      if (removed > 0) changed();
      return removed;
    },

    /**
     * Calls `listener` with the summary's JSON after changes: one computation for all of them.
     * @param {(summaryJson: string) => void} listener
     */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** How many listeners there are (open streams). */
    get listeners() {
      return listeners.size;
    },

    /** The JSON of the summary a new stream starts with: the last one computed, if any. */
    latestJson() {
      return cached?.json ?? current().json;
    },

    /** The summary, fresh (computed again only if events arrived since the last time). */
    summary() {
      return current().summary;
    },

    /** Stops the timers (pruning, a pending push). */
    close() {
      clearInterval(pruneTimer);
      clearTimeout(pushTimer);
      pushTimer = undefined;
      listeners.clear();
    },
  };
}

/**
 * The funnel per component. A journey is what one page view saw of one component from its
 * `shown` on (a component shown again on the same page starts a new journey).
 * @param {Record<string, import('./store.mjs').SqlValue>[]} rows the events, ordered by view, seq and id
 */
function summarise(rows) {
  /** @type {Map<string, ReturnType<typeof emptyComponent>>} */
  const byComponent = new Map(COMPONENTS.map((name) => [name, emptyComponent(name)]));
  /** @type {Map<string, {component: string, events: typeof rows}>} */
  const journeys = new Map();
  /** @type {Map<string, number>} */
  const openJourney = new Map();
  let journeyCount = 0;
  for (const row of rows) {
    const component = byComponent.get(String(row.component));
    if (!component) continue;
    if (row.type === 'feedback') {
      component.feedback.scores.push(Number(row.score));
      continue;
    }
    const key = `${row.view}\u0000${row.component}`;
    if (row.action === 'shown' || !openJourney.has(key)) openJourney.set(key, (journeyCount += 1));
    const id = `${openJourney.get(key)}`;
    if (!journeys.has(id)) journeys.set(id, {component: String(row.component), events: []});
    journeys.get(id)?.events.push(row);
  }
  for (const {component: name, events} of journeys.values()) {
    const component = byComponent.get(name);
    if (!component) continue;
    const actions = new Set(events.map((event) => event.action));
    const started = actions.has('started') || actions.has('submitted');
    if (actions.has('shown')) component.shown += 1;
    if (started) component.started += 1;
    if (actions.has('succeeded')) component.succeeded += 1;
    if (actions.has('deferred')) component.deferred += 1;
    // Seen and left alone (no input, no "Not now"): not an abandonment.
    if (actions.has('shown') && !started && !actions.has('deferred') && !actions.has('succeeded')) {
      component.shownNotStarted += 1;
    }
    // Only a started journey can be abandoned (an `abandoned` without a start, from an older
    // page, is not counted), so abandonments never outnumber starts.
    if (actions.has('abandoned') && started && !actions.has('succeeded')) component.abandoned += 1;
    const reason = events.find((event) => event.reason)?.reason;
    if (reason) component.reasons[String(reason)] = (component.reasons[String(reason)] ?? 0) + 1;
    let previous = 0;
    let previousStage = 'shown';
    for (const event of events) {
      const elapsed = typeof event.elapsedMs === 'number' ? event.elapsedMs : null;
      if (event.action === 'failed') {
        const code = String(event.errorCode ?? 'unknown');
        component.failures[code] = (component.failures[code] ?? 0) + 1;
      }
      if (elapsed === null || event.action === 'shown') continue;
      const stage = event.action === 'step' && event.step ? `step: ${event.step}` : String(event.action);
      // Time spent on each step: from the event that opened it to the next one.
      (component.timeOnStage[previousStage] ??= []).push(Math.max(0, elapsed - previous));
      (component.timeToReach[stage] ??= []).push(elapsed);
      previous = elapsed;
      previousStage = stage;
    }
  }
  return {
    updatedAt: Date.now(),
    events: rows.length,
    components: [...byComponent.values()].map((component) => ({
      component: component.component,
      shown: component.shown,
      started: component.started,
      succeeded: component.succeeded,
      shownNotStarted: component.shownNotStarted,
      abandoned: component.abandoned,
      deferred: component.deferred,
      failures: component.failures,
      reasons: component.reasons,
      stages: Object.keys(component.timeToReach).map((stage) => ({
        stage,
        count: component.timeToReach[stage].length,
        medianMsSinceShown: median(component.timeToReach[stage]),
      })),
      timePerStep: Object.entries(component.timeOnStage).map(([stage, values]) => ({
        stage,
        medianMs: median(values),
      })),
      feedback: {
        count: component.feedback.scores.length,
        average:
          component.feedback.scores.length === 0
            ? null
            : Math.round(
                (component.feedback.scores.reduce((a, b) => a + b, 0) / component.feedback.scores.length) * 10,
              ) / 10,
      },
    })),
    recent: rows
      .toSorted((a, b) => Number(b.id) - Number(a.id))
      .slice(0, 15)
      .map((row) => ({
        at: row.receivedAt,
        component: row.component,
        action: row.type === 'feedback' ? `feedback ${row.score}/5` : row.action,
        step: row.step,
        errorCode: row.errorCode,
        elapsedMs: row.elapsedMs,
      })),
  };
}

/** @param {string} component */
function emptyComponent(component) {
  return {
    component,
    shown: 0,
    started: 0,
    succeeded: 0,
    shownNotStarted: 0,
    abandoned: 0,
    deferred: 0,
    /** @type {Record<string, number>} */
    failures: {},
    /** @type {Record<string, number>} */
    reasons: {},
    /** @type {Record<string, number[]>} */
    timeToReach: {},
    /** @type {Record<string, number[]>} */
    timeOnStage: {},
    feedback: {scores: /** @type {number[]} */ ([])},
  };
}

/** @typedef {ReturnType<typeof createFunnel>} Funnel */
