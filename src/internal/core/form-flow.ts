import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ActionController} from '../action-controller.js';
import type {SereinError} from '../errors.js';
import type {JourneyController} from './journey-controller.js';
import {lazy} from './lazy.js';

/** The action protocol and what follows an answer (outcome routing, error placement, lock-out): loaded with the first action. */
const outcomes = lazy(() => import('../form-outcome.js'));

/**
 * A wait with a live remaining time (a lock-out, a resend cooldown): `left` goes down on each
 * whole second, measured from the clock (a busy page does not stretch it), and `ended` is set
 * when it ran out, so that the component can say so once. `changed` runs on each change.
 */
export class Countdown {
  /** Whole seconds left; 0 when there is no wait. */
  left = 0;
  /** The whole wait, in seconds, as it was started. */
  total = 0;
  /** The wait ran out (until the next start or stop). */
  ended = false;
  private at = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly changed: () => void) {}

  /** Starts a wait of `seconds` from now (0 or less: no wait). */
  start(seconds: number): void {
    this.stop();
    this.left = this.total = Math.max(0, Math.ceil(seconds));
    this.at = Date.now() + this.total * 1000;
    this.resume();
    this.changed();
  }

  /** No wait any more, and nothing to say about it. */
  stop(): void {
    this.pause();
    this.left = 0;
    this.ended = false;
  }

  /** Holds the timer (the element left the page); {@link resume} picks the clock up again. */
  pause(): void {
    clearTimeout(this.timer);
  }

  resume(): void {
    this.pause();
    // The next tick falls on the next whole second left.
    if (this.left > 0) this.timer = setTimeout(() => this.tick(), (this.at - Date.now()) % 1000 || 1000);
  }

  private tick(): void {
    this.left = Math.max(0, Math.ceil((this.at - Date.now()) / 1000));
    this.resume();
    this.ended = !this.left;
    this.changed();
  }
}

export interface FormFlowOptions {
  journey: JourneyController;
  /** The light-DOM container that holds the form and its alert. */
  root: () => HTMLElement;
  /** The id of the form-level alert (a live region that exists before any error). */
  alertId: string;
  /**
   * Where an error belongs: records it on the field it is about and returns that field's input
   * (the error then replaces the form-level message), or returns nothing for the form's alert.
   */
  place?: (error: SereinError) => HTMLElement | null | undefined;
}

export interface FormFlowRun<T> {
  /** The host accepted. */
  done: (value: T) => void | Promise<void>;
  /** The step reported with a failure (multi-step components). */
  step?: string;
}

/**
 * The one form flow of the password form, the code prompt and the recovery wizard: a submit
 * guard (one submission at a time, none while locked out), the action protocol loaded on the
 * first submission, outcome routing (done, failed, native POST when nobody answered and the form
 * has an `action`), the lock-out after `rate-limited` and `too-many-attempts`, the placement of
 * an error (under its field or in the form's alert) with focus on it, and the "Copied" state of
 * the support reference. See CONTRIBUTING.md, "The form flow".
 */
export class FormFlowController implements ReactiveController {
  /** The action protocol, once loaded. */
  actions: ActionController | undefined;
  /** The support reference of the shown error was copied. */
  copied = false;
  /** The lock-out after `rate-limited` / `too-many-attempts`: `retryAfterSeconds`, counted down live. */
  readonly wait: Countdown;
  /** True from a submission until its outcome is shown (covers loading the protocol too). */
  submitting = false;

  constructor(
    /** @internal */ readonly host: ReactiveControllerHost & HTMLElement,
    /** @internal */ readonly options: FormFlowOptions,
  ) {
    this.wait = new Countdown(() => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    this.wait.resume();
  }

  hostDisconnected(): void {
    this.wait.pause();
  }

  /** Locked out until the wait has passed. */
  get retryBlocked(): boolean {
    return this.wait.left > 0;
  }

  /** The host's backend is working. */
  get pending(): boolean {
    return !!this.actions?.pending;
  }

  /** The form-level error shown now. */
  get error(): SereinError | undefined {
    return this.actions?.error;
  }

  /** The submit button is shown as unavailable. */
  get blocked(): boolean {
    return this.pending || this.retryBlocked;
  }

  /** Loads the action protocol (once per element), and what follows an answer. */
  async ensureActions(): Promise<ActionController> {
    return (await outcomes.load()).actionsOf(this);
  }

  /**
   * The submit guard: the browser never submits by itself (the passwords or the code never leave
   * with a native submission), and `work` runs only when no submission is under way, nothing
   * is locked out and `busy` (the component's own reason to wait) is false.
   */
  async guard(event: Event, work: () => Promise<void>, busy = false): Promise<void> {
    event.preventDefault();
    if (this.submitting || this.retryBlocked || this.pending || busy) return;
    this.submitting = true;
    try {
      await work();
    } finally {
      this.submitting = false;
    }
  }

  /** Clears the shown error and the "Copied" state (a new attempt starts). */
  reset(): void {
    this.copied = false;
    this.actions?.clearError();
    // "You can try again now" was said; a new attempt starts.
    if (!this.retryBlocked) this.wait.stop();
  }

  /** The customer copied the support reference. */
  markCopied(): void {
    this.copied = true;
    this.host.requestUpdate();
  }

  /** Sends `type` and routes its outcome; resolves with the outcome's status. */
  async run<T = unknown, B extends object = object>(
    type: string,
    body: B,
    handlers: FormFlowRun<T>,
  ): Promise<'done' | 'failed' | 'unhandled' | 'busy'> {
    this.copied = false;
    this.options.journey.submitted();
    return (await outcomes.load()).run<T, B>(this, type, body, handlers);
  }

  /**
   * Shows `error` where it belongs, locks the submit when it says to wait, and moves focus to it.
   * Only after an action: the action protocol is loaded, and with it this part of the flow.
   */
  fail(error: SereinError): Promise<void> {
    return outcomes.value!.fail(this, error);
  }
}
