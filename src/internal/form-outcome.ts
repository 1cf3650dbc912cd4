import {ActionController, type SereinActionOutcome} from './action-controller.js';
import type {SereinError} from './errors.js';
import type {FormFlowController, FormFlowRun} from './core/form-flow.js';

// The part of the form flow that follows the host's answer: outcome routing, error placement
// with focus, and the lock-out. Loaded with the action protocol, by the first action of an
// element (see CONTRIBUTING.md, "The form flow").

/** Errors after which trying again at once makes no sense: the submit waits `retryAfterSeconds`. */
const LOCKING = new Set(['rate-limited', 'too-many-attempts']);

/** The action protocol of the flow's element, made once (the `waitUntil` protocol comes with this module). */
export function actionsOf(flow: FormFlowController): ActionController {
  return (flow.actions ??= new ActionController(flow.host));
}

/** Sends `type` and routes its outcome; resolves with the outcome's status. */
export async function run<T, B extends object>(
  flow: FormFlowController,
  type: string,
  body: B,
  handlers: FormFlowRun<T>,
): Promise<SereinActionOutcome<T>['status']> {
  const outcome = await actionsOf(flow).run<T, B>(type, body);
  await route(flow, outcome, handlers);
  return outcome.status;
}

/** Routes an outcome: done → the component's success; failed → journey `failed` and `fail`; nobody answered → a native POST. */
export async function route<T>(
  flow: FormFlowController,
  outcome: SereinActionOutcome<T>,
  handlers: FormFlowRun<T>,
): Promise<void> {
  if (outcome.status === 'done') {
    await handlers.done(outcome.value);
  } else if (outcome.status === 'failed') {
    flow.options.journey.failed(outcome.error.code, handlers.step);
    await fail(flow, outcome.error);
  } else if (outcome.status === 'unhandled') {
    // Server-rendered apps: no listener, so the form posts itself to its `action`, which the views
    // render only when the host's URL is safe (safeUrl()).
    const form = flow.options.root().querySelector('form');
    if (form?.getAttribute('action')) form.submit();
  }
}

/** Shows `error` where it belongs, locks the submit when it says to wait, and moves focus to it. */
export async function fail(flow: FormFlowController, error: SereinError): Promise<void> {
  const field = flow.options.place?.(error);
  // A field error replaces the form-level message.
  if (field) flow.actions?.clearError();
  // After `rate-limited` or `too-many-attempts` with `retryAfterSeconds`, the submit waits that
  // long: the flow's `wait` counts it down each second and the views show one live remaining time.
  if (LOCKING.has(error.code) && error.retryAfterSeconds) flow.wait.start(error.retryAfterSeconds);
  await flow.host.updateComplete;
  (field ?? flow.options.root().querySelector<HTMLElement>(`#${flow.options.alertId}`))?.focus();
}
