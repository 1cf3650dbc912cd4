import {SereinPasswordChange, passwordChangeView} from '../components/password-change/password-change.js';

if (!customElements.get('serein-password-change')) {
  // The view draws the strength meter: it is registered when the view arrives, not eagerly
  // (CONTRIBUTING.md, "The loading rule").
  passwordChangeView.add(() => import('./strength-meter.js'));
  customElements.define('serein-password-change', SereinPasswordChange);
}

declare global {
  interface HTMLElementTagNameMap {
    'serein-password-change': SereinPasswordChange;
  }
}

export {SereinPasswordChange};
