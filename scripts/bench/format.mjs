// Small helpers: statistics and plain-text tables.

/** Nearest-rank percentile of an array of numbers (p in [0, 100]). */
export function percentile(values, p) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** {n, median, p95, max, mean} of `values`. */
export function stats(values) {
  const finite = values.filter((value) => Number.isFinite(value));
  return {
    n: finite.length,
    median: percentile(finite, 50),
    p95: percentile(finite, 95),
    max: finite.length ? Math.max(...finite) : NaN,
    mean: finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN,
  };
}

/** A millisecond figure with sensible precision. */
export function ms(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export const percent = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(value === 1 ? 0 : 2)} %` : '–');

/**
 * A plain-text table. `columns`: [{title, align: 'left'|'right'}]; `rows`: arrays of cells
 * (strings); a row that is the string '-' is a separator.
 */
export function table(columns, rows) {
  const widths = columns.map((column, i) =>
    Math.max([...column.title].length, ...rows.filter(Array.isArray).map((row) => [...String(row[i] ?? '')].length)),
  );
  const cell = (text, i) => {
    const value = String(text ?? '');
    const padding = ' '.repeat(Math.max(0, widths[i] - [...value].length));
    return columns[i].align === 'right' ? padding + value : value + padding;
  };
  const line = widths.map((width) => '-'.repeat(width)).join('-+-');
  const out = [columns.map((column, i) => cell(column.title, i)).join(' | '), line];
  for (const row of rows) out.push(row === '-' ? line : row.map(cell).join(' | '));
  return out.map((text) => `  ${text.trimEnd()}`).join('\n');
}

export function heading(text) {
  return `\n${text}\n${'='.repeat([...text].length)}`;
}

export function subheading(text) {
  return `\n${text}\n${'-'.repeat([...text].length)}`;
}
