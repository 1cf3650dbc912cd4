/// <reference lib="webworker" />
// Runs zxcvbn-ts off the main thread: a long or adversarial password never freezes the page.
// The engine is loaded with the first request, at the same time as that request's word lists,
// so that neither download waits for the other.
import {preloadDictionaries} from './dictionary-packs.js';
import type {EstimateRequest, EstimateResponse} from './estimator.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: Promise<typeof import('./zxcvbn-engine.js')> | undefined;

scope.addEventListener('message', (event: MessageEvent<EstimateRequest>) => {
  const request = event.data;
  preloadDictionaries(request.locale, request.dictionary ?? 'compact');
  engine ??= import('./zxcvbn-engine.js');
  engine.catch(() => (engine = undefined));
  const work = engine.then(({estimate, prepare}) =>
    request.password === undefined
      ? prepare(request.locale, request.dictionary).then(() => undefined)
      : estimate(request.locale, request.password, request.userInputs ?? [], request.dictionary),
  );
  work.then(
    (result) => scope.postMessage({id: request.id, result} satisfies EstimateResponse),
    // Only the error's name: a message could quote the password.
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        error: error instanceof Error ? error.name : 'Error',
      } satisfies EstimateResponse),
  );
});

scope.postMessage({id: 0} satisfies EstimateResponse);
