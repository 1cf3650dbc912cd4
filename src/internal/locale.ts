import {LOCALE_STATUS_EVENT} from '@lit/localize';
import {sourceLocale, targetLocales} from '../generated/locale-codes.js';

/** The languages Serein ships. */
export type SereinLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const SEREIN_LOCALES: readonly SereinLocale[] = [sourceLocale, ...targetLocales];

/** The language subtag of a BCP 47 tag, lower case: `pt-BR` → `pt`. */
const languageOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/**
 * The shipped locale for a BCP 47 tag: a shipped locale as it is (`pt-BR`, any case or `_`),
 * else the first shipped locale of the same language (`fr-CA` → `fr`, `ar-EG` → `ar`, `pt-PT` →
 * `pt-BR`), anything else → `en`.
 */
export function resolveSereinLocale(tag: string | null | undefined): SereinLocale {
  const wanted = (tag ?? '').trim().replace(/_/g, '-').toLowerCase();
  const exact = SEREIN_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  return SEREIN_LOCALES.find((locale) => languageOf(locale) === languageOf(wanted)) ?? sourceLocale;
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
