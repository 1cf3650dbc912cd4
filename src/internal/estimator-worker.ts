/// <reference lib="webworker" />
// Runs zxcvbn-ts off the main thread: a long or adversarial password never freezes the page.
import {estimate, prepare} from './zxcvbn-engine.js';
import type {EstimateRequest, EstimateResponse} from './estimator.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<EstimateRequest>) => {
  const request = event.data;
  const work =
    request.password === undefined
      ? prepare(request.locale, request.dictionary).then(() => undefined)
      : estimate(request.locale, request.password, request.userInputs ?? [], request.dictionary);
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
