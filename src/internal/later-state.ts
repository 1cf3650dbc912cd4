import type {LitElement} from 'lit';
import type {SereinLightView} from './core/light-dom.js';
import {adoptScopedStyles} from './style-adoption.js';
import type {Lazy} from './core/lazy.js';

/**
 * Where an element keeps its later states' module (`states`, declared by the element and fetched
 * once the browser is idle after it connects) and that module on its way (its
 * `LightDomController`, or a plain object): the element's `updateComplete` waits for `pending`.
 */
export interface LaterStates<S = unknown> {
  pending?: Promise<unknown>;
  readonly states?: Lazy<S>;
}

/**
 * The module of a later state (an error, a success, a wait: what an element's first render never
 * shows), for its view to render that state; the module's page-DOM `lightStyles` are adopted first.
 * Undefined until the module has arrived: the view keeps what it showed, the element renders
 * again on arrival, and its `updateComplete` waits for that, so that focus lands on the new content.
 * The view passes its holder's `states` (CONTRIBUTING.md, "The loading rule").
 */
export function later<T extends object>(el: LitElement, holder: LaterStates, module: Lazy<T>): T | undefined {
  const value: (T & SereinLightView) | undefined = module.value;
  if (!value) {
    holder.pending = Promise.all([holder.pending, module.load().then(() => el.requestUpdate())]).catch(() => undefined);
  } else if (value.lightStyles) {
    adoptScopedStyles(el.getRootNode(), value.lightStyles);
  }
  return value;
}
