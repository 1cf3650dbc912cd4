export {SereinPasskeyButton} from './components/passkey-button/passkey-button.js';
export {unlockMethod, type SereinUnlockMethod} from './components/passkey-button/unlock-method.js';
export {
  signalAcceptedPasskeys,
  signalPasskeyUserDetails,
  type SereinAcceptedPasskeys,
  type SereinPasskeyUserDetails,
} from './components/passkey-button/passkey-button.signals.js';
export type {
  SereinPasskeyMode,
  SereinPasskeyOptionsJSON,
  SereinPasskeyResponseJSON,
  SereinPasskeyOptionsDetail,
  SereinPasskeyVerifyDetail,
  SereinPasskeySuccessDetail,
  SereinPasskeyErrorDetail,
  SereinPasskeyModeDetail,
} from './events/passkey.js';
