export {SereinPasswordChange, type SereinPasswordChangeReason} from './components/password-change/password-change.js';
export type {
  SereinPasswordChangeBody,
  SereinPasswordChangeDetail,
  SereinPasswordChangedDetail,
  SereinPasswordDeferDetail,
  SereinFeedbackDetail,
} from './events/password-change.js';
