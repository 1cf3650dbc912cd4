import {ZxcvbnFactory, type OptionsType, type ZxcvbnResult} from '@zxcvbn-ts/core';
import type {SereinLocale} from './locale.js';

/**
 * Only this many code points are estimated. Longer passwords are judged on this prefix, which
 * can only under-rate them (a prefix is never harder to guess than the whole), while the cost of
 * zxcvbn-ts grows about with the cube of the length (`PERFORMANCE.md`).
 */
export const ESTIMATE_MAX_CODE_POINTS = 64;

/**
 * zxcvbn-ts tries up to 100 de-l33ted variants by default; 10 keeps ≥ 99 % of its scores
 * (measured by `npm run bench`) at a fraction of the cost.
 */
export const L33T_MAX_SUBSTITUTIONS = 10;

/**
 * L33t analysis can only lower a score, and it is most of the cost on long passwords. So a first
 * pass runs without it; a password of at least this many code points that this pass already
 * finds very hard to guess (score 4) keeps that verdict, and every other password gets the full
 * pass. Measured by `npm run bench`: same scores as the full pass for ≥ 99 % of a varied corpus,
 * at about half the p95 cost.
 */
export const QUICK_PASS_MIN_CODE_POINTS = 16;

/** A zxcvbn-ts verdict with its feedback as message keys (translated by the component). */
export interface EstimateResult {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string;
  suggestions: string[];
}

type Dictionary = Record<string, string[]>;
type RankedDictionary = Record<string, number>;

/**
 * Which word lists the meter uses. `compact` (the default): lists derived from the same packages
 * by `scripts/dictionaries/derive.mjs`, at most 250 KB gzip per language, which give the same
 * score as the full lists for about 99 % of passwords (`npm run bench` prints the agreement).
 * `full`: zxcvbn-ts's own lists (500–800 KB gzip per language).
 */
export type DictionarySet = 'compact' | 'full';

// One literal import per language and set, so that bundlers emit each as its own lazy chunk.
// English words are not added to other languages: they would double the download.
// A language without a pack of its own (or not yet derived) uses the common lists alone.
const languagePacks: Partial<Record<SereinLocale, () => Promise<Dictionary>>> = {
  en: async () => (await import('@zxcvbn-ts/language-en')).dictionary,
  fr: async () => (await import('@zxcvbn-ts/language-fr')).dictionary,
  de: async () => (await import('@zxcvbn-ts/language-de')).dictionary,
  es: async () => (await import('@zxcvbn-ts/language-es-es')).dictionary,
  ar: async () => (await import('@zxcvbn-ts/language-ar')).dictionary,
};
const compactPacks: Partial<Record<SereinLocale, () => Promise<{lists: Record<string, string>}>>> = {
  en: () => import('../dictionaries/compact-en.js'),
  fr: () => import('../dictionaries/compact-fr.js'),
  de: () => import('../dictionaries/compact-de.js'),
  es: () => import('../dictionaries/compact-es.js'),
  ar: () => import('../dictionaries/compact-ar.js'),
};

/** zxcvbn-ts options for `locale`: the common dictionaries always, plus the language's pack. */
export async function loadOptions(locale: SereinLocale): Promise<OptionsType> {
  const [common, language] = await Promise.all([import('@zxcvbn-ts/language-common'), languagePacks[locale]?.() ?? {}]);
  return {
    dictionary: {...common.dictionary, ...language},
    graphs: common.adjacencyGraphs,
  };
}

/** Work between two yields when building dictionaries on the main thread (a long task is 50 ms). */
const SLICE_MS = 8;

/**
 * Gives the event loop a turn when `sliced` and the current slice is used up, so that building
 * the dictionaries on the main thread never makes a long task.
 */
function slicer(sliced: boolean): () => Promise<void> | undefined {
  let started = performance.now();
  return () => {
    if (!sliced || performance.now() - started < SLICE_MS) return undefined;
    return new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        started = performance.now();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  };
}

/** Decodes a compact list (see scripts/dictionaries/compact.mjs) into zxcvbn-ts's ranked form. */
async function decodeCompact(encoded: string, pause: () => Promise<void> | undefined): Promise<RankedDictionary> {
  const ranked: RankedDictionary = {};
  for (const bucket of encoded.split('\n')) {
    const colon = bucket.indexOf(':');
    const rank = parseInt(bucket.slice(0, colon), 36);
    const parts = bucket.slice(colon + 1).split(/([A-Z])/);
    let previous = '';
    for (let i = 1; i < parts.length; i += 2) {
      previous = previous.slice(0, parts[i].charCodeAt(0) - 65) + parts[i + 1];
      ranked[previous] = rank;
    }
    await pause();
  }
  return ranked;
}

/** zxcvbn-ts's ranked form of a full list (rank = position, from 1), built in slices. */
async function rankList(words: readonly string[], pause: () => Promise<void> | undefined): Promise<RankedDictionary> {
  const ranked: RankedDictionary = {};
  for (let i = 0; i < words.length; i++) {
    ranked[words[i]] = i + 1;
    if (i % 2048 === 0) await pause();
  }
  return ranked;
}

