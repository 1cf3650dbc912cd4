// The meter's dictionary sets side by side: first-use download per language (gzip -9, bundled
// and minified by esbuild as a host's bundler would emit the lazy chunks), and how often the
// compact set gives the same score as the full one on the bench corpus. Importable by tests.
import {build} from 'esbuild';
import {resolve} from 'node:path';
import {ZxcvbnFactory} from '@zxcvbn-ts/core';
import {corpusFor, fullLists, PACKS} from '../dictionaries/derive.mjs';
import {agreement, compactFactory, gzipSize, loadEngine} from '../dictionaries/evaluate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
export const LOCALES = Object.keys(PACKS);
/** Budgets of the compact set (issue: a meter that is ready in a blink on a phone). */
export const DICTIONARY_BUDGETS = {bytes: 250 * 1024, agreement: 0.98, dangerous: 0.005};

async function bundledGzip(contents) {
  const result = await build({
    stdin: {contents, resolveDir: ROOT, loader: 'js'},
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return gzipSize(result.outputFiles[0].text);
}

/** First-use download of each set for `locale`, in bytes (gzip -9). */
export async function downloadSizes(locale) {
  const full = await bundledGzip(
    `export {dictionary as a, adjacencyGraphs as g} from '@zxcvbn-ts/language-common';` +
      (PACKS[locale] ? ` export {dictionary as b} from '${PACKS[locale]}';` : ''),
  );
  const compact = await bundledGzip(
    `export {lists} from './src/dictionaries/compact-${locale}.js'; export {adjacencyGraphs} from './src/dictionaries/graphs.js';`,
  );
  return {full, compact};
}

/**
 * Scores of the corpus with both sets, as the meter computes them (its bounded two-pass check).
 * @param {string} locale
 * @param {{split?: 'holdout' | 'train'}} [options] only that half of the corpus
 */
export async function compareScores(locale, {split} = {}) {
  const engine = await loadEngine();
  const corpus = await corpusFor(locale);
  const items = split ? corpus.filter((item) => item.split === split) : corpus;
  const common = await import('@zxcvbn-ts/language-common');
  const full = new ZxcvbnFactory({
    dictionary: await fullLists(locale),
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: engine.L33T_MAX_SUBSTITUTIONS,
  });
  const {lists} = await import(resolve(ROOT, `src/dictionaries/compact-${locale}.js`));
  const compact = compactFactory(lists, common.adjacencyGraphs, engine.L33T_MAX_SUBSTITUTIONS);
  const score = (factory) => (password) => engine.checkBounded(factory, password, []).score;
  return agreement(items, score(full), score(compact));
}
