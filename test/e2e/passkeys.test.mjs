// Passkeys against the demo in Chromium with a virtual authenticator (DevTools protocol):
// registration for a signed-in customer and sign-in without a username, verified by
// @simplewebauthn/server. Until <serein-passkey-button> lands, the ceremonies run in the demo's
// pages through @simplewebauthn/browser (the library the button uses) and the pages' API.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  pageApi,
  recordErrors,
  root,
  SEED,
  signInWithForm,
  startDemo,
  visit,
} from './support/demo.mjs';

const BROWSER_LIBRARY = join(root, 'node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js');

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {import('playwright-core').CDPSession} */
let devtools;
let authenticatorId = '';
/** @type {string[]} */
let errors;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
  devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  ({authenticatorId} = await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * Runs a registration or an authentication in the page, as the passkey button will: options from
 * the server, the browser's ceremony, then the server's verification. Resolves with the
 * verification's `{status, body}`.
 * @param {'register' | 'signin'} mode
 */
async function ceremony(mode) {
  await page.addScriptTag({path: BROWSER_LIBRARY});
  return page.evaluate(async (mode) => {
    const call = async (/** @type {string} */ path, /** @type {unknown} */ body) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-serein-demo': '1'},
        body: JSON.stringify(body),
      });
      return {status: response.status, body: await response.json()};
    };
    // @ts-expect-error the UMD build's global
    const {startRegistration, startAuthentication} = window.SimpleWebAuthnBrowser;
    const kind = mode === 'register' ? 'registration' : 'authentication';
    const options = await call(`/api/passkeys/${kind}/options`, {});
    const response =
      mode === 'register'
        ? await startRegistration({optionsJSON: options.body})
        : await startAuthentication({optionsJSON: options.body});
    const verified = await call(`/api/passkeys/${kind}/verify`, {response});
    return {options: options.body, response, verified};
  }, mode);
}

test('a signed-in customer registers a passkey (through the page API until <serein-passkey-button> lands)', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/account');
  await expectAccessible(page);

  const {options, verified} = await ceremony('register');
  assert.equal(options.rp.id, 'localhost');
  assert.equal(options.user.name, SEED.email);
  assert.equal(options.authenticatorSelection.residentKey, 'required');
  assert.equal(verified.status, 200, JSON.stringify(verified.body));

  const {credentials} = await devtools.send('WebAuthn.getCredentials', {authenticatorId});
  assert.equal(credentials.length, 1);
  assert.equal(credentials[0].isResidentCredential, true);
  assert.equal(credentials[0].rpId, 'localhost');

  await visit(page, '/account');
  await page.getByRole('button', {name: 'Remove passkey 1'}).waitFor();
  const {body} = await pageApi(page, '/api/outbox');
  assert.equal(body.messages[0].subject, 'A passkey was added');
});

test('the same passkey cannot be registered twice', async () => {
  // The server lists the existing passkey in excludeCredentials; the authenticator refuses.
  await assert.rejects(ceremony('register'), /previously registered/);
  const {body} = await pageApi(page, '/api/me');
  assert.equal(body.passkeys.length, 1);
});

test('signed out, the passkey signs in without a username (through the page API until <serein-passkey-button> lands)', async () => {
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
  await expectAccessible(page);
  const {options, response, verified} = await ceremony('signin');
  assert.equal(options.rpId, 'localhost');
  assert.equal(options.allowCredentials, undefined, 'usernameless: the authenticator offers its passkeys');
  assert.deepEqual(verified, {status: 200, body: {next: '/account'}});
  await visit(page, '/account');
  await page.getByText('signed in with a passkey').waitFor();

  // A response works once: its challenge is used up.
  const replay = await pageApi(page, '/api/passkeys/authentication/verify', {response});
  assert.deepEqual(replay, {status: 400, body: {code: 'passkey-not-verified'}});
});

test('options for the browser autofill (conditional) are the same usernameless options', async () => {
  const conditional = await pageApi(page, '/api/passkeys/authentication/options', {conditional: true});
  assert.equal(conditional.status, 200);
  assert.equal(conditional.body.rpId, 'localhost');
  assert.equal(conditional.body.allowCredentials, undefined);
  assert.ok(conditional.body.challenge.length >= 22, 'a challenge of at least 16 bytes');
});

test('a passkey removed from the account is an unknown credential', async () => {
  await page.getByRole('button', {name: 'Remove passkey 1'}).click();
  await page.getByText('No passkey yet.').waitFor();
  await expectAccessible(page);
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
  // The authenticator still holds it; the server no longer knows it.
  const {verified} = await ceremony('signin');
  assert.deepEqual(verified, {status: 400, body: {code: 'passkey-unknown-credential'}});
  assert.equal((await pageApi(page, '/api/me')).status, 401);
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
