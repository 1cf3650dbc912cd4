import type {Decorator, Loader} from '@storybook/web-components-vite';
import {html} from 'lit';
import {configureLocalization, type LocaleModule} from '@lit/localize';
import {loadSereinTemplates, SEREIN_LOCALES} from '../src/localization.js';

/**
 * The pseudo-locale (scripts/pseudo-locale.mjs): English accented, about 40 % longer, each
 * message between ⟦ ⟧. Not a shipped language: for finding untranslated strings and text that
 * does not fit. The story smoke test runs every story in it.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** The toolbar's languages: Serein's shipped locales, then the pseudo-locale. */
export const LOCALES = [
  {value: 'en', title: 'English'},
  {value: 'fr', title: 'Français'},
  {value: 'de', title: 'Deutsch'},
  {value: 'es', title: 'Español'},
  {value: 'ar', title: 'العربية', right: 'RTL'},
  {value: 'it', title: 'Italiano'},
  {value: 'pt-BR', title: 'Português (Brasil)'},
  {value: 'nl', title: 'Nederlands'},
  {value: 'pl', title: 'Polski'},
  {value: 'ja', title: '日本語'},
  {value: PSEUDO_LOCALE, title: 'Pseudo-locale ⟦…⟧', right: 'test'},
] as const;

const RTL_LOCALES = new Set(['ar']);

/** Page colours per scheme: the ones Serein's tokens are designed against. */
export const SCHEMES = {
  light: {background: '#ffffff', text: '#1f2328'},
  dark: {background: '#0d1117', text: '#e6edf3'},
} as const;

type Scheme = keyof typeof SCHEMES;

const readGlobals = (globals: Record<string, unknown>) => {
  const locale =
    typeof globals.locale === 'string' && LOCALES.some(({value}) => value === globals.locale) ? globals.locale : 'en';
  const scheme: Scheme = globals.scheme === 'dark' ? 'dark' : 'light';
  return {locale, scheme};
};

const initialLang = document.documentElement.lang;

// Serein's own text comes through loadSereinTemplates() (what an app that configures
// @lit/localize itself does), so that the pseudo-locale can sit beside the shipped locales.
const {setLocale} = configureLocalization({
  sourceLocale: 'en',
  targetLocales: [...SEREIN_LOCALES.filter((locale) => locale !== 'en'), PSEUDO_LOCALE],
  loadLocale: async (locale): Promise<LocaleModule> =>
    locale === PSEUDO_LOCALE
      ? import('../src/generated/pseudo-locale.js')
      : {templates: await loadSereinTemplates(locale)},
});

async function showLocale(locale: string): Promise<void> {
  try {
    await setLocale(locale);
  } catch (error) {
    console.warn(`The "${locale}" text could not be loaded.`, error);
  }
}

/**
 * In story mode, puts the preview document in the chosen language, direction and colour scheme:
 * the page background and text colour follow the scheme, so that axe's contrast checks measure
 * what a reader of that scheme sees. Docs pages keep Storybook's own layout (the decorator gives
 * each story its own surface there). In both modes, switches Serein's text.
 */
function applyGlobals(globals: Record<string, unknown>, viewMode: string | undefined): Promise<void> {
  const {locale, scheme} = readGlobals(globals);
  const root = document.documentElement;
  const story = viewMode !== 'docs';
  const {background, text} = SCHEMES[scheme];
  if (story) {
    root.lang = locale;
    root.dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  } else {
    root.lang = initialLang;
    root.removeAttribute('dir');
  }
  root.style.fontFamily = story ? 'system-ui, sans-serif' : '';
  for (const element of [root, document.body]) {
    element.style.colorScheme = story ? scheme : '';
    element.style.backgroundColor = story ? background : '';
    element.style.color = story ? text : '';
  }
  // Never throws; settles once the locale's text is loaded.
  return showLocale(locale);
}

/** Waits for the locale's text before the story renders (loaders run again when globals change). */
export const loadSereinGlobals: Loader = async ({globals, viewMode}) => {
  await applyGlobals(globals, viewMode);
  return {};
};

/**
 * Applies the globals again at render time (cheap and idempotent) and, on docs pages, where the
 * stories sit in Storybook's own light blocks, gives each story a surface in the chosen scheme.
 */
export const withSereinGlobals: Decorator = (story, {globals, viewMode}) => {
  void applyGlobals(globals, viewMode);
  if (viewMode !== 'docs') return story();
  const {locale, scheme} = readGlobals(globals);
  const {background, text} = SCHEMES[scheme];
  return html`<div
    lang=${locale}
    dir=${RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'}
    style="color-scheme: ${scheme}; background-color: ${background}; color: ${text}; font-family: system-ui, sans-serif; padding: 1rem;"
  >
    ${story()}
  </div>`;
};
