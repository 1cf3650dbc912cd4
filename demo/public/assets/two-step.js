// Authenticator-app enrolment: a new secret as a QR code and as text, confirmed with a code
// typed into <serein-otp-prompt channel="app">. Turning it on or replacing the app needs a recent
// proof of who you are: when the server asks for one, the page goes to /account/confirm, which
// comes back here.
import {api, confirmItsYou, needsConfirmation, on, say} from './demo.js';

const enrolment = await api('/api/totp/enrolment', {}).catch((error) => {
  if (!needsConfirmation(error)) throw error;
  confirmItsYou('/account/two-step');
  // The page is leaving.
  return new Promise(() => {});
});
/** @type {HTMLImageElement} */ (document.querySelector('#totp-qr')).src = enrolment.qr;
// Groups of four characters are easier to copy by hand; apps ignore the spaces.
/** @type {HTMLElement} */ (document.querySelector('#totp-secret')).textContent = enrolment.secret.replace(
  /(.{4})(?=.)/g,
  '$1 ',
);

const prompt = /** @type {HTMLElement} */ (document.querySelector('serein-otp-prompt'));
on(prompt, 'serein-otp-submit', (/** @type {import('./contracts').OtpSubmitDetail} */ detail) => {
  const confirm = api('/api/totp/enrolment/confirm', {code: detail.code});
  detail.waitUntil(confirm);
  confirm
    .then(() => {
      say('#two-step-status', 'Two-step verification is on. Taking you back to your account…');
      setTimeout(() => location.assign('/account'), 1500);
    })
    .catch((error) => {
      if (needsConfirmation(error)) confirmItsYou('/account/two-step');
    });
});
