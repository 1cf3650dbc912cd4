import type {OptionsType} from '@zxcvbn-ts/core';

/**
 * Where the meter's word lists come from, per language and set. Kept apart from the engine so
 * that the worker can start downloading a language's lists at the same time as the engine
 * (`preloadDictionaries`) instead of after it: on a slow connection the lists are most of the
 * wait.
 */

type Dictionary = Record<string, string[]>;
type Loader<T> = () => Promise<T>;

/**
 * The languages with word lists of their own: the shipped locales and the ones being added (a
 * locale code is looked up as it is; a language without lists here gets the common lists only).
 */
export type DictionaryLocale = 'en' | 'fr' | 'de' | 'es' | 'ar' | 'it' | 'pt-BR' | 'nl' | 'pl' | 'ja';

// One literal import per language and set, so that bundlers emit each as its own lazy chunk.
// English words are not added to other languages: they would double the download.
const languagePacks: Record<DictionaryLocale, Loader<Dictionary>> = {
  en: async () => (await import('@zxcvbn-ts/language-en')).dictionary,
  fr: async () => (await import('@zxcvbn-ts/language-fr')).dictionary,
  de: async () => (await import('@zxcvbn-ts/language-de')).dictionary,
  es: async () => (await import('@zxcvbn-ts/language-es-es')).dictionary,
  ar: async () => (await import('@zxcvbn-ts/language-ar')).dictionary,
  it: async () => (await import('@zxcvbn-ts/language-it')).dictionary,
  'pt-BR': async () => (await import('@zxcvbn-ts/language-pt-br')).dictionary,
  nl: async () => (await import('@zxcvbn-ts/language-nl-be')).dictionary,
  pl: async () => (await import('@zxcvbn-ts/language-pl')).dictionary,
  ja: async () => (await import('@zxcvbn-ts/language-ja')).dictionary,
};

/** A compact set: the common lists and the language's, encoded (scripts/dictionaries/compact.mjs). */
export interface CompactLists {
  lists: Record<string, string>;
}

const compactPacks: Record<DictionaryLocale | 'common', Loader<CompactLists>> = {
  en: () => import('../dictionaries/compact-en.js'),
  fr: () => import('../dictionaries/compact-fr.js'),
  de: () => import('../dictionaries/compact-de.js'),
  es: () => import('../dictionaries/compact-es.js'),
  ar: () => import('../dictionaries/compact-ar.js'),
  it: () => import('../dictionaries/compact-it.js'),
  'pt-BR': () => import('../dictionaries/compact-pt-BR.js'),
  nl: () => import('../dictionaries/compact-nl.js'),
  pl: () => import('../dictionaries/compact-pl.js'),
  ja: () => import('../dictionaries/compact-ja.js'),
  common: () => import('../dictionaries/compact-common.js'),
};

const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

const loaded = new Map<string, Promise<unknown>>();

/** Each module once (a failed load may be tried again). */
function once<T>(key: string, load: Loader<T>): Promise<T> {
  let promise = loaded.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

/** The full lists of `locale`: the common lists plus the language's pack, if it has one. */
export async function fullDictionaries(locale: string): Promise<Required<Pick<OptionsType, 'dictionary' | 'graphs'>>> {
  const pack = own(languagePacks, locale);
  const [common, language] = await Promise.all([
    once('full:common', () => import('@zxcvbn-ts/language-common')),
    pack ? once(`full:${locale}`, pack) : Promise.resolve({}),
  ]);
  return {dictionary: {...common.dictionary, ...language}, graphs: common.adjacencyGraphs};
}

/** The compact lists of `locale` (the common ones alone for a language without lists). */
export async function compactDictionaries(
  locale: string,
): Promise<{lists: Record<string, string>; graphs: OptionsType['graphs']}> {
  const key = own(compactPacks, locale) ? locale : 'common';
  const [{lists}, {adjacencyGraphs}] = await Promise.all([
    once(`compact:${key}`, compactPacks[key as DictionaryLocale]),
    once('graphs', () => import('../dictionaries/graphs.js')),
  ]);
  return {lists, graphs: adjacencyGraphs as OptionsType['graphs']};
}

/** Starts downloading the lists of `locale` without waiting for them (errors are left to the real load). */
export function preloadDictionaries(locale: string, set: 'compact' | 'full'): void {
  (set === 'full' ? fullDictionaries(locale) : compactDictionaries(locale)).catch(() => undefined);
}
