// Polish count messages: Intl.PluralRules('pl') picks one, few or many for whole numbers
// (1 cyfra, 2 cyfry, 5 cyfr, 12 cyfr, 22 cyfry). Each count read here is rendered from
// locales/pl.xlf the way the components fill it: the unit chosen by the plural category, with the
// formatted number in place of its placeholder.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'pl.xlf'), 'utf8');

/** Every unit's target, with its placeholders as `{0}`, `{1}`… by their XLIFF ids. */
const targets = new Map();
for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
  const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
  if (target !== undefined) targets.set(id, target.replace(/<x id="(\d+)" equiv-text="[^"]*"\/>/g, '{$1}'));
}

const rules = new Intl.PluralRules('pl');
const number = new Intl.NumberFormat('pl');

/** The text the customer reads for `count`, as the component renders it. */
function render(id, count) {
  const category = rules.select(count);
  const text = targets.get(`${id}.${category}`);
  assert.ok(text, `${id}.${category} is translated (chosen for ${count})`);
  return text.replace('{0}', number.format(count));
}

const COUNTS = [1, 2, 3, 5, 11, 12, 22, 100];

test('Polish picks one, few and many for whole numbers, as the grammar needs', () => {
  assert.deepEqual(
    COUNTS.map((n) => rules.select(n)),
    ['one', 'few', 'few', 'many', 'many', 'many', 'few', 'many'],
  );
});

test('otp-prompt.hint: 1 cyfrę, 2 cyfry, 5 cyfr, 22 cyfry', () => {
  const expected = {
    1: 'Kod ma 1 cyfrę.',
    2: 'Kod ma 2 cyfry.',
    3: 'Kod ma 3 cyfry.',
    5: 'Kod ma 5 cyfr.',
    11: 'Kod ma 11 cyfr.',
    12: 'Kod ma 12 cyfr.',
    22: 'Kod ma 22 cyfry.',
    100: 'Kod ma 100 cyfr.',
  };
  for (const n of COUNTS) assert.equal(render('otp-prompt.hint', n), expected[n], `${n}`);
});

test('error.code-incorrect-attempts: 1 próbę, 2 próby, 5 prób, 22 próby', () => {
  const start = 'To nie jest właściwy kod. Masz jeszcze ';
  const end = ', potem potrzebny będzie nowy kod.';
  const expected = {
    1: '1 próbę',
    2: '2 próby',
    3: '3 próby',
    5: '5 prób',
    11: '11 prób',
    12: '12 prób',
    22: '22 próby',
    100: '100 prób',
  };
  for (const n of COUNTS) {
    assert.equal(render('error.code-incorrect-attempts', n), `${start}${expected[n]}${end}`, `${n}`);
  }
});

test('every Polish count message has the forms PluralRules can pick, each with its one placeholder', () => {
  const ids = [...targets.keys()].filter((id) => id.endsWith('.other')).map((id) => id.slice(0, -'.other'.length));
  assert.ok(ids.length >= 6, `count messages found: ${ids.join(', ')}`);
  for (const id of ids) {
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
      const text = targets.get(`${id}.${category}`);
      assert.ok(text, `${id}.${category}`);
      assert.equal(text.split('{0}').length, 2, `${id}.${category}: {0} once`);
    }
    // Categories Polish never uses repeat the general form.
    assert.equal(targets.get(`${id}.zero`), targets.get(`${id}.other`), `${id}.zero`);
    assert.equal(targets.get(`${id}.two`), targets.get(`${id}.other`), `${id}.two`);
    // 1 and 5 never read alike (few and many share a form where both take the genitive plural:
    // "po wpisaniu wszystkich 2 cyfr", "… 5 cyfr").
    assert.notEqual(render(id, 1).replace('1', '#'), render(id, 5).replace('5', '#'), id);
  }
});
