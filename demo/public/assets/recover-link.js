// The link from the recovery email: its token (in the URL's fragment, never sent to a server by
// the browser) becomes a short reset grant when the customer clicks "Continue" (opening the page
// spends nothing: a mail scanner that follows links and runs scripts does not use the link up);
// then <serein-password-change no-current> sets the new password through the same API as the
// recovery wizard's last step. For an account with two-step verification, the link stands for the
// email only: <serein-otp-prompt> asks for the app's code first (the server refuses the new
// password without it).
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

/**
 * The app's code, before the new password. Lost app: the prompt's help link leads to support.
 * @param {() => void} next what follows the right code
 */
function askForAppCode(next) {
  const heading = document.createElement('h2');
  heading.textContent = 'Confirm it is you';
  const why = document.createElement('p');
  why.textContent =
    'Your account has two-step verification, so the link alone is not enough. If you cannot use your app, contact support.';
  const prompt = document.createElement('serein-otp-prompt');
  prompt.setAttribute('channel', 'app');
  prompt.setAttribute('support-href', '/help');
  on(prompt, 'serein-otp-submit', (/** @type {import('./contracts').OtpSubmitDetail} */ {code, waitUntil}) => {
    waitUntil(api('/api/recovery/second-factor', {channel: 'app', code}));
  });
  prompt.addEventListener('serein-otp-verified', next);
  slot.replaceChildren(heading, why, prompt);
}

async function useLink() {
  button.disabled = true;
  slot.setAttribute('aria-busy', 'true');
  try {
    const {identifier, secondFactor} = await api('/api/recovery/link', {token});
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
    const showForm = () => slot.replaceChildren(notice, form);
    if (secondFactor) askForAppCode(showForm);
    else showForm();
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
