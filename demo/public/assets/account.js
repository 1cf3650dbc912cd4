// The account page: password state, the demo "breach" flag, two-step verification, passkeys
// (<serein-passkey-button mode="register">) and signing out. Adding or removing a passkey and
// turning two-step verification off need a recent proof of who you are: when the server asks for
// one, the page goes to /account/confirm and, once confirmed, comes back and carries on.
import {api, confirmItsYou, describeError, needsConfirmation, on, say} from './demo.js';

const METHODS = /** @type {Record<string, string>} */ ({
  password: 'with your password',
  'password+app': 'with your password and authenticator app',
  'password+sms': 'with your password and a text message',
  passkey: 'with a passkey',
  // A passkey without user verification (no PIN, fingerprint or face) stands for the password only.
  'passkey-unverified': 'with a passkey, without a PIN, fingerprint or face',
  'passkey-unverified+app': 'with a passkey and authenticator app',
  'passkey-unverified+sms': 'with a passkey and a text message',
});
const dates = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const breach = /** @type {HTMLInputElement} */ (document.querySelector('#breach'));
/** The library, which the page loaded already. */
const BUNDLE = '/dist/bundle/serein.js';

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
        remove.addEventListener('click', () => removePasskey(passkey.id, index + 1));
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
  void signalPasskeys(me);
  return me;
}

/** Set by the sign-in pages once the whole sign-in with a password is done (second step included). */
const SIGNED_IN_KEY = 'serein-demo-signed-in-with-password';

/**
 * Just after a full sign-in with a password, the automatic passkey upgrade:
 * <serein-passkey-button mode="register" conditional> creates a passkey without a dialog where
 * the browser can (the server accepts it for a few minutes after signing in, without user
 * presence), and shows the visible offer elsewhere. Once per sign-in.
 * @param {{signedInWith: string}} me
 */
function offerUpgrade(me) {
  const fresh = sessionStorage.getItem(SIGNED_IN_KEY) !== null;
  sessionStorage.removeItem(SIGNED_IN_KEY);
  if (!fresh || !me.signedInWith.startsWith('password')) return;
  const upgrade = document.createElement('serein-passkey-button');
  upgrade.setAttribute('mode', 'register');
  upgrade.setAttribute('conditional', '');
  document.querySelector('#passkey-upgrade')?.append(upgrade);
}

/**
 * Keeps the browser's passkey list true (WebAuthn signal API, where the browser has it): the
 * passkeys the server accepts for this account, after each listing (so also after a removal),
 * and the account's current names (the demo has no name or email change, so they are sent with
 * each listing). Their results are never shown.
 * @param {{email: string, name: string, webauthnUserId: string, passkeys: {id: string}[]}} me
 */
async function signalPasskeys(me) {
  const {signalAcceptedPasskeys, signalPasskeyUserDetails} = /** @type {import('./contracts').PasskeySignalsApi} */ (
    await import(BUNDLE)
  );
  const userId = me.webauthnUserId;
  await signalAcceptedPasskeys({userId, credentialIds: me.passkeys.map(({id}) => id)});
  await signalPasskeyUserDetails({userId, name: me.email, displayName: me.name});
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

/** The change the customer asked for before confirming it's them, kept for this tab only. */
const PENDING_KEY = 'serein-demo-pending-change';

/** @typedef {{kind: 'remove-passkey', id: string, number: number} | {kind: 'two-step-off'} | {kind: 'add-passkey'}} Change */

/**
 * Calls the API for a sensitive change. When the server wants a recent proof of who you are,
 * remembers the change and goes to the confirmation page (the returned promise then never
 * settles: the page is leaving).
 * @param {Change} change
 * @param {string} path
 * @param {unknown} body
 */
async function sensitive(change, path, body) {
  try {
    return await api(path, body);
  } catch (error) {
    if (!needsConfirmation(error)) throw error;
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({change, at: Date.now()}));
    confirmItsYou('/account');
    return new Promise(() => {});
  }
}

/**
 * @param {string} id
 * @param {number} number its place in the list, for the message
 */
async function removePasskey(id, number) {
  try {
    await sensitive({kind: 'remove-passkey', id, number}, '/api/passkeys/remove', {id});
    say('#passkeys-status', `Passkey ${number} removed.`);
    await refresh();
  } catch (error) {
    say('#passkeys-status', describeError(error));
  }
}

async function turnOffTwoStep() {
  try {
    await sensitive({kind: 'two-step-off'}, '/api/totp/disable', {});
    say('#two-step-status', 'Two-step verification is off.');
    await refresh();
  } catch (error) {
    say('#two-step-status', describeError(error));
  }
}

/**
 * Back from the confirmation page: carries on with the change the customer asked for, if they
 * did confirm (coming back without confirming drops it, so the page never loops).
 */
async function resumeChange() {
  const saved = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!saved) return;
  /** @type {{change: Change, at: number}} */
  const {change, at} = JSON.parse(saved);
  if (Date.now() - at > 15 * 60_000 || !(await api('/api/reauth')).recent) return;
  if (change.kind === 'remove-passkey') await removePasskey(change.id, change.number);
  else if (change.kind === 'two-step-off') await turnOffTwoStep();
  else {
    // Creating a passkey opens the device's dialog, which needs the customer's own click.
    say('#passkeys-status', 'Thank you for confirming. You can create your passkey now.');
    document.querySelector('.card serein-passkey-button')?.scrollIntoView({block: 'center'});
  }
}

document.querySelector('#two-step-off')?.addEventListener('click', turnOffTwoStep);

document.querySelector('#sign-out')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await api('/api/sign-out', {});
  location.assign(result.next);
});

// The passkey button's contract (registration).
// An automatic upgrade (`conditional`) never leaves the page: it is silent when refused. Nor do
// options asked ahead of a click (`prefetch`, when the pointer or focus reaches the button): if
// the server wants a confirmation first, the click itself asks again and goes to confirm.
on(document, 'serein-passkey-options', (/** @type {import('./contracts').PasskeyOptionsDetail} */ detail) => {
  if (detail.mode !== 'register') return;
  const body = {conditional: detail.conditional === true};
  const path = '/api/passkeys/registration/options';
  const quiet = detail.conditional || detail.prefetch;
  detail.respondWith(quiet ? api(path, body) : sensitive({kind: 'add-passkey'}, path, body));
});
on(document, 'serein-passkey-verify', (/** @type {import('./contracts').PasskeyVerifyDetail} */ detail) => {
  if (detail.mode !== 'register') return;
  const body = {response: detail.response};
  const path = '/api/passkeys/registration/verify';
  detail.waitUntil(detail.conditional ? api(path, body) : sensitive({kind: 'add-passkey'}, path, body));
});
document.addEventListener('serein-passkey-success', () => {
  say('#passkeys-status', 'Passkey added.');
  void refresh();
});

refresh()
  .then(
    (me) => {
      offerUpgrade(me);
      return resumeChange();
    },
    () => location.assign('/sign-in?next=/account'),
  )
  .catch((error) => say('#passkeys-status', describeError(error)));
