// Registers every Serein element.
export * from './define/strength-meter.js';
export * from './define/password-change.js';
export * from './define/passkey-button.js';
