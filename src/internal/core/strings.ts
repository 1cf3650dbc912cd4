/**
 * Per-instance wording overrides: a partial map from message id to text, for example
 * `{'strength-meter.label': 'Acme password strength'}`. Placeholders of parameterised
 * messages are written `{name}`, with the names that message documents.
 */
export type SereinStrings = Partial<Record<string, string>>;

/**
 * Returns the host's override for `id` when there is one, otherwise the localised text.
 * Overrides are plain text: they are always rendered through text bindings.
 */
export function pickString(
  strings: SereinStrings | undefined,
  id: string,
  localized: string,
  params?: Record<string, string | number>,
): string {
  const override = strings?.[id];
  if (typeof override !== 'string') return localized;
  if (!params) return override;
  return override.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
