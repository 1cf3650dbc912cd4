// The meter's compact dictionaries: derived from the installed zxcvbn-ts packages, within their
// download budget, and as accurate as the full lists on the held-out half of the bench corpus.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ZxcvbnFactory} from '@zxcvbn-ts/core';
import {corpusFor, fullLists, staleLocales} from '../../scripts/dictionaries/derive.mjs';
import {compactFactory, loadEngine} from '../../scripts/dictionaries/evaluate.mjs';
import {compareScores, DICTIONARY_BUDGETS, downloadSizes, LOCALES} from '../../scripts/bench/dictionaries.mjs';

test('the compact dictionaries were derived from the installed zxcvbn-ts packages', async () => {
  assert.deepEqual(await staleLocales(), [], 'run node scripts/dictionaries/derive.mjs');
});

for (const locale of LOCALES) {
  test(`${locale}: the compact dictionaries download in at most 250 KB gzip`, async () => {
    const {compact, full} = await downloadSizes(locale);
    assert.ok(compact <= DICTIONARY_BUDGETS.bytes, `${(compact / 1024).toFixed(1)} KB`);
    assert.ok(compact < full, 'smaller than the full lists');
  });

  test(`${locale}: the compact dictionaries score the held-out passwords as the full ones do`, async () => {
    const {by} = await compareScores(locale, {split: 'holdout'});
    const all = by.get('all');
    const share = all.same / all.n;
    assert.ok(share >= DICTIONARY_BUDGETS.agreement, `${(share * 100).toFixed(2)} % identical`);
    // The dangerous direction: rated good or strong (3–4) where the full lists say weak (0–2).
    assert.ok(all.dangerous / all.n <= DICTIONARY_BUDGETS.dangerous, `${all.dangerous} rated higher`);
  });
}

// The engine builds its own ranked lists (decoded in slices, without a prototype, for speed);
// zxcvbn-ts must give every password exactly the verdict it gives with lists built its own way.
const verdict = (result) => ({score: result.score, guesses: result.guesses, feedback: result.feedback});

test('the engine scores the bench corpus exactly as zxcvbn-ts does with the same compact lists', async () => {
  const engine = await loadEngine();
  const {lists} = await import('../../src/dictionaries/compact-en.js');
  const {adjacencyGraphs} = await import('../../src/dictionaries/graphs.js');
  const reference = compactFactory(lists, adjacencyGraphs, engine.L33T_MAX_SUBSTITUTIONS);
  const shipped = await engine.createFactory('en', 'compact');
  const corpus = await corpusFor('en');
  for (const {password} of corpus) {
    const expected = verdict(engine.checkBounded(reference, password, []));
    assert.deepEqual(verdict(engine.checkBounded(shipped, password, [])), expected, password);
  }
});

test('the engine scores the bench corpus exactly as zxcvbn-ts does with the full lists', async () => {
  const engine = await loadEngine();
  const {adjacencyGraphs} = await import('@zxcvbn-ts/language-common');
  const reference = new ZxcvbnFactory({
    dictionary: await fullLists('en'),
    graphs: adjacencyGraphs,
    l33tMaxSubstitutions: engine.L33T_MAX_SUBSTITUTIONS,
  });
  const shipped = await engine.createFactory('en', 'full');
  // Every fifth password: the full lists make each check slower.
  const corpus = (await corpusFor('en')).filter((_, index) => index % 5 === 0);
  for (const {password} of corpus) {
    const expected = verdict(engine.checkBounded(reference, password, []));
    assert.deepEqual(verdict(engine.checkBounded(shipped, password, [])), expected, password);
  }
});
