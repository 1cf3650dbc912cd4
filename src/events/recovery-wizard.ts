import type {SereinRespondWith, SereinWaitUntil} from './action.js';
import type {SereinOtpChannel} from './otp-prompt.js';

/**
 * The steps of `<serein-recovery-wizard>`; all but `done` are numbered ("Step 2 of 4"), and
 * `second-factor` is there only when the host's answer to `serein-recovery-verify` asks for it.
 */
export type SereinRecoveryStep = 'identify' | 'method' | 'code' | 'second-factor' | 'password' | 'done';

/** A way the host can help the customer back in, as `serein-recovery-identify` answers it. */
export interface SereinRecoveryMethod {
  /** The host's own id for this way (sent back in `serein-recovery-send` and `-verify`). */
  id: string;
  channel: SereinOtpChannel;
  /** A masked hint (`c•••@example.com`, `•••• 42`), shown as text. */
  destination?: string;
}

/** What `serein-recovery-identify` carries besides `respondWith`. */
export interface SereinRecoveryIdentifyBody {
  /** What the customer typed (an email address or a username), trimmed. */
  identifier: string;
}

/**
 * Detail of `serein-recovery-identify`: answer with the ways to get a code. Answer the same way
 * whether or not an account matches (for example with a masked form of what was typed), so that
 * the page never tells who has an account.
 */
export type SereinRecoveryIdentifyDetail = SereinRecoveryIdentifyBody & SereinRespondWith<SereinRecoveryMethod[]>;

export interface SereinRecoverySendBody {
  method: SereinRecoveryMethod;
}

/** Detail of `serein-recovery-send`: send a code (and, by email, a link) with this method. */
export type SereinRecoverySendDetail = SereinRecoverySendBody & SereinWaitUntil;

export interface SereinRecoveryVerifyBody {
  method: SereinRecoveryMethod;
  /** The code in canonical form (ASCII, no separators). */
  code: string;
}

/** Detail of `serein-recovery-verify`: the only event that carries the code. */
export type SereinRecoveryVerifyDetail = SereinRecoveryVerifyBody & SereinWaitUntil;

/** The ways a second step can be confirmed during a recovery. */
export type SereinRecoverySecondFactorChannel = Extract<SereinOtpChannel, 'app' | 'sms' | 'backup-code'>;

/**
 * The account's second step, as the host asks for it in its answer to `serein-recovery-verify`.
 * An empty (or unusable) list of channels still asks for the step: the wizard then says that
 * none of them can be used here and leads to the support path.
 */
export interface SereinRecoverySecondFactor {
  /** The ways the customer can confirm the second step; the first one is offered first. */
  channels: SereinRecoverySecondFactorChannel[];
  /** A masked hint of the phone number for `sms` (`•••• 42`), shown as text. */
  destination?: string;
}

/**
 * What `serein-recovery-verify`'s `waitUntil` promise may resolve with. Without `secondFactor`
 * (or with any other value), the password step follows the code; with it, the second-factor step
 * comes first, and the host refuses `serein-recovery-reset` until that step is confirmed.
 */
export interface SereinRecoveryVerifyResult {
  secondFactor?: SereinRecoverySecondFactor;
}

/** What `serein-recovery-second-factor` carries besides `waitUntil`. */
export interface SereinRecoverySecondFactorBody {
  channel: SereinRecoverySecondFactorChannel;
  /** The code in canonical form (ASCII digits, or capital letters and digits for a backup code). */
  code: string;
}

/** Detail of `serein-recovery-second-factor`: check the second step's code (the only event that carries it). */
export type SereinRecoverySecondFactorDetail = SereinRecoverySecondFactorBody & SereinWaitUntil;

/** What `serein-recovery-second-factor-send` carries besides `waitUntil`. */
export interface SereinRecoverySecondFactorSendBody {
  /** Only `sms` needs sending. */
  channel: 'sms';
}

/** Detail of `serein-recovery-second-factor-send`: send the second step's code by text message. */
export type SereinRecoverySecondFactorSendDetail = SereinRecoverySecondFactorSendBody & SereinWaitUntil;

export interface SereinRecoveryResetBody {
  /** Exactly as typed. */
  newPassword: string;
  /** The "Sign out of other devices" choice. */
  signOutOthers: boolean;
}

/** Detail of `serein-recovery-reset`: the only event that carries the new password. */
export type SereinRecoveryResetDetail = SereinRecoveryResetBody & SereinWaitUntil;

/** Detail of `serein-recovery-complete`: the password was reset (the customer is not signed in). */
export interface SereinRecoveryCompleteDetail {
  signOutOthers: boolean;
}

interface SereinRecoveryEvents {
  'serein-recovery-identify': CustomEvent<SereinRecoveryIdentifyDetail>;
  'serein-recovery-send': CustomEvent<SereinRecoverySendDetail>;
  'serein-recovery-verify': CustomEvent<SereinRecoveryVerifyDetail>;
  'serein-recovery-second-factor': CustomEvent<SereinRecoverySecondFactorDetail>;
  'serein-recovery-second-factor-send': CustomEvent<SereinRecoverySecondFactorSendDetail>;
  'serein-recovery-reset': CustomEvent<SereinRecoveryResetDetail>;
  'serein-recovery-complete': CustomEvent<SereinRecoveryCompleteDetail>;
  'serein-recovery-sign-in': CustomEvent<Record<string, never>>;
}

// The events bubble and are composed: typed on elements and on the document.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface HTMLElementEventMap extends SereinRecoveryEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by extension
  interface DocumentEventMap extends SereinRecoveryEvents {}
}
