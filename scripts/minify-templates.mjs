// Collapses the white space of Lit's html`` and css`` templates (and of CSS passed to
// unsafeCSS(`…`)) at build time: bundlers leave template text alone. Only literal text is
// touched, never the expressions inside `${…}` (nested templates are handled recursively), and
// only runs of white space that contain a line break: HTML and CSS treat those like one space.

const OPENERS = /\b(?:html|css|unsafeCSS\()`/g;

/**
 * Returns the index just after the template literal whose text starts at `start` (after its
 * opening backtick), and the template rewritten.
 */
function scanTemplate(code, start, isCss) {
  let out = '';
  let i = start;
  let text = '';
  const flush = () => {
    let collapsed = text.replace(/\s*\n\s*/g, ' ');
    if (isCss) collapsed = collapsed.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*([{};])\s*/g, '$1');
    out += collapsed;
    text = '';
  };
  while (i < code.length) {
    const char = code[i];
    if (char === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (char === '`') {
      flush();
      return {end: i + 1, text: out};
    } else if (char === '$' && code[i + 1] === '{') {
      flush();
      const close = scanExpression(code, i + 2);
      out += '${' + minifyTemplates(code.slice(i + 2, close)) + '}';
      i = close + 1;
    } else {
      text += char;
      i += 1;
    }
  }
  throw new Error('unterminated template literal');
}

/** Index of the `}` closing an expression that starts at `start`, skipping strings and templates. */
function scanExpression(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (char === "'" || char === '"') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '`') {
      i = skipTemplate(code, i + 1) - 1;
    }
  }
  throw new Error('unterminated expression');
}

function skipTemplate(code, start) {
  for (let i = start; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === '`') return i + 1;
    else if (code[i] === '$' && code[i + 1] === '{') i = scanExpression(code, i + 2);
  }
  throw new Error('unterminated template literal');
}

/** Rewrites every html``, css`` and unsafeCSS(`…`) template of `code`. */
export function minifyTemplates(code) {
  let out = '';
  let from = 0;
  OPENERS.lastIndex = 0;
  for (let match = OPENERS.exec(code); match; match = OPENERS.exec(code)) {
    if (match.index < from) continue;
    const start = match.index + match[0].length;
    const {end, text} = scanTemplate(code, start, !match[0].startsWith('html'));
    out += code.slice(from, start) + text + '`';
    from = end;
    OPENERS.lastIndex = end;
  }
  return out + code.slice(from);
}
