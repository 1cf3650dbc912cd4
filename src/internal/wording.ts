import type {SereinStrings} from './core/strings.js';

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

/**
 * The element's override for `id` from its `strings` property, else the localised text; views
 * write `t(el, 'id', msg('…', {id: 'id'}))`. `formerId` is a deprecated message id that still
 * works as an override key.
 */
export function t(
  el: {strings?: SereinStrings},
  id: string,
  localized: string,
  params?: Record<string, string | number>,
  formerId?: string,
): string {
  const strings = el.strings;
  const own = formerId && strings?.[id] === undefined && strings?.[formerId] !== undefined;
  return pickString(own ? {[id]: strings[formerId]} : strings, id, localized, params);
}
