// Recovery by the emailed link, in Chromium: the link from the outbox page opens
// <serein-password-change no-current>, which sets the new password (no automatic sign-in), and
// the link works once. (Recovery with the code and the no-enumeration checks are in
// accounts.test.mjs and server.test.mjs.)
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
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
let link = '';
const NEW_PASSWORD = 'a kettle sings in the attic';

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

test('the link in the recovery email opens a new-password form (<serein-password-change no-current>)', async () => {
  // The wizard sends the email; the customer then opens its link rather than typing the code.
  await startRecovery(page, SEED.email);
  ({link} = await readRecoveryEmail(page.context()));
  await visit(page, '/outbox');
  const email = page.locator('.message').first();
  await email.getByRole('link', {name: /\/recover\/link#token=/}).click();
  await page.waitForURL('**/recover/link');
  assert.ok(!page.url().includes('#token='), 'the token left the address bar');
  await page.getByRole('button', {name: 'Continue'}).click();
  await page.locator('serein-password-change').waitFor();
  await expectAccessible(page);

  const form = page.locator('serein-password-change');
  assert.equal(await form.locator('input[autocomplete="current-password"]').count(), 0);
  assert.equal(await form.locator('input[autocomplete="username"]').inputValue(), SEED.email);
  await form.getByLabel('New password', {exact: true}).pressSequentially(NEW_PASSWORD);
  await form.getByRole('button', {name: 'Save the new password'}).click();
  await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await expectAccessible(page);
  assert.equal((await pageApi(page, '/api/me')).status, 401, 'no automatic sign-in after a reset');

  await page.getByRole('link', {name: 'Sign in with your new password'}).click();
  await page.waitForURL('**/sign-in');
  await signInWithForm(page, {email: SEED.email, password: NEW_PASSWORD}, '/account');
});

test('the link works once', async () => {
  await visit(page, link);
  await page.getByRole('button', {name: 'Continue'}).click();
  await page.getByRole('heading', {name: 'This link no longer works'}).waitFor();
  await page.getByRole('link', {name: 'Ask for a new code'}).waitFor();
  await expectAccessible(page);
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
