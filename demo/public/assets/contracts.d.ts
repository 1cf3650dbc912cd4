// The event details the demo's pages rely on (SPEC.md §2–3), for the type check of these plain
// JavaScript modules (`npm run typecheck`). The password change's come from the library itself;
// the others are the contracts of the components still being built.
import type {SereinPasswordChangeDetail, SereinRespondWith, SereinWaitUntil} from '../../../src/index.js';

export type {SereinPasswordChangeDetail};

export type OtpChannel = 'app' | 'sms' | 'email' | 'backup-code';
export interface OtpSubmitDetail extends SereinWaitUntil {
  code: string;
  channel: OtpChannel;
  rememberDevice: boolean;
}
export interface OtpResendDetail extends SereinWaitUntil {
  channel: OtpChannel;
}
export interface OtpSwitchDetail {
  channel: OtpChannel;
}

export interface PasskeyOptionsDetail extends SereinRespondWith<unknown> {
  mode: 'register' | 'signin';
  /** True when the button started passkey autofill (conditional mediation). */
  conditional?: boolean;
}
export interface PasskeyVerifyDetail extends SereinWaitUntil {
  mode: 'register' | 'signin';
  response: unknown;
}

export interface RecoveryMethod {
  id: string;
  channel: OtpChannel;
  destination: string;
}
export interface RecoveryIdentifyDetail extends SereinRespondWith<RecoveryMethod[]> {
  identifier: string;
}
export interface RecoverySendDetail extends SereinWaitUntil {
  method: RecoveryMethod | string;
}
export interface RecoveryVerifyDetail extends SereinWaitUntil {
  method: RecoveryMethod | string;
  code: string;
}
export interface RecoveryResetDetail extends SereinWaitUntil {
  newPassword: string;
  signOutOthers: boolean;
}

/** A failure as the demo API answers it. */
export interface DemoError {
  code?: string;
  retryAfterSeconds?: number;
  attemptsLeft?: number;
  reference?: string;
  message?: string;
}
