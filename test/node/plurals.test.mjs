// Count messages in every translated locale: lit-localize has no plural messages, so each count
// message has one unit per CLDR plural category and Intl.PluralRules picks one (see
// locales/README.md, "Plurals"). Each expected text below was read by a native writer of the
// language; the counts cover one, two, few and many wherever a language has them (Polish: 1 cyfrę,
// 2 cyfry, 5 cyfr, 22 cyfry; Arabic: 3 أرقام, 11 رقمًا, 100 رقم).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const COUNTS = [1, 2, 3, 5, 11, 22, 100];

/** Every unit's target in `locale`, with its placeholders written `{0}`, `{1}`… */
function targetsOf(locale) {
  const xml = readFileSync(join(root, 'locales', `${locale}.xlf`), 'utf8');
  const targets = new Map();
  for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
    if (target !== undefined) targets.set(id, target.replace(/<x id="(\d+)" equiv-text="[^"]*"\/>/g, '{$1}'));
  }
  return targets;
}

/** The text a customer reads for `count`, rendered as the components render it. */
function render(locale, targets, id, count) {
  const category = new Intl.PluralRules(locale).select(count);
  const text = targets.get(`${id}.${category}`);
  assert.ok(text, `${locale}: ${id}.${category} is translated (chosen for ${count})`);
  return text.replace('{0}', new Intl.NumberFormat(locale).format(count));
}

