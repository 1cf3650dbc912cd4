import {LitElement, type CSSResult, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {styleAdoption} from './lazy.js';
import {localeListeners} from './locale-tag.js';
import type {SereinStrings} from './strings.js';

const warned = new Set<string>();

/** Every event map entry named `serein-…` (the event files in `src/events/` declare them). */
type SereinEventMap = {
  [K in keyof HTMLElementEventMap as K extends `serein-${string}` ? K : never]: HTMLElementEventMap[K];
};

/** The name of a Serein event. */
export type SereinEventName = keyof SereinEventMap;

/** The detail type an event map declares for `K`. */
export type SereinEventDetail<K extends SereinEventName> = SereinEventMap[K] extends CustomEvent<infer D> ? D : never;

/** A bubbling, composed Serein event (built outside the class: the manifest lists each event from `@fires`). */
function sereinEvent(type: string, detail: unknown, cancelable: boolean): CustomEvent {
  return new CustomEvent(type, {bubbles: true, composed: true, cancelable, detail});
}

/** How an embedding component takes over an embedded one's events (see `sereinEmbedding`). */
export interface SereinEmbedding {
  /** Answers an action instead of dispatching its event (same type and detail, no settler). */
  act(type: string, detail: object): Promise<unknown>;
}

/**
 * The one base class of Serein's elements: its `ElementInternals` and custom states, typed
 * events, per-instance wording overrides, the brand slot and re-rendering when the
 * locale changes. Behaviour shared by several components lives in controllers. The theme tokens
 * below are shared by every element (docs/contract.md, "Theming"); they are resolved by the
 * styles that arrive with each view (`viewStyles`, src/internal/tokens.ts).
 *
 * @slot brand - An optional brand mark (a logo, an `<img>` or inline `<svg>` with a text
 *   alternative) shown at the top of the element, so that customers recognise the genuine page.
 *
 * @cssprop [--serein-font=inherit] - Font family of the text and the controls.
 * @cssprop [--serein-font-size=inherit] - Base font size.
 * @cssprop [--serein-font-mono=ui-monospace, SFMono-Regular, Menlo, Consolas, monospace] - Font of one-time codes typed in one field.
 * @cssprop [--serein-heading-font=var(--serein-font)] - Font family of headings.
 * @cssprop [--serein-heading-font-size=1.375rem] - Font size of headings.
 * @cssprop [--serein-heading-font-weight=700] - Font weight of headings.
 * @cssprop [--serein-color-text=light-dark(#1f2328, #e6edf3)] - Text.
 * @cssprop [--serein-color-muted=light-dark(#57606a, #9198a1)] - Hints and secondary text.
 * @cssprop [--serein-color-surface=light-dark(#ffffff, #0d1117)] - Background of fields and boxes.
 * @cssprop [--serein-color-border=light-dark(#6e7781, #8b949e)] - Borders of fields and boxes.
 * @cssprop [--serein-color-accent=light-dark(#0969da, #4493f8)] - Buttons, links, selected controls; the frame and icon of an info notice.
 * @cssprop [--serein-color-on-accent=var(--serein-color-surface)] - Text on an accent background (primary buttons).
 * @cssprop [--serein-color-info-surface=light-dark(#ddf4ff, #0c2d6b)] - Background of information banners.
 * @cssprop [--serein-color-danger=light-dark(#b42318, #ff7b72)] - Errors (the critical tone of the alert box), the meter at "Weak".
 * @cssprop [--serein-color-critical-surface=light-dark(#fff1f0, #2c1214)] - Background of a critical alert and of the error summary.
 * @cssprop [--serein-color-warning-surface=light-dark(#fff8e5, #2b2111)] - Background of a warning alert (a wait).
 * @cssprop [--serein-color-success-surface=light-dark(#eefbf1, #0f2a19)] - Background of a success notice.
 * @cssprop [--serein-color-warning=light-dark(#9a6700, #d29922)] - Warnings, the meter at "Fair".
 * @cssprop [--serein-color-success=light-dark(#1a7f37, #3fb950)] - Success, the meter at "Strong".
 * @cssprop [--serein-color-focus=light-dark(#0969da, #4493f8)] - The focus ring.
 * @cssprop [--serein-focus-width=3px] - Width of the focus ring.
 * @cssprop [--serein-focus-offset=2px] - Gap between a control and its focus ring.
 * @cssprop [--serein-max-width=32rem] - The one content width of every component (each `--serein-<component>-max-width` defaults to it).
 * @cssprop [--serein-radius=0.375rem] - Corner radius of fields, buttons and boxes.
 * @cssprop [--serein-density=1] - Density: `1` comfortable, `0.75` compact; scales spacing and control height.
 * @cssprop [--serein-space=0.5rem] - Base spacing unit; gaps are ½, 1, 1½ and 2 units (times `--serein-density`).
 * @cssprop [--serein-control-height=2.75rem] - Height of fields and buttons (times `--serein-density`).
 */
export class SereinElement extends LitElement {
  /**
   * Wording overrides for this instance: a partial map from message id to plain text, for
   * brand wording (`{'strength-meter.label': 'Acme password strength'}`). Never parsed as HTML.
   */
  @property({attribute: false}) strings?: SereinStrings;

  /**
   * Set by a Serein component that embeds this one (the recovery wizard embeds the one-time-code
   * prompt and the password form): the embedding component reports the journey, and answers this
   * one's actions itself, so that neither its journey events nor its secret-carrying action
   * events leave it.
   * @internal
   */
  sereinEmbedding?: SereinEmbedding;

  /** Attached once, here: custom states (`:state(…)`) go through {@link toggleStates}. @internal */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** Resolves once the view of the first render has arrived (see `LightDomController`). @internal */
  protected viewReady?: () => Promise<unknown>;

  /**
   * The `shadowStyles` its view module exports (the theme tokens first, then the component's
   * own), once the view has arrived (undefined before). The element's static
   * `styles` hold only what its first render needs before the view (the host rules and the space
   * kept by `.base.loading`); these are added to its shadow root, after those, before the first
   * render that has the view (CONTRIBUTING.md, "The loading rule"). @internal
   */
  protected viewStyles?: () => readonly CSSResult[] | undefined;

  private viewStylesAdded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    localeListeners.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    localeListeners.delete(this);
  }

  /** Another locale is ready: the element renders again in it. @internal */
  localeChanged(): void {
    this.requestUpdate();
  }

  /** `updateComplete` also waits for a lazily loaded view, so that callers see the rendered form. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.viewReady) return done;
    await this.viewReady();
    return super.getUpdateComplete();
  }

  /**
   * Adopts the view's shadow styles into the shadow root, after the element's own, before the
   * first render that can use the view (they arrive together: `lazyView()`). (Every browser that
   * runs Serein's custom states adopts constructed style sheets; adopted sheets also come after
   * any `<style>` element.)
   */
  protected override update(changed: PropertyValues): void {
    const styles = this.viewStylesAdded ? undefined : this.viewStyles?.();
    if (styles) {
      styleAdoption.value!.adoptShadowStyles(this.renderRoot as ShadowRoot, styles);
      this.viewStylesAdded = true;
    }
    super.update(changed);
  }

  /**
   * Moved into another document (a same-origin frame): the browser drops the style sheets made
   * in the first one, so the element's own and its view's are made again in the new one. @internal
   */
  adoptedCallback(): void {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root) return;
    const styles = [...(this.constructor as typeof LitElement).elementStyles] as CSSResult[];
    if (this.viewStylesAdded) styles.push(...this.viewStyles!()!);
    // Loaded with the first view (a microtask away, before the next frame); an element moved
    // before any view has arrived waits for it.
    void styleAdoption.load().then((adoption) => adoption.adoptShadowStyles(root, styles, true));
  }

  /** Sets each custom state on or off (`:state(busy)`). */
  protected toggleStates(states: Record<string, boolean>): void {
    for (const [name, on] of Object.entries(states)) {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
  }

  /**
   * Dispatches a Serein event (bubbling, composed). Its name and detail are checked against the
   * event maps of `src/events/` at compile time. Returns false when a listener cancelled it.
   * Capability modules of a component call it too. @internal
   */
  emit<K extends SereinEventName>(
    type: K,
    detail: SereinEventDetail<K>,
    options: {cancelable?: boolean} = {},
  ): boolean {
    return this.dispatchEvent(sereinEvent(type, detail, !!options.cancelable));
  }

  /**
   * Warns once per element name and message about a bad attribute value; never throws. Views
   * call it too, for values only they read. @internal
   */
  warnOnce(message: string): void {
    const key = `${this.localName}:${message}`;
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`${this.localName}: ${message}`);
  }
}
