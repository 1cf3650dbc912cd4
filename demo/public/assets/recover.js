// Account recovery with <serein-recovery-wizard>: each step's event goes to the demo API.
// The server answers `identify` the same way whether or not the account exists.
import {api, link, on} from './demo.js';

const wizard = /** @type {HTMLElement} */ (document.querySelector('serein-recovery-wizard'));

/** The wizard hands back the method it was given; accept its id as well. */
const methodId = (/** @type {string | {id: string}} */ method) => (typeof method === 'string' ? method : method.id);

/** @typedef {import('./contracts').RecoveryIdentifyDetail} IdentifyDetail */
/** @typedef {import('./contracts').RecoverySendDetail} SendDetail */
/** @typedef {import('./contracts').RecoveryVerifyDetail} VerifyDetail */
/** @typedef {import('./contracts').RecoveryResetDetail} ResetDetail */

on(wizard, 'serein-recovery-identify', (/** @type {IdentifyDetail} */ detail) => {
  detail.respondWith(api('/api/recovery/identify', {identifier: detail.identifier}).then((result) => result.methods));
});
on(wizard, 'serein-recovery-send', (/** @type {SendDetail} */ detail) => {
  detail.waitUntil(api('/api/recovery/send', {method: methodId(detail.method)}));
});
on(wizard, 'serein-recovery-verify', (/** @type {VerifyDetail} */ {method, code, waitUntil}) => {
  waitUntil(api('/api/recovery/verify', {method: methodId(method), code}));
});
on(wizard, 'serein-recovery-reset', (/** @type {ResetDetail} */ {newPassword, signOutOthers, waitUntil}) => {
  waitUntil(api('/api/recovery/reset', {newPassword, signOutOthers}));
});
wizard.addEventListener('serein-recovery-complete', () => {
  // No automatic sign-in after a reset: the customer signs in with the new password.
  document.querySelector('#recover-status')?.replaceChildren(link('/sign-in', 'Sign in with your new password'));
});
