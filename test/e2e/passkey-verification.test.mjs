// A passkey without user verification (a security key with no PIN, a software authenticator)
// must not stand for two factors: on an account with two-step verification, signing in with it
// still asks for the second step. Chromium's virtual authenticators (DevTools protocol): the
// account's passkey is made with user verification, then the same credential is handed to an
// authenticator that cannot verify the user (WebAuthn.addCredential).
//
// The demo's options ask for user verification, and Chromium then does not even offer such an
// authenticator; an attacker's client simply ignores the request. The tests play that client:
// they rewrite `userVerification` in the options the page receives (and, for sign-in, name the
// credential: an authenticator without user verification does not look up its passkeys by
// itself), so that only the server's own check stands in the way.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {generate} from 'otplib';
import {
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  nextTotp,
  pageApi,
  recordErrors,
  SEED,
  signInWithForm,
  startDemo,
  visit,
} from './support/demo.mjs';
import {addPlatformAuthenticator, AUTHENTICATOR_WITHOUT_USER_VERIFICATION} from '../support/virtual-authenticator.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {import('playwright-core').CDPSession} */
let devtools;
/** @type {string[]} */
let errors;
let authenticatorId = '';
let totpSecret = '';
/** The account's passkey, with its private key, as the authenticator that made it holds it. */
let credential;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
  devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * Replaces the page's virtual authenticator with one made of `options`, holding the account's
 * passkey (or empty).
 * @param {Record<string, unknown>} options
 * @param {{empty?: boolean}} [holding]
 */
async function useAuthenticator(options, {empty = false} = {}) {
  if (authenticatorId) {
    // Its signature counter moves on with each use: the next authenticator carries it on.
    const {credentials} = await devtools.send('WebAuthn.getCredentials', {authenticatorId});
    credential = credentials.find(({credentialId}) => credentialId === credential.credentialId) ?? credential;
    await devtools.send('WebAuthn.removeVirtualAuthenticator', {authenticatorId});
  }
  ({authenticatorId} = await devtools.send('WebAuthn.addVirtualAuthenticator', {options}));
  if (!empty) await devtools.send('WebAuthn.addCredential', {authenticatorId, credential});
}

/**
 * Makes the page's client ignore the server's `userVerification` in the options of `path`
 * (until `stop()`), and name the account's passkey. Keeps the values the server asked for.
 * @param {string} path
 */
async function ignoreUserVerification(path) {
  /** @type {string[]} */
  const requested = [];
  const id = Buffer.from(credential.credentialId, 'base64').toString('base64url');
  /** @param {import('playwright-core').Route} route */
  const rewrite = async (route) => {
    const response = await route.fetch();
    const options = await response.json();
    requested.push(options.userVerification);
    const json = {...options, userVerification: 'discouraged', allowCredentials: [{id, type: 'public-key'}]};
    await route.fulfill({response, json});
  };
  await page.route(`**${path}`, rewrite);
  return {requested, stop: () => page.unroute(`**${path}`, rewrite)};
}

/**
 * Signs out, then signs in with the passkey (from the sign-in page's autofill, as in
 * passkeys.test.mjs, or with `click`, from its button) and waits for the page that follows.
 * @param {string} landing
 * @param {{click?: boolean}} [how]
 */
async function signInWithPasskey(landing, {click = false} = {}) {
  await visit(page, '/account');
  const verified = page.waitForResponse('**/api/passkeys/authentication/verify');
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
  if (click) {
    await page
      .locator('serein-passkey-button')
      .getByRole('button', {name: /passkey/i})
      .click();
  }
  assert.equal((await verified).status(), 200);
  // The page goes where the server's answer says.
  await page.waitForURL(`**${landing}`);
}

test('set-up: two-step verification on, and a passkey made with user verification', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  totpSecret = enrolment.body.secret;
  const confirmed = await pageApi(page, '/api/totp/enrolment/confirm', {code: await generate({secret: totpSecret})});
  assert.deepEqual(confirmed.body, {twoStep: true});

  authenticatorId = await addPlatformAuthenticator(devtools);
  await visit(page, '/account');
  await page
    .locator('serein-passkey-button')
    .getByRole('button', {name: /passkey/i})
    .click();
  await page.locator('#passkeys-status', {hasText: 'Passkey added.'}).waitFor();
  const {credentials} = await devtools.send('WebAuthn.getCredentials', {authenticatorId});
  assert.equal(credentials.length, 1);
  credential = credentials[0];
  assert.ok(credential.privateKey && credential.userHandle, 'the key and the account it belongs to');
});

