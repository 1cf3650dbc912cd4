// Account recovery with <serein-recovery-wizard>: each step's event goes to the demo API.
// The server answers `identify` the same way whether or not the account exists. For an account
// with two-step verification, its answer to the code asks for the app's code too
// (`{secondFactor: {channels: ['app']}}`, passed on to the wizard as it is), and it refuses the
// new password until that code is right.
import {api, on} from './demo.js';

const wizard = /** @type {HTMLElement} */ (document.querySelector('serein-recovery-wizard'));

/** @typedef {import('./contracts').RecoveryIdentifyDetail} IdentifyDetail */
/** @typedef {import('./contracts').RecoverySendDetail} SendDetail */
/** @typedef {import('./contracts').RecoveryVerifyDetail} VerifyDetail */
/** @typedef {import('./contracts').RecoveryResetDetail} ResetDetail */
/** @typedef {import('./contracts').RecoverySecondFactorDetail} SecondFactorDetail */

on(wizard, 'serein-recovery-identify', (/** @type {IdentifyDetail} */ detail) => {
  detail.respondWith(api('/api/recovery/identify', {identifier: detail.identifier}).then((result) => result.methods));
});
on(wizard, 'serein-recovery-send', (/** @type {SendDetail} */ detail) => {
  detail.waitUntil(api('/api/recovery/send', {method: detail.method.id}));
});
on(wizard, 'serein-recovery-verify', (/** @type {VerifyDetail} */ {method, code, waitUntil}) => {
  waitUntil(api('/api/recovery/verify', {method: method.id, code}));
});
on(wizard, 'serein-recovery-second-factor', (/** @type {SecondFactorDetail} */ {channel, code, waitUntil}) => {
  waitUntil(api('/api/recovery/second-factor', {channel, code}));
});
on(wizard, 'serein-recovery-reset', (/** @type {ResetDetail} */ {newPassword, signOutOthers, waitUntil}) => {
  waitUntil(api('/api/recovery/reset', {newPassword, signOutOthers}));
});
// No automatic sign-in after a reset: the wizard's last step leads to /sign-in (sign-in-href).
