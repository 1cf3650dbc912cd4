import {SereinRecoveryWizard, recoveryWizardView} from '../components/recovery-wizard/recovery-wizard.js';

if (!customElements.get('serein-recovery-wizard')) {
  // The view draws the code step and the new-password step (these two elements): they are
  // registered when the view arrives, not eagerly (CONTRIBUTING.md, "The loading rule").
  recoveryWizardView.add(() => import('./otp-prompt.js'));
  recoveryWizardView.add(() => import('./password-change.js'));
  customElements.define('serein-recovery-wizard', SereinRecoveryWizard);
}

declare global {
  interface HTMLElementTagNameMap {
    'serein-recovery-wizard': SereinRecoveryWizard;
  }
}

export {SereinRecoveryWizard};
