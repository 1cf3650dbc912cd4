import {render, type CSSResult, type ReactiveController, type ReactiveControllerHost} from 'lit';

type Root = Document | ShadowRoot;
const adopted = new WeakMap<Root, Set<CSSStyleSheet>>();

/**
 * Adopts `styles` into `root` (the document or an enclosing shadow root) once. Light-DOM parts
 * are styled by selectors scoped to the component's tag inside `@layer serein`, so a page's
 * own unlayered rules win without `!important`.
 */
export function adoptScopedStyles(root: Root, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet) return;
  let sheets = adopted.get(root);
  if (!sheets) adopted.set(root, (sheets = new Set()));
  if (sheets.has(sheet)) return;
  sheets.add(sheet);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

let counter = 0;

/** A page-unique id for light-DOM parts (never hard-coded: a page may hold several instances). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Renders part of a component into its light DOM (the page's tree), where password managers,
 * `document.querySelector` and `aria-describedby`/`for` references from the page can reach it
 * (`SPEC.md` §2.1). The component's shadow root shows it through a `<slot>`.
 */
export class LightDomController implements ReactiveController {
  readonly container: HTMLElement;
  private readonly styles: CSSResult[];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    styles: CSSResult | undefined,
    private readonly template: () => unknown,
  ) {
    this.styles = styles ? [styles] : [];
    this.container = document.createElement('div');
    this.container.setAttribute('data-serein-light', '');
    host.addController(this);
  }

  hostConnected(): void {
    this.adoptAll();
    if (this.container.parentNode !== this.host) this.host.append(this.container);
  }

  /** Adds styles that arrived later (with a lazily loaded part), before the parts they style render. */
  addStyles(styles: CSSResult): void {
    if (!this.styles.includes(styles)) this.styles.push(styles);
    if (this.host.isConnected) this.adoptAll();
  }

  private adoptAll(): void {
    const root = this.host.getRootNode();
    if (root instanceof Document || root instanceof ShadowRoot) {
      for (const styles of this.styles) adoptScopedStyles(root, styles);
    }
  }

  hostUpdated(): void {
    render(this.template(), this.container, {host: this.host});
  }
}