/** What each locale says for COUNTS, in order. */
const EXPECTED = {
  fr: {
    'otp-prompt.hint': [
      'Le code comporte 1 chiffre.',
      'Le code comporte 2 chiffres.',
      'Le code comporte 3 chiffres.',
      'Le code comporte 5 chiffres.',
      'Le code comporte 11 chiffres.',
      'Le code comporte 22 chiffres.',
      'Le code comporte 100 chiffres.',
    ],
    'error.code-incorrect-attempts': [
      'Ce n’est pas le bon code. Il vous reste 1 essai avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 2 essais avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 3 essais avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 5 essais avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 11 essais avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 22 essais avant de devoir demander un nouveau code.',
      'Ce n’est pas le bon code. Il vous reste 100 essais avant de devoir demander un nouveau code.',
    ],
  },
  de: {
    'otp-prompt.hint': [
      'Der Code besteht aus 1 Ziffer.',
      'Der Code besteht aus 2 Ziffern.',
      'Der Code besteht aus 3 Ziffern.',
      'Der Code besteht aus 5 Ziffern.',
      'Der Code besteht aus 11 Ziffern.',
      'Der Code besteht aus 22 Ziffern.',
      'Der Code besteht aus 100 Ziffern.',
    ],
    'error.code-incorrect-attempts': [
      'Das ist nicht der richtige Code. Sie haben noch 1 Versuch, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 2 Versuche, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 3 Versuche, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 5 Versuche, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 11 Versuche, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 22 Versuche, bevor Sie einen neuen Code brauchen.',
      'Das ist nicht der richtige Code. Sie haben noch 100 Versuche, bevor Sie einen neuen Code brauchen.',
    ],
  },
  es: {
    'otp-prompt.hint': [
      'El código tiene 1 dígito.',
      'El código tiene 2 dígitos.',
      'El código tiene 3 dígitos.',
      'El código tiene 5 dígitos.',
      'El código tiene 11 dígitos.',
      'El código tiene 22 dígitos.',
      'El código tiene 100 dígitos.',
    ],
    'error.code-incorrect-attempts': [
      'Este no es el código correcto. Puede intentarlo 1 vez más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 2 veces más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 3 veces más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 5 veces más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 11 veces más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 22 veces más antes de necesitar un código nuevo.',
      'Este no es el código correcto. Puede intentarlo 100 veces más antes de necesitar un código nuevo.',
    ],
  },
  ar: {
    'otp-prompt.hint': [
      'عدد أرقام الرمز: 1.',
      'عدد أرقام الرمز: 2.',
      'يتكوّن الرمز من 3 أرقام.',
      'يتكوّن الرمز من 5 أرقام.',
      'يتكوّن الرمز من 11 رقمًا.',
      'يتكوّن الرمز من 22 رقمًا.',
      'يتكوّن الرمز من 100 رقم.',
    ],
    'error.code-incorrect-attempts': [
      'هذا ليس الرمز الصحيح. المحاولات المتبقية قبل طلب رمز جديد: 1.',
      'هذا ليس الرمز الصحيح. المحاولات المتبقية قبل طلب رمز جديد: 2.',
      'هذا ليس الرمز الصحيح. يمكنك المحاولة 3 مرات أخرى قبل أن تحتاج إلى رمز جديد.',
      'هذا ليس الرمز الصحيح. يمكنك المحاولة 5 مرات أخرى قبل أن تحتاج إلى رمز جديد.',
      'هذا ليس الرمز الصحيح. يمكنك المحاولة 11 مرة أخرى قبل أن تحتاج إلى رمز جديد.',
      'هذا ليس الرمز الصحيح. يمكنك المحاولة 22 مرة أخرى قبل أن تحتاج إلى رمز جديد.',
      'هذا ليس الرمز الصحيح. يمكنك المحاولة 100 مرة أخرى قبل أن تحتاج إلى رمز جديد.',
    ],
  },
  it: {
    'otp-prompt.hint': [
      'Il codice ha 1 cifra.',
      'Il codice ha 2 cifre.',
      'Il codice ha 3 cifre.',
      'Il codice ha 5 cifre.',
      'Il codice ha 11 cifre.',
      'Il codice ha 22 cifre.',
      'Il codice ha 100 cifre.',
    ],
    'error.code-incorrect-attempts': [
      'Il codice non è corretto. Ha ancora 1 tentativo prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 2 tentativi prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 3 tentativi prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 5 tentativi prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 11 tentativi prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 22 tentativi prima di dover chiedere un nuovo codice.',
      'Il codice non è corretto. Ha ancora 100 tentativi prima di dover chiedere un nuovo codice.',
    ],
  },
  'pt-BR': {
    'otp-prompt.hint': [
      'O código tem 1 dígito.',
      'O código tem 2 dígitos.',
      'O código tem 3 dígitos.',
      'O código tem 5 dígitos.',
      'O código tem 11 dígitos.',
      'O código tem 22 dígitos.',
      'O código tem 100 dígitos.',
    ],
    'error.code-incorrect-attempts': [
      'Este não é o código certo. Você tem mais 1 tentativa antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 2 tentativas antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 3 tentativas antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 5 tentativas antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 11 tentativas antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 22 tentativas antes de precisar de um novo código.',
      'Este não é o código certo. Você tem mais 100 tentativas antes de precisar de um novo código.',
    ],
  },
  nl: {
    'otp-prompt.hint': [
      'De code heeft 1 cijfer.',
      'De code heeft 2 cijfers.',
      'De code heeft 3 cijfers.',
      'De code heeft 5 cijfers.',
      'De code heeft 11 cijfers.',
      'De code heeft 22 cijfers.',
      'De code heeft 100 cijfers.',
    ],
    'error.code-incorrect-attempts': [
      'Dat is niet de juiste code. U kunt het nog 1 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 2 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 3 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 5 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 11 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 22 keer proberen voordat u een nieuwe code nodig hebt.',
      'Dat is niet de juiste code. U kunt het nog 100 keer proberen voordat u een nieuwe code nodig hebt.',
    ],
  },
  pl: {
    'otp-prompt.hint': [
      'Kod ma 1 cyfrę.',
      'Kod ma 2 cyfry.',
      'Kod ma 3 cyfry.',
      'Kod ma 5 cyfr.',
      'Kod ma 11 cyfr.',
      'Kod ma 22 cyfry.',
      'Kod ma 100 cyfr.',
    ],
    'error.code-incorrect-attempts': [
      'To nie jest właściwy kod. Masz jeszcze 1 próbę, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 2 próby, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 3 próby, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 5 prób, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 11 prób, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 22 próby, potem potrzebny będzie nowy kod.',
      'To nie jest właściwy kod. Masz jeszcze 100 prób, potem potrzebny będzie nowy kod.',
    ],
  },
  ja: {
    'otp-prompt.hint': [
      'コードは1桁です。',
      'コードは2桁です。',
      'コードは3桁です。',
      'コードは5桁です。',
      'コードは11桁です。',
      'コードは22桁です。',
      'コードは100桁です。',
    ],
    'error.code-incorrect-attempts': [
      'コードが正しくありません。新しいコードが必要になるまで、あと1回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと2回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと3回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと5回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと11回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと22回試せます。',
      'コードが正しくありません。新しいコードが必要になるまで、あと100回試せます。',
    ],
  },
};

test('every translated locale has an expected text for each count message checked here', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...config.targetLocales].sort());
});

for (const locale of config.targetLocales) {
  test(`${locale}: each count reads as its native writer wrote it, for ${COUNTS.join(', ')}`, () => {
    const targets = targetsOf(locale);
    for (const [id, texts] of Object.entries(EXPECTED[locale])) {
      assert.deepEqual(
        COUNTS.map((count) => render(locale, targets, id, count)),
        texts,
        `${locale} ${id}`,
      );
    }
  });

  test(`${locale}: every count message has all six categories, each with its count once`, () => {
    const targets = targetsOf(locale);
    const ids = [...targets.keys()].filter((id) => id.endsWith('.other')).map((id) => id.slice(0, -'.other'.length));
    assert.ok(ids.length >= 7, `count messages found: ${ids.join(', ')}`);
    for (const id of ids) {
      for (const category of CATEGORIES) {
        const text = targets.get(`${id}.${category}`);
        assert.ok(text, `${id}.${category}`);
        assert.equal(text.split('{0}').length, 2, `${id}.${category}: the count once`);
      }
    }
  });
}
