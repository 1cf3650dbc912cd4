// The meter's compact dictionaries: derived from the installed zxcvbn-ts packages, within their
// download budget, and as accurate as the full lists on the held-out half of the bench corpus.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {staleLocales} from '../../scripts/dictionaries/derive.mjs';
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
