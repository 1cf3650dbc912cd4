import {html, render, type CSSResult, type ReactiveController, type ReactiveControllerHost} from 'lit';
import type {Lazy} from './lazy.js';

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

/** What a component's view module exports for the light DOM: its page-DOM styles. */
export interface SereinLightView {
  /** Styles of the parts the view renders into the page (adopted before they render). */
  lightStyles?: CSSResult;
}

export interface LightDomOptions<V> {
  /** Page-DOM styles that come with the element itself. */
  styles?: CSSResult;
  /** The view module, loaded by `lazy()`; nothing is rendered into the page before it arrives. */
  view?: Lazy<V>;
  /** The page-DOM template, given the view once it is here. */
  render: (view: V) => unknown;
}

/**
 * Renders part of a component into its light DOM (the page's tree), where password managers,
 * `document.querySelector` and `aria-describedby`/`for` references from the page can reach it
 * (docs/contract.md, "Fields in the page (light DOM)"). The component's shadow root shows it
 * through a `<slot>`. With a lazy `view`, the element keeps its space reserved (`renderBase`)
 * until the view has arrived.
 */
export class LightDomController<V extends SereinLightView = SereinLightView> implements ReactiveController {
  readonly container: HTMLElement;
  private readonly styles: CSSResult[];
  private readonly options: LightDomOptions<V>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    options: LightDomOptions<V>,
  ) {
    this.options = options;
    this.styles = options.styles ? [options.styles] : [];
    this.container = document.createElement('div');
    this.container.setAttribute('data-serein-light', '');
    host.addController(this);
  }

  /** The view module, once it has arrived (always, without a lazy view). */
  get view(): V | undefined {
    return this.options.view ? this.options.view.value : ({} as V);
  }

  /** A later state's module on its way (`later()`, src/internal/later-state.ts): `ready()` waits for it. */
  pending?: Promise<unknown>;

  /** Resolves once the view is here and its styles are adopted, and any later state's module too. */
  async ready(): Promise<void> {
    if (this.options.view && !this.options.view.value) await this.options.view.load();
    await this.pending;
  }

  hostConnected(): void {
    if (this.options.view && !this.options.view.value) {
      void this.options.view.load().then(() => this.host.requestUpdate());
    }
    this.adoptAll();
    if (this.container.parentNode !== this.host) this.host.append(this.container);
  }

  private adoptAll(): void {
    const root = this.host.getRootNode();
    const lightStyles = this.view?.lightStyles;
    if (lightStyles && !this.styles.includes(lightStyles)) this.styles.push(lightStyles);
    if (root instanceof Document || root instanceof ShadowRoot) {
      for (const styles of this.styles) adoptScopedStyles(root, styles);
    }
  }

  hostUpdated(): void {
    const view = this.view;
    if (!view) return;
    this.adoptAll();
    render(this.options.render(view), this.container, {host: this.host});
  }
}

/**
 * The shadow tree of a component whose content lives in its light DOM: the `brand` slot, then
 * `part="base"` around the default slot (and named slots). While `loading`, the wrapper keeps the space the view will
 * take (each component's styles size `.base.loading`), so that its arrival shifts nothing.
 */
export function renderBase(loading: boolean, named: {name: string; hidden: boolean}[] = []) {
  return html`<slot name="brand"></slot>
    <div part="base" class=${loading ? 'base loading' : 'base'}>
      <slot></slot>
      ${named.map((slot) => html`<slot name=${slot.name} ?hidden=${slot.hidden}></slot>`)}
    </div>`;
}
