// Every string is extracted and has a real translation in every shipped locale.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));

function units(file) {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  }));
}

const placeholders = (text) => [...text.matchAll(/<x id="(\d+)" equiv-text="([^"]*)"\/>/g)].map((m) => m[0]).sort();

test('every message in the sources is extracted into every locale file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serein-xliff-'));
  try {
    const temp = join(dir, 'lit-localize.json');
    writeFileSync(
      temp,
      JSON.stringify({
        ...config,
        interchange: {...config.interchange, xliffDir: dir},
        tsConfig: join(root, 'tsconfig.json'),
        inputFiles: config.inputFiles.map((glob) => join(root, glob)),
        output: {...config.output, outputDir: join(dir, 'out'), localeCodesModule: join(dir, 'codes.ts')},
      }),
    );
    execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', temp], {
      cwd: root,
      stdio: 'pipe',
    });
    for (const locale of config.targetLocales) {
      const fresh = units(join(dir, `${locale}.xlf`)).map(({id, source}) => `${id}\n${source}`);
      const committed = units(join(root, 'locales', `${locale}.xlf`)).map(({id, source}) => `${id}\n${source}`);
      assert.deepEqual(
        committed.sort(),
        fresh.sort(),
        `locales/${locale}.xlf is out of date: run npx lit-localize extract`,
      );
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

/** Units whose translation is rightly the English word (locale:id). */
const SAME_AS_ENGLISH = new Set([
  'nl:otp-prompt.label', // "Code" is the Dutch word too.
]);

test('every locale translates every message, keeping its placeholders', () => {
  const files = readdirSync(join(root, 'locales')).filter((name) => name.endsWith('.xlf'));
  assert.deepEqual(files.map((name) => name.replace('.xlf', '')).sort(), [...config.targetLocales].sort());
  for (const name of files) {
    const list = units(join(root, 'locales', name));
    assert.ok(list.length > 0, `${name} has messages`);
    for (const {id, source, target} of list) {
      assert.ok(target && target.trim(), `${name}: ${id} has no translation`);
      assert.deepEqual(placeholders(target), placeholders(source), `${name}: ${id} changes its placeholders`);
      const locale = name.replace('.xlf', '');
      if (/[A-Za-z]{4}/.test(source.replace(/<x [^>]*\/>/g, '')) && !SAME_AS_ENGLISH.has(`${locale}:${id}`)) {
        assert.notEqual(target, source, `${name}: ${id} is not translated (same as English)`);
      }
    }
  }
});

/** The source of every component, without tests, styles and comments. */
function componentSources() {
  const dir = join(root, 'src/components');
  return readdirSync(dir, {recursive: true})
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.styles.ts'))
    .map((file) => ({file, code: readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')}));
}

/** The literal parts of every html`…` template in `code` (expressions left out; nested templates listed too). */
function templates(code) {
  const found = [];
  let from = 0;
  for (;;) {
    const start = code.indexOf('html`', from);
    if (start < 0) return found;
    let text = '';
    let depth = 0;
    let i = start + 5;
    // Scan to the closing backtick, skipping ${…} expressions (which may hold strings and templates).
    for (; i < code.length; i++) {
      const char = code[i];
      if (depth === 0) {
        if (char === '\\') {
          text += code[++i];
        } else if (char === '`') {
          break;
        } else if (char === '$' && code[i + 1] === '{') {
          depth = 1;
          i++;
          text += ' ';
        } else {
          text += char;
        }
      } else if (char === '{') {
        depth++;
      } else if (char === '}') {
        depth--;
      } else if (char === '`') {
        // A nested template or string inside the expression: skip it, braces included.
        let nested = 0;
        for (i++; i < code.length; i++) {
          if (code[i] === '\\') i++;
          else if (code[i] === '$' && code[i + 1] === '{') nested++;
          else if (code[i] === '}' && nested > 0) nested--;
          else if (code[i] === '`' && nested === 0) break;
        }
      }
    }
    found.push(text);
    from = start + 5;
  }
}

test('no user-visible text is hard-coded in a template (all of it goes through msg())', () => {
  let count = 0;
  for (const {file, code} of componentSources()) {
    for (const template of templates(code)) {
      count++;
      const text = template.replace(/<[^>]*>/g, ' ').trim();
      assert.doesNotMatch(text, /\p{L}{2,}/u, `${file}: text in a template: "${text}"`);
      for (const [, name, value] of template.matchAll(
        /\s(aria-label|aria-valuetext|title|placeholder|alt)="([^"]*)"/g,
      )) {
        assert.doesNotMatch(value.trim(), /\p{L}{2,}/u, `${file}: hard-coded ${name}="${value}"`);
      }
    }
  }
  assert.ok(count > 3, 'templates were found');
});

test('each per-instance override id is the id of the message it overrides', () => {
  let count = 0;
  for (const {file, code} of componentSources()) {
    for (const [, override, id] of code.matchAll(
      /\bt\(\s*\w+,\s*'([^']+)',\s*msg\((?:[^()]|\([^()]*\))*?\{id: '([^']+)'\}\)/g,
    )) {
      count++;
      assert.equal(override, id, `${file}: t(el, '${override}', msg(…, {id: '${id}'}))`);
    }
  }
  // The views' calls are found (a pattern that matched nothing would let every mismatch through).
  assert.ok(count > 100, `only ${count} overridable messages found`);
});

test('every zxcvbn-ts feedback key has its own translated message', async () => {
  const keys = (await import('@zxcvbn-ts/core/dist/data/translationKeys.mjs')).default;
  const {code} = componentSources().find(({file}) => file.endsWith('strength-meter.view.ts'));
  const [warnings, rest] = code.split('function suggestionText');
  const bodies = {warnings, suggestions: rest};
  const kebab = (key) => key.replace(/[A-Z]+/g, (part) => `-${part.toLowerCase()}`).replace(/^-/, '');
  for (const group of ['warnings', 'suggestions']) {
    for (const key of Object.keys(keys[group])) {
      const id = `strength-meter.${group.slice(0, -1)}.${kebab(key)}`;
      assert.match(
        bodies[group],
        new RegExp(`case '${key}':[^;]*?id: '${id.replace(/\./g, '\\.')}'`),
        `${group}.${key} → ${id}`,
      );
    }
  }
});
