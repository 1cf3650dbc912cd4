import {getActiveLocale} from '../locale.js';

/** "2 minutes", "30 seconds", "1 hour", in the active language (`Intl`). */
export function formatWait(seconds: number): string {
  const [value, unit]: [number, 'hour' | 'minute' | 'second'] =
    seconds >= 5400
      ? [Math.ceil(seconds / 3600), 'hour']
      : seconds >= 90
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.max(1, Math.ceil(seconds)), 'second'];
  return formatDuration(value, unit);
}

/** "30 days", "1 day", in the active language, with its plural rules (`Intl`). */
export function formatDuration(value: number, unit: 'day' | 'hour' | 'minute' | 'second'): string {
  return new Intl.NumberFormat(getActiveLocale(), {style: 'unit', unit, unitDisplay: 'long'}).format(value);
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
