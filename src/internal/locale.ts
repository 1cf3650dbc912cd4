import {sourceLocale, targetLocales} from '../generated/locale-codes.js';

/** The languages Serein ships. */
export type SereinLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const SEREIN_LOCALES: readonly SereinLocale[] = [sourceLocale, ...targetLocales];

/**
 * The shipped locale for a BCP 47 tag: `fr-CA` → `fr`, `ar-EG` → `ar`, `pt`, `pt-BR` and `pt-PT`
 * → `pt-BR` (the one Portuguese Serein ships; closer to a Portuguese reader than English),
 * anything else → `en`. Case and `_` separators are forgiven.
 */
export function resolveSereinLocale(tag: string | null | undefined): SereinLocale {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  const exact = SEREIN_LOCALES.find((locale) => locale.toLowerCase() === parts.slice(0, 2).join('-'));
  if (exact) return exact;
  const language = SEREIN_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === parts[0]);
  return language ?? sourceLocale;
}

// The key src/internal/core/locale-tag.ts keeps the ready locale's tag under. This module records
// it too, for a page that uses serein/localization.js before (or without) any element. It imports
// nothing from the core nor lit-localize's event module, so that a host's split build does not
// make a shared file of them: the event's name is lit-localize's LOCALE_STATUS_EVENT.
const READY_LOCALE = Symbol.for('serein.ready-locale');
const slot = globalThis as Record<symbol, unknown>;

if (typeof window !== 'undefined') {
  window.addEventListener('lit-localize-status', (event) => {
    if (event.detail.status === 'ready') slot[READY_LOCALE] = event.detail.readyLocale;
  });
}

/**
 * The locale Serein's text is currently shown in: the last one lit-localize made ready, or,
 * before any, the source locale (the text is English until a locale is loaded).
 */
export function getActiveLocale(): SereinLocale {
  return resolveSereinLocale(slot[READY_LOCALE] as string | undefined);
}
