import type {SereinWaitUntil} from './action.js';

/** Why the customer is asked to change the password (`reason` of `<serein-password-change>`). */
export type SereinPasswordChangeReason = 'user' | 'routine' | 'suspicious-activity' | 'breach' | 'compliance';

/**
 * What the host knows about the event behind `suspicious-activity` or `breach` (the
 * `signal-details` attribute, as JSON, or the `signalDetails` property). Shown beside "we will
 * never ask for your password", so that the request is recognisably about something real. Every
 * field is optional and shown as plain text.
 */
export interface SereinSignalDetails {
  /** When it happened: an ISO 8601 date and time, told in the customer's language. */
  when?: string;
  /** The device or browser, as the host names it ("Chrome on Windows"). At most 80 characters. */
  device?: string;
  /** Roughly where ("near Lyon, France"). At most 80 characters. */
  place?: string;
}

/** What `serein-password-change` carries besides `waitUntil`. */
export interface SereinPasswordChangeBody {
  /** Exactly as typed (empty with `no-current`). */
  currentPassword: string;
  /** Exactly as typed: never trimmed, normalised or truncated. */
  newPassword: string;
  /** The "Sign out of other devices" choice (false when not offered). */
  signOutOthers: boolean;
}

/** Detail of `serein-password-change`: the only event that carries the passwords. */
export type SereinPasswordChangeDetail = SereinPasswordChangeBody & SereinWaitUntil;

export interface SereinPasswordChangedDetail {
  signOutOthers: boolean;
}

export interface SereinPasswordDeferDetail {
  /** The `deadline` attribute when it is a valid date, else null. */
  deadline: string | null;
}

export interface SereinFeedbackDetail {
  component: string;
  /** 1 (very hard) to 5 (very easy). */
  score: number;
}

interface SereinPasswordChangeEvents {
  'serein-password-change': CustomEvent<SereinPasswordChangeDetail>;
  'serein-password-changed': CustomEvent<SereinPasswordChangedDetail>;
  'serein-password-defer': CustomEvent<SereinPasswordDeferDetail>;
  'serein-feedback': CustomEvent<SereinFeedbackDetail>;
}

// The events bubble and are composed: typed on elements and on the document.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface HTMLElementEventMap extends SereinPasswordChangeEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface DocumentEventMap extends SereinPasswordChangeEvents {}
}
