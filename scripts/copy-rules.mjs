#!/usr/bin/env node
// The rules that keep Serein's copy calm and consistent, over the English source of every unit
// and every translation in locales/*.xlf. `test/node/copy.test.mjs` fails on any finding;
// `node scripts/copy-rules.mjs [rule]` prints every finding, per locale and unit, and a summary.
// The register, the glossary and the limits are described in locales/README.md.
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {decodeXml} from './xml-text.mjs';

const root = resolve(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));

export const SOURCE_LOCALE = config.sourceLocale;
export const TARGET_LOCALES = config.targetLocales;
export const LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES];

/** Words in capitals that are names, not shouting. */
export const ACRONYMS = new Set(['SMS', 'PIN', 'URL', 'ID', 'QR', 'USB', 'NFC', 'PC', 'IP', 'FAQ']);

/** Longest sentence, in words; Japanese has no spaces and is measured in characters instead. */
export const MAX_WORDS = {default: 25, de: 30};
export const MAX_JA_CHARACTERS = 70;

/**
 * Words that make a security moment sound like an emergency (or like a phishing lure), per
 * language. A trailing `…` matches every word that starts with the stem. In Arabic and Japanese
 * a term matches anywhere in a word (Arabic attaches prepositions and the article to the word;
 * Japanese has no spaces).
 */
export const ALARM_WORDS = {
  en: [
    'urgent…',
    'immediately',
    'warning…',
    'alert…',
    'suspend…',
    'locked out',
    'lockout',
    'blocked',
    'hacked',
    'danger…',
    'threat…',
    'act now',
    'final notice',
  ],
  fr: [
    'urgen…',
    'immédiatement',
    'sans délai',
    'avertissement…',
    'alerte…',
    'suspendu…',
    'bloqué…',
    'piraté…',
    'danger…',
    'menace…',
    'attention',
  ],
  de: [
    'dringend…',
    'sofort…',
    'unverzüglich…',
    'Warnung…',
    'Achtung',
    'Alarm…',
    'gesperrt…',
    'Sperrung…',
    'gehackt…',
    'Gefahr…',
    'Bedrohung…',
  ],
  es: [
    'urgente…',
    'inmediatamente',
    'de inmediato',
    'advertencia…',
    'alerta…',
    'suspendid…',
    'bloquead…',
    'hackead…',
    'peligro…',
    'amenaza…',
  ],
  ar: ['عاجل', 'فورا', 'فوراً', 'فورًا', 'تحذير', 'إنذار', 'معلق', 'معلّق', 'محظور', 'مقفل', 'مخترق', 'خطر'],
  it: [
    'urgent…',
    'immediatamente',
    'subito',
    'avvertenza…',
    'allarme…',
    'attenzione',
    'sospes…',
    'bloccat…',
    'hackerat…',
    'pericol…',
    'minaccia…',
  ],
  'pt-BR': [
    'urgente…',
    'imediatamente',
    'alerta…',
    'atenção',
    'suspens…',
    'bloquead…',
    'hackead…',
    'perigo…',
    'ameaça…',
  ],
  nl: [
    'dringend…',
    'onmiddellijk…',
    'waarschuwing…',
    'alarm…',
    'let op',
    'opgeschort…',
    'geblokkeerd…',
    'gehackt…',
    'gevaar…',
    'bedreiging…',
  ],
  pl: [
    'pilne',
    'pilnie',
    'natychmiast…',
    'ostrzeżeni…',
    'alarm…',
    'uwaga',
    'zawieszon…',
    'zablokowan…',
    'zhakowan…',
    'niebezpiecz…',
    'zagrożeni…',
  ],
  ja: ['緊急', '至急', '直ちに', 'ただちに', '今すぐ', '警告', '警報', '凍結', 'ロックアウト', '危険', '脅威'],
};

/**
 * Findings that are right for one unit, by rule, locale and unit id, each with the reason.
 * Keep it short: a word that a unit needs is rare.
 */
export const ALLOWED = {
  glossary: {
    es: {
      // Text messages stay in the GSM-7 alphabet (one segment): "código" has an ó, "clave" does not.
      'messages.sign-in-code-sms.text': 'GSM-7: "clave", not "código"',
    },
    'pt-BR': {
      // The same: "código" would make the text message UCS-2.
      'messages.sign-in-code-sms.text': 'GSM-7: "Use {code} para entrar", without "código"',
    },
  },
};

