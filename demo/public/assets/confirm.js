// "Confirm it's you" before a sensitive change: the password in a plain form, a passkey with
// user verification (<serein-passkey-button mode="signin">) or a code from the authenticator
// app (<serein-otp-prompt channel="app">). Any one of them; then back to the page that asked
// (`?next=`, a path of this site).
import {api, describeError, on, returnPath, say} from './demo.js';

const next = returnPath(new URLSearchParams(location.search).get('next'));
const done = () => location.assign(next);

const state = await api('/api/reauth').catch(() => undefined);
if (!state) location.assign(`/sign-in?next=${encodeURIComponent('/account')}`);
else {
  /** @type {HTMLElement} */ (document.querySelector('#confirm-minutes')).textContent = String(state.minutes);
  /** @type {HTMLInputElement} */ (document.querySelector('#confirm-username')).value = state.email;
  /** @type {HTMLElement} */ (document.querySelector('#confirm-passkey')).hidden = !state.methods.includes('passkey');
  /** @type {HTMLElement} */ (document.querySelector('#confirm-app')).hidden = !state.methods.includes('app');
}

const form = /** @type {HTMLFormElement} */ (document.querySelector('#confirm-password'));
const password = /** @type {HTMLInputElement} */ (form.elements.namedItem('password'));
let busy = false;
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy) return;
  if (!password.value) {
    say('#confirm-password-status', 'Enter your password.');
    password.focus();
    return;
  }
  busy = true;
  form.setAttribute('aria-busy', 'true');
  say('#confirm-password-status', 'Checking…');
  try {
    await api('/api/reauth/password', {password: password.value});
    say('#confirm-password-status', 'Thank you. Taking you back…');
    done();
  } catch (error) {
    const code = /** @type {import('./contracts').DemoError} */ (error)?.code;
    say(
      '#confirm-password-status',
      code === 'current-password-incorrect' ? 'This is not your current password.' : describeError(error),
    );
    password.select();
  } finally {
    busy = false;
    form.removeAttribute('aria-busy');
  }
});

// A passkey of this account, with user verification.
on(document, 'serein-passkey-options', (/** @type {import('./contracts').PasskeyOptionsDetail} */ detail) => {
  detail.respondWith(api('/api/reauth/passkey/options', {}));
});
on(document, 'serein-passkey-verify', (/** @type {import('./contracts').PasskeyVerifyDetail} */ detail) => {
  detail.waitUntil(api('/api/reauth/passkey/verify', {response: detail.response}));
});
document.addEventListener('serein-passkey-success', done);

// A code from the authenticator app.
const prompt = /** @type {HTMLElement} */ (document.querySelector('serein-otp-prompt'));
on(prompt, 'serein-otp-submit', (/** @type {import('./contracts').OtpSubmitDetail} */ detail) => {
  const check = api('/api/reauth/code', {code: detail.code});
  detail.waitUntil(check);
  check.then(done).catch(() => {});
});
