// Sensitive changes need a recent proof of who you are: adding or removing a passkey, turning on,
// replacing or turning off the authenticator app. A session whose last proof is older than 10
// minutes is refused with `reauthentication-required`, and the demo's pages then ask again on
// /account/confirm (the password, a passkey with user verification, or an app code) and come
// back to the change. The session is made older by stopping the server, moving its times back
// by 11 minutes in the database file, and starting it again on the same port (the browser keeps
// its cookie).
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {generate} from 'otplib';
import {openStore} from '../../demo/server/store.mjs';
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

const dataDir = mkdtempSync(join(tmpdir(), 'serein-recent-auth-'));
const dbPath = join(dataDir, 'demo.sqlite');
/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string[]} */
let errors;
let totpSecret = '';

before(async () => {
  [demo, browser] = await Promise.all([startDemo({dbPath}), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  await addPlatformAuthenticator(devtools);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(dataDir, {recursive: true, force: true});
});

/** Makes every session's sign-in and last proof 11 minutes older (the server is stopped meanwhile). */
async function ageSessions() {
  const {port} = demo;
  await demo.stop();
  const store = await openStore(dbPath);
  const minutes = 11 * 60_000;
  store.transaction(() => {
    store.run('UPDATE session_auth SET auth_at = auth_at - ?', [minutes]);
    store.run('UPDATE sessions SET created_at = created_at - ?', [minutes]);
  });
  store.close();
  demo = await startDemo({dbPath, port});
}

/** The subject of the newest outbox message. */
async function lastSubject() {
  return (await pageApi(page, '/api/outbox')).body.messages[0].subject;
}

/** The text version of the newest outbox message. */
async function lastText() {
  return (await pageApi(page, '/api/outbox')).body.messages[0].body;
}

/**
 * Expects the confirmation page, which will come back to `next`.
 * @param {string} next
 */
async function expectConfirmation(next) {
  await page.waitForURL(`**/account/confirm?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', {name: 'Confirm it’s you', level: 1}).waitFor();
  await expectAccessible(page);
}

/**
 * Confirms with the password on the confirmation page.
 * @param {string} password
 */
async function confirmWithPassword(password) {
  const field = page.getByLabel('Password', {exact: true});
  await field.fill('');
  await field.pressSequentially(password);
  await page.getByRole('button', {name: 'Confirm with your password'}).click();
}

test('set-up: signed in with the password, the authenticator app on, a passkey added', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  assert.equal(enrolment.status, 200, 'a fresh sign-in is a recent proof');
  totpSecret = enrolment.body.secret;
  const code = await generate({secret: totpSecret});
  assert.equal((await pageApi(page, '/api/totp/enrolment/confirm', {code})).status, 200);
  await visit(page, '/account');
  await page
    .locator('serein-passkey-button')
    .getByRole('button', {name: /passkey/i})
    .click();
  await page.locator('#passkeys-status', {hasText: 'Passkey added.'}).waitFor();
  assert.equal(await lastSubject(), 'A passkey was added to your Serein demo account');
});

test('a session whose last proof is older than 10 minutes is refused every sensitive change', async () => {
  await ageSessions();
  const me = await pageApi(page, '/api/me');
  assert.equal(me.status, 200, 'still signed in');
  const [passkey] = me.body.passkeys;
  const attempts = {
    'create a passkey': ['/api/passkeys/registration/options', {}],
    'add a passkey automatically': ['/api/passkeys/registration/options', {conditional: true}],
    'remove a passkey': ['/api/passkeys/remove', {id: passkey.id}],
    'start an authenticator app': ['/api/totp/enrolment', {}],
    'confirm an authenticator app': ['/api/totp/enrolment/confirm', {code: await nextTotp(totpSecret)}],
    'turn two-step verification off': ['/api/totp/disable', {}],
  };
  for (const [what, [path, body]] of Object.entries(attempts)) {
    const answer = await pageApi(page, path, body);
    assert.equal(answer.status, 403, what);
    assert.equal(answer.body.code, 'reauthentication-required', what);
    assert.ok(answer.body.message, what);
  }
  const after = await pageApi(page, '/api/me');
  assert.equal(after.body.twoStep, true);
  assert.deepEqual(
    after.body.passkeys.map((/** @type {{id: string}} */ {id}) => id),
    [passkey.id],
  );
  const state = await pageApi(page, '/api/reauth');
  assert.deepEqual(state.body, {
    email: SEED.email,
    recent: false,
    minutes: 10,
    methods: ['password', 'passkey', 'app'],
  });
});

test('replacing the authenticator app asks again; a passkey with user verification confirms, and the set-up goes on', async () => {
  await page.goto('/account/two-step');
  await expectConfirmation('/account/two-step');
  await page
    .locator('serein-passkey-button')
    .getByRole('button', {name: /passkey/i})
    .click();
  await page.waitForURL('**/account/two-step');
  await page.locator('#totp-secret', {hasText: /^[A-Z2-7 ]{39}$/}).waitFor();
  const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
  assert.notEqual(secret, totpSecret);
  const field = page.locator('serein-otp-prompt').getByLabel('Code', {exact: true});
  await field.pressSequentially(await generate({secret}));
  await field.press('Enter');
  await page.getByText('Two-step verification is on.', {exact: false}).waitFor();
  await page.waitForURL('**/account');
  assert.equal(await lastSubject(), 'Two-step verification changed on your Serein demo account');
  assert.match(await lastText(), /The way you receive sign-in codes for your Serein demo account was changed\./);
  totpSecret = secret;
});

test('turning two-step verification off asks again; a code from the app confirms, and it is turned off', async () => {
  await ageSessions();
  await visit(page, '/account');
  await page.getByRole('button', {name: 'Turn off two-step verification'}).click();
  await expectConfirmation('/account');
  const prompt = page.locator('serein-otp-prompt');
  await prompt.getByLabel('Code', {exact: true}).pressSequentially(await nextTotp(totpSecret));
  await prompt.getByRole('button', {name: 'Continue'}).click();
  await page.waitForURL('**/account');
  await page.locator('#two-step-status', {hasText: 'Two-step verification is off.'}).waitFor();
  assert.equal((await pageApi(page, '/api/me')).body.twoStep, false);
  assert.equal(await lastSubject(), 'Two-step verification changed on your Serein demo account');
  assert.match(await lastText(), /Two-step verification was turned off for your Serein demo account\./);
  await expectAccessible(page);
});

test('removing a passkey asks again: going back changes nothing, a wrong password is refused, the right one removes it', async () => {
  await ageSessions();
  await visit(page, '/account');
  await page.getByRole('button', {name: 'Remove passkey 1'}).click();
  await expectConfirmation('/account');
  // No authenticator app any more: the page offers the password and the passkey only.
  assert.equal(await page.locator('serein-otp-prompt').isVisible(), false);

  // Back without confirming: the account page stays, and the passkey too.
  await page.getByRole('link', {name: '← Your account'}).click();
  await page.waitForURL('**/account');
  await page.waitForLoadState('networkidle');
  assert.ok(page.url().endsWith('/account'));
  await page.getByRole('button', {name: 'Remove passkey 1'}).waitFor();

  await page.getByRole('button', {name: 'Remove passkey 1'}).click();
  await expectConfirmation('/account');
  await confirmWithPassword('not my password');
  await page.locator('#confirm-password-status', {hasText: 'This is not your current password.'}).waitFor();
  await expectAccessible(page);
  // Each wrong password makes the next attempt from this device wait a little (1 s after the first).
  await page.waitForTimeout(1100);
  await confirmWithPassword(SEED.password);
  await page.waitForURL('**/account');
  await page.locator('#passkeys-status', {hasText: 'Passkey 1 removed.'}).waitFor();
  await page.getByText('No passkey yet.').waitFor();
  assert.equal(await lastSubject(), 'A passkey was removed from your Serein demo account');
});

test('creating a passkey asks again; after the password the customer creates it', async () => {
  await ageSessions();
  await visit(page, '/account');
  const button = page.locator('serein-passkey-button').getByRole('button', {name: /passkey/i});
  await button.click();
  await expectConfirmation('/account');
  await confirmWithPassword(SEED.password);
  await page.waitForURL('**/account');
  await page.locator('#passkeys-status', {hasText: 'You can create your passkey now.'}).waitFor();
  await button.click();
  await page.locator('#passkeys-status', {hasText: 'Passkey added.'}).waitFor();
  assert.equal(await lastSubject(), 'A passkey was added to your Serein demo account');
  assert.equal((await pageApi(page, '/api/me')).body.passkeys.length, 1);
});

test('a recent proof does not reopen the automatic upgrade: that counts from signing in', async () => {
  const conditional = await pageApi(page, '/api/passkeys/registration/options', {conditional: true});
  assert.equal(conditional.status, 403);
  assert.equal(conditional.body.code, 'reauthentication-required');
  const visible = await pageApi(page, '/api/passkeys/registration/options', {});
  assert.equal(visible.status, 200);
  assert.equal(visible.body.authenticatorSelection.userVerification, 'required');
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
