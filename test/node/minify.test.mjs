import assert from 'node:assert/strict';
import {test} from 'node:test';
import {minifyTemplates} from '../../scripts/minify-templates.mjs';

test('collapses line breaks in templates, keeping expressions, strings and single spaces', () => {
  const source = [
    'const a = html`<div>',
    '    <p class="x">${cond ? html`<b>',
    '      yes</b>` : "two  spaces"}</p> <i>${`raw`}</i>',
    '  </div>`;',
    'const b = css`',
    '  :host { color: red; } /* note */',
    '  .a  .b { margin: 0 }',
    '`;',
    'const c = unsafeCSS(`',
    '  ${tag} .x { gap: 1px; }',
    '`);',
    'const d = `keep',
    '  me`;',
  ].join('\n');
  const result = minifyTemplates(source);
  assert.equal(
    result,
    [
      'const a = html`<div> <p class="x">${cond ? html`<b> yes</b>` : "two  spaces"}</p> <i>${`raw`}</i> </div>`;',
      'const b = css` :host{color: red;}.a  .b{margin: 0}`;',
      'const c = unsafeCSS(` ${tag} .x{gap: 1px;}`);',
      'const d = `keep',
      '  me`;',
    ].join('\n'),
  );
});
