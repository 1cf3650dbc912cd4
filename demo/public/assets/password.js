// The change-password page: <serein-password-change> with the reason the server chose (for
// example "breach" when the account is flagged), wired to POST /api/password.
import {api, link, on, passwordChangeForm} from './demo.js';

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
  slot.append(form);
  slot.removeAttribute('aria-busy');
}
