// The built package as a host receives it: entry points, side effects, manifest, safety, size.
// Runs after `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, resolve} from 'node:path';
import {test} from 'node:test';
import {checkBudgets, checkSplitTargets, staticClosure} from '../../scripts/bench/sizes.mjs';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const components = ['strength-meter', 'password-change', 'otp-prompt', 'passkey-button', 'recovery-wizard'];

test('package.json exports every entry point (docs/contract.md, Package and entry points), each with types', () => {
  const expected = [
    '.',
    './define.js',
    './localization.js',
    './bundle.js',
    ...components.flatMap((name) => [`./${name}.js`, `./define/${name}.js`]),
  ];
  for (const key of expected) {
    const entry = pkg.exports[key];
    assert.ok(entry, `exports["${key}"]`);
    assert.ok(existsSync(join(root, entry.default)), `${entry.default} is built`);
    assert.ok(existsSync(join(root, entry.types)), `${entry.types} is built`);
  }
});

test('sideEffects lists exactly the modules that register elements', () => {
  // The built define modules, the bundle (which registers everything) and their sources (for
  // tools that bundle src/, such as Storybook).
  assert.deepEqual(pkg.sideEffects, [
    './dist/define.js',
    './dist/define/*.js',
    './dist/bundle/serein.js',
    './src/define.ts',
    './src/define/*.ts',
  ]);
  for (const file of ['index.js', ...components.map((name) => `${name}.js`), 'localization.js']) {
    assert.doesNotMatch(
      readFileSync(join(root, 'dist', file), 'utf8'),
      /customElements\.define/,
      `${file} registers nothing`,
    );
  }
});

test('custom-elements.json is up to date with the JSDoc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serein-cem-'));
  try {
    const config = join(dir, 'cem.config.mjs');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(join(root, 'custom-elements-manifest.config.mjs'))};\nexport default {...base, outdir: ${JSON.stringify(relative(root, dir))}, packagejson: false};\n`,
    );
    execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--config', config], {cwd: root, stdio: 'pipe'});
    // The analyser's module order varies between runs; the content must not.
    const load = (file) => {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      return manifest;
    };
    const fresh = load(join(dir, 'custom-elements.json'));
    const committed = load(join(root, 'custom-elements.json'));
    assert.deepEqual(committed, fresh, 'custom-elements.json is stale: run npm run manifest');
    assert.equal(pkg.customElements, 'custom-elements.json', 'package.json customElements points at the manifest');
    const tags = fresh.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => d.tagName);
    assert.deepEqual(tags.sort(), components.map((name) => `serein-${name}`).sort());
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('the built code has no HTML sinks, no eval and no remote imports', () => {
  // The single-file bundle is left out: it contains Lit, whose template code sets innerHTML
  // through its own Trusted Types policy. Serein's own code is the same in both builds.
  const files = readdirSync(join(root, 'dist'), {recursive: true}).filter(
    (file) => file.endsWith('.js') && !file.startsWith('bundle'),
  );
  assert.ok(files.length > 5);
  for (const file of files) {
    const code = readFileSync(join(root, 'dist', file), 'utf8');
    if (/(^|\/)(dist-|index\.esm-)/.test(file) && !/serein/i.test(code.slice(0, 2000))) continue;
    assert.doesNotMatch(code, /unsafeHTML|\.innerHTML\s*=|\beval\(|new Function\(/, file);
    assert.doesNotMatch(code, /import\(\s*["']https?:/, `${file} imports code from the network`);
  }
});

test('no dictionary byte is loaded eagerly by any entry point', () => {
  for (const entry of ['dist/define/strength-meter.js', 'dist/define.js', 'dist/index.js', 'dist/bundle/serein.js']) {
    for (const file of staticClosure(join(root, entry))) {
      assert.ok(readFileSync(file).length < 100 * 1024, `${entry} eagerly loads ${file}`);
      assert.doesNotMatch(
        readFileSync(file, 'utf8'),
        /ZxcvbnFactory|passwords-common/,
        `${entry} eagerly loads zxcvbn (${file})`,
      );
    }
  }
});

test('eager sizes stay within the budgets (gzip, Lit excluded)', async () => {
  const rows = await checkBudgets();
  assert.ok(rows.length > 0);
  for (const row of rows) assert.ok(row.ok, `${row.label}: ${row.gzip} B > ${row.budget} B`);
});

test('in a host build that also bundles the lazy modules (esbuild splitting), the eager files meet the targets', async () => {
  const rows = await checkSplitTargets();
  assert.equal(rows.length, 6);
  for (const row of rows) assert.ok(row.ok, `${row.entry}: ${row.gzip} B in ${row.files} files > ${row.target} B`);
  // Each element's eager code is one file: no view imports the core or its element at run time.
  for (const row of rows.filter(({entry}) => /define\/(strength-meter|otp-prompt|passkey-button)\.js$/.test(entry))) {
    assert.equal(row.files, 1, `${row.entry}: ${row.files} eager files`);
  }
});
