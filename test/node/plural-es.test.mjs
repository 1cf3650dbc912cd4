// Spanish count messages: Intl.PluralRules('es') picks one for 1, many for whole millions and
// other for the rest. Spanish writes "1 dígito", "6 dígitos"; for many (a million digits) it uses
// its other text. Each count here is rendered from locales/es.xlf the way the components fill it:
// the unit chosen by the plural category, with the formatted number in place of its placeholder.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'es.xlf'), 'utf8');

/** Every unit's target, with its placeholders as `{0}`, `{1}`… by their XLIFF ids. */
const targets = new Map();
for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
  const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
  if (target !== undefined) targets.set(id, target.replace(/<x id="(\d+)" equiv-text="[^"]*"\/>/g, '{$1}'));
}

const rules = new Intl.PluralRules('es');
const number = new Intl.NumberFormat('es');

/** The text the customer reads for `count`, as the component renders it. */
function render(id, count) {
  const category = rules.select(count);
  const text = targets.get(`${id}.${category}`);
  assert.ok(text, `${id}.${category} is translated (chosen for ${count})`);
  return text.replace('{0}', number.format(count));
}

test('otp-prompt.hint: 1 dígito, 6 dígitos', () => {
  assert.equal(render('otp-prompt.hint', 1), 'El código tiene 1 dígito.');
  assert.equal(render('otp-prompt.hint', 2), 'El código tiene 2 dígitos.');
  assert.equal(render('otp-prompt.hint', 6), 'El código tiene 6 dígitos.');
});

test('error.code-incorrect-attempts: 1 vez más, 2 veces más', () => {
  const start = 'Este no es el código correcto. Puede intentarlo ';
  const end = ' más antes de necesitar un código nuevo.';
  assert.equal(render('error.code-incorrect-attempts', 1), `${start}1 vez${end}`);
  assert.equal(render('error.code-incorrect-attempts', 2), `${start}2 veces${end}`);
  assert.equal(render('error.code-incorrect-attempts', 5), `${start}5 veces${end}`);
});

test('password-change.error.too-short and the meter: 1 carácter, 12 caracteres', () => {
  assert.equal(render('password-change.error.too-short', 1), 'Use al menos 1 carácter para su nueva contraseña.');
  assert.equal(render('password-change.error.too-short', 12), 'Use al menos 12 caracteres para su nueva contraseña.');
  assert.match(render('strength-meter.too-short', 12), /^Use al menos 12 caracteres\. Por ahora: \{1\}\.$/);
});

test('every Spanish count message has every category, the unused ones repeating the general form', () => {
  const ids = [...targets.keys()].filter((id) => id.endsWith('.other')).map((id) => id.slice(0, -'.other'.length));
  assert.ok(ids.length >= 6, `count messages found: ${ids.join(', ')}`);
  for (const id of ids) {
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
      const text = targets.get(`${id}.${category}`);
      assert.ok(text, `${id}.${category}`);
      assert.equal(text.split('{0}').length, 2, `${id}.${category}: {0} once`);
    }
    for (const category of ['zero', 'two', 'few', 'many']) {
      assert.equal(targets.get(`${id}.${category}`), targets.get(`${id}.other`), `${id}.${category}`);
    }
    assert.notEqual(render(id, 1).replace('1', '#'), render(id, 6).replace('6', '#'), id);
  }
});
