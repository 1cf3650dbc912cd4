// Dates in words, shared by the components and the messages module (no DOM, no Lit).

/**
 * `Intl.DateTimeFormat` with the one convention it leaves out: French writes the first day of a
 * month as an ordinal ("1er décembre 2026", not "1 décembre 2026").
 */
export function formatDateIn(locale: string, date: Date | number, options: Intl.DateTimeFormatOptions): string {
  const format = new Intl.DateTimeFormat(locale, options);
  if (format.resolvedOptions().locale.split('-')[0] !== 'fr') return format.format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}
