import {configureLocalization, type LocaleModule} from '@lit/localize';
import {sourceLocale} from './generated/locale-codes.js';
import {resolveSereinLocale, SEREIN_LOCALES, type SereinLocale} from './internal/locale.js';

export {resolveSereinLocale, SEREIN_LOCALES, type SereinLocale};
export {getActiveLocale} from './internal/locale.js';

type TargetLocale = Exclude<SereinLocale, typeof sourceLocale>;

// One literal import per locale so that every bundler emits each as its own lazy chunk.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  fr: () => import('./generated/locales/fr.js'),
  de: () => import('./generated/locales/de.js'),
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
  it: () => import('./generated/locales/it.js'),
  'pt-BR': () => import('./generated/locales/pt-BR.js'),
  nl: () => import('./generated/locales/nl.js'),
  pl: () => import('./generated/locales/pl.js'),
  ja: () => import('./generated/locales/ja.js'),
};

/**
 * Serein's translated templates for `locale`, for apps that configure `@lit/localize`
 * themselves: merge them into what your own `loadLocale` returns.
 *
 * ```js
 * configureLocalization({
 *   sourceLocale: 'en',
 *   targetLocales: ['fr'],
 *   loadLocale: async (locale) => ({
 *     templates: {...(await loadSereinTemplates(locale)), ...(await import(`./locales/${locale}.js`)).templates},
 *   }),
 * });
 * ```
 * The source locale (and any locale Serein does not ship) resolves to an empty map.
 */
export async function loadSereinTemplates(locale: string): Promise<LocaleModule['templates']> {
  const resolved = resolveSereinLocale(locale);
  if (resolved === sourceLocale) return {};
  return (await loaders[resolved]()).templates;
}

export interface SereinLocalizationOptions {
  /**
   * The locale to show. Without it, Serein follows `<html lang>`, including later changes.
   * Any BCP 47 tag is accepted: `fr-CA` shows French, an unshipped language shows English.
   */
  locale?: string;
}

let setLocale: ((locale: string) => Promise<void>) | undefined;
let observer: MutationObserver | undefined;
let unavailable = false;

function followDocumentLanguage(): void {
  if (observer) return;
  observer = new MutationObserver(() => void setLocale?.(resolveSereinLocale(document.documentElement.lang)));
  observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
}

/**
 * One-call localisation for apps that do not use `@lit/localize` themselves. Call it once at
 * start-up; call it again to switch the locale. It never throws: if the page has already
 * configured `@lit/localize`, it warns and leaves that configuration alone (use
 * {@link loadSereinTemplates} there instead).
 *
 * @returns a promise that settles once the locale's text is loaded.
 */
export async function useSereinLocalization(options: SereinLocalizationOptions = {}): Promise<void> {
  if (unavailable) return;
  if (!setLocale) {
    try {
      ({setLocale} = configureLocalization({
        sourceLocale,
        targetLocales: SEREIN_LOCALES.filter((locale) => locale !== sourceLocale),
        loadLocale: (locale) => loaders[locale as TargetLocale](),
      }));
    } catch {
      unavailable = true;
      console.warn(
        'serein: @lit/localize is already configured on this page; merge loadSereinTemplates() into your own loadLocale instead.',
      );
      return;
    }
  }
  if (options.locale === undefined) {
    followDocumentLanguage();
  } else {
    observer?.disconnect();
    observer = undefined;
  }
  const locale = resolveSereinLocale(options.locale ?? document.documentElement.lang);
  try {
    await setLocale(locale);
  } catch (error) {
    console.warn(`serein: the "${locale}" text could not be loaded; showing the previous language.`, error);
  }
}
