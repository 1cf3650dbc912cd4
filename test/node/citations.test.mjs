// The repository stands on its own: code, tests and docs cite docs/contract.md and
// docs/requirements.md, never documents that are not in the repository, and every requirement id
// they cite exists in docs/requirements.md.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {test} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'test', 'stories', 'scripts', 'demo', 'docs', 'examples', '.storybook'];
const SKIPPED = new Set(['node_modules', 'dist', 'storybook-static', '.data']);
const TEXT = /\.(?:[cm]?[jt]sx?|mts|md|html|css|json|vue|ya?ml)$/;

function filesUnder(folder) {
  const files = [];
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (TEXT.test(entry.name)) files.push(path);
  }
  return files;
}

function checkedFiles() {
  const topLevel = readdirSync(root)
    .filter((name) => /\.(?:md|[cm]?js|ts)$/.test(name) && statSync(join(root, name)).isFile())
    .map((name) => join(root, name));
  const nested = FOLDERS.flatMap((folder) => {
    try {
      return filesUnder(join(root, folder));
    } catch {
      return [];
    }
  });
  return [...topLevel, join(root, 'custom-elements.json'), ...nested];
}

/** Each line of each checked file, with its place. */
function* lines() {
  for (const file of checkedFiles()) {
    const text = readFileSync(file, 'utf8');
    const all = text.split('\n');
    for (let index = 0; index < all.length; index++) {
      yield {place: `${relative(root, file)}:${index + 1}`, file, line: all[index]};
    }
  }
}

// Spelled in pieces so that this file does not cite them itself.
const outside = ['SPEC', 'STAND' + 'ARDS'];
const FORBIDDEN = [
  new RegExp(`\\b(?:${outside.join('|')})\\.md\\b`),
  new RegExp(`\\b${outside[0]} §`),
  new RegExp(`\\b${outside[1]}\\b`),
  new RegExp(`\\.\\./${'shared'}\\b`),
];

test('nothing cites documents that are not in the repository', () => {
  const found = [];
  for (const {place, line} of lines()) {
    if (FORBIDDEN.some((pattern) => pattern.test(line))) found.push(`  ${place}: ${line.trim()}`);
  }
  assert.ok(
    found.length === 0,
    `${found.length} citations of documents outside the repository; cite docs/contract.md (by section) or docs/requirements.md (by requirement id) instead:\n${found.join('\n')}`,
  );
});

const requirementsFile = join(root, 'docs/requirements.md');
// Ids are defined as the first cell of a table row: | PW-01 | …
const defined = new Set(
  [...readFileSync(requirementsFile, 'utf8').matchAll(/^\|\s*`?([A-Z][A-Z0-9]*-\d{2})`?\s*\|/gm)].map(
    (match) => match[1],
  ),
);
const PREFIXES = ['PW', 'MTR', 'BR', 'AF', 'OTP', 'REC', 'PK', 'A11Y', 'SEC', 'RL', 'HOST'];
const REQUIREMENT_ID = new RegExp(`\\b(?:${PREFIXES.join('|')})-\\d{2}\\b`, 'g');
// Ids in other shapes (NIST-…, ASVS-…) on a line that points at docs/requirements.md.
const OTHER_ID = /\b(?:NIST|ASVS|WCAG|WEBAUTHN|AUTOFILL|HTML)-[\w.-]*\w/g;

test('docs/requirements.md defines its requirement ids once each', () => {
  const rows = [...readFileSync(requirementsFile, 'utf8').matchAll(/^\|\s*`?([A-Z][A-Z0-9]*-\d{2})`?\s*\|/gm)];
  assert.ok(defined.size >= 60, `docs/requirements.md defines ${defined.size} requirement ids`);
  assert.equal(rows.length, defined.size, 'no id is defined twice');
  for (const id of defined) {
    assert.ok(PREFIXES.includes(id.replace(/-\d+$/, '')), `${id} uses a known prefix`);
  }
});

test('every requirement id cited exists in docs/requirements.md', () => {
  const unknown = [];
  for (const {place, file, line} of lines()) {
    const ids = [...line.matchAll(REQUIREMENT_ID)].map((match) => match[0]);
    if (/requirements\.md/.test(line) && file !== requirementsFile) {
      ids.push(...[...line.matchAll(OTHER_ID)].map((match) => match[0]));
    }
    for (const id of ids) if (!defined.has(id)) unknown.push(`  ${place}: ${id}`);
  }
  assert.ok(unknown.length === 0, `Requirement ids that docs/requirements.md does not define:\n${unknown.join('\n')}`);
});
