import type {SereinJourneyDetail, SereinJourneyObserverOptions} from '../events/journey.js';

/** How many journey events the page keeps for observers that come late (the newest win). */
export const JOURNEY_BUFFER_SIZE = 200;

interface JourneyLog {
  entries: SereinJourneyDetail[];
  observers: Set<(detail: SereinJourneyDetail) => void>;
}

// One log per page, shared by every copy of Serein the page may load (a bundle and an app
// build side by side), so that an observer hears every element.
const LOG_KEY = Symbol.for('serein.journey-log');

function journeyLog(): JourneyLog {
  const holder = globalThis as typeof globalThis & {[LOG_KEY]?: JourneyLog};
  return (holder[LOG_KEY] ??= {entries: [], observers: new Set()});
}

/** Keeps `detail` for late observers and hands it to the current ones (the journey tracker calls it). */
export function recordJourney(detail: SereinJourneyDetail): void {
  const log = journeyLog();
  log.entries.push(detail);
  if (log.entries.length > JOURNEY_BUFFER_SIZE) log.entries.splice(0, log.entries.length - JOURNEY_BUFFER_SIZE);
  for (const observer of log.observers) observer(detail);
}

/**
 * Calls `callback` with every `serein-journey` detail the page's Serein elements emit from now
 * on, and first, with `{buffered: true}`, with those already emitted (the last
 * {@link JOURNEY_BUFFER_SIZE}), so that a script that runs after the elements were shown still
 * counts every journey from its `shown`. Entries arrive in order, each in a microtask after it
 * was emitted, and are frozen. Returns a function that stops the observation.
 */
export function observeSereinJourney(
  callback: (detail: SereinJourneyDetail) => void,
  options: SereinJourneyObserverOptions = {},
): () => void {
  const log = journeyLog();
  const pending: SereinJourneyDetail[] = options.buffered ? [...log.entries] : [];
  let connected = true;
  let scheduled = false;
  const deliver = () => {
    scheduled = false;
    while (connected && pending.length > 0) {
      const detail = pending.shift()!;
      try {
        callback(detail);
      } catch (error) {
        // One failing observer neither stops the others nor the component.
        reportError(error);
      }
    }
  };
  const enqueue = (detail: SereinJourneyDetail) => {
    pending.push(detail);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(deliver);
  };
  log.observers.add(enqueue);
  if (pending.length > 0) {
    scheduled = true;
    queueMicrotask(deliver);
  }
  return () => {
    connected = false;
    pending.length = 0;
    log.observers.delete(enqueue);
  };
}
