import {estimatePassword, prepareEstimator} from '../../internal/estimator.js';
import {getActiveLocale, type SereinLocale} from '../../internal/locale.js';
import type {DictionarySet, EstimateResult} from '../../internal/zxcvbn-engine.js';
import type {SereinStrengthMeter} from './strength-meter.js';

/**
 * The meter's heavy capability: the estimator client (a worker where possible, the dictionaries
 * of the active language) and the meter's queue of estimates. Fetched once idle after the
 * element connects; the worker and the word lists wait for the first focus or input.
 */

/** Starts loading the dictionaries of the active language (the `compact` or the `full` set). */
export function prepare(dictionary: DictionarySet): Promise<void> {
  return prepareEstimator(getActiveLocale(), dictionary);
}

/** Estimates `password` with the dictionaries of `locale` and the customer's own words. */
export function estimate(
  locale: SereinLocale,
  password: string,
  userInputs: string[],
  dictionary: DictionarySet,
): Promise<EstimateResult> {
  return estimatePassword(locale, password, userInputs, dictionary);
}

/** Per meter: an estimate is in flight, and whether a newer value is waiting for it. */
const queues = new WeakMap<SereinStrengthMeter, {again: boolean}>();

/**
 * Estimates the meter's current value. At most one estimate in flight per meter: a newer value
 * replaces the queued one, and a result is kept only while it is still the value's.
 */
export async function requestEstimate(el: SereinStrengthMeter): Promise<void> {
  const queued = queues.get(el);
  if (queued) {
    queued.again = true;
    return;
  }
  const queue = {again: false};
  queues.set(el, queue);
  try {
    do {
      queue.again = false;
      const password = el.value;
      if (password === '') break;
      const locale = getActiveLocale();
      // The view (already on its way since the element was defined) words the result.
      await import('./strength-meter.view.js');
      const dictionary = el.effectiveDictionary;
      const result = await estimate(locale, password, el.userInputs, dictionary);
      if (password === el.value && dictionary === el.effectiveDictionary && el.isConnected) {
        el.estimate = {for: password, locale, result};
      }
    } while (queue.again);
  } catch {
    // The meter is advice: without an estimate it keeps showing the length rule.
  } finally {
    queues.delete(el);
  }
}
