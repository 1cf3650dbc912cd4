// The copy check: the English source of every unit and every translation in locales/*.xlf follow
// the rules of locales/README.md. One test per rule, each failing with the list of its findings
// (locale, unit id, problem). `node scripts/copy-rules.mjs` prints them all, with a summary.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
  findings,
  formatFindings,
  readGlossary,
  readLocales,
  RULES,
  sentences,
  termPattern,
  TARGET_LOCALES,
} from '../../scripts/copy-rules.mjs';

const files = readLocales();
const glossary = readGlossary();

describe('copy in English and in every locale (locales/README.md, "Rules of the copy check")', () => {
  for (const [rule, {title}] of Object.entries(RULES)) {
    test(`${rule}: ${title}`, () => {
      const list = findings({files, glossary, rules: [rule]});
      assert.ok(list.length === 0, `${list.length} findings for “${title}”:\n${formatFindings(list)}`);
    });
  }
});

// The rules themselves, on made-up text: each one finds what it is there to find.
describe('the copy rules find what they describe', () => {
  const check = (rule, text, locale = 'en') => RULES[rule].check({text, target: text, locale, id: 'x'});

  test('exclamation marks, capitals, semicolons and contractions', () => {
    assert.equal(check('exclamation-mark', 'Done!').length, 1);
    assert.equal(check('exclamation-mark', '¡Hecho', 'es').length, 1);
    assert.equal(check('exclamation-mark', '完了！', 'ja').length, 1);
    assert.equal(check('exclamation-mark', 'Done.').length, 0);
    assert.deepEqual(check('all-caps', 'Do NOT share it.'), ['“NOT” is in capitals']);
    assert.deepEqual(check('all-caps', 'We sent an SMS with a PIN to {destination}. Use Face ID.'), []);
    assert.deepEqual(check('all-caps', 'A'), []);
    assert.equal(check('semicolon', 'Nothing was lost; try again.').length, 1);
    assert.equal(check('semicolon', 'لم يُفقد شيء؛ حاول', 'ar').length, 1);
    assert.equal(check('semicolon', 'Nothing was lost. Try again.').length, 0);
    assert.deepEqual(check('contraction', 'Don’t share it, it’s yours and you can’t undo it.'), [
      '“Don’t”',
      '“it’s”',
      '“can’t”',
    ]);
    assert.deepEqual(check('contraction', "We'll send it to Acme's address."), ["“We'll”"]);
    assert.deepEqual(check('contraction', 'Do not share the app’s code.'), []);
  });

  test('sentence length: 25 words, 30 in German, 70 characters in Japanese', () => {
    const words = (count) => `${Array.from({length: count}, () => 'word').join(' ')}.`;
    assert.equal(check('sentence-length', words(25)).length, 0);
    assert.equal(check('sentence-length', `${words(10)} ${words(26)}`).length, 1);
    assert.equal(check('sentence-length', words(30), 'de').length, 0);
    assert.equal(check('sentence-length', words(31), 'de').length, 1);
    assert.equal(check('sentence-length', `${'あ'.repeat(69)}。${'い'.repeat(10)}`, 'ja').length, 0);
    assert.equal(check('sentence-length', `${'あ'.repeat(70)}。`, 'ja').length, 1);
    assert.deepEqual(sentences('One. Two? Three… 四。五'), ['One.', 'Two?', 'Three…', '四。', '五']);
  });

  test('alarm words, per language, on word edges', () => {
    assert.equal(check('alarm-word', 'Act now: your account is suspended.').length, 2);
    assert.equal(check('alarm-word', 'Please change it immediately.').length, 1);
    assert.equal(check('alarm-word', 'You were locked out.').length, 1);
    assert.equal(check('alarm-word', 'Ihr Konto wurde gesperrt.', 'de').length, 1);
    assert.equal(check('alarm-word', 'Entsperren Sie Ihr Gerät mit der Displaysperre.', 'de').length, 0);
    assert.equal(check('alarm-word', 'تحذير: حسابك', 'ar').length, 1);
    assert.equal(check('alarm-word', '至急ご確認ください。', 'ja').length, 1);
    assert.equal(check('alarm-word', 'Please choose a new password.').length, 0);
  });

  test('terms: stems, compounds, plurals and apostrophes', () => {
    assert.ok(termPattern('passkey', 'en').test('Passkeys cannot be used here.'));
    assert.ok(!termPattern('code', 'en').test('Use a postcode.'));
    assert.ok(termPattern('sign in', 'en').test('Your sign-in code'));
    assert.ok(termPattern('clé… d’accès', 'fr').test("Les clés d'accès"));
    assert.ok(termPattern('…code…', 'de').test('Ihr Bestätigungscode'));
    assert.ok(!termPattern('Code…', 'de').test('Ihr Bestätigungscode'));
    assert.ok(termPattern('kod… zapasow…', 'pl').test('Wpisz kod zapasowy'));
    assert.ok(termPattern('حساب', 'ar').test('لحسابك'));
  });

  test('placeholders, missing targets and the glossary, on a made-up unit', () => {
    const unit = {
      id: 'x',
      source: 'Sign in with your passkey on {device}.',
      sourcePlaceholders: ['x0'],
      targetPlaceholders: [],
    };
    const run = (rule, target, locale = 'fr') =>
      RULES[rule].check({text: target ?? '', target, locale, id: 'x', unit, glossary});
    assert.equal(run('missing-target', undefined).length, 1);
    assert.equal(run('missing-target', '  ').length, 1);
    assert.equal(run('missing-target', 'Connectez-vous').length, 0);
    assert.equal(run('placeholders', 'Connectez-vous.').length, 1);
    assert.equal(RULES.placeholders.check({target: 'a', unit: {...unit, targetPlaceholders: ['x0']}}).length, 0);
    assert.deepEqual(run('glossary', 'Connectez-vous avec votre clé d’accès.'), []);
    assert.deepEqual(run('glossary', 'Connectez-vous avec votre passkey.'), ['“passkey” should be “clé… d’accès”']);
  });

  test('the glossary has a column for every target locale and a row for every required term', () => {
    const english = glossary.flatMap((entry) => entry.english.map((term) => term.toLowerCase()));
    for (const term of [
      'password',
      'passkey',
      'two-step verification',
      'code',
      'backup code',
      'sign in',
      'sign out',
      'device',
      'account',
      'support',
      'recovery',
      'get back into your account',
      'data breach',
      'text message',
      'email',
      'save the new password',
      'sign out of other devices',
      'continue',
    ]) {
      assert.ok(english.includes(term), `the glossary has “${term}”`);
    }
    for (const entry of glossary) {
      for (const locale of TARGET_LOCALES) {
        assert.ok(
          entry.terms[locale]?.length,
          `the glossary gives ${locale} a term for “${entry.english.join(' / ')}”`,
        );
      }
    }
  });

  test('every unit of every locale file is read, with its English source', () => {
    for (const locale of TARGET_LOCALES) {
      assert.ok(files[locale].length > 100, `${locale}.xlf has its units`);
      assert.deepEqual(
        files[locale].map(({id, source}) => `${id} ${source}`).sort(),
        files[TARGET_LOCALES[0]].map(({id, source}) => `${id} ${source}`).sort(),
        `${locale}.xlf has the same units and sources`,
      );
    }
    assert.ok(
      files.fr.some(({source}) => source.includes('{destination}')),
      'placeholders read as {name}',
    );
  });
});
