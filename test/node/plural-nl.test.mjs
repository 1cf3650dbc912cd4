// Dutch count messages: for each count, the form that Intl.PluralRules('nl') picks exists in
// locales/nl.xlf and reads as a Dutch customer expects ("1 cijfer", "5 cijfers", "nog 1 keer").
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'nl.xlf'), 'utf8');

/** id → target, with each placeholder kept as its name (`<x … equiv-text="${count}"/>` → `{count}`). */
const targets = new Map();
for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
  const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
  if (target !== undefined) targets.set(id, target.replace(/<x id="\d+" equiv-text="\$\{(\w+)\}"\/>/g, '{$1}'));
}

const rules = new Intl.PluralRules('nl');
const counts = [1, 2, 3, 5, 11, 12, 22, 100];

/** The text a component shows for `n`: the form chosen by the plural rules, its count filled in. */
function render(base, name, n) {
  const id = `${base}.${rules.select(n)}`;
  const text = targets.get(id);
  assert.ok(text, `${id} has a Dutch target`);
  assert.ok(text.includes(`{${name}}`), `${id} keeps {${name}}`);
  return text.replace(`{${name}}`, new Intl.NumberFormat('nl').format(n));
}

test('Dutch has the forms one and other, and every category the rules can pick is translated', () => {
  assert.deepEqual(rules.resolvedOptions().pluralCategories.sort(), ['one', 'other']);
  for (const base of ['error.code-incorrect-attempts', 'otp-prompt.hint']) {
    for (const n of counts) render(base, base === 'otp-prompt.hint' ? 'count' : 'left', n);
  }
});

test('error.code-incorrect-attempts reads naturally for 1, 2, 5 and 22 tries left', () => {
  const say = (n) => render('error.code-incorrect-attempts', 'left', n);
  const expected = (n) =>
    `Dat is niet de juiste code. U kunt het nog ${n} keer proberen voordat u een nieuwe code nodig hebt.`;
  // "keer" is the same word after 1 and after more: one sentence serves every count.
  for (const n of [1, 2, 5, 22]) assert.equal(say(n), expected(n));
  for (const n of [3, 11, 12, 100]) assert.equal(say(n), expected(n));
});

test('otp-prompt.hint says "cijfer" for one digit and "cijfers" for more', () => {
  const say = (n) => render('otp-prompt.hint', 'count', n);
  assert.equal(say(1), 'De code heeft 1 cijfer.');
  assert.equal(say(2), 'De code heeft 2 cijfers.');
  assert.equal(say(5), 'De code heeft 5 cijfers.');
  assert.equal(say(22), 'De code heeft 22 cijfers.');
  for (const n of [3, 11, 12, 100]) assert.equal(say(n), `De code heeft ${n} cijfers.`);
});

test('the forms Dutch never uses repeat the other form', () => {
  for (const base of [
    'error.code-incorrect-attempts',
    'otp-prompt.hint',
    'otp-prompt.auto-submit',
    'otp-prompt.error.incomplete',
    'password-change.error.too-short',
    'strength-meter.hint',
    'strength-meter.too-short',
  ]) {
    for (const category of ['zero', 'two', 'few', 'many']) {
      assert.equal(targets.get(`${base}.${category}`), targets.get(`${base}.other`), `${base}.${category}`);
    }
    assert.notEqual(targets.get(`${base}.one`), undefined, `${base}.one`);
  }
});
