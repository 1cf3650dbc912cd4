import type {SereinWaitUntil} from './action.js';

/** Where the code was sent, or where the customer finds it. */
export type SereinOtpChannel = 'app' | 'sms' | 'email' | 'backup-code';

/** Another way to receive a code, offered under "Try another way". */
export interface SereinOtpAlternative {
  channel: SereinOtpChannel;
  /** A masked hint of where the code would go (`•••• 42`, `c•••@example.com`), shown as text. */
  destination?: string;
}

/** What `serein-otp-submit` carries besides `waitUntil`. */
export interface SereinOtpSubmitBody {
  /** The code in canonical form: ASCII digits (or capital letters and digits for a backup code), no separators. */
  code: string;
  channel: SereinOtpChannel;
  /** The "Don't ask again on this device" choice (false when not offered). */
  rememberDevice: boolean;
}

/** Detail of `serein-otp-submit`: the only event that carries the code. */
export type SereinOtpSubmitDetail = SereinOtpSubmitBody & SereinWaitUntil;

/** What `serein-otp-resend` carries besides `waitUntil`. */
export interface SereinOtpResendBody {
  channel: SereinOtpChannel;
}

export type SereinOtpResendDetail = SereinOtpResendBody & SereinWaitUntil;

/** Detail of `serein-otp-switch`: the customer chose another way to get a code. */
export type SereinOtpSwitchDetail = SereinOtpAlternative;

/** Detail of `serein-otp-verified`: the host accepted the code. */
export interface SereinOtpVerifiedDetail {
  channel: SereinOtpChannel;
  rememberDevice: boolean;
}

interface SereinOtpEvents {
  'serein-otp-submit': CustomEvent<SereinOtpSubmitDetail>;
  'serein-otp-resend': CustomEvent<SereinOtpResendDetail>;
  'serein-otp-switch': CustomEvent<SereinOtpSwitchDetail>;
  'serein-otp-verified': CustomEvent<SereinOtpVerifiedDetail>;
}

// The events bubble and are composed: typed on elements and on the document.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface HTMLElementEventMap extends SereinOtpEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface DocumentEventMap extends SereinOtpEvents {}
}
