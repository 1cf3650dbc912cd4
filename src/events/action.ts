import type {SereinError} from '../internal/errors.js';

/**
 * Added to the detail of every event that asks the host's backend to act (`docs/contract.md`, "Events and waitUntil/respondWith").
 * Call `waitUntil` during the dispatch with the promise of your backend call: the component
 * stays busy until it settles. Reject with a `SereinError`-shaped value to show a calm message.
 */
export interface SereinWaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Like {@link SereinWaitUntil} where the component needs a value back from the host.
 */
export interface SereinRespondWith<T> {
  respondWith(promise: Promise<T> | T): void;
}

export type {SereinError};
