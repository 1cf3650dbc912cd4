export {SereinRecoveryWizard, type SereinRecoveryStep} from './components/recovery-wizard/recovery-wizard.js';
export type {
  SereinRecoveryMethod,
  SereinRecoveryIdentifyBody,
  SereinRecoveryIdentifyDetail,
  SereinRecoverySendBody,
  SereinRecoverySendDetail,
  SereinRecoveryVerifyBody,
  SereinRecoveryVerifyDetail,
  SereinRecoveryResetBody,
  SereinRecoveryResetDetail,
  SereinRecoveryCompleteDetail,
} from './events/recovery-wizard.js';
