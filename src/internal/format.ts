import {getActiveLocale} from './locale.js';

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

/**
 * A value from the host (a phone number, an address, a brand, a name) set apart from the
 * translated sentence it goes into: between U+2068 FIRST STRONG ISOLATE and U+2069 POP
 * DIRECTIONAL ISOLATE. In right-to-left text, "+44 •••• ••• 123" then keeps its order and does
 * not reorder the words next to it; the value takes the direction of its own first letter. The
 * marks are invisible and not read out. Empty stays empty.
 */
export function isolate(value: string): string {
  return value ? `\u2068${value}\u2069` : value;
}

/** A number written with the active language's digits. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getActiveLocale()).format(value);
}

/** The CLDR plural categories; a count message has one message id per category. */
export type PluralForms = Record<Intl.LDMLPluralRule, () => string>;

/**
 * The form of a count message for `count` in the active language: lit-localize has no plural
 * messages, so each count message has one id per CLDR category (`<id>.zero` … `<id>.other`,
 * English repeating its `other` text where it has no such form) and `Intl.PluralRules` chooses.
 * Only the chosen form is evaluated.
 */
export function plural(count: number, forms: PluralForms): string {
  let category: Intl.LDMLPluralRule = 'other';
  try {
    category = new Intl.PluralRules(getActiveLocale()).select(count);
  } catch {
    // An engine without this locale's rules: the general form.
  }
  return (forms[category] ?? forms.other)();
}
