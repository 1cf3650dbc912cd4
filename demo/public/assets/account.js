// The account page: password state, the demo "breach" flag, two-step verification, passkeys
// (<serein-passkey-button mode="register">) and signing out.
import {api, describeError, on, say} from './demo.js';

const METHODS = /** @type {Record<string, string>} */ ({
  password: 'with your password',
  'password+app': 'with your password and authenticator app',
  'password+sms': 'with your password and a text message',
  passkey: 'with a passkey',
});
const dates = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const breach = /** @type {HTMLInputElement} */ (document.querySelector('#breach'));

async function refresh() {
  const me = await api('/api/me');
  setText('#account-email', me.email);
  setText('#account-method', `signed in ${METHODS[me.signedInWith] ?? me.signedInWith}`);
  setText('#password-changed', `Last changed ${dates.format(me.passwordChangedAt)}.`);
  breach.checked = me.breach;
  setText(
    '#two-step-state',
    me.twoStep
      ? 'On: signing in asks for a code from your authenticator app.'
      : 'Off: your password alone signs you in.',
  );
  /** @type {HTMLElement} */ (document.querySelector('#two-step-off')).hidden = !me.twoStep;
  /** @type {HTMLElement} */ (document.querySelector('#two-step-set-up')).textContent = me.twoStep
    ? 'Set up another authenticator app'
    : 'Set up an authenticator app';
  const list = /** @type {HTMLElement} */ (document.querySelector('#passkeys'));
  list.replaceChildren(
    ...me.passkeys.map(
      (
        /** @type {{id: string, createdAt: number, lastUsedAt: number | null}} */ passkey,
        /** @type {number} */ index,
      ) => {
        const item = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = `Passkey ${index + 1}, added ${dates.format(passkey.createdAt)}${
          passkey.lastUsedAt ? `, last used ${dates.format(passkey.lastUsedAt)}` : ', not used yet'
        }`;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove passkey ${index + 1}`);
        remove.addEventListener('click', async () => {
          try {
            await api('/api/passkeys/remove', {id: passkey.id});
            say('#passkeys-status', `Passkey ${index + 1} removed.`);
            await refresh();
          } catch (error) {
            say('#passkeys-status', describeError(error));
          }
        });
        item.append(label, ' ', remove);
        return item;
      },
    ),
  );
  if (me.passkeys.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'No passkey yet.';
    list.append(item);
  }
}

/**
 * @param {string} selector
 * @param {string} value
 */
function setText(selector, value) {
  const element = document.querySelector(selector);
  if (element) element.textContent = value;
}

breach.addEventListener('change', async () => {
  try {
    await api('/api/account/breach', {breached: breach.checked});
  } catch (error) {
    breach.checked = !breach.checked;
    say('#passkeys-status', describeError(error));
  }
});

document.querySelector('#two-step-off')?.addEventListener('click', async () => {
  await api('/api/totp/disable', {});
  await refresh();
});

document.querySelector('#sign-out')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await api('/api/sign-out', {});
  location.assign(result.next);
});

// The passkey button's contract (registration).
on(document, 'serein-passkey-options', (/** @type {import('./contracts').PasskeyOptionsDetail} */ detail) => {
  if (detail.mode !== 'register') return;
  detail.respondWith(api('/api/passkeys/registration/options', {}));
});
on(document, 'serein-passkey-verify', (/** @type {import('./contracts').PasskeyVerifyDetail} */ detail) => {
  if (detail.mode !== 'register') return;
  detail.waitUntil(api('/api/passkeys/registration/verify', {response: detail.response}));
});
document.addEventListener('serein-passkey-success', () => {
  say('#passkeys-status', 'Passkey added.');
  void refresh();
});

refresh().catch(() => location.assign('/sign-in?next=/account'));
