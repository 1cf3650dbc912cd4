import {ZxcvbnFactory, type OptionsType, type ZxcvbnResult} from '@zxcvbn-ts/core';
import {compactDictionaries, fullDictionaries} from './dictionary-packs.js';
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

type RankedDictionary = Record<string, number>;

/**
 * Which word lists the meter uses. `compact` (the default): lists derived from the same packages
 * by `scripts/dictionaries/derive.mjs`, at most 250 KB gzip per language, which give the same
 * score as the full lists for about 99 % of passwords (`npm run bench` prints the agreement).
 * `full`: zxcvbn-ts's own lists (500–800 KB gzip per language).
 */
export type DictionarySet = 'compact' | 'full';

/** zxcvbn-ts options for `locale`: the common dictionaries always, plus the language's pack. */
export async function loadOptions(locale: SereinLocale): Promise<OptionsType> {
  return fullDictionaries(locale);
}

/**
 * Work between two yields when building dictionaries on the main thread (a long task is 50 ms;
 * the margin covers garbage collection and a slower device).
 */
const SLICE_MS = 5;

/** Words handled between two looks at the clock. */
const WORDS_PER_CHECK = 256;

/**
 * Gives the event loop a turn when `sliced` and the current slice is used up, so that building
 * the dictionaries on the main thread never makes a long task.
 */
function slicer(sliced: boolean): (always?: boolean) => Promise<void> | undefined {
  let started = performance.now();
  return (always = false) => {
    if (!sliced || (!always && performance.now() - started < SLICE_MS)) return undefined;
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

/** A list in zxcvbn-ts's ranked form, with the length of its longest word. */
interface RankedList {
  ranked: RankedDictionary;
  longest: number;
}

/**
 * A ranked list without a prototype. zxcvbn-ts looks up every substring of the password in every
 * list (`list[substring]`), and almost every lookup misses: on an ordinary object a miss goes on
 * to search Object.prototype as well, which made these lookups most of an estimate's cost. It
 * also keeps `constructor` from matching as a listed word. Same words, same ranks, same scores
 * (test/node/dictionaries.test.mjs compares them on the bench corpus).
 */
const emptyList = (): RankedDictionary => Object.create(null) as RankedDictionary;

/**
 * Decodes a compact list (see scripts/dictionaries/compact.mjs) into zxcvbn-ts's ranked form:
 * buckets `rank:words` on their own lines, each word introduced by a capital letter A–Z that
 * says how many leading characters it shares with the previous word of its bucket.
 */
async function decodeCompact(encoded: string, pause: () => Promise<void> | undefined): Promise<RankedList> {
  const ranked = emptyList();
  let longest = 0;
  let count = 0;
  const end = encoded.length;
  let start = 0;
  while (start < end) {
    const colon = encoded.indexOf(':', start);
    let stop = encoded.indexOf('\n', colon);
    if (stop < 0) stop = end;
    const rank = parseInt(encoded.slice(start, colon), 36);
    let previous = '';
    let at = colon + 1;
    while (at < stop) {
      const shared = encoded.charCodeAt(at) - 65;
      let next = at + 1;
      for (; next < stop; next++) {
        const code = encoded.charCodeAt(next);
        if (code >= 65 && code <= 90) break;
      }
      previous = previous.slice(0, shared) + encoded.slice(at + 1, next);
      ranked[previous] = rank;
      if (previous.length > longest) longest = previous.length;
      at = next;
      if (++count % WORDS_PER_CHECK === 0) await pause();
    }
    start = stop + 1;
  }
  return {ranked, longest};
}

/** zxcvbn-ts's ranked form of a full list (rank = position, from 1), built in slices. */
async function rankList(words: readonly string[], pause: () => Promise<void> | undefined): Promise<RankedList> {
  const ranked = emptyList();
  let longest = 0;
  for (let i = 0; i < words.length; i++) {
    ranked[words[i]] = i + 1;
    if (words[i].length > longest) longest = words[i].length;
    if (i % WORDS_PER_CHECK === 0) await pause();
  }
  return {ranked, longest};
}

async function rankedDictionaries(
  locale: SereinLocale,
  set: DictionarySet,
  sliced: boolean,
): Promise<{lists: Record<string, RankedList>; graphs: OptionsType['graphs']}> {
  const pause = slicer(sliced);
  const lists: Record<string, RankedList> = {};
  if (set === 'full') {
    const {dictionary, graphs} = await fullDictionaries(locale);
    for (const [name, words] of Object.entries(dictionary)) lists[name] = await rankList(words as string[], pause);
    return {lists, graphs};
  }
  const {lists: encoded, graphs} = await compactDictionaries(locale);
  for (const [name, text] of Object.entries(encoded)) lists[name] = await decodeCompact(text, pause);
  return {lists, graphs};
}

/**
 * Ends the build with a turn of the event loop: the first estimate (zxcvbn-ts's code still
 * cold) then runs in a task of its own instead of lengthening the build's last slice.
 */
async function endOfBuild(sliced: boolean): Promise<void> {
  await slicer(sliced)(true);
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
  const {lists, graphs} = await rankedDictionaries(locale, set, sliced);
  const factory = new ZxcvbnFactory({dictionary: {}, graphs, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS});
  const {options} = factory as unknown as FactoryInternals;
  for (const [name, {ranked, longest}] of Object.entries(lists)) {
    options.rankedDictionaries[name] = ranked;
    options.rankedDictionariesMaxWordSize[name] = longest;
  }
  await endOfBuild(sliced);
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
