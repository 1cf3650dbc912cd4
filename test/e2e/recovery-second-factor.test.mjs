// Recovery of an account with two-step verification, in Chromium: after the email's code (or its
// link), <serein-recovery-wizard> asks for the authenticator app's code before the new password,
// and the server refuses the new password without that code, whatever the page does. The
// wizard's last step offers a passkey for after the next sign-in; the password form offers one
// right after a change.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {addressedClient} from './support/clients.mjs';
import {addPlatformAuthenticator} from '../support/virtual-authenticator.mjs';
import {
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  pageApi,
  readRecoveryEmail,
  recordErrors,
  SEED,
  signInWithForm,
  startDemo,
  startRecovery,
  totpAfter,
  visit,
} from './support/demo.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string[]} */
let errors;
let secret = '';
/** The last TOTP step the account used: each code works once. */
let usedStep = -Infinity;
const RECOVERED = 'a heron waits by the mill pond';
const RECOVERED_BY_LINK = 'nine paper boats on the river';
const CHANGED = 'a lantern swings above the door';

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The next code of the authenticator app, as the customer's phone would show it. */
async function appCode() {
  const {code, step} = await totpAfter(secret, usedStep);
  usedStep = step;
  return code;
}

/** Asks for a new password through the API, from the page (what a page that skipped a step would do). */
const resetFromThePage = () =>
  pageApi(page, '/api/recovery/reset', {newPassword: 'skipping the second step', signOutOthers: true});

test('the seed account turns on two-step verification', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  secret = enrolment.body.secret;
  assert.equal((await pageApi(page, '/api/totp/enrolment/confirm', {code: await appCode()})).status, 200);
  assert.equal((await pageApi(page, '/api/me')).body.twoStep, true);
  assert.equal((await pageApi(page, '/api/sign-out', {})).status, 200);
});

test('recovery asks for the app’s code after the email’s, and the server refuses the new password without it', async () => {
  const wizard = await startRecovery(page, SEED.email);
  const {code} = await readRecoveryEmail(page.context());
  await wizard.getByLabel('Code', {exact: true}).pressSequentially(code);
  await wizard.getByLabel('Code', {exact: true}).press('Enter');
  await wizard.getByRole('heading', {name: 'Confirm it is you'}).waitFor();
  await wizard.getByText('Step 4 of 5').waitFor();
  await wizard.getByText('Your account has two-step verification.').waitFor();
  await expectAccessible(page);

  // The server, not the page, keeps the order: no new password yet, and no way but the app.
  const early = await resetFromThePage();
  assert.deepEqual([early.status, early.body.code], [403, 'code-expired']);
  const bySms = await pageApi(page, '/api/recovery/second-factor', {channel: 'sms', code: '123456'});
  assert.equal(bySms.status, 400);

  // Lost app: the demo has no backup codes, so the way on is support.
  assert.equal(await wizard.getByRole('button', {name: 'Use a backup code'}).count(), 0);
  assert.equal(await wizard.getByRole('link', {name: 'Contact support', exact: true}).getAttribute('href'), '/help');

  // A wrong code stays on the step, with a calm message under the field.
  const field = wizard.getByLabel('Code', {exact: true});
  await field.pressSequentially('000000');
  await field.press('Enter');
  await wizard.getByText(/That is not the right code/).waitFor();
  assert.equal(await field.inputValue(), '');
  assert.equal((await resetFromThePage()).status, 403, 'a wrong code grants nothing');
  // Each wrong code makes the next attempt from this device wait a little (1 s after the first).
  await page.waitForTimeout(1100);
  await field.pressSequentially(await appCode());
  await field.press('Enter');
  await wizard.getByRole('heading', {name: 'Choose a new password'}).waitFor();
  await wizard.getByText('Step 5 of 5').waitFor();
  await expectAccessible(page);

  await wizard.getByLabel('New password', {exact: true}).pressSequentially(RECOVERED);
  await wizard.getByRole('button', {name: 'Save the new password'}).click();
  await wizard.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  // The passkey offer, for after the next sign-in (a passkey needs a signed-in account).
  await wizard.getByText('Create a passkey so this does not happen again').waitFor({state: 'visible'});
  await expectAccessible(page);
  assert.equal((await pageApi(page, '/api/me')).status, 401, 'no automatic sign-in after a reset');

  await wizard.getByRole('link', {name: 'Continue to sign in'}).click();
  await page.waitForURL('**/sign-in');
  // The new password works, and signing in still asks for the second step.
  await signInWithForm(page, {email: SEED.email, password: RECOVERED}, '/two-factor');
});

test('the link in the recovery email asks for the app’s code too', async () => {
  // The email is asked for from another address (the page's own address waits 30 s between sends).
  const other = addressedClient(demo.port, '127.0.0.7');
  assert.equal((await other.request('/api/recovery/identify', {identifier: SEED.email})).status, 200);
  assert.equal((await other.request('/api/recovery/send', {method: 'email'})).status, 200);
  const {link} = await readRecoveryEmail(page.context());

  await visit(page, link);
  await page.getByRole('button', {name: 'Continue'}).click();
  await page.getByRole('heading', {name: 'Confirm it is you'}).waitFor();
  await expectAccessible(page);
  assert.equal((await resetFromThePage()).status, 403, 'the link alone grants nothing');

  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await appCode());
  await prompt.getByLabel('Code', {exact: true}).press('Enter');
  const form = page.locator('serein-password-change');
  await form.getByLabel('New password', {exact: true}).pressSequentially(RECOVERED_BY_LINK);
  await form.getByRole('button', {name: 'Save the new password'}).click();
  await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await expectAccessible(page);

  await visit(page, '/sign-in');
  await signInWithForm(page, {email: SEED.email, password: RECOVERED_BY_LINK}, '/two-factor');
});

test('after a password change, the form offers a passkey, and it is created there (virtual authenticator)', async () => {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  await addPlatformAuthenticator(devtools);
  // Still on the second step of the last sign-in.
  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await appCode());
  await prompt.getByRole('button', {name: 'Continue'}).click();
  await page.waitForURL('**/account');

  await visit(page, '/account/password');
  const offer = page.locator('serein-password-change serein-passkey-button');
  assert.equal(await offer.isVisible(), false, 'no offer before the change');
  await page.getByLabel('Current password', {exact: true}).pressSequentially(RECOVERED_BY_LINK);
  await page.getByLabel('New password', {exact: true}).pressSequentially(CHANGED);
  await page.getByRole('button', {name: 'Save the new password'}).click();
  await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await offer.getByRole('button', {name: 'Create a passkey'}).waitFor();
  await expectAccessible(page);
  await offer.getByRole('button', {name: 'Create a passkey'}).click();
  await page.locator('#passkey-offer-status', {hasText: 'Passkey added.'}).waitFor();
  assert.equal((await pageApi(page, '/api/me')).body.passkeys.length, 1);
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
