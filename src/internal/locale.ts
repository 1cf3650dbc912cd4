import {LOCALE_STATUS_EVENT} from '@lit/localize/internal/locale-status-event.js';
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

let ready: SereinLocale | undefined;
const listeners = new Set<(locale: SereinLocale) => void>();

if (typeof window !== 'undefined') {
  // lit-localize announces every locale it finishes loading, whoever configured it.
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status !== 'ready') return;
    const locale = resolveSereinLocale(event.detail.readyLocale);
    if (locale === ready) return;
    ready = locale;
    for (const listener of listeners) listener(locale);
  });
}

/**
 * The locale Serein's text is currently shown in: the last one lit-localize made ready, or,
 * before any, the source locale (the text is English until a locale is loaded).
 */
export function getActiveLocale(): SereinLocale {
  return ready ?? sourceLocale;
}

/** Calls `listener` each time lit-localize makes another locale ready; returns the unsubscribe. */
export function onActiveLocaleChange(listener: (locale: SereinLocale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
