export {SereinRecoveryWizard} from './components/recovery-wizard/recovery-wizard.js';
export type {
  SereinRecoveryStep,
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
