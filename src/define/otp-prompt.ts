import {SereinOtpPrompt} from '../components/otp-prompt/otp-prompt.js';

if (!customElements.get('serein-otp-prompt')) customElements.define('serein-otp-prompt', SereinOtpPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'serein-otp-prompt': SereinOtpPrompt;
  }
}

export {SereinOtpPrompt};
