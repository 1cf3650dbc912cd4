import {SereinPasswordChange} from '../components/password-change/password-change.js';
// The form shows its strength meter, so that element is registered too.
import './strength-meter.js';

if (!customElements.get('serein-password-change'))
  customElements.define('serein-password-change', SereinPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'serein-password-change': SereinPasswordChange;
  }
}

export {SereinPasswordChange};
