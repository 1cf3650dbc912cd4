/** What is told when lit-localize has made another locale ready (the connected elements). */
export const localeListeners = new Set<{localeChanged(): void}>();

/**
 * Where the tag of the locale lit-localize last made ready is kept (on `globalThis`), so that
 * `getActiveLocale()` (src/internal/locale.ts, loaded with the views) reads it without importing
 * the core: a locale made ready before the views arrived is known to them.
 */
export const READY_LOCALE = Symbol.for('serein.ready-locale');

if (typeof window !== 'undefined') {
  // lit-localize announces every locale it finishes loading, whoever configured it: one listener
  // for every element (each view's text is msg() calls, read again by a render). The event's name
  // is lit-localize's LOCALE_STATUS_EVENT, written out: the module that exports it also comes with
  // the views' msg() runtime, and a file that both import would be a shared file of its own in a
  // host's split build.
  window.addEventListener('lit-localize-status', (event) => {
    if (event.detail.status !== 'ready') return;
    (globalThis as Record<symbol, unknown>)[READY_LOCALE] = event.detail.readyLocale;
    for (const listener of localeListeners) listener.localeChanged();
  });
}
