// Brazilian Portuguese count messages: for each count, the plural category that
// Intl.PluralRules('pt-BR') picks has a translation, and it reads as a Brazilian customer expects
// (1 dígito / 2 dígitos, 1 tentativa / 2 tentativas). Reads locales/pt-BR.xlf directly.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales/pt-BR.xlf'), 'utf8');
/** id → target, with each placeholder written as {name}. */
const targets = new Map(
  [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => [
    id,
    /<target>([\s\S]*?)<\/target>/.exec(body)?.[1].replace(/<x id="\d+" equiv-text="\$\{(\w+)\}"\/>/g, '{$1}'),
  ]),
);
const rules = new Intl.PluralRules('pt-BR');
const numbers = new Intl.NumberFormat('pt-BR');
const COUNTS = [1, 2, 3, 5, 11, 12, 22, 100];

/** The text shown for `n`, as the components build it: the unit of n's category, count formatted. */
function render(base, name, n) {
  const category = rules.select(n);
  const text = targets.get(`${base}.${category}`);
  assert.ok(text, `${base}.${category} (picked for ${n}) has a translation`);
  assert.equal(text.split(`{${name}}`).length, 2, `${base}.${category} inserts {${name}} once`);
  return text.replace(`{${name}}`, numbers.format(n));
}

test('pt-BR uses one for 1 and other for the rest of the counts tested', () => {
  assert.deepEqual(
    COUNTS.map((n) => rules.select(n)),
    ['one', 'other', 'other', 'other', 'other', 'other', 'other', 'other'],
  );
});

test('otp-prompt.hint: singular for one digit, plural otherwise', () => {
  const expected = {
    1: 'O código tem 1 dígito.',
    2: 'O código tem 2 dígitos.',
    5: 'O código tem 5 dígitos.',
    22: 'O código tem 22 dígitos.',
  };
  for (const n of COUNTS) {
    const text = render('otp-prompt.hint', 'count', n);
    if (n in expected) assert.equal(text, expected[n]);
    else assert.match(text, new RegExp(`^O código tem ${n} dígitos\\.$`));
  }
});

test('error.code-incorrect-attempts: singular for one try left, plural otherwise', () => {
  const sentence = (rest) => `Este não é o código certo. Você tem mais ${rest} antes de precisar de um novo código.`;
  const expected = {
    1: sentence('1 tentativa'),
    2: sentence('2 tentativas'),
    5: sentence('5 tentativas'),
    22: sentence('22 tentativas'),
  };
  for (const n of COUNTS) {
    const text = render('error.code-incorrect-attempts', 'left', n);
    if (n in expected) assert.equal(text, expected[n]);
    else assert.equal(text, sentence(`${n} tentativas`));
  }
});

test('the categories pt-BR never picks for these messages repeat the other form', () => {
  for (const base of ['otp-prompt.hint', 'error.code-incorrect-attempts']) {
    for (const category of ['zero', 'two', 'few', 'many']) {
      assert.equal(targets.get(`${base}.${category}`), targets.get(`${base}.other`), `${base}.${category}`);
    }
  }
});
