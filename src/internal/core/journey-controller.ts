import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {SereinComponentName, SereinJourneyAction, SereinJourneyDetail} from '../../events/journey.js';

export interface JourneyOptions {
  component: SereinComponentName;
  /** Report `abandoned` when the element leaves the page before `succeeded` (default true). */
  trackAbandon?: boolean;
  /**
   * Whether the element shows anything once rendered (default: always). An element that shows
   * nothing (such as a passkey button in a browser without passkeys) reports neither `shown`
   * nor `abandoned`.
   */
  shown?: () => boolean;
}

/**
 * Emits `serein-journey` (`SPEC.md` §2.3): shown → started → submitted → succeeded / failed,
 * and `abandoned` when the customer leaves first. It carries no secret and no identifier.
 */
export class JourneyController implements ReactiveController {
  private shownAt = 0;
  private attempt = 1;
  private started = false;
  private finished = false;
  private document: Document | undefined;
  /** Context a host set, such as a password-change `reason`; sent with every event. */
  reason: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: JourneyOptions,
  ) {
    host.addController(this);
  }

  private readonly onPageHide = () => this.abandon(this.host);

  hostConnected(): void {
    this.document = this.host.ownerDocument;
    this.shownAt = performance.now();
    this.started = false;
    this.finished = false;
    this.attempt = 1;
    if (this.options.trackAbandon !== false) window.addEventListener('pagehide', this.onPageHide);
    // Reported once the first render is in the page.
    void this.host.updateComplete.then(() => {
      if (!this.host.isConnected) return;
      if (this.options.shown?.() === false) this.finished = true;
      else this.emit('shown');
    });
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    // The element is no longer in the tree, so the document hears it directly.
    if (this.document) this.abandon(this.document);
  }

  /** The customer began (first input or first action); reported once per showing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.emit('started');
  }

  step(step: string): void {
    this.emit('step', {step});
  }

  submitted(): void {
    this.start();
    this.emit('submitted');
  }

  succeeded(step?: string): void {
    this.finished = true;
    this.emit('succeeded', step ? {step} : {});
  }

  failed(errorCode: string, step?: string): void {
    this.emit('failed', step ? {errorCode, step} : {errorCode});
    this.attempt += 1;
  }

  deferred(): void {
    this.finished = true;
    this.emit('deferred');
  }

  private abandon(target: EventTarget): void {
    if (this.finished || this.options.trackAbandon === false) return;
    this.finished = true;
    this.emit('abandoned', {}, target);
  }

  private emit(
    action: SereinJourneyAction,
    extra: Partial<SereinJourneyDetail> = {},
    target: EventTarget = this.host,
  ): void {
    // An embedded component's steps are reported by the component that embeds it.
    if ((this.host as {sereinEmbedding?: unknown}).sereinEmbedding) return;
    const detail: SereinJourneyDetail = {
      component: this.options.component,
      action,
      ...(this.reason ? {reason: this.reason} : {}),
      ...extra,
      elapsedMs: Math.round(performance.now() - this.shownAt),
      attempt: this.attempt,
    };
    target.dispatchEvent(new CustomEvent('serein-journey', {bubbles: true, composed: true, detail}));
  }
}
