import {estimatePassword, prepareEstimator} from '../../internal/estimator.js';
import type {SereinLocale} from '../../internal/locale.js';
import type {DictionarySet, EstimateResult} from '../../internal/zxcvbn-engine.js';

/**
 * The meter's heavy capability: the estimator client (a worker where possible, the dictionaries
 * of the active language). Loaded on the first focus or input, never with the element.
 */

/** Starts loading the dictionaries of `locale` (the `compact` or the `full` set). */
export function prepare(locale: SereinLocale, dictionary: DictionarySet): Promise<void> {
  return prepareEstimator(locale, dictionary);
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
