// Every class, type and helper; registers nothing (import `serein/define.js` for that).
export * from './strength-meter.js';
export * from './password-change.js';
export * from './otp-prompt.js';
export * from './recovery-wizard.js';
export * from './passkey-button.js';
export * from './journey.js';
export type {SereinWaitUntil, SereinRespondWith} from './events/action.js';
export {SEREIN_ERROR_CODES, toSereinError, type SereinError, type SereinErrorCode} from './internal/errors.js';
export type {SereinStrings} from './internal/core/strings.js';