test('the passkey from an authenticator without user verification stands for the password only: the second step is still asked', async () => {
  await useAuthenticator(AUTHENTICATOR_WITHOUT_USER_VERIFICATION);
  const client = await ignoreUserVerification('/api/passkeys/authentication/options');
  await signInWithPasskey('/two-factor', {click: true});
  await client.stop();
  assert.ok(client.requested.length > 0, 'the page asked for options');
  assert.ok(
    client.requested.every((value) => value === 'required'),
    'the options asked for it',
  );
  await expectAccessible(page);
  const me = await pageApi(page, '/api/me');
  assert.equal(me.status, 401, `no full session: ${JSON.stringify(me.body)}`);
  // The account page is not reachable either.
  await page.goto('/account');
  await page.waitForURL('**/sign-in?next=%2Faccount');
  await page.goto('/two-factor');

  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await nextTotp(totpSecret));
  await prompt.getByRole('button', {name: 'Continue'}).click();
  await page.waitForURL('**/account');
  const full = await pageApi(page, '/api/me');
  assert.equal(full.body.twoStep, true);
  assert.equal(full.body.signedInWith, 'passkey-unverified+app');
  await page.locator('#account-method', {hasText: 'with a passkey and authenticator app'}).waitFor();
});

test('confirming it is you with that passkey is refused: it needs user verification', async () => {
  // The confirmation page's passkey, answered by the authenticator that cannot verify.
  await visit(page, '/account/confirm');
  const client = await ignoreUserVerification('/api/reauth/passkey/options');
  const verified = page.waitForResponse('**/api/reauth/passkey/verify');
  await page
    .locator('serein-passkey-button')
    .getByRole('button', {name: /passkey/i})
    .click();
  const response = await verified;
  await client.stop();
  assert.deepEqual(client.requested, ['required']);
  assert.equal(response.status(), 400);
  assert.equal((await response.json()).code, 'passkey-not-verified');
  await page.locator('serein-passkey-button', {hasText: /could not|try again/i}).waitFor();
  assert.ok(page.url().endsWith('/account/confirm'), 'it stays on the page');
  await expectAccessible(page);
});

test('the same passkey with user verification signs in at once, with no second step', async () => {
  await useAuthenticator({...AUTHENTICATOR_WITHOUT_USER_VERIFICATION, hasUserVerification: true, isUserVerified: true});
  await signInWithPasskey('/account');
  assert.equal((await pageApi(page, '/api/me')).body.signedInWith, 'passkey');
});

test('registration refuses a passkey made without user verification', async () => {
  await useAuthenticator(AUTHENTICATOR_WITHOUT_USER_VERIFICATION, {empty: true});
  // A client that ignores the options' `userVerification: 'required'`, as an attacker's would.
  const result = await registerIgnoringUserVerification(false);
  assert.equal(result.requested, 'required');
  assert.equal(result.userVerified, false, 'the authenticator did not verify');
  assert.deepEqual([result.status, result.body.code], [400, 'passkey-not-verified']);
  assert.equal((await pageApi(page, '/api/me')).body.passkeys.length, 1, 'nothing was added');
});

test('the automatic upgrade just after signing in accepts a passkey without user verification', async () => {
  // Signed in by passkey with verification a moment ago: within the upgrade window.
  const result = await registerIgnoringUserVerification(true);
  assert.equal(result.userVerified, false);
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.equal((await pageApi(page, '/api/me')).body.passkeys.length, 2);
  assert.equal(
    (await pageApi(page, '/api/outbox')).body.messages[0].subject,
    'A passkey was added to your Serein demo account',
  );
});

/**
 * Asks the demo for registration options (`conditional`: those of the automatic upgrade),
 * creates a credential with user verification left out, and sends it to the demo.
 * @param {boolean} conditional
 * @returns {Promise<{requested: string, userVerified: boolean, status: number, body: any}>}
 */
function registerIgnoringUserVerification(conditional) {
  return page.evaluate(async (conditional) => {
    const headers = {'content-type': 'application/json', 'x-serein-demo': '1'};
    const post = (/** @type {string} */ path, /** @type {unknown} */ body) =>
      fetch(path, {method: 'POST', headers, body: JSON.stringify(body)});
    const options = await (await post('/api/passkeys/registration/options', {conditional})).json();
    const requested = options.authenticatorSelection.userVerification;
    options.authenticatorSelection.userVerification = 'discouraged';
    const credential = /** @type {PublicKeyCredential} */ (
      await navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options)})
    );
    const json = credential.toJSON();
    const authenticatorData = new Uint8Array(
      /** @type {AuthenticatorAttestationResponse} */ (credential.response).getAuthenticatorData(),
    );
    const reply = await post('/api/passkeys/registration/verify', {response: json});
    return {
      requested,
      userVerified: (authenticatorData[32] & 0x04) !== 0,
      status: reply.status,
      body: await reply.json(),
    };
  }, conditional);
}

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
