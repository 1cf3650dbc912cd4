export {SereinPasswordChange} from './components/password-change/password-change.js';
export type {
  SereinPasswordChangeReason,
  SereinPasswordChangeBody,
  SereinPasswordChangeDetail,
  SereinPasswordChangedDetail,
  SereinPasswordDeferDetail,
  SereinFeedbackDetail,
  SereinSignalDetails,
} from './events/password-change.js';
