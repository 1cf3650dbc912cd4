/// <reference lib="webworker" />
// Runs zxcvbn-ts off the main thread: a long or adversarial password never freezes the page.
// The engine is loaded with the first request, at the same time as that request's word lists,
// so that neither download waits for the other. No static import: this module runs as soon as it
// arrives, and asks for what it needs side by side.
import type {EstimateRequest, EstimateResponse} from './estimator.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The client names the word lists its first request needs (`serein-estimator compact-en`, see
// workerName() in estimator.ts). Built, this file sits in chunks/ beside the compact lists, which
// have fixed names there: ask for them now rather than after the table of lists arrives. The same
// URL is what dictionary-packs.js imports later, so the module is fetched once. Anywhere else
// (a host's bundler moved this file, or the sources run unbuilt) nothing is guessed.
const hinted = /^serein-estimator (compact-(?:[a-z]{2}|pt-BR))$/.exec(scope.name)?.[1];
const here = new URL(import.meta.url);
if (hinted && here.pathname.endsWith('/chunks/estimator-worker.js')) {
  import(/* @vite-ignore */ new URL(`${hinted}.js`, here).href).catch(() => undefined);
}
const packs = import('./dictionary-packs.js');
packs.catch(() => undefined);
let engine: Promise<typeof import('./zxcvbn-engine.js')> | undefined;

scope.addEventListener('message', (event: MessageEvent<EstimateRequest>) => {
  const request = event.data;
  packs.then(
    ({preloadDictionaries}) => preloadDictionaries(request.locale, request.dictionary ?? 'compact'),
    () => undefined,
  );
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
