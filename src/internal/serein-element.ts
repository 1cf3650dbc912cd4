import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {updateWhenLocaleChanges} from '@lit/localize';
import {pickString, type SereinStrings} from './strings.js';

const warned = new Set<string>();

/** Adds or removes each custom state (`:state(busy)`) of an element. */
export function toggleStates(internals: ElementInternals, states: Record<string, boolean>): void {
  for (const [name, on] of Object.entries(states)) {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  }
}

/** How an embedding component takes over an embedded one's events (see `sereinEmbedding`). */
export interface SereinEmbedding {
  /** Answers an action instead of dispatching its event (same type and detail, no settler). */
  act(type: string, detail: object): Promise<unknown>;
}

/**
 * The one base class of Serein's elements: per-instance wording overrides and re-rendering
 * when the locale changes. Behaviour shared by several components lives in controllers.
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

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The override for `id` from {@link strings}, else the localised text. */
  protected t(id: string, localized: string, params?: Record<string, string | number>): string {
    return pickString(this.strings, id, localized, params);
  }

  /** Warns once per element name and message about a bad attribute value; never throws. */
  protected warnOnce(message: string): void {
    const key = `${this.localName}:${message}`;
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`${this.localName}: ${message}`);
  }
}