async function rankedDictionaries(
  locale: SereinLocale,
  set: DictionarySet,
  sliced: boolean,
): Promise<{ranked: Record<string, RankedDictionary>; graphs: OptionsType['graphs']}> {
  const pause = slicer(sliced);
  const ranked: Record<string, RankedDictionary> = {};
  const compact = compactPacks[locale];
  if (set === 'full' || !compact) {
    const {dictionary, graphs} = await loadOptions(locale);
    for (const [name, words] of Object.entries(dictionary ?? {}))
      ranked[name] = await rankList(words as string[], pause);
    return {ranked, graphs};
  }
  const [{lists}, {adjacencyGraphs}] = await Promise.all([compact(), import('../dictionaries/graphs.js')]);
  for (const [name, encoded] of Object.entries(lists)) ranked[name] = await decodeCompact(encoded, pause);
  return {ranked, graphs: adjacencyGraphs as OptionsType['graphs']};
}

interface FactoryInternals {
  options: {
    rankedDictionaries: Record<string, RankedDictionary>;
    rankedDictionariesMaxWordSize: Record<string, number>;
    l33tMaxSubstitutions: number;
  };
}

/**
 * A factory over ranked dictionaries built beforehand (in slices where it matters): zxcvbn-ts
 * would otherwise rank every list in one synchronous call of its constructor. The engine's test
 * checks that the factory still reads these fields after an upgrade of zxcvbn-ts.
 */
export async function createFactory(locale: SereinLocale, set: DictionarySet, sliced = false): Promise<ZxcvbnFactory> {
  const {ranked, graphs} = await rankedDictionaries(locale, set, sliced);
  const factory = new ZxcvbnFactory({dictionary: {}, graphs, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS});
  const {options} = factory as unknown as FactoryInternals;
  for (const [name, words] of Object.entries(ranked)) {
    options.rankedDictionaries[name] = words;
    let longest = 0;
    for (const word in words) if (word.length > longest) longest = word.length;
    options.rankedDictionariesMaxWordSize[name] = longest;
  }
  return factory;
}

const factories = new Map<string, Promise<ZxcvbnFactory>>();

/** Main thread: build in slices (no long task); in the worker nothing else waits, so build at once. */
const sliceBuilds = typeof window !== 'undefined';

function factoryFor(locale: SereinLocale, set: DictionarySet): Promise<ZxcvbnFactory> {
  const key = `${set}:${locale}`;
  let factory = factories.get(key);
  if (!factory) {
    factory = createFactory(locale, set, sliceBuilds);
    factory.catch(() => factories.delete(key));
    factories.set(key, factory);
  }
  return factory;
}

/** The first {@link ESTIMATE_MAX_CODE_POINTS} code points of `password`, and how many there are. */
export function estimatedPrefix(password: string): {prefix: string; length: number} {
  let prefix = '';
  let length = 0;
  for (const codePoint of password) {
    if (length === ESTIMATE_MAX_CODE_POINTS) break;
    prefix += codePoint;
    length += 1;
  }
  return {prefix, length};
}

/**
 * zxcvbn-ts reads `l33tMaxSubstitutions` from the factory's options at each check, so one
 * factory (one copy of the ranked dictionaries) serves both passes. The engine's test checks
 * that this still holds after an upgrade of zxcvbn-ts.
 */
function setL33tSubstitutions(factory: ZxcvbnFactory, value: number): void {
  (factory as unknown as FactoryInternals).options.l33tMaxSubstitutions = value;
}

/** The two-pass check described at {@link QUICK_PASS_MIN_CODE_POINTS}. */
export function checkBounded(factory: ZxcvbnFactory, password: string, userInputs: readonly string[]): ZxcvbnResult {
  const {prefix, length} = estimatedPrefix(password);
  if (length >= QUICK_PASS_MIN_CODE_POINTS) {
    setL33tSubstitutions(factory, 0);
    try {
      const quick = factory.check(prefix, [...userInputs]);
      if (quick.score === 4) return quick;
    } finally {
      setL33tSubstitutions(factory, L33T_MAX_SUBSTITUTIONS);
    }
  }
  return factory.check(prefix, [...userInputs]);
}

/** Loads the dictionaries for `locale` (once) without estimating anything. */
export async function prepare(locale: SereinLocale, set: DictionarySet = 'compact'): Promise<void> {
  await factoryFor(locale, set);
}

/** Estimates `password` (its bounded prefix) with the dictionaries of `locale`. */
export async function estimate(
  locale: SereinLocale,
  password: string,
  userInputs: readonly string[],
  set: DictionarySet = 'compact',
): Promise<EstimateResult> {
  const factory = await factoryFor(locale, set);
  const result = checkBounded(factory, password, userInputs);
  return {
    score: result.score,
    warning: result.feedback.warning ?? '',
    suggestions: [...result.feedback.suggestions],
  };
}
