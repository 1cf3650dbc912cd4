import {html, render, type CSSResult, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {loadWhenIdle, styleAdoption, type Lazy} from './lazy.js';

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

export interface LightDomOptions<V, S> {
  /** The view module, loaded by `lazyView()`; nothing is rendered into the page before it arrives. */
  view: Lazy<V>;
  /**
   * The module of the view's later states (`<name>.states.ts`: errors, waits, success), fetched
   * once the browser is idle after the element connects; the view renders them through
   * `later(el, el.light, el.light.states)` (src/internal/later-state.ts). Declared by the element,
   * so that the view imports nothing from the core at run time.
   */
  states?: Lazy<S>;
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
export class LightDomController<
  V extends SereinLightView = SereinLightView,
  S = unknown,
> implements ReactiveController {
  readonly container: HTMLElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LightDomOptions<V, S>,
  ) {
    this.container = document.createElement('div');
    this.container.setAttribute('data-serein-light', '');
    host.addController(this);
  }

  /** The view module, once it has arrived. */
  get view(): V | undefined {
    return this.options.view.value;
  }

  /** The later states' module given as `states` (only views of elements that give one read it). */
  get states(): Lazy<S> {
    return this.options.states!;
  }

  /** A later state's module on its way (`later()`, src/internal/later-state.ts): `ready()` waits for it. */
  pending?: Promise<unknown>;

  /** Resolves once the view is here and its styles are adopted, and any later state's module too. */
  async ready(): Promise<void> {
    await this.options.view.load();
    await this.pending;
  }

  hostConnected(): void {
    if (!this.view) void this.options.view.load().then(() => this.host.requestUpdate());
    if (this.options.states) loadWhenIdle(this.options.states);
    this.adoptStyles();
    if (this.container.parentNode !== this.host) this.host.append(this.container);
  }

  /** The view's page-DOM styles, adopted into the element's current root (they come with the view). */
  private adoptStyles(): void {
    const lightStyles = this.view?.lightStyles;
    if (lightStyles) styleAdoption.value!.adoptScopedStyles(this.host.getRootNode(), lightStyles);
  }

  hostUpdated(): void {
    const view = this.view;
    if (!view) return;
    this.adoptStyles();
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
