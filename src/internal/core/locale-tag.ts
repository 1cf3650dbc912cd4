import {LOCALE_STATUS_EVENT} from '@lit/localize/internal/locale-status-event.js';

/** What is told when lit-localize has made another locale ready (the connected elements). */
export const localeListeners = new Set<{localeChanged(): void}>();

let readyTag: string | undefined;

if (typeof window !== 'undefined') {
  // lit-localize announces every locale it finishes loading, whoever configured it: one listener
  // for every element (each view's text is msg() calls, read again by a render).
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status !== 'ready') return;
    readyTag = event.detail.readyLocale;
    for (const listener of localeListeners) listener.localeChanged();
  });
}

/** The tag of the locale lit-localize last made ready (undefined before any: the source locale). */
export function readyLocaleTag(): string | undefined {
  return readyTag;
}
