import type {ReactiveControllerHost} from 'lit';
import type {SereinComponentName, SereinJourneyAction, SereinJourneyDetail} from '../events/journey.js';
import {recordJourney} from './journey-log.js';

export interface JourneyOptions {
  component: SereinComponentName;
  /** Report `abandoned` when the element leaves the page after `started` and before the end (default true). */
  trackAbandon?: boolean;
  /**
   * Whether the element shows anything (default: always). An element that shows nothing (such
   * as a passkey button in a browser without passkeys) is never `shown`, so it reports nothing.
   */
  shown?: () => boolean;
}

/** Whether any part of `box` is inside the viewport. */
function inViewport(box: DOMRectReadOnly): boolean {
  const width = document.documentElement.clientWidth || innerWidth;
  const height = document.documentElement.clientHeight || innerHeight;
  return box.bottom > 0 && box.right > 0 && box.top < height && box.left < width;
}

/**
 * Emits `serein-journey` (docs/contract.md, "Journey events"): shown → started → submitted →
 * succeeded / failed, and `abandoned` when the customer leaves after starting. `shown` waits until
 * the element is actually on screen (in the viewport, with a box of its own: not `display: none`);
 * nothing is reported before it, so an element that is never seen reports nothing at all. Each
 * event also goes to `observeSereinJourney()`. No event carries a secret or an identifier.
 *
 * Loaded lazily: the element holds the small `JourneyController` of the core, which creates
 * this tracker once the module has arrived and hands it the calls made until then, in order.
 */
export class JourneyTracker {
  private shownAt = 0;
  private attempt = 1;
  private wasShown = false;
  private started = false;
  private finished = false;
  private document: Document | undefined;
  private intersection: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;
  private intersecting = false;
  private hasBox = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: JourneyOptions,
    /** Holds the context a host set, such as a password-change `reason`; sent with every event. */
    private readonly context: {readonly reason?: string},
  ) {}

  private readonly onPageHide = () => this.abandon(this.host);

  hostConnected(): void {
    this.document = this.host.ownerDocument;
    this.wasShown = false;
    this.started = false;
    this.finished = false;
    this.attempt = 1;
    this.intersecting = false;
    this.hasBox = false;
    if (this.options.trackAbandon !== false) window.addEventListener('pagehide', this.onPageHide);
    this.watch();
  }

  hostUpdated(): void {
    // A re-render may make the element show something (the passkey button once supported).
    this.check();
  }

  hostDisconnected(): void {
    this.unwatch();
    window.removeEventListener('pagehide', this.onPageHide);
    // The element is no longer in the tree, so the document hears it directly.
    if (this.document) this.abandon(this.document);
  }

  /** The customer began (first input or first action); reported once per showing. */
  start(): void {
    if (this.started || !this.ensureShown()) return;
    this.started = true;
    this.emit('started');
  }

  step(step: string): void {
    if (this.ensureShown()) this.emit('step', {step});
  }

  submitted(): void {
    this.start();
    if (this.wasShown) this.emit('submitted');
  }

  succeeded(step?: string): void {
    if (!this.ensureShown()) return;
    this.finished = true;
    this.emit('succeeded', step ? {step} : {});
  }

  failed(errorCode: string, step?: string): void {
    if (this.ensureShown()) this.emit('failed', step ? {errorCode, step} : {errorCode});
    this.attempt += 1;
  }

  deferred(): void {
    if (!this.ensureShown()) return;
    this.finished = true;
    this.emit('deferred');
  }

  /** Observes the element's place on screen and its box until it is first shown. */
  private watch(): void {
    if (typeof IntersectionObserver === 'undefined' || typeof ResizeObserver === 'undefined') {
      // Without the observers (very old browsers), the first render counts as shown.
      void this.host.updateComplete.then(() => this.ensureShown());
      return;
    }
    this.intersection = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      this.intersecting = entry.isIntersecting;
      this.hasBox = entry.boundingClientRect.width > 0 && entry.boundingClientRect.height > 0;
      this.check();
    });
    this.resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].borderBoxSize?.[0];
      this.hasBox = box ? box.inlineSize > 0 && box.blockSize > 0 : this.host.getClientRects().length > 0;
      this.check();
    });
    this.intersection.observe(this.host);
    this.resize.observe(this.host);
  }

  private unwatch(): void {
    this.intersection?.disconnect();
    this.resize?.disconnect();
    this.intersection = this.resize = undefined;
  }

  /** Emits `shown` once the observers have seen the element on screen with a box. */
  private check(): void {
    if (this.wasShown || !this.intersecting || !this.hasBox) return;
    this.ensureShown();
  }

  /**
   * Whether `shown` was emitted; emits it now if the element is on screen (the customer acting
   * on it before the observers' first report proves that it is).
   */
  private ensureShown(): boolean {
    if (this.wasShown) return true;
    if (!this.visibleNow()) return false;
    this.wasShown = true;
    this.shownAt = performance.now();
    this.unwatch();
    this.emit('shown');
    return true;
  }

  private visibleNow(): boolean {
    const host = this.host;
    if (!host.isConnected || this.options.shown?.() === false) return false;
    if (typeof host.checkVisibility === 'function' && !host.checkVisibility({visibilityProperty: true})) return false;
    const box = host.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && inViewport(box);
  }

  private abandon(target: EventTarget): void {
    // Only a journey the customer started can be abandoned; an element seen and left alone is not.
    if (!this.started || this.finished || this.options.trackAbandon === false) return;
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
    const detail: SereinJourneyDetail = Object.freeze({
      component: this.options.component,
      action,
      ...(this.context.reason ? {reason: this.context.reason} : {}),
      ...extra,
      elapsedMs: Math.round(performance.now() - this.shownAt),
      attempt: this.attempt,
    });
    target.dispatchEvent(new CustomEvent('serein-journey', {bubbles: true, composed: true, detail}));
    recordJourney(detail);
  }
}
