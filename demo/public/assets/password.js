// The change-password page: <serein-password-change> with the reason the server chose (for
// example "breach" when the account is flagged), wired to POST /api/password. After the change,
// an account without a passkey is offered one in the form's success slot: the change has just
// proved who the customer is, so the server lets this session register it at once.
import {api, describeError, link, on, passwordChangeForm, say} from './demo.js';

const slot = /** @type {HTMLElement} */ (document.querySelector('#password-change-slot'));
const me = await api('/api/me').catch(() => undefined);
if (!me) location.assign('/sign-in?next=/account/password');
else {
  // Created once the reason is known, so that its first journey event already carries it.
  const form = passwordChangeForm(
    {
      username: me.email,
      'customer-name': me.name,
      brand: 'Serein demo',
      reason: me.passwordChangeReason,
      'support-href': '/help',
      'sign-out-others': true,
      'ask-feedback': true,
    },
    link('/account', 'Back to your account'),
  );
  on(form, 'serein-password-change', (/** @type {import('./contracts').SereinPasswordChangeDetail} */ detail) => {
    const {currentPassword, newPassword, signOutOthers, waitUntil} = detail;
    waitUntil(api('/api/password', {currentPassword, newPassword, signOutOthers}));
  });
  if (me.passkeys.length === 0) offerPasskey(form);
  slot.append(form);
  slot.removeAttribute('aria-busy');
}

/**
 * "Sign in faster next time": a register button placed in the success slot, before the link back.
 * @param {HTMLElement} form
 */
function offerPasskey(form) {
  const offer = document.createElement('div');
  offer.slot = 'success';
  offer.className = 'passkey-offer';
  const text = document.createElement('p');
  text.textContent = 'Next time, sign in with your fingerprint, face or screen lock instead of a password.';
  const button = document.createElement('serein-passkey-button');
  button.setAttribute('mode', 'register');
  const status = document.createElement('p');
  status.id = 'passkey-offer-status';
  status.className = 'status';
  status.setAttribute('role', 'status');
  offer.append(text, button, status);
  form.querySelector('[slot="success"]')?.before(offer);
  on(button, 'serein-passkey-options', (/** @type {import('./contracts').PasskeyOptionsDetail} */ detail) => {
    detail.respondWith(api('/api/passkeys/registration/options', {conditional: false}));
  });
  on(button, 'serein-passkey-verify', (/** @type {import('./contracts').PasskeyVerifyDetail} */ detail) => {
    const check = api('/api/passkeys/registration/verify', {response: detail.response});
    detail.waitUntil(check);
    check.catch((error) => say('#passkey-offer-status', describeError(error)));
  });
  button.addEventListener('serein-passkey-success', () => say('#passkey-offer-status', 'Passkey added.'));
}
