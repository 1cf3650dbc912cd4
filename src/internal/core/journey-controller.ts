import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {JourneyOptions, JourneyTracker} from '../journey-tracker.js';
import {lazy} from './lazy.js';

export type {JourneyOptions};

// The tracker (visibility observers, abandonment, the events themselves) is lazy, started when
// the first element module is evaluated, like the views (CONTRIBUTING.md, "The loading rule").
const tracker = lazy(() => import('../journey-tracker.js'), {now: true});

type Call = (tracker: JourneyTracker) => void;

/**
 * The element's journey (docs/contract.md, "Journey events"): shown → started → submitted →
 * succeeded / failed, `abandoned` after a start. This small stand-in is what the element holds;
 * the work is done by the lazily loaded `JourneyTracker`. Calls made before the tracker has
 * arrived (lifecycle included) are kept and handed to it in the same order once it has; from
 * then on every call goes straight through.
 */
export class JourneyController implements ReactiveController {
  /** Context a host set, such as a password-change `reason`; sent with every event. */
  reason: string | undefined;
  private tracker: JourneyTracker | undefined;
  /** Calls waiting for the tracker module, in order (undefined when none wait). */
  private queue: Call[] | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: JourneyOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.call((journey) => journey.hostConnected());
  }

  hostUpdated(): void {
    // Before the tracker arrives there is nothing to check: it observes the element on arrival.
    if (!this.queue) this.tracker?.hostUpdated();
  }

  hostDisconnected(): void {
    this.call((journey) => journey.hostDisconnected());
  }

  /** The customer began (first input or first action); reported once per showing. */
  start(): void {
    this.call((journey) => journey.start());
  }

  step(step: string): void {
    this.call((journey) => journey.step(step));
  }

  submitted(): void {
    this.call((journey) => journey.submitted());
  }

  succeeded(step?: string): void {
    this.call((journey) => journey.succeeded(step));
  }

  failed(errorCode: string, step?: string): void {
    this.call((journey) => journey.failed(errorCode, step));
  }

  deferred(): void {
    this.call((journey) => journey.deferred());
  }

  /** Runs `call` on the tracker now if it is there and nothing waits, else after the waiting calls. */
  private call(call: Call): void {
    const module = tracker.value;
    if (module && !this.queue) {
      call((this.tracker ??= new module.JourneyTracker(this.host, this.options, this)));
      return;
    }
    (this.queue ??= []).push(call);
    // A failed import is retried by the next call (lazy() starts it again); the calls stay queued.
    tracker.load().then(
      (loaded) => this.replay(loaded.JourneyTracker),
      () => undefined,
    );
  }

  private replay(Tracker: typeof JourneyTracker): void {
    const queue = this.queue;
    if (!queue) return;
    const journey = (this.tracker ??= new Tracker(this.host, this.options, this));
    // A listener may call again while the queue is replayed: that call joins the end of it.
    for (const call of queue) call(journey);
    this.queue = undefined;
  }
}
