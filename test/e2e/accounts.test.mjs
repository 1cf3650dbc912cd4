// A customer's journey through the demo in Chromium, with axe on every page: the start page's
// account, password sign-in, the password change with <serein-password-change>, signing out and
// in again, the "breach" reason, the authenticator app and the second step, recovery with the
// code from the outbox page and the app's code, and the funnel these journeys produce.
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

const account = {email: '', password: ''};
const NEW_PASSWORD = 'seven quiet harbours at dawn';
const RECOVERED_PASSWORD = 'lanterns over the quiet canal';
let totpSecret = '';

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * Signs in through the sign-in form, typing like a customer.
 * @param {string} password
 * @param {string} landing the path expected afterwards
 */
async function signIn(password, landing) {
  await visit(page, '/sign-in');
  await signInWithForm(page, {email: account.email, password}, landing);
  await expectAccessible(page);
}

async function signOut() {
  await visit(page, '/account');
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.waitForURL('**/sign-in');
}

test('the start page shows the demo account', async () => {
  await visit(page, '/');
  account.email = (await page.locator('#seed-email').textContent()) ?? '';
  account.password = (await page.locator('#seed-password').textContent()) ?? '';
  assert.deepEqual(account, SEED);
});

test('signing in with the seeded password leads to the account page', async () => {
  await signIn(account.password, '/account');
  await page.locator('#account-email', {hasText: SEED.email}).waitFor();
  assert.match((await page.locator('#account-method').textContent()) ?? '', /with your password/);
});

test('<serein-password-change> changes the password, typed as a customer would', async () => {
  await page.getByRole('link', {name: 'Change your password'}).click();
  await page.waitForURL('**/account/password');
  await expectAccessible(page);
  const current = page.getByLabel('Current password', {exact: true});
  const fresh = page.getByLabel('New password', {exact: true});
  // The hidden username field tells password managers which account this is.
  assert.equal(await page.locator('serein-password-change input[autocomplete="username"]').inputValue(), SEED.email);

  // A wrong current password: the server's answer appears next to that field.
  await current.pressSequentially('not my password');
  await fresh.pressSequentially(NEW_PASSWORD);
  await page.getByRole('button', {name: 'Save the new password'}).click();
  await page.locator('serein-password-change input[autocomplete="current-password"][aria-invalid="true"]').waitFor();
  await page.getByText('This is not your current password.').waitFor();
  await expectAccessible(page);

  await current.fill('');
  await current.pressSequentially(account.password);
  // A wrong password makes the next attempt from this device wait a second (a person retyping
  // takes longer than that).
  await page.waitForTimeout(1100);
  await page.getByRole('button', {name: 'Save the new password'}).click();
  await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await expectAccessible(page);
  await page.getByRole('button', {name: /^5\s*Very easy$/}).click();
  await page.getByText('Thank you for your answer.').waitFor();
  account.password = NEW_PASSWORD;

  await page.getByRole('link', {name: 'Back to your account'}).click();
  await page.waitForURL('**/account');
  const {body} = await pageApi(page, '/api/outbox');
  assert.equal(body.messages[0].subject, 'Your Serein demo password was changed');
});

test('after signing out, the old password fails and the new one signs in', async () => {
  await signOut();
  await expectAccessible(page);
  await page.locator('#email').pressSequentially(account.email);
  await page.locator('#password').pressSequentially(SEED.password);
  await page.getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.getByRole('status').filter({hasText: 'don’t match an account'}).waitFor();
  await expectAccessible(page);
  await page.locator('#password').fill('');
  await page.locator('#password').pressSequentially(account.password);
  // The wait that follows a wrong password (1 s), as a person retyping would.
  await page.waitForTimeout(1100);
  await page.getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.waitForURL('**/account');
});

test('with the demo "breach" flag, the change-password page says why it asks', async () => {
  await visit(page, '/account');
  const flagged = page.waitForResponse('**/api/account/breach');
  await page.getByLabel('Demo: pretend this password was found in a data breach').check();
  assert.equal((await flagged).status(), 200);
  await visit(page, '/account/password');
  assert.equal(await page.locator('serein-password-change').getAttribute('reason'), 'breach');
  // Why, in one sentence before the form; the full reason waits behind "Why?".
  await page
    .getByText('Your password appeared in a data breach on another website. Please choose a new one.', {exact: true})
    .waitFor();
  await expectAccessible(page);
  assert.equal((await pageApi(page, '/api/account/breach', {breached: false})).status, 200);
});

test('authenticator app: the enrolment page shows the QR code and the key; a computed code typed into <serein-otp-prompt> turns it on', async () => {
  await visit(page, '/account/two-step');
  await page.locator('#totp-secret', {hasText: /^[A-Z2-7 ]{39}$/}).waitFor();
  totpSecret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
  assert.ok(
    await page.locator('#totp-qr').evaluate((image) => /** @type {HTMLImageElement} */ (image).naturalWidth > 0),
  );
  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByRole('heading', {name: 'Enter the code from your app'}).waitFor();
  // A wrong code first: a calm message under the field, which is emptied for the next try.
  const field = prompt.getByLabel('Code', {exact: true});
  await field.pressSequentially('000000');
  await field.press('Enter');
  await prompt.getByText(/That is not the right code/).waitFor();
  assert.equal(await field.inputValue(), '');
  await expectAccessible(page);
  // Each wrong code makes the next attempt from this device wait a little (1 s after the first).
  await page.waitForTimeout(1100);
  await field.pressSequentially(await generate({secret: totpSecret}));
  await field.press('Enter');
  await page.getByText('Two-step verification is on.', {exact: false}).waitFor();
  await page.waitForURL('**/account');
  assert.equal((await pageApi(page, '/api/me')).body.twoStep, true);
});

