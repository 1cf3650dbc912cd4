// Passkeys against the demo in Chromium with a virtual authenticator (DevTools protocol):
// <serein-passkey-button> creates a passkey for a signed-in customer, and its passkey autofill
// signs in without a username; @simplewebauthn/server verifies both on the demo's server.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  pageApi,
  recordErrors,
  SEED,
  signInWithForm,
  startDemo,
  visit,
} from './support/demo.mjs';
import {addPlatformAuthenticator} from '../support/virtual-authenticator.mjs';

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
  authenticatorId = await addPlatformAuthenticator(devtools);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The passkey button of the page. */
const passkeyButton = () => page.locator('serein-passkey-button');

test('a signed-in customer creates a passkey with <serein-passkey-button>', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/account');
  await expectAccessible(page);

  await passkeyButton()
    .getByRole('button', {name: /passkey/i})
    .click();
  await page.locator('#passkeys-status', {hasText: 'Passkey added.'}).waitFor();
  await page.getByRole('button', {name: 'Remove passkey 1'}).waitFor();
  await expectAccessible(page);

  const {credentials} = await devtools.send('WebAuthn.getCredentials', {authenticatorId});
  assert.equal(credentials.length, 1);
  assert.equal(credentials[0].isResidentCredential, true);
  assert.equal(credentials[0].rpId, 'localhost');
  const {body} = await pageApi(page, '/api/outbox');
  assert.equal(body.messages[0].subject, 'A passkey was added to your Serein demo account');
});

test('the same device cannot create a second passkey for the account: the button says so calmly', async () => {
  await visit(page, '/account');
  await passkeyButton()
    .getByRole('button', {name: /passkey/i})
    .click();
  await passkeyButton()
    .getByText(/already has a passkey for this account/)
    .waitFor();
  await expectAccessible(page);
  const {body} = await pageApi(page, '/api/me');
  assert.equal(body.passkeys.length, 1);
});

test('signed out, passkey autofill on the sign-in page signs in without a username', async () => {
  const options = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/passkeys/authentication/options')) options.push(request.postDataJSON());
  });
  await page.getByRole('button', {name: 'Sign out'}).click();
  // The sign-in page's button starts passkey autofill on the email field; the virtual
  // authenticator answers it as a customer picking the passkey from the list would.
  await page.waitForURL('**/sign-in');
  await page.waitForURL('**/account');
  assert.deepEqual(options, [{conditional: true}]);
  await page.getByText('signed in with a passkey').waitFor();
  await expectAccessible(page);
});

test('options for the browser autofill (conditional) are the same usernameless options', async () => {
  const conditional = await pageApi(page, '/api/passkeys/authentication/options', {conditional: true});
  assert.equal(conditional.status, 200);
  assert.equal(conditional.body.rpId, 'localhost');
  assert.equal(conditional.body.allowCredentials, undefined);
  assert.ok(conditional.body.challenge.length >= 22, 'a challenge of at least 16 bytes');
});

test('a passkey removed from the account leaves the device too (signal API); one that stayed is no longer accepted, calmly', async () => {
  const held = async () => (await devtools.send('WebAuthn.getCredentials', {authenticatorId})).credentials;
  const [passkey] = await held();
  await page.getByRole('button', {name: 'Remove passkey 1'}).click();
  await page.getByText('No passkey yet.').waitFor();
  await expectAccessible(page);
  // The account page tells the browser which passkeys the server still accepts (none), and
  // Chromium's passkey manager (here the virtual authenticator) drops it.
  const until = Date.now() + 10_000;
  while ((await held()).length > 0 && Date.now() < until) await page.waitForTimeout(100);
  assert.deepEqual(await held(), [], 'the device no longer offers the removed passkey');
  // A device that missed the signal still holds it.
  await devtools.send('WebAuthn.addCredential', {authenticatorId, credential: passkey});
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
  // The authenticator still holds it; the server no longer knows it.
  let asked = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/passkeys/authentication/options')) asked += 1;
  });
  await passkeyButton().getByText('This passkey is no longer linked to an account here.', {exact: false}).waitFor();
  const askedAtMessage = asked;
  // The passkey is offered again in the autofill, but nothing is asked on the customer's behalf.
  await page.waitForTimeout(1500);
  assert.equal(asked, askedAtMessage, 'no request after the message');
  assert.ok(page.url().endsWith('/sign-in'));
  assert.equal((await pageApi(page, '/api/me')).status, 401);
  await expectAccessible(page);
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
