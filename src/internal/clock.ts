import {isolate} from './format.js';
import {getActiveLocale} from './locale.js';

// A countdown's time as the customer reads it: used by every wait (src/internal/wait-view.ts) and
// by the code prompt's resend countdown, which its first view shows.

/** A remaining time as a clock, "14:32" or "1:02:03", in the active language's digits. */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const locale = getActiveLocale();
  const plain = new Intl.NumberFormat(locale, {useGrouping: false});
  const padded = new Intl.NumberFormat(locale, {useGrouping: false, minimumIntegerDigits: 2});
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const time = hours
    ? `${plain.format(hours)}:${padded.format(minutes)}:${padded.format(rest)}`
    : `${plain.format(minutes)}:${padded.format(rest)}`;
  // Kept in its own order inside a right-to-left sentence.
  return isolate(time);
}
