// Registers every Serein element.
export * from './define/strength-meter.js';
export * from './define/password-change.js';
export * from './define/otp-prompt.js';
export * from './define/recovery-wizard.js';
export * from './define/passkey-button.js';
