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

// One literal import per language so that bundlers emit each dictionary as its own lazy chunk.
// English words are not added to other languages: they would double the download.
const languagePacks: Record<SereinLocale, () => Promise<Dictionary>> = {
  en: async () => (await import('@zxcvbn-ts/language-en')).dictionary,
  fr: async () => (await import('@zxcvbn-ts/language-fr')).dictionary,
  de: async () => (await import('@zxcvbn-ts/language-de')).dictionary,
  es: async () => (await import('@zxcvbn-ts/language-es-es')).dictionary,
  ar: async () => (await import('@zxcvbn-ts/language-ar')).dictionary,
};

/** zxcvbn-ts options for `locale`: the common dictionaries always, plus the language's pack. */
export async function loadOptions(locale: SereinLocale): Promise<OptionsType> {
  const [common, language] = await Promise.all([import('@zxcvbn-ts/language-common'), languagePacks[locale]()]);
  return {
    dictionary: {...common.dictionary, ...language},
    graphs: common.adjacencyGraphs,
  };
}

const factories = new Map<SereinLocale, Promise<ZxcvbnFactory>>();

function factoryFor(locale: SereinLocale): Promise<ZxcvbnFactory> {
  let factory = factories.get(locale);
  if (!factory) {
    factory = loadOptions(locale).then(
      (options) => new ZxcvbnFactory({...options, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS}),
    );
    factory.catch(() => factories.delete(locale));
    factories.set(locale, factory);
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
  (factory as unknown as {options: {l33tMaxSubstitutions: number}}).options.l33tMaxSubstitutions = value;
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
export async function prepare(locale: SereinLocale): Promise<void> {
  await factoryFor(locale);
}

/** Estimates `password` (its bounded prefix) with the dictionaries of `locale`. */
export async function estimate(
  locale: SereinLocale,
  password: string,
  userInputs: readonly string[],
): Promise<EstimateResult> {
  const factory = await factoryFor(locale);
  const result = checkBounded(factory, password, userInputs);
  return {
    score: result.score,
    warning: result.feedback.warning ?? '',
    suggestions: [...result.feedback.suggestions],
  };
}
