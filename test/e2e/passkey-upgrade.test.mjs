// The automatic passkey upgrade on the demo, in Chromium with a virtual authenticator (DevTools
// protocol): just after a full sign-in with a password (second step included), the account
// page's <serein-passkey-button mode="register" conditional> asks for upgrade options
// (`{conditional: true}`) and creates the passkey with `mediation: 'conditional'`, showing
// nothing; where the browser cannot, the visible offer with "Not now".
//
// Headless Chromium reports `conditionalCreate`, but its virtual authenticator creates nothing
// this way (no password manager was just used): the silent request stays pending. What the
// browser receives is checked here; the silent success is covered by the component's tests.
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
import {addPlatformAuthenticator} from '../support/virtual-authenticator.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string[][]} */
const errors = [];

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * A page of a fresh context (its own session storage) with a virtual authenticator, whose
 * `navigator.credentials.create` calls are recorded (their `mediation`). With
 * `silentCreate: false`, the browser says it cannot create a passkey without a dialog.
 * @param {{silentCreate?: boolean}} [options]
 */
async function openPage({silentCreate = true} = {}) {
  const context = await newContext(browser, demo);
  await context.addInitScript((silent) => {
    const container = navigator.credentials;
    const create = container.create.bind(container);
    /** @type {(string | null)[]} */
    const creates = [];
    Object.assign(window, {creates});
    container.create = (options) => {
      creates.push(options?.mediation ?? null);
      return create(options);
    };
    if (!silent) {
      Object.defineProperty(PublicKeyCredential, 'getClientCapabilities', {
        configurable: true,
        value: () => Promise.resolve({conditionalCreate: false, conditionalGet: true}),
      });
    }
  }, silentCreate);
  const page = await context.newPage();
  errors.push(recordErrors(page));
  const devtools = await context.newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  const authenticatorId = await addPlatformAuthenticator(devtools);
  const credentials = async () =>
    (await devtools.send('WebAuthn.getCredentials', {authenticatorId})).credentials.length;
  return {page, credentials};
}

/** @param {import('playwright-core').Page} page */
const upgradeOptions = (page) =>
  page.waitForResponse((response) => response.url().endsWith('/api/passkeys/registration/options'));

/** @param {import('playwright-core').Page} page */
const creates = (page) => page.evaluate(() => /** @type {{creates: (string | null)[]}} */ (window).creates);

test('after a full password sign-in, the account page tries the upgrade silently: nothing is shown', async () => {
  const {page, credentials} = await openPage();
  await visit(page, '/sign-in');
  const options = upgradeOptions(page);
  await signInWithForm(page, SEED, '/account');
  const response = await options;
  assert.deepEqual(response.request().postDataJSON(), {conditional: true});
  assert.equal(response.status(), 200, 'within minutes of a full sign-in, the server makes upgrade options');
  await page.waitForFunction(() => /** @type {{creates: unknown[]}} */ (window).creates.length === 1);
  assert.deepEqual(await creates(page), ['conditional']);
  const upgrade = page.locator('#passkey-upgrade serein-passkey-button');
  assert.equal(await upgrade.count(), 1);
  const box = await upgrade.boundingBox();
  assert.equal(box?.height ?? 0, 0, 'the silent upgrade takes no room');
  assert.equal(await upgrade.getByRole('button').count(), 0);
  assert.equal(await credentials(), 0, 'the virtual authenticator creates nothing silently');
  await expectAccessible(page);
  // Once per sign-in: the account page seen again does not try again.
  await visit(page, '/account');
  await page.locator('#account-email', {hasText: SEED.email}).waitFor();
  assert.equal(await page.locator('#passkey-upgrade serein-passkey-button').count(), 0);
  await page.context().close();
});

test('where the browser cannot, the visible offer with “Not now”; creating from it is an ordinary registration', async () => {
  const {page, credentials} = await openPage({silentCreate: false});
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const upgrade = page.locator('#passkey-upgrade serein-passkey-button');
  await upgrade.getByRole('button', {name: 'Not now'}).waitFor();
  assert.deepEqual(await creates(page), [], 'nothing is created before the customer acts');
  await expectAccessible(page);
  const options = upgradeOptions(page);
  await upgrade.getByRole('button', {name: /passkey/i}).click();
  assert.deepEqual((await options).request().postDataJSON(), {conditional: false});
  await page.locator('#passkeys-status', {hasText: 'Passkey added.'}).waitFor();
  assert.deepEqual(await creates(page), [null], 'the ordinary dialog');
  assert.equal(await credentials(), 1);
  assert.equal((await pageApi(page, '/api/me')).body.passkeys.length, 1);
  await page.context().close();
});

test('with two-step verification, the upgrade waits for the second step', async () => {
  const {page} = await openPage();
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  const secret = enrolment.body.secret;
  const confirmed = await pageApi(page, '/api/totp/enrolment/confirm', {code: await generate({secret})});
  assert.deepEqual(confirmed.body, {twoStep: true});
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
  /** @type {unknown[]} */
  const asked = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/passkeys/registration/options')) asked.push(request.postDataJSON());
  });
  await signInWithForm(page, SEED, '/two-factor');
  assert.deepEqual(asked, [], 'nothing before the second step');
  const options = upgradeOptions(page);
  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await nextTotp(secret));
  await prompt.getByRole('button', {name: 'Continue'}).click();
  await page.waitForURL('**/account');
  assert.equal((await options).status(), 200);
  assert.deepEqual(asked, [{conditional: true}]);
  await page.waitForFunction(() => /** @type {{creates: unknown[]}} */ (window).creates.length === 1);
  assert.deepEqual(await creates(page), ['conditional']);
  assert.equal((await pageApi(page, '/api/totp/disable', {})).status, 200);
  await page.context().close();
});

test('no page threw an error', () => {
  assert.deepEqual(errors.flat(), []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
