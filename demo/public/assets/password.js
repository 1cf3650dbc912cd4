// The change-password page: <serein-password-change> with the reason the server chose (for
// example "breach" when the account is flagged), wired to POST /api/password.
import {api, on} from './demo.js';

const slot = /** @type {HTMLElement} */ (document.querySelector('#password-change-slot'));
const me = await api('/api/me').catch(() => undefined);
if (!me) location.assign('/sign-in?next=/account/password');
else {
  // Created once the reason is known, so that its first journey event already carries it.
  const form = document.createElement('serein-password-change');
  form.setAttribute('username', me.email);
  form.setAttribute('customer-name', me.name);
  form.setAttribute('brand', 'Serein demo');
  form.setAttribute('reason', me.passwordChangeReason);
  form.setAttribute('support-href', '/help');
  form.toggleAttribute('sign-out-others', true);
  form.toggleAttribute('ask-feedback', true);
  const success = document.createElement('p');
  success.slot = 'success';
  const back = document.createElement('a');
  back.href = '/account';
  back.textContent = 'Back to your account';
  success.append(back);
  form.append(success);
  on(form, 'serein-password-change', (/** @type {import('./contracts').SereinPasswordChangeDetail} */ detail) => {
    const {currentPassword, newPassword, signOutOthers, waitUntil} = detail;
    waitUntil(api('/api/password', {currentPassword, newPassword, signOutOthers}));
  });
  slot.append(form);
  slot.removeAttribute('aria-busy');
}
