// Measures compact dictionaries against the full ones on the bench corpus: the share of
// identical scores (overall, per category, on the held-out half) and the passwords the compact
// set rates 3 or 4 that the full set rates 0–2 (the dangerous direction).
import {gzipSync} from 'node:zlib';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {ZxcvbnFactory} from '@zxcvbn-ts/core';
import {decodeList} from './compact.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** The meter's own bounded check (src/internal/zxcvbn-engine.ts), compiled for Node. */
export async function loadEngine() {
  // Inside the repository (.bench/ is ignored by git) so that the engine finds node_modules.
  mkdirSync(resolve(ROOT, '.bench'), {recursive: true});
  const dir = mkdtempSync(join(ROOT, '.bench', 'engine-'));
  try {
    const out = join(dir, 'engine.mjs');
    await build({
      entryPoints: [resolve(ROOT, 'src/internal/zxcvbn-engine.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: out,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(out).href);
  } finally {
    setTimeout(() => rmSync(dir, {recursive: true, force: true}), 1000).unref();
  }
}

/**
 * A factory whose dictionaries are the compact lists, ranks as stored.
 * @param {Record<string, string>} lists
 * @param {object} graphs
 * @param {number} l33tMaxSubstitutions
 */
export function compactFactory(lists, graphs, l33tMaxSubstitutions) {
  const factory = new ZxcvbnFactory({dictionary: {}, graphs, l33tMaxSubstitutions});
  const options = /** @type {any} */ (factory).options;
  for (const [name, encoded] of Object.entries(lists)) {
    const ranked = decodeList(encoded);
    options.rankedDictionaries[name] = ranked;
    let longest = 0;
    for (const word in ranked) longest = Math.max(longest, word.length);
    options.rankedDictionariesMaxWordSize[name] = longest;
  }
  return factory;
}

export const gzipSize = (text) => gzipSync(Buffer.from(text), {level: 9}).length;

/**
 * @param {{password: string, category: string, split: string}[]} corpus
 * @param {(password: string) => number} full
 * @param {(password: string) => number} compact
 */
export function agreement(corpus, full, compact) {
  const by = new Map();
  const add = (key, same, dangerous) => {
    const entry = by.get(key) ?? {n: 0, same: 0, dangerous: 0};
    entry.n += 1;
    entry.same += same ? 1 : 0;
    entry.dangerous += dangerous ? 1 : 0;
    by.set(key, entry);
  };
  const differences = [];
  for (const item of corpus) {
    const a = full(item.password);
    const b = compact(item.password);
    const dangerous = a <= 2 && b >= 3;
    if (a !== b) differences.push({...item, full: a, compact: b});
    for (const key of ['all', `split:${item.split}`, `category:${item.category}`]) add(key, a === b, dangerous);
  }
  return {by, differences};
}
