// Japanese count messages: the form Intl.PluralRules('ja') picks exists in locales/ja.xlf for every
// count a customer can meet, and reads as written (Japanese has one form, `other`, for all counts:
// the counter word 回 or 桁 follows the number unchanged).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xml = readFileSync(join(root, 'locales', 'ja.xlf'), 'utf8');

/** id → target of every unit of the Japanese file. */
const targets = new Map(
  [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => [
    id,
    /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  ]),
);

/** The form of a count message for `n`, with its placeholder filled as the components fill it. */
function render(id, n) {
  const category = new Intl.PluralRules('ja').select(n);
  const target = targets.get(`${id}.${category}`);
  assert.ok(target, `${id}.${category} (for ${n}) has a Japanese target`);
  const placeholders = target.match(/<x id="0" equiv-text="[^"]*"\/>/g) ?? [];
  assert.equal(placeholders.length, 1, `${id}.${category}: the count appears once`);
  return target.replace(placeholders[0], new Intl.NumberFormat('ja').format(n));
}

const COUNTS = [1, 2, 3, 5, 11, 12, 22, 100];

test('error.code-incorrect-attempts: every count has its form, and it reads as intended', () => {
  const id = 'error.code-incorrect-attempts';
  for (const n of COUNTS) {
    assert.equal(
      render(id, n),
      `コードが正しくありません。新しいコードが必要になるまで、あと${n}回試せます。`,
      `${id} for ${n}`,
    );
  }
  assert.equal(render(id, 1), 'コードが正しくありません。新しいコードが必要になるまで、あと1回試せます。');
  assert.equal(render(id, 2), 'コードが正しくありません。新しいコードが必要になるまで、あと2回試せます。');
  assert.equal(render(id, 5), 'コードが正しくありません。新しいコードが必要になるまで、あと5回試せます。');
  assert.equal(render(id, 22), 'コードが正しくありません。新しいコードが必要になるまで、あと22回試せます。');
});

test('otp-prompt.hint: every count has its form, and it reads as intended', () => {
  const id = 'otp-prompt.hint';
  for (const n of COUNTS) assert.equal(render(id, n), `コードは${n}桁です。`, `${id} for ${n}`);
  assert.equal(render(id, 1), 'コードは1桁です。');
  assert.equal(render(id, 2), 'コードは2桁です。');
  assert.equal(render(id, 5), 'コードは5桁です。');
  assert.equal(render(id, 22), 'コードは22桁です。');
});

test('a category Japanese never uses repeats the other form, so no engine can show English', () => {
  for (const id of [
    'error.code-incorrect-attempts',
    'otp-prompt.hint',
    'otp-prompt.auto-submit',
    'otp-prompt.error.incomplete',
    'password-change.error.too-short',
    'strength-meter.hint',
    'strength-meter.too-short',
  ]) {
    const other = targets.get(`${id}.other`);
    assert.ok(other, `${id}.other`);
    for (const category of ['zero', 'one', 'two', 'few', 'many']) {
      assert.equal(targets.get(`${id}.${category}`), other, `${id}.${category}`);
    }
  }
  assert.deepEqual(new Intl.PluralRules('ja').resolvedOptions().pluralCategories, ['other']);
});
