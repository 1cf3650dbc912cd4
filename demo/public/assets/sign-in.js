// Sign in with a password, or with a passkey (<serein-passkey-button mode="signin" conditional>:
// from a click, or from the browser's autofill on the email field).
import {api, describeError, on, say} from './demo.js';

const next = new URLSearchParams(location.search).get('next') ?? undefined;
const form = /** @type {HTMLFormElement} */ (document.querySelector('#sign-in'));
const email = /** @type {HTMLInputElement} */ (form.elements.namedItem('email'));
const password = /** @type {HTMLInputElement} */ (form.elements.namedItem('password'));
let busy = false;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy) return;
  if (!email.value.trim() || !password.value) {
    say('#sign-in-status', 'Enter your email and your password.');
    (email.value.trim() ? password : email).focus();
    return;
  }
  busy = true;
  form.setAttribute('aria-busy', 'true');
  say('#sign-in-status', 'Signing in…');
  try {
    const result = await api('/api/session', {email: email.value, password: password.value, next});
    // Fully signed in with the password (no second step to come): the account page may now try
    // the automatic passkey upgrade (the server allows it for a few minutes).
    if (!result.secondFactor) sessionStorage.setItem('serein-demo-signed-in-with-password', '1');
    location.assign(result.next);
  } catch (error) {
    say('#sign-in-status', describeError(error));
    password.focus();
  } finally {
    busy = false;
    form.removeAttribute('aria-busy');
  }
});

// The passkey button's contract: options from the server, then the server checks the answer.
let afterPasskey = '/account';
on(document, 'serein-passkey-options', (/** @type {import('./contracts').PasskeyOptionsDetail} */ detail) => {
  if (detail.mode !== 'signin') return;
  detail.respondWith(api('/api/passkeys/authentication/options', {conditional: detail.conditional === true}));
});
on(document, 'serein-passkey-verify', (/** @type {import('./contracts').PasskeyVerifyDetail} */ detail) => {
  if (detail.mode !== 'signin') return;
  detail.waitUntil(
    api('/api/passkeys/authentication/verify', {response: detail.response, next}).then((result) => {
      afterPasskey = result.next;
    }),
  );
});
document.addEventListener('serein-passkey-success', () => location.assign(afterPasskey));
