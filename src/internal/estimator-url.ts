// Where the estimate's worker lives: a setting of its own, so that setting it does not load the
// estimator itself (that stays a lazy chunk).

/** @internal The library's own worker file, beside the estimator module. */
export const DEFAULT_WORKER_URL = './estimator-worker.js';
let url: string | URL | null = DEFAULT_WORKER_URL;
let onChange: (() => void) | undefined;

/**
 * Where the estimate's worker file lives, or `null` for no worker (the estimate then runs on the
 * main thread). By default it is found beside the library's own files; an app bundler that does
 * not copy it (Vite, webpack) can hand over its own URL of `serein/estimator-worker.js`, for
 * example with Vite: `import url from 'serein/estimator-worker.js?worker&url'`. A relative URL is
 * resolved against the library's estimator module.
 */
export function setEstimatorWorkerUrl(value: string | URL | null): void {
  url = value;
  onChange?.();
}

/** @internal The current setting. */
export function estimatorWorkerUrl(): string | URL | null {
  return url;
}

/** @internal Called by the estimator, which restarts its worker when the setting changes. */
export function whenEstimatorWorkerUrlChanges(listener: () => void): void {
  onChange = listener;
}
