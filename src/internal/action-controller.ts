import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {toSereinError, type SereinError} from './errors.js';
import type {SereinEmbedding} from './core/serein-element.js';

/** How an action ended. */
export type SereinActionOutcome<T> =
  | {status: 'done'; value: T}
  | {status: 'failed'; error: SereinError}
  /** No listener called `waitUntil`/`respondWith` during dispatch. */
  | {status: 'unhandled'}
  /** An earlier action of this element is still pending: nothing was dispatched. */
  | {status: 'busy'};

interface Settler {
  waitUntil(promise: Promise<unknown>): void;
  respondWith(promise: unknown): void;
}

/**
 * The `waitUntil`/`respondWith` protocol of `docs/contract.md` ("Events and waitUntil/respondWith"), with its busy state: one pending
 * action per element, so a double click sends one event. Every component that asks the host's
 * backend to act goes through {@link run}.
 */
export class ActionController implements ReactiveController {
  /** True while the host's promise is pending; render `aria-busy` and disabled submits from it. */
  pending = false;
  /** The last failure, until the next action starts or {@link clearError} is called. */
  error: SereinError | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.error = undefined;
  }

  clearError(): void {
    if (!this.error) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /**
   * Dispatches `type` (bubbles, composed) with `detail` plus `waitUntil` and `respondWith`,
   * then waits for the promise a listener handed over.
   */
  async run<T = unknown, D extends object = object>(type: string, detail: D): Promise<SereinActionOutcome<T>> {
    if (this.pending) return {status: 'busy'};
    let handed: Promise<unknown> | undefined;
    let open = true;
    const take = (promise: unknown, method: string) => {
      if (!open) throw new DOMException(`${method}() must be called while ${type} is dispatched`, 'InvalidStateError');
      if (handed) throw new DOMException(`${method}() was already called for this ${type}`, 'InvalidStateError');
      handed = Promise.resolve(promise);
    };
    const settler: Settler = {
      waitUntil: (promise) => take(promise, 'waitUntil'),
      respondWith: (promise) => take(promise, 'respondWith'),
    };
    this.error = undefined;
    const embedding = (this.host as {sereinEmbedding?: SereinEmbedding}).sereinEmbedding;
    // Embedded in another Serein component, which answers instead of the page: the event (and
    // the secret it may carry) never goes out.
    if (embedding) handed = embedding.act(type, detail);
    else
      this.host.dispatchEvent(new CustomEvent(type, {bubbles: true, composed: true, detail: {...detail, ...settler}}));
    open = false;
    if (!handed) {
      console.warn(`${this.host.localName}: no listener called waitUntil() or respondWith() on ${type}.`);
      this.host.requestUpdate();
      return {status: 'unhandled'};
    }
    this.pending = true;
    this.host.requestUpdate();
    try {
      const value = (await handed) as T;
      return {status: 'done', value};
    } catch (reason) {
      this.error = toSereinError(reason);
      return {status: 'failed', error: this.error};
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }
}
