// The public API keeps every name of the previous release unless CHANGELOG.md announces its
// removal. Runs after `npm run build` (it reads the built `.d.ts` files) and on the committed
// custom-elements.json. The baseline is test/node/public-api.baseline.json, written at each
// release by `node scripts/public-api.mjs --write`.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {
  announcements,
  baselinePath,
  currentPublicApi,
  findRemovals,
  isAnnounced,
  root,
} from '../../scripts/public-api.mjs';

const HOW_TO_FIX = `
Each name above was public in the previous release (test/node/public-api.baseline.json) and is
gone now. Either
  - keep it: restore the name, or keep it as a deprecated alias of the new one for one minor
    version; or
  - announce it: add an item to a "### Deprecated" (alias kept) or "### Removed" list in
    CHANGELOG.md that names it in backticks, names its element (tag name) if it belongs to one,
    and says what to use instead, e.g.
      - \`<serein-recovery-wizard>\` custom state \`done\`: use \`success\` instead.
Additions need nothing. After a release, regenerate the baseline:
  npm run build && npm run manifest && node scripts/public-api.mjs --write`;

test('no public name of the previous release is gone without a CHANGELOG announcement', () => {
  const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
  const current = currentPublicApi();
  const items = announcements(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  const unannounced = findRemovals(baseline, current).filter((removal) => !isAnnounced(removal, items));
  const list = unannounced.map(({owner, kind, name}) => `  - ${owner}: ${kind} ${name}`).join('\n');
  assert.equal(unannounced.length, 0, `Public API removed or renamed without an announcement:\n${list}\n${HOW_TO_FIX}`);
});

test('the baseline covers the five elements and every typed entry point', () => {
  // A baseline that lost its content would let every removal through.
  const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
  assert.deepEqual(Object.keys(baseline.elements), [
    'serein-otp-prompt',
    'serein-passkey-button',
    'serein-password-change',
    'serein-recovery-wizard',
    'serein-strength-meter',
  ]);
  for (const specifier of ['serein', 'serein/define.js', 'serein/localization.js', 'serein/otp-prompt.js']) {
    assert.ok(baseline.modules[specifier]?.length > 0, `${specifier} has exports in the baseline`);
  }
  assert.ok(baseline.modules.serein.includes('SereinOtpPrompt'));
  assert.ok(baseline.elements['serein-strength-meter'].cssStates.includes('strong'));
});

test('the comparison finds removals and renames, and accepts only announced ones', () => {
  const before = {
    elements: {
      'serein-x': {class: 'X', attributes: ['mode', 'for'], cssStates: ['done'], slots: ['(default)']},
      'serein-y': {class: 'Y', attributes: []},
    },
    modules: {serein: ['X', 'useThing'], 'serein/y.js': ['Y']},
  };
  const after = {
    elements: {'serein-x': {class: 'X', attributes: ['mode', 'html-for'], cssStates: ['success'], slots: []}},
    modules: {serein: ['X', 'useThing', 'newThing']},
  };
  const removals = findRemovals(before, after);
  assert.deepEqual(removals, [
    {owner: 'serein-x', kind: 'attributes', name: 'for'},
    {owner: 'serein-x', kind: 'cssStates', name: 'done'},
    {owner: 'serein-x', kind: 'slots', name: '(default)'},
    {owner: 'serein-y', kind: 'element', name: 'serein-y'},
    {owner: 'serein/y.js', kind: 'entry point', name: 'serein/y.js'},
  ]);
  assert.deepEqual(findRemovals(before, before), []);

  const changelog = [
    '# Changelog',
    '## 0.2.0',
    '### Added',
    '- `<serein-x>` custom state `done`: use `success` instead.',
    '### Deprecated',
    '- `<serein-x>` custom state `done`: use `success` instead; the alias goes in 0.3.',
    '- `<serein-x>` attribute `for` is gone.',
    '### Removed',
    '- `serein-y` and its entry point `serein/y.js`:',
    '  use `<serein-x>` instead.',
  ].join('\n');
  const items = announcements(changelog);
  assert.equal(items.length, 3, 'only the Deprecated and Removed lists count');
  const announced = (removal) => isAnnounced(removal, items);
  assert.equal(announced({owner: 'serein-x', kind: 'cssStates', name: 'done'}), true);
  assert.equal(announced({owner: 'serein-x', kind: 'attributes', name: 'for'}), false, 'no migration note');
  assert.equal(announced({owner: 'serein-x', kind: 'slots', name: '(default)'}), false, 'not named');
  assert.equal(announced({owner: 'serein-y', kind: 'element', name: 'serein-y'}), true);
  assert.equal(announced({owner: 'serein/y.js', kind: 'entry point', name: 'serein/y.js'}), true);
  assert.equal(announced({owner: 'serein-z', kind: 'cssStates', name: 'done'}), false, 'other element');
  assert.equal(announced({owner: 'serein', kind: 'export', name: 'Thing'}), false, 'whole words only');
  const exportItems = announcements('### Removed\n- `oldHelper()`: use `newHelper()`.\n');
  assert.equal(isAnnounced({owner: 'serein/bundle.js', kind: 'export', name: 'oldHelper'}, exportItems), true);
  assert.equal(isAnnounced({owner: 'serein', kind: 'export', name: 'newHelper'}, []), false);
});
