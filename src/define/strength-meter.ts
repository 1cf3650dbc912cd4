import {SereinStrengthMeter} from '../components/strength-meter/strength-meter.js';

if (!customElements.get('serein-strength-meter')) customElements.define('serein-strength-meter', SereinStrengthMeter);

declare global {
  interface HTMLElementTagNameMap {
    'serein-strength-meter': SereinStrengthMeter;
  }
}

export {SereinStrengthMeter};
