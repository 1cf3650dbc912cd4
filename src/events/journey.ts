/** The components that report their journey. */
export type SereinComponentName =
  'strength-meter' | 'password-change' | 'otp-prompt' | 'passkey-button' | 'recovery-wizard';

/**
 * What happened in a journey (docs/contract.md, "Journey events"):
 * - `shown`: the element is first actually visible: in the viewport, with a box of its own (not
 *   `display: none`). Nothing else is reported before it, so an element that is never seen
 *   reports nothing. A late listener catches up with `observeSereinJourney()`.
 * - `started`: the customer's first input or action; `step`, `submitted`, `succeeded`, `failed`,
 *   `deferred` follow.
 * - `abandoned`: the element left the page (removed, or the page hidden for good) after
 *   `started` and before `succeeded` or `deferred`. An element shown and left untouched reports
 *   nothing more: a funnel counts it as "shown, not started", never as an abandonment, so
 *   abandonments never outnumber starts.
 */
export type SereinJourneyAction =
  'shown' | 'started' | 'step' | 'submitted' | 'succeeded' | 'failed' | 'deferred' | 'abandoned';

/**
 * Detail of `serein-journey`: analytics without secrets. It never carries a password, a code,
 * an identifier or a credential.
 */
export interface SereinJourneyDetail {
  component: SereinComponentName;
  action: SereinJourneyAction;
  /** The step of a multi-step component, when there is one. */
  step?: string;
  /** Why the journey was asked for (for example a password change `reason`). */
  reason?: string;
  /** The `SereinError` code of a `failed` action (for the passkey button's own ceremony: the WebAuthn error name, such as `InvalidStateError`). */
  errorCode?: string;
  /** Milliseconds since the component was shown. */
  elapsedMs: number;
  /** The current attempt, starting at 1; it grows by one after each failed submission. */
  attempt: number;
}

export type SereinJourneyEvent = CustomEvent<SereinJourneyDetail>;

/** Options of `observeSereinJourney()`. */
export interface SereinJourneyObserverOptions {
  /**
   * Also deliver the journey events emitted before the call (the page keeps the last 200), as
   * `PerformanceObserver` does with `buffered: true`.
   */
  buffered?: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'serein-journey': SereinJourneyEvent;
  }
  interface DocumentEventMap {
    'serein-journey': SereinJourneyEvent;
  }
}
