import {SereinRecoveryWizard} from '../components/recovery-wizard/recovery-wizard.js';
// The code and new-password steps are these two elements, so they are registered too.
import './otp-prompt.js';
import './password-change.js';

if (!customElements.get('serein-recovery-wizard'))
  customElements.define('serein-recovery-wizard', SereinRecoveryWizard);

declare global {
  interface HTMLElementTagNameMap {
    'serein-recovery-wizard': SereinRecoveryWizard;
  }
}

export {SereinRecoveryWizard};
