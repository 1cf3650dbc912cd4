// The event details the demo's pages rely on, from the library itself, for the type check of
// these plain JavaScript modules (`npm run typecheck`).
export type {
  SereinPasswordChangeDetail,
  SereinOtpChannel as OtpChannel,
  SereinOtpSubmitDetail as OtpSubmitDetail,
  SereinOtpResendDetail as OtpResendDetail,
  SereinOtpSwitchDetail as OtpSwitchDetail,
  SereinPasskeyOptionsDetail as PasskeyOptionsDetail,
  SereinPasskeyVerifyDetail as PasskeyVerifyDetail,
  SereinRecoveryMethod as RecoveryMethod,
  SereinRecoveryIdentifyDetail as RecoveryIdentifyDetail,
  SereinRecoverySendDetail as RecoverySendDetail,
  SereinRecoveryVerifyDetail as RecoveryVerifyDetail,
  SereinRecoverySecondFactor as RecoverySecondFactor,
  SereinRecoverySecondFactorDetail as RecoverySecondFactorDetail,
  SereinRecoveryResetDetail as RecoveryResetDetail,
} from '../../../src/index.js';

/** The library's WebAuthn signal functions, as the bundle exports them. */
export interface PasskeySignalsApi {
  signalAcceptedPasskeys: typeof import('../../../src/index.js').signalAcceptedPasskeys;
  signalPasskeyUserDetails: typeof import('../../../src/index.js').signalPasskeyUserDetails;
}

/** The library's buffered journey observer, as the bundle exports it. */
export interface JourneyApi {
  observeSereinJourney: typeof import('../../../src/index.js').observeSereinJourney;
}

/** A failure as the demo API answers it. */
export interface DemoError {
  code?: string;
  retryAfterSeconds?: number;
  attemptsLeft?: number;
  reference?: string;
  message?: string;
}
