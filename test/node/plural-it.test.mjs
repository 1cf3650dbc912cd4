// Italian count messages: for each count, the plural category that Intl.PluralRules('it') picks has
// a unit in locales/it.xlf, and the rendered sentence is the grammatical Italian one.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'it.xlf'), 'utf8');

/** Every unit's target, placeholders written as {0}, {1} (their `<x id>`). */
const targets = {};
for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
  const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
  if (target !== undefined) targets[id] = target.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}');
}

const rules = new Intl.PluralRules('it');
const format = new Intl.NumberFormat('it');

/** The count message `base` for `n`, as the components render it. */
function render(base, n) {
  const category = rules.select(n);
  const id = `${base}.${category}`;
  assert.ok(id in targets, `${id} is translated (category ${category} for ${n})`);
  return targets[id].replace('{0}', format.format(n));
}

const COUNTS = [1, 2, 3, 5, 11, 12, 22, 100];

test('Italian picks one for 1 and other for the other counts tested', () => {
  assert.deepEqual(
    COUNTS.map((n) => rules.select(n)),
    ['one', 'other', 'other', 'other', 'other', 'other', 'other', 'other'],
  );
});

test('error.code-incorrect-attempts reads correctly for every count', () => {
  const expected = {
    1: 'Il codice non è corretto. Ha ancora 1 tentativo prima di dover chiedere un nuovo codice.',
    2: 'Il codice non è corretto. Ha ancora 2 tentativi prima di dover chiedere un nuovo codice.',
    5: 'Il codice non è corretto. Ha ancora 5 tentativi prima di dover chiedere un nuovo codice.',
    22: 'Il codice non è corretto. Ha ancora 22 tentativi prima di dover chiedere un nuovo codice.',
  };
  for (const n of COUNTS) {
    const text = render('error.code-incorrect-attempts', n);
    if (n in expected) assert.equal(text, expected[n]);
    else assert.match(text, new RegExp(`Ha ancora ${n} tentativi prima`), `${n}`);
  }
});

test('otp-prompt.hint reads correctly for every count', () => {
  const expected = {
    1: 'Il codice ha 1 cifra.',
    2: 'Il codice ha 2 cifre.',
    5: 'Il codice ha 5 cifre.',
    22: 'Il codice ha 22 cifre.',
  };
  for (const n of COUNTS) {
    const text = render('otp-prompt.hint', n);
    if (n in expected) assert.equal(text, expected[n]);
    else assert.equal(text, `Il codice ha ${n} cifre.`, `${n}`);
  }
});

test('the many category (a million) reads like other', () => {
  assert.equal(rules.select(1_000_000), 'many');
  assert.equal(render('otp-prompt.hint', 1_000_000), 'Il codice ha 1.000.000 cifre.');
});
