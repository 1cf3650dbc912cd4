/** The components that report their journey. */
export type SereinComponentName =
  'strength-meter' | 'password-change' | 'otp-prompt' | 'passkey-button' | 'recovery-wizard';

/** What happened in a journey (`SPEC.md` §2.3). */
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

declare global {
  interface HTMLElementEventMap {
    'serein-journey': SereinJourneyEvent;
  }
  interface DocumentEventMap {
    'serein-journey': SereinJourneyEvent;
  }
}
