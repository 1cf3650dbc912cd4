import type * as StyleAdoption from '../style-adoption.js';

/**
 * A module loaded once, on demand or ahead of time. Every component loads its view (and a heavy
 * capability, such as WebAuthn or the estimator) through this one mechanism: see
 * CONTRIBUTING.md, "The loading rule".
 */
export interface Lazy<T> {
  /** The module once it has arrived (undefined before). */
  readonly value: T | undefined;
  /** Starts loading (once) and resolves with the module. */
  load(): Promise<T>;
}

/**
 * Wraps `importer` (`() => import('./x.view.js')`). With `{now: true}` the import starts at
 * once: an element module does this for its view, so that the view is usually there before the
 * element first connects. A failed import is retried on the next `load()`.
 */
export function lazy<T>(importer: () => Promise<T>, {now = false}: {now?: boolean} = {}): Lazy<T> {
  let promise: Promise<T> | undefined;
  const box: {value: T | undefined; load(): Promise<T>} = {
    value: undefined,
    load: () =>
      (promise ??= importer().then(
        (module) => (box.value = module),
        (reason: unknown) => {
          promise = undefined;
          throw reason;
        },
      )),
  };
  // An early start must not produce an unhandled rejection; load() rethrows to the caller.
  if (now) box.load().catch(() => undefined);
  return box;
}

/**
 * Starts loading `module` once the browser is idle: for a small capability that the first
 * interaction would otherwise wait for (the meter's estimator client) or a view's later states
 * (`<name>.states.ts`: errors, waits, success), fetched ahead without holding up the page's own
 * work. Errors are left to the next `load()`.
 */
export function loadWhenIdle(module: Lazy<unknown>): void {
  (globalThis.requestIdleCallback ?? setTimeout)(() => void module.load().catch(() => undefined));
}

/** A view that also waits for the elements it draws (see {@link withParts}). */
export interface LazyViewWithParts<T> extends Lazy<T> {
  /** Starts loading a part's define module at once; the view is not ready before it has arrived. */
  add(importer: () => Promise<unknown>): void;
}

/**
 * Wraps an element's lazy `view` so that the elements the view draws (the password form's
 * strength meter; the wizard's code prompt and password form) are registered with the view rather
 * than eagerly. The element's define module (`src/define/<name>.ts`) hands over the import of each
 * part's define module with `add()` before it registers the element; the view counts as arrived
 * once all of them have, so every part is registered before the view's first render. A class entry
 * adds nothing, so it registers nothing.
 */
export function withParts<T>(view: Lazy<T>): LazyViewWithParts<T> {
  const parts: Lazy<unknown>[] = [];
  return {
    get value() {
      return parts.every((part) => part.value !== undefined) ? view.value : undefined;
    },
    load: () => Promise.all([view.load(), ...parts.map((part) => part.load())]).then(([module]) => module),
    add: (importer) => void parts.push(lazy(importer, {now: true})),
  };
}

/**
 * The style handling a view needs (adoption into the page, the shadow root and other documents):
 * part of every view (see {@link lazyView}), so `value` is set whenever a view's is.
 */
export const styleAdoption: Lazy<typeof StyleAdoption> = lazy(() => import('../style-adoption.js'));

/**
 * An element's view module, loaded at once (an element module calls this when it is evaluated,
 * so that the view is usually there before the element first connects), together with the style
 * handling every view needs: `value` is set once both have arrived. The one way an element loads
 * its view (CONTRIBUTING.md, "The loading rule"); {@link withParts} adds the elements it draws.
 */
export function lazyView<T>(importer: () => Promise<T>): Lazy<T> {
  return lazy(() => Promise.all([importer(), styleAdoption.load()]).then(([view]) => view), {now: true});
}