/** The placeholders of lit-localize (`<x id="0" equiv-text="${name}"/>`), written `{name}`. */
const X = /<x id="([^"]+)"(?: equiv-text="([^"]*)")?\s*\/>/g;

const decode = decodeXml;

const nameOf = (equiv) => /^\$\{\s*([\w.]+)\s*\}$/.exec(equiv ?? '')?.[1];

/** `<x>` placeholders as `{name}` (their equiv-text, else the source's name for that id). */
function readable(xml, names) {
  return decode(xml.replace(X, (_, id, equiv) => `{${nameOf(equiv) ?? names.get(id) ?? id}}`)).trim();
}

/** The placeholders of a text, as a sorted list: `<x id>`s for component units, `{name}`s for message units. */
function placeholderIds(xml) {
  const ids = [...xml.matchAll(X)].map((match) => `x${match[1]}`);
  const names = [...decode(xml.replace(X, '')).matchAll(/\{(\w+)\}/g)].map((match) => `{${match[1]}}`);
  return [...ids, ...names].sort();
}

/**
 * Every unit of every locale file: id, English source and target, both readable (placeholders
 * as `{name}`), and their placeholder lists. `target` is undefined when absent.
 */
export function readLocales(dir = join(root, config.interchange.xliffDir)) {
  const files = {};
  for (const locale of TARGET_LOCALES) {
    const xml = readFileSync(join(dir, `${locale}.xlf`), 'utf8');
    files[locale] = [...xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => {
      const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
      const target = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/.exec(body)?.[1];
      const names = new Map([...source.matchAll(X)].map((match) => [match[1], nameOf(match[2]) ?? match[1]]));
      return {
        id,
        source: readable(source, names),
        target: target === undefined ? undefined : readable(target, names),
        sourcePlaceholders: placeholderIds(source),
        targetPlaceholders: target === undefined ? [] : placeholderIds(target),
      };
    });
  }
  return files;
}

/** The English source of every unit, from the first locale file (all of them hold the same sources). */
export function englishUnits(files) {
  return files[TARGET_LOCALES[0]].map(({id, source}) => ({id, text: source}));
}

// ---------------------------------------------------------------------------------------------
// Terms: alarm words and the glossary share one matcher.

const LETTER = '[\\p{L}\\p{M}\\p{Nd}]';
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Languages whose words carry attached particles (ar) or that have no spaces (ja): terms match inside words. */
const NO_WORD_EDGES = new Set(['ar', 'ja']);

/**
 * A term as a regular expression: case-insensitive, on word edges (except in Arabic and
 * Japanese), a space matching any run of spaces or a hyphen, ' matching ’ too, and in English an
 * optional plural `s`. A word ending in `…` matches every word that starts with it; a word
 * starting with `…` every word that ends with it (German compounds: `…code…` matches
 * "Bestätigungscode" and "Anmeldecodes").
 */
export function termPattern(term, locale) {
  const words = term.trim().split(/\s+/);
  const openEnd = words.at(-1).endsWith('…');
  const openStart = words[0].startsWith('…');
  const body = words
    .map((word) => {
      const before = word.startsWith('…');
      const after = word.length > 1 && word.endsWith('…');
      const text = escapeRegExp(word.replace(/^…|…$/g, '')).replace(/['’]/g, "['’]");
      return `${before ? `${LETTER}*` : ''}${text}${after ? `${LETTER}*` : ''}`;
    })
    .join('[\\s\\u00a0\\u202f-]+');
  if (NO_WORD_EDGES.has(locale)) return new RegExp(body, 'iu');
  const head = openStart ? '' : `(?<!${LETTER})`;
  const tail = openEnd ? '' : `${locale === SOURCE_LOCALE ? '(?:s|es)?' : ''}(?!${LETTER})`;
  return new RegExp(`${head}${body}${tail}`, 'iu');
}

// ---------------------------------------------------------------------------------------------
// The glossary: the table in locales/README.md.

/** A cell: alternatives separated by ` / `; empty or `—` means no term is set. */
const cellTerms = (cell) =>
  cell
    .split(' / ')
    .map((term) => term.trim())
    .filter((term) => term && term !== '—' && term !== '-');

/**
 * The glossary table of locales/README.md (the table whose first header cell is `English`), as
 * [{english: [terms], terms: {locale: [terms]}}].
 */
export function readGlossary(file = join(root, 'locales/README.md')) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => /^\|\s*English\s*\|/.test(line));
  if (start < 0) throw new Error(`${file}: no glossary table (a table whose first column is "English")`);
  const cells = (line) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const header = cells(lines[start]).slice(1);
  for (const locale of header) {
    if (!TARGET_LOCALES.includes(locale)) throw new Error(`glossary: "${locale}" is not a target locale`);
  }
  const entries = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const [english, ...row] = cells(line);
    entries.push({
      english: cellTerms(english.replace(/\*\*/g, '')),
      terms: Object.fromEntries(header.map((locale, index) => [locale, cellTerms(row[index] ?? '')])),
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// The rules. Each takes one text (with its locale and unit) and returns the problems found.

/** Sentences: split after . ? ! … 。 ？ ！ (followed by a space or the end), and at line breaks. */
export function sentences(text) {
  return text
    .split(/(?<=[.?!…])\s+|(?<=[。？！])|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Words of a sentence: runs without spaces that hold a letter or a digit; a `{placeholder}` is one word. */
const wordCount = (sentence) => sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Japanese length: characters, punctuation included and spaces left out, a `{placeholder}` counting as one. */
const japaneseLength = (sentence) => [...sentence.replace(/\{\w+\}/g, '#').replace(/\s+/g, '')].length;

const withoutPlaceholders = (text) => text.replace(/\{\w+\}/g, ' ');

export const RULES = {
  'exclamation-mark': {
    title: 'no exclamation marks (! ¡ ！)',
    check: ({text}) => [...new Set(text.match(/[!¡！]/g) ?? [])].map((mark) => `has “${mark}”`),
  },
  'all-caps': {
    title: `no words in capitals (two letters or more; acronyms allowed: ${[...ACRONYMS].join(', ')})`,
    check: ({text}) => {
      // Runs of letters that have a case: Japanese "SMSでコード" yields "SMS", not one long word.
      const words = withoutPlaceholders(text).match(/[\p{Lu}\p{Ll}\p{Lt}][\p{Lu}\p{Ll}\p{Lt}\p{M}]+/gu) ?? [];
      const shouting = words.filter(
        (word) => word === word.toUpperCase() && word !== word.toLowerCase() && !ACRONYMS.has(word),
      );
      return [...new Set(shouting)].map((word) => `“${word}” is in capitals`);
    },
  },
  'sentence-length': {
    title: `no sentence over ${MAX_WORDS.default} words (${MAX_WORDS.de} in German; in Japanese, ${MAX_JA_CHARACTERS} characters)`,
    check: ({text, locale}) =>
      sentences(text).flatMap((sentence) => {
        if (locale === 'ja') {
          const length = japaneseLength(sentence);
          return length > MAX_JA_CHARACTERS ? [`${length} characters: “${sentence}”`] : [];
        }
        const max = MAX_WORDS[locale] ?? MAX_WORDS.default;
        const count = wordCount(sentence);
        return count > max ? [`${count} words: “${sentence}”`] : [];
      }),
  },
  semicolon: {
    title: 'no semicolons (; ؛ ； and the Greek question mark ;)',
    check: ({text}) => [...new Set(text.match(/[;؛；\u037e]/g) ?? [])].map((mark) => `has “${mark}”`),
  },
  contraction: {
    title: 'English: no contractions (“do not”, not “don’t”)',
    locales: [SOURCE_LOCALE],
    check: ({text}) => {
      const found = text.match(
        /\b(?:\p{L}+n['’]t|\p{L}+['’](?:re|ve|ll|m|d)|(?:it|that|there|here|what|who|where|let|he|she)['’]s)\b/giu,
      );
      return [...new Set(found ?? [])].map((word) => `“${word}”`);
    },
  },
  'alarm-word': {
    title: 'no alarm words (locales/README.md lists them per language)',
    check: ({text, locale}) =>
      (ALARM_WORDS[locale] ?? []).flatMap((term) => {
        const match = termPattern(term, locale).exec(withoutPlaceholders(text));
        return match ? [`“${match[0]}” (${term})`] : [];
      }),
  },
  'missing-target': {
    title: 'every unit has a non-empty translation in every locale',
    translations: true,
    check: ({target}) => (target === undefined ? ['no <target>'] : target.trim() ? [] : ['empty <target>']),
  },
  placeholders: {
    title: 'translations keep the placeholders of their source',
    translations: true,
    check: ({target, unit}) => {
      if (target === undefined) return [];
      const same = unit.targetPlaceholders.join() === unit.sourcePlaceholders.join();
      return same
        ? []
        : [
            `has ${unit.targetPlaceholders.join(' ') || 'none'}, source has ${unit.sourcePlaceholders.join(' ') || 'none'}`,
          ];
    },
  },
  glossary: {
    title: 'the glossary of locales/README.md: a unit whose English has a term uses the language’s term',
    translations: true,
    check: ({target, locale, unit, glossary}) => {
      if (!target?.trim()) return [];
      const problems = [];
      for (const {english, terms} of glossary) {
        const wanted = terms[locale] ?? [];
        if (!wanted.length) continue;
        const source = withoutPlaceholders(unit.source);
        // A term written with a capital is a control's label ("Continue", "Save the new password"):
        // it binds the unit that is that label, not every sentence that uses the word.
        const label = source.trim().replace(/[.…]$/, '').toLowerCase();
        const used = english.find((term) =>
          /^\p{Lu}/u.test(term) ? label === term.toLowerCase() : termPattern(term, SOURCE_LOCALE).test(source),
        );
        if (!used) continue;
        if (wanted.some((term) => termPattern(term, locale).test(withoutPlaceholders(target)))) continue;
        problems.push(`“${used}” should be ${wanted.map((term) => `“${term}”`).join(' or ')}`);
      }
      return problems;
    },
  },
};

/**
 * Runs every rule (or the named ones) over the English source and every translation. A finding is
 * {rule, locale, id, problem, text}.
 */
export function findings({files = readLocales(), glossary = readGlossary(), rules = Object.keys(RULES)} = {}) {
  const found = [];
  const add = (rule, locale, id, text, problems) => {
    const allowed = ALLOWED[rule]?.[locale]?.[id];
    if (allowed) return;
    for (const problem of problems) found.push({rule, locale, id, problem, text});
  };
  for (const name of rules) {
    const rule = RULES[name];
    if (!rule) throw new Error(`No rule "${name}"; the rules are ${Object.keys(RULES).join(', ')}`);
    if (!rule.translations && (!rule.locales || rule.locales.includes(SOURCE_LOCALE))) {
      for (const {id, text} of englishUnits(files)) {
        add(name, SOURCE_LOCALE, id, text, rule.check({text, locale: SOURCE_LOCALE, id}));
      }
    }
    for (const locale of TARGET_LOCALES) {
      if (rule.locales && !rule.locales.includes(locale)) continue;
      for (const unit of files[locale]) {
        const target = unit.target;
        if (!rule.translations && !target?.trim()) continue;
        add(
          name,
          locale,
          unit.id,
          target ?? '',
          rule.check({text: target ?? '', target, locale, id: unit.id, unit, glossary}),
        );
      }
    }
  }
  return found;
}

/** Findings as readable lines: `locale  unit-id  problem`. */
export function formatFindings(list) {
  return list.map(({locale, id, problem}) => `  ${locale.padEnd(5)} ${id}: ${problem}`).join('\n');
}

/** Counts per rule and locale, as a table. */
export function summary(list) {
  const rules = Object.keys(RULES);
  const header = `${'rule'.padEnd(18)}${LOCALES.map((locale) => locale.padStart(6)).join('')}${'total'.padStart(7)}`;
  const rows = rules.map((rule) => {
    const counts = LOCALES.map((locale) => list.filter((f) => f.rule === rule && f.locale === locale).length);
    return `${rule.padEnd(18)}${counts.map((count) => String(count).padStart(6)).join('')}${String(counts.reduce((a, b) => a + b, 0)).padStart(7)}`;
  });
  return [header, ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2);
  const list = findings({rules: only.length ? only : undefined});
  for (const rule of only.length ? only : Object.keys(RULES)) {
    const mine = list.filter((finding) => finding.rule === rule);
    console.log(`\n## ${rule}: ${RULES[rule].title} (${mine.length})`);
    for (const locale of LOCALES) {
      const here = mine.filter((finding) => finding.locale === locale);
      if (here.length) console.log(formatFindings(here));
    }
  }
  console.log(`\n${summary(list)}\n\n${list.length} findings`);
  process.exitCode = list.length ? 1 : 0;
}
