// What the journey events (`serein-journey`, `serein-feedback`) tell a product owner: per
// component, how many journeys were shown, started and succeeded, how many were shown but never
// started, where people who started gave up, how long each step took, and how easy people found it.

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
<<<<<<< HEAD
 * Keeps only the fields the journey contract defines (`docs/contract.md`, "Journey events"), each
 * checked: anything else a page might send is dropped, so no secret can end up in the store
 * through this door.
=======
 * Keeps only the fields the journey contract defines (docs/contract.md, "Journey events"), each checked: anything else a
 * page might send is dropped, so no secret can end up in the store through this door.
>>>>>>> journey
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
 * @param {import('./store.mjs').Store} store
 */
export function createFunnel(store) {
  /** @type {Set<() => void>} */
  const listeners = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let notifyTimer;

  function changed() {
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => {
      for (const listener of listeners) listener();
    }, 200);
  }

  return {
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
        store.run(`DELETE FROM journey_events WHERE id <= (SELECT MAX(id) FROM journey_events) - ?`, [KEEP_EVENTS]);
      });
      changed();
      return events.length;
    },

    reset() {
      store.run('DELETE FROM journey_events');
      changed();
    },

    /** @param {() => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * The funnel per component. A journey is what one page view saw of one component from its
     * `shown` on (a component shown again on the same page starts a new journey).
     */
    summary() {
      const rows = store.all(
        `SELECT id, view, seq, type, component, action, step, reason, error_code AS errorCode, elapsed_ms AS elapsedMs,
           score, received_at AS receivedAt
         FROM journey_events ORDER BY view, seq, id`,
      );
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
    },
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
