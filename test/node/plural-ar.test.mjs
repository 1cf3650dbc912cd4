// Arabic count messages: Intl.PluralRules('ar') picks zero (0), one (1), two (2), few (3–10),
// many (11–99) and other (100–102 and so on). With digits, Arabic writes "3 أرقام" (few: the
// genitive plural), "11 رقمًا" (many: the accusative singular) and "100 رقم" (other: the genitive
// singular). One and two are words in Arabic ("رقم واحد", "رقمان"), not a digit before a noun;
// since every form keeps the count's placeholder, zero, one and two put the number in a
// nominative slot after a colon instead ("عدد أرقام الرمز: 2"), never "2 رقم". Each count here
// is rendered from locales/ar.xlf the way the components fill it.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'ar.xlf'), 'utf8');

/** Every unit's target, with its placeholders as `{0}`, `{1}`… by their XLIFF ids. */
const targets = new Map();
for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
  const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
  if (target !== undefined) targets.set(id, target.replace(/<x id="(\d+)" equiv-text="[^"]*"\/>/g, '{$1}'));
}

const rules = new Intl.PluralRules('ar');
const number = new Intl.NumberFormat('ar');

/** The text the customer reads for `count`, as the component renders it. */
function render(id, count) {
  const category = rules.select(count);
  const text = targets.get(`${id}.${category}`);
  assert.ok(text, `${id}.${category} is translated (chosen for ${count})`);
  return text.replace('{0}', number.format(count));
}

const COUNTS = [0, 1, 2, 3, 10, 11, 99, 100, 102];
const n = (count) => number.format(count);

test('Arabic picks all six categories', () => {
  assert.deepEqual(
    COUNTS.map((count) => rules.select(count)),
    ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'other', 'other'],
  );
});

test('otp-prompt.hint: 3 أرقام, 11 رقمًا, 100 رقم, and 1 or 2 after a colon', () => {
  const expected = {
    0: `عدد أرقام الرمز: ${n(0)}.`,
    1: `عدد أرقام الرمز: ${n(1)}.`,
    2: `عدد أرقام الرمز: ${n(2)}.`,
    3: `يتكوّن الرمز من ${n(3)} أرقام.`,
    10: `يتكوّن الرمز من ${n(10)} أرقام.`,
    11: `يتكوّن الرمز من ${n(11)} رقمًا.`,
    99: `يتكوّن الرمز من ${n(99)} رقمًا.`,
    100: `يتكوّن الرمز من ${n(100)} رقم.`,
    102: `يتكوّن الرمز من ${n(102)} رقم.`,
  };
  for (const count of COUNTS) assert.equal(render('otp-prompt.hint', count), expected[count], `${count}`);
});

test('error.code-incorrect-attempts: 3 مرات, 11 مرة, 100 مرة, and 1 or 2 after a colon', () => {
  const wrong = 'هذا ليس الرمز الصحيح. ';
  const label = (count) => `${wrong}المحاولات المتبقية قبل طلب رمز جديد: ${n(count)}.`;
  const times = (count, noun) => `${wrong}يمكنك المحاولة ${n(count)} ${noun} أخرى قبل أن تحتاج إلى رمز جديد.`;
  const expected = {
    0: label(0),
    1: label(1),
    2: label(2),
    3: times(3, 'مرات'),
    10: times(10, 'مرات'),
    11: times(11, 'مرة'),
    99: times(99, 'مرة'),
    100: times(100, 'مرة'),
    102: times(102, 'مرة'),
  };
  for (const count of COUNTS) assert.equal(render('error.code-incorrect-attempts', count), expected[count], `${count}`);
});

test('every Arabic count message keeps its placeholder and never writes a digit before a singular or dual', () => {
  const ids = [...targets.keys()].filter((id) => id.endsWith('.other')).map((id) => id.slice(0, -'.other'.length));
  assert.ok(ids.length >= 6, `count messages found: ${ids.join(', ')}`);
  for (const id of ids) {
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
      const text = targets.get(`${id}.${category}`);
      assert.ok(text, `${id}.${category}`);
      assert.equal(text.split('{0}').length, 2, `${id}.${category}: {0} once`);
    }
    // Zero, one and two: the count ends a label ("…: 2."), with no noun after it.
    for (const count of [0, 1, 2]) {
      assert.match(render(id, count), new RegExp(`: ${n(count)}\\.`), `${id} at ${count}`);
    }
    // Few and many read differently (أرقام / رقمًا, أحرف / حرفًا, مرات / مرة). Many and other differ
    // in writing only for nouns without a final ة (رقمًا / رقم, but مرة / مرة), checked above.
    const [few, many] = [3, 11].map((count) => render(id, count).replace(n(count), '#'));
    assert.notEqual(few, many, `${id}: 3 and 11`);
  }
});
