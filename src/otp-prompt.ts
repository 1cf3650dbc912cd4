export {SereinOtpPrompt} from './components/otp-prompt/otp-prompt.js';
export {formatOriginBoundSms, type OriginBoundSmsOptions} from './internal/sms-format.js';
export {normalizeCode} from './internal/code-field.js';
export type {
  SereinOtpChannel,
  SereinOtpAlternative,
  SereinOtpSubmitBody,
  SereinOtpSubmitDetail,
  SereinOtpResendBody,
  SereinOtpResendDetail,
  SereinOtpSwitchDetail,
  SereinOtpVerifiedDetail,
} from './events/otp-prompt.js';
