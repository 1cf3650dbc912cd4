import type {LitElement} from 'lit';
import {adoptScopedStyles, type LightDomController, type SereinLightView} from './core/light-dom.js';
import type {Lazy} from './core/lazy.js';

/** An element whose view lives in its light DOM. */
type Host = LitElement & {readonly light: Pick<LightDomController, 'pending'>};

/**
 * The module of a later state (an error, a success, a wait: what an element's first render never
 * shows), for its view to render that state; the module's `lightStyles` are adopted first.
 * Undefined until the module has arrived: the view keeps what it showed, the element renders
 * again on arrival, and its `updateComplete` waits for that, so that focus lands on the new content.
 * Views load such a module ahead with `loadWhenIdle()` (CONTRIBUTING.md, "The loading rule").
 */
export function later<T extends SereinLightView>(el: Host, module: Lazy<T>): T | undefined {
  const value = module.value;
  const root = el.getRootNode();
  if (!value) {
    el.light.pending = Promise.all([el.light.pending, module.load().then(() => el.requestUpdate())]).catch(
      () => undefined,
    );
  } else if (value.lightStyles && (root instanceof Document || root instanceof ShadowRoot)) {
    adoptScopedStyles(root, value.lightStyles);
  }
  return value;
}
