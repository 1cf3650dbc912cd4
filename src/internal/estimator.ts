import type {DictionarySet, EstimateResult} from './zxcvbn-engine.js';
import type {SereinLocale} from './locale.js';
import {
  DEFAULT_WORKER_URL,
  estimatorWorkerUrl,
  setEstimatorWorkerUrl,
  whenEstimatorWorkerUrlChanges,
} from './estimator-url.js';

export interface EstimateRequest {
  id: number;
  locale: SereinLocale;
  /** Absent: only load the dictionaries. */
  password?: string;
  userInputs?: readonly string[];
  /** Absent: `compact`. */
  dictionary?: DictionarySet;
}

export interface EstimateResponse {
  id: number;
  result?: EstimateResult;
  error?: string;
}

// Resolved at run time beside this module: the build emits the worker next to this chunk.
// Kept out of a `new Worker(new URL('…'))` literal on purpose, so that a host's bundler does not
// inline it; where the file is missing or a CSP forbids workers, the main-thread path is used.
const HELLO_TIMEOUT_MS = 4000;

interface ScriptUrlPolicy {
  createScriptURL(value: string): string;
}
let policy: ScriptUrlPolicy | null | undefined;

/**
 * The rule of the `serein` Trusted Types policy: only the library's own worker file (beside this
 * module) or the exact URL handed to `setEstimatorWorkerUrl()` becomes a script URL. Anything
 * else (another origin, `data:`, another file with a similar name) is refused with a console
 * warning, and the estimate then runs on the main thread.
 */
export function trustedEstimatorWorkerUrl(value: string): string {
  const own = new URL('./estimator-worker.js', import.meta.url).href;
  const setting = estimatorWorkerUrl();
  const chosen = setting === null ? undefined : new URL(setting, import.meta.url).href;
  if (value === own || value === chosen) return value;
  console.warn(`serein-strength-meter: refused the worker URL ${value}; the estimate runs on the main thread.`);
  throw new TypeError('serein: unexpected script URL');
}

/**
 * Under Trusted Types, a worker's URL must come from a policy: Serein's is named `serein` (hosts
 * that enforce Trusted Types allow `lit-html serein`).
 */
function trustedWorkerUrl(url: URL): string {
  const factory = (globalThis as {trustedTypes?: {createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy}})
    .trustedTypes;
  if (policy === undefined) {
    try {
      policy = factory ? factory.createPolicy('serein', {createScriptURL: trustedEstimatorWorkerUrl}) : null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url.href) : url.href;
}

type Pending = {
  request: EstimateRequest;
  resolve: (value: EstimateResult | undefined) => void;
  reject: (reason: unknown) => void;
};

let worker: Worker | undefined;
let workerReady: Promise<boolean> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

export {setEstimatorWorkerUrl};

// A new setting takes effect from the next estimate.
whenEstimatorWorkerUrlChanges(() => {
  worker?.terminate();
  worker = undefined;
  workerReady = undefined;
});

/** Whether estimates run in a worker (`true`), on the main thread (`false`); starts the worker. */
export function usesWorker(): Promise<boolean> {
  return startWorker();
}

/**
 * The worker's name. With the library's own worker file and the compact set, it also names the
 * word lists the first request will need (`serein-estimator compact-en`), so that the worker asks
 * for them as soon as it starts, one round trip before it could otherwise (a host's bundler that
 * moved the worker gets no such hint: see estimator-worker.ts).
 */
export function workerName(first?: Omit<EstimateRequest, 'id'>): string {
  const hint =
    first && (first.dictionary ?? 'compact') === 'compact' && estimatorWorkerUrl() === DEFAULT_WORKER_URL
      ? ` compact-${first.locale}`
      : '';
  return `serein-estimator${hint}`;
}

function startWorker(first?: Omit<EstimateRequest, 'id'>): Promise<boolean> {
  if (workerReady) return workerReady;
  workerReady = new Promise<boolean>((resolve) => {
    const workerUrl = estimatorWorkerUrl();
    if (workerUrl === null || typeof Worker === 'undefined') return resolve(false);
    let started: Worker;
    try {
      started = new Worker(trustedWorkerUrl(new URL(workerUrl, import.meta.url)), {
        type: 'module',
        name: workerName(first),
      });
    } catch {
      return resolve(false);
    }
    const timer = setTimeout(() => fail(), HELLO_TIMEOUT_MS);
    const fail = () => {
      clearTimeout(timer);
      started.terminate();
      if (worker === started) worker = undefined;
      resolve(false);
      // Anything still waiting on the worker is finished on the main thread.
      for (const [id, entry] of pending) {
        pending.delete(id);
        runOnMainThread(entry.request).then(entry.resolve, entry.reject);
      }
      workerReady = Promise.resolve(false);
    };
    started.addEventListener('error', fail);
    started.addEventListener('messageerror', fail);
    started.addEventListener('message', (event: MessageEvent<EstimateResponse>) => {
      const {id, result, error} = event.data;
      if (id === 0) {
        clearTimeout(timer);
        worker = started;
        resolve(true);
        return;
      }
      const entry = pending.get(id);
      if (!entry) return;
      pending.delete(id);
      if (error) entry.reject(new Error(`The strength estimate failed (${error}).`));
      else entry.resolve(result);
    });
  });
  return workerReady;
}

async function runOnMainThread(request: EstimateRequest): Promise<EstimateResult | undefined> {
  const engine = await import('./zxcvbn-engine.js');
  if (request.password === undefined) {
    await engine.prepare(request.locale, request.dictionary);
    return undefined;
  }
  return engine.estimate(request.locale, request.password, request.userInputs ?? [], request.dictionary);
}

async function send(request: Omit<EstimateRequest, 'id'>): Promise<EstimateResult | undefined> {
  const full: EstimateRequest = {...request, id: nextId++};
  if (!(await startWorker(request)) || !worker) return runOnMainThread(full);
  return new Promise((resolve, reject) => {
    pending.set(full.id, {request: full, resolve, reject});
    worker!.postMessage(full);
  });
}

/** Starts loading the dictionaries of `locale` (on first focus or input, never at import). */
export async function prepareEstimator(locale: SereinLocale, dictionary?: DictionarySet): Promise<void> {
  await send({locale, dictionary});
}

/** Estimates `password` off the main thread where possible. */
export async function estimatePassword(
  locale: SereinLocale,
  password: string,
  userInputs: readonly string[],
  dictionary?: DictionarySet,
): Promise<EstimateResult> {
  const result = await send({locale, password, userInputs, dictionary});
  if (!result) throw new Error('The strength estimate returned nothing.');
  return result;
}
