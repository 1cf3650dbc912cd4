// The link from the recovery email: its token (in the URL's fragment, never sent to a server by
// the browser) becomes a short reset grant; then <serein-password-change no-current> sets the
// new password through the same API as the recovery wizard's last step.
import {api, describeError, on, say} from './demo.js';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
// The token works once: take it out of the address bar and the history.
history.replaceState(null, '', location.pathname);
const slot = /** @type {HTMLElement} */ (document.querySelector('#password-change-slot'));

try {
  const {identifier} = await api('/api/recovery/link', {token});
  const form = document.createElement('serein-password-change');
  form.setAttribute('username', identifier);
  form.setAttribute('brand', 'Serein demo');
  form.setAttribute('support-href', '/help');
  form.toggleAttribute('no-current', true);
  form.toggleAttribute('sign-out-others', true);
  const success = document.createElement('p');
  success.slot = 'success';
  const signIn = document.createElement('a');
  signIn.href = '/sign-in';
  signIn.textContent = 'Sign in with your new password';
  success.append(signIn);
  form.append(success);
  on(form, 'serein-password-change', (/** @type {import('./contracts').SereinPasswordChangeDetail} */ detail) => {
    const {newPassword, signOutOthers, waitUntil} = detail;
    waitUntil(api('/api/recovery/reset', {newPassword, signOutOthers}));
  });
  slot.append(form);
} catch (error) {
  const heading = document.createElement('h2');
  heading.textContent = 'This link no longer works';
  const again = document.createElement('a');
  again.href = '/recover';
  again.textContent = 'Ask for a new code';
  slot.replaceChildren(heading);
  say('#recover-link-status', describeError(error));
  document.querySelector('#recover-link-status')?.after(again);
} finally {
  slot.removeAttribute('aria-busy');
}
