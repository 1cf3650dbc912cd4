import {SereinPasskeyButton} from '../components/passkey-button/passkey-button.js';

if (!customElements.get('serein-passkey-button')) customElements.define('serein-passkey-button', SereinPasskeyButton);

declare global {
  interface HTMLElementTagNameMap {
    'serein-passkey-button': SereinPasskeyButton;
  }
}

export {SereinPasskeyButton};
