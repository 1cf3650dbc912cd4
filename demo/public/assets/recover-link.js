// The link from the recovery email: its token (in the URL's fragment, never sent to a server by
// the browser) becomes a short reset grant when the customer clicks "Continue" (opening the page
// spends nothing: a mail scanner that follows links and runs scripts does not use the link up);
// then <serein-password-change no-current> sets the new password through the same API as the
// recovery wizard's last step.
import {api, describeError, link, on, passwordChangeForm, say} from './demo.js';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
// Take the token out of the address bar and the history; it stays in this page until used.
history.replaceState(null, '', location.pathname);
const slot = /** @type {HTMLElement} */ (document.querySelector('#password-change-slot'));
const start = /** @type {HTMLElement} */ (document.querySelector('#recover-link-start'));
const button = /** @type {HTMLButtonElement} */ (document.querySelector('#recover-link-continue'));

/** @param {unknown} error */
function linkFailed(error) {
  const heading = document.createElement('h2');
  heading.textContent = 'This link no longer works';
  slot.replaceChildren(heading);
  say('#recover-link-status', describeError(error));
  document.querySelector('#recover-link-status')?.after(link('/recover', 'Ask for a new code'));
}

async function useLink() {
  button.disabled = true;
  slot.setAttribute('aria-busy', 'true');
  try {
    const {identifier} = await api('/api/recovery/link', {token});
    const form = passwordChangeForm(
      {
        username: identifier,
        brand: 'Serein demo',
        'support-href': '/help',
        'no-current': true,
      },
      link('/sign-in', 'Sign in with your new password'),
    );
    on(form, 'serein-password-change', (/** @type {import('./contracts').SereinPasswordChangeDetail} */ detail) => {
      const {newPassword, waitUntil} = detail;
      waitUntil(api('/api/recovery/reset', {newPassword}));
    });
    // No "sign out everywhere" box: a recovery always does it.
    const notice = document.createElement('p');
    notice.textContent = 'Saving a new password signs you out on every device.';
    slot.replaceChildren(notice, form);
  } catch (error) {
    linkFailed(error);
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

if (token) {
  start.hidden = false;
  button.addEventListener('click', () => void useLink());
} else {
  linkFailed({code: 'code-expired', message: 'This link is incomplete. Ask for a new one.'});
}
