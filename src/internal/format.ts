import {getActiveLocale} from './locale.js';

/** "2 minutes", "30 seconds", "1 hour", in the active language (`Intl`). */
export function formatWait(seconds: number): string {
  const locale = getActiveLocale();
  const [value, unit] =
    seconds >= 5400
      ? [Math.ceil(seconds / 3600), 'hour']
      : seconds >= 90
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.max(1, Math.ceil(seconds)), 'second'];
  return new Intl.NumberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'}).format(value);
}

/** A number written with the active language's digits. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getActiveLocale()).format(value);
}

/** Counts Unicode code points, as NIST SP 800-63B-4 asks (an emoji counts once). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
