// The file rule of CONTRIBUTING.md: element files hold no words and no templates, stay short,
// and every component folder has its element, view, styles, tests and design note.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {test} from 'node:test';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const components = join(root, 'src/components');
const names = readdirSync(components).filter((name) => statSync(join(components, name)).isDirectory());

/**
 * Components not yet moved to the file rule (their view still lives in the element); each is
 * listed in CHANGELOG.md under "Unreleased". The list may only shrink.
 */
const NOT_YET = new Set([]);

test('the file rule applies to at least the three forms', () => {
  for (const name of ['password-change', 'otp-prompt', 'recovery-wizard']) assert.ok(!NOT_YET.has(name));
  for (const name of NOT_YET) assert.ok(names.includes(name), `${name} is listed but has no folder`);
});

for (const name of names) {
  const folder = join(components, name);
  const files = readdirSync(folder);
  const rule = !NOT_YET.has(name);

  test(`${name}: the folder has its element, styles, tests and design note${rule ? ', and its view' : ''}`, () => {
    const wanted = [`${name}.ts`, `${name}.styles.ts`, `${name}.test.ts`, `${name}.md`];
    if (rule) wanted.push(`${name}.view.ts`);
    for (const file of wanted) assert.ok(files.includes(file), `${name}/${file} is missing`);
    assert.ok(!files.some((file) => file.endsWith('.spec.md')), 'the design note is <name>.md');
  });

  if (rule) {
    test(`${name}: the element file has no words, no templates and at most 400 lines`, () => {
      const source = readFileSync(join(folder, `${name}.ts`), 'utf8');
      assert.doesNotMatch(source, /\bmsg\(/, 'msg() belongs in the view');
      assert.doesNotMatch(source, /\bhtml`/, 'templates belong in the view');
      const lines = source.replace(/\n$/, '').split('\n').length;
      assert.ok(lines <= 400, `${name}.ts has ${lines} lines`);
    });
  }
}

/** Lines of `node` that are the text of a `css` template (a stylesheet is not logic). */
function cssLines(node, source) {
  let lines = 0;
  const visit = (child) => {
    if (ts.isTaggedTemplateExpression(child) && child.tag.getText(source) === 'css') {
      const start = source.getLineAndCharacterOfPosition(child.template.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(child.template.getEnd()).line;
      lines += end - start;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return lines;
}

/** Every function-like node longer than `max` lines in `file` (CSS text not counted): [{name, lines}]. */
function longFunctions(file, max) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1 - cssLines(node.body, source);
      if (lines > max) {
        const name = node.name?.getText(source) ?? node.parent?.name?.getText?.(source) ?? '(anonymous)';
        found.push({name, lines});
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no function over 60 lines in the components that follow the file rule', () => {
  const long = [];
  for (const name of names) {
    if (NOT_YET.has(name)) continue;
    for (const file of readdirSync(join(components, name))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      for (const fn of longFunctions(join(components, name, file), 60))
        long.push(`${name}/${file} ${fn.name}: ${fn.lines}`);
    }
  }
  assert.deepEqual(long, []);
});

test('the check finds a long function (it can fail)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serein-structure-'));
  const file = join(dir, 'probe.ts');
  try {
    const body = Array.from({length: 61}, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(file, `export function long() {\n${body}\n}\nexport const short = () => 1;\n`);
    assert.deepEqual(longFunctions(file, 60), [{name: 'long', lines: 63}]);
  } finally {
    rmSync(dir, {recursive: true});
  }
});
