import {BreachChecks} from '../../internal/breach-check.js';
import type {SereinStrengthMeter} from './strength-meter.js';

/**
 * The meter's breach check of a committed password: loaded with the dictionaries when a
 * `breachCheck` is set, else at the first check. The meter has already read the value and
 * ruled out what is never checked (no `breachCheck`, shorter than `min-length`, answered).
 */

/** The longest a committed password waits for the breach check's answer. */
const BREACH_WAIT_MS = 5000;

/** Asks `check` about `password` (once per value, the answer kept) and shows the answer if it is still the value. */
export async function checkCommitted(
  el: SereinStrengthMeter,
  password: string,
  check: (password: string) => Promise<boolean>,
): Promise<void> {
  // Two checks at once (the form's submit and its own) share one instance.
  el.breaches ??= new BreachChecks();
  // A check that hangs does not hold a form's submission for ever.
  const outcome = await Promise.race([
    el.breaches.ask(password, check),
    new Promise<'unavailable'>((resolve) => setTimeout(() => resolve('unavailable'), BREACH_WAIT_MS)),
  ]);
  const words = await el.loadErrorWords();
  if (password === el.value && el.isConnected) {
    el.errorWords = words;
    el.breach = {for: password, state: outcome};
    el.scheduleAnnouncement();
  }
}