test('second step: signing in asks for a code in <serein-otp-prompt>, offers another way, and a computed code passes', async () => {
  await signOut();
  await signIn(account.password, '/two-factor');
  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByRole('heading', {name: 'Enter the code from your app'}).waitFor();
  await prompt.getByRole('button', {name: 'Try another way'}).click();
  // The destination sits between bidi isolates (U+2068 … U+2069), as every value from the host.
  await prompt.getByRole('button', {name: 'Get a code by text message to \u2068•••• 42\u2069'}).waitFor();
  await expectAccessible(page);
  await prompt.getByRole('button', {name: 'Try another way'}).click();
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await nextTotp(totpSecret));
  await prompt.getByRole('button', {name: 'Continue'}).click();
  await page.waitForURL('**/account');
  assert.match((await page.locator('#account-method').textContent()) ?? '', /password and authenticator app/);
});

test('recovery with <serein-recovery-wizard> and the code read from the outbox page', async () => {
  await signOut();
  const wizard = await startRecovery(page, account.email);
  // The same words as for any address: nothing says the account exists.
  await wizard.getByText('If \u2068a•••@example.com\u2069 belongs to an account').waitFor();
  const {code, link} = await readRecoveryEmail(page.context());

  await wizard.getByLabel('Code', {exact: true}).pressSequentially(code);
  await wizard.getByLabel('Code', {exact: true}).press('Enter');
  // Two-step verification is on: the app's code comes before the new password.
  await wizard.getByRole('heading', {name: 'Confirm it is you'}).waitFor();
  await expectAccessible(page);
  // A code of a step after any used so far (the second step above used at most the next one).
  const {code: appCode} = await totpAfter(totpSecret, Math.floor(Date.now() / 30_000) + 1);
  await wizard.getByLabel('Code', {exact: true}).pressSequentially(appCode);
  await wizard.getByLabel('Code', {exact: true}).press('Enter');
  await wizard.getByRole('heading', {name: 'Choose a new password'}).waitFor();
  await expectAccessible(page);
  assert.equal(await wizard.locator('input[autocomplete="username"][readonly]').inputValue(), account.email);
  await wizard.getByLabel('New password', {exact: true}).pressSequentially(RECOVERED_PASSWORD);
  await wizard.getByText('Saving your new password signs you out on every device').waitFor();
  await wizard.getByRole('button', {name: 'Save the new password'}).click();
  await wizard.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await expectAccessible(page);
  account.password = RECOVERED_PASSWORD;
  assert.equal((await pageApi(page, '/api/me')).status, 401, 'no automatic sign-in after a reset');

  // The email's link is a secret of its own, but the reset voided it: it works no more.
  await visit(page, link);
  assert.ok(!page.url().includes('token='), 'the token left the address bar');
  await page.getByRole('button', {name: 'Continue'}).click();
  await page.getByRole('heading', {name: 'This link no longer works'}).waitFor();
  await expectAccessible(page);

  // The new password works, and the second step is still asked: recovery does not bypass it.
  await signIn(account.password, '/two-factor');
});

test('the funnel page shows what these journeys add up to, live', async () => {
  await visit(page, '/funnel');
  const section = page.locator('section', {has: page.getByRole('heading', {name: '<serein-password-change>'})});
  /** The cells of the journeys table's row for a stage. */
  const row = (/** @type {string} */ stage) =>
    section.getByRole('table', {name: 'Journeys'}).getByRole('row', {name: new RegExp(`^${stage} `)});
  // Two pages showed the form: it was started and succeeded on the first, only looked at on the
  // second (the breach notice), which is "shown, not started" and not an abandonment.
  await row('Shown').getByRole('cell', {name: '2', exact: true}).waitFor();
  await row('Shown, not started').getByRole('cell', {name: '1', exact: true}).waitFor();
  await row('Started').getByRole('cell', {name: '1', exact: true}).waitFor();
  await row('Succeeded').getByRole('cell', {name: '1', exact: true}).waitFor();
  await row('Abandoned').getByRole('cell', {name: '0', exact: true}).waitFor();
  // No component of the demo shows more abandonments than starts.
  for (const card of await page.locator('#funnel section').all()) {
    const journeys = card.getByRole('table', {name: 'Journeys'});
    if ((await journeys.count()) === 0) continue;
    const count = async (/** @type {string} */ stage) =>
      Number(
        await journeys
          .getByRole('row', {name: new RegExp(`^${stage} `)})
          .getByRole('cell')
          .first()
          .textContent(),
      );
    assert.ok((await count('Abandoned')) <= (await count('Started')), 'abandonments never outnumber starts');
  }
  await section
    .getByRole('table', {name: 'Failures by error code'})
    .getByRole('row', {name: 'current-password-incorrect 1'})
    .waitFor();
  await section.getByRole('table', {name: 'Why it was shown'}).getByRole('row', {name: 'breach 1'}).waitFor();
  await section.getByRole('table', {name: 'Time per step (medians)'}).waitFor();
  await section.getByText('5 out of 5, from 1 answer.').waitFor();
  await expectAccessible(page);

  // Live: an event reported now (here, from this page) shows without reloading.
  await page.evaluate(() =>
    document.dispatchEvent(new CustomEvent('serein-feedback', {detail: {component: 'password-change', score: 3}})),
  );
  await section.getByText('4 out of 5, from 2 answers.').waitFor();
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
