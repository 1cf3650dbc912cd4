import type {CSSResult} from 'lit';

// The half of style handling that only matters once a view is here: it arrives with every view
// (`lazyView()`, src/internal/core/lazy.ts), so the eager core keeps none of it.

const adopted = new WeakMap<Document | ShadowRoot, Set<CSSStyleSheet>>();

/**
 * Adopts `styles` once into `root`, the document or the enclosing shadow root an element's
 * page-DOM parts live in (any other node is left alone). Light-DOM parts are styled by
 * selectors scoped to the component's tag inside `@layer serein`, so a page's own unlayered
 * rules win without `!important`.
 */
export function adoptScopedStyles(root: Node, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet || !(root instanceof Document || root instanceof ShadowRoot)) return;
  let sheets = adopted.get(root);
  if (!sheets) adopted.set(root, (sheets = new Set()));
  if (sheets.has(sheet)) return;
  sheets.add(sheet);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** `style` as a sheet of `root`'s document (Lit's shared one in the page's own document). */
function sheetFor(root: ShadowRoot, style: CSSResult): CSSStyleSheet {
  const Sheet = root.ownerDocument.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
  if (Sheet === CSSStyleSheet) return style.styleSheet!;
  const sheet = new Sheet();
  sheet.replaceSync(style.cssText);
  return sheet;
}

/**
 * Adds a view's shadow styles to an element's shadow root, after what it holds (the element's
 * own), or, with `replace`, makes `styles` the whole list again: an element moved into another
 * document (a same-origin frame) loses the sheets made in the first one, so all of them are made
 * again in the new one.
 */
export function adoptShadowStyles(root: ShadowRoot, styles: readonly CSSResult[], replace = false): void {
  const sheets = styles.map((style) => sheetFor(root, style));
  root.adoptedStyleSheets = replace ? sheets : [...root.adoptedStyleSheets, ...sheets];
}
