// What a password change and a recovery do to sessions. A password change gives the browser a new
// session token (a copy of the old cookie is worth nothing) and, with "Sign out of other
// devices" ticked, ends the other sessions; a recovery reset ends every session, remembered
// device and code not used yet of the account, whatever the page asked. The browser is one
// device; the other devices are HTTP clients with cookie jars of their own.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {generate} from 'otplib';
import {
  client,
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

const CHANGED = 'seven quiet harbours at dawn';
const CHANGED_AGAIN = 'amber tides under the old bridge';
const RECOVERED = 'lanterns over the quiet canal';
let totpSecret = '';
/** The other device that stayed signed in after a change without the box. */
let keptDevice = client('http://localhost');

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  page = await (await newContext(browser, demo)).newPage();
  errors = recordErrors(page);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The browser's session cookie as it is now. */
async function browserSession() {
  const cookies = await page.context().cookies();
  const session = cookies.find(({name}) => name === 'serein_session');
  assert.ok(session, 'the browser has a session cookie');
  return session.value;
}

/**
 * What `/api/me` answers to a request that carries only this session cookie.
 * @param {string} token
 */
async function meWith(token) {
  const response = await fetch(new URL('/api/me', demo.origin), {headers: {cookie: `serein_session=${token}`}});
  return response.status;
}

/**
 * Another device signed in with `password` (and, when the account has two-step verification and
 * `secondStep` is given, past the second step).
 * @param {string} password
 * @param {{code: string, rememberDevice: boolean}} [secondStep]
 */
async function otherDevice(password, secondStep) {
  const device = client(demo.origin);
  const signedIn = await device.request('/api/session', {body: {email: SEED.email, password}});
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.json));
  if (secondStep) {
    const passed = await device.request('/api/two-factor', {body: {channel: 'app', ...secondStep}});
    assert.equal(passed.status, 200, JSON.stringify(passed.json));
  }
  return device;
}

/**
 * The newest outbox message with this subject that was not there before (emails may be sent a
 * moment after the request that caused them).
 * @param {string} subject
 * @param {number} afterId
 */
async function waitForMessage(subject, afterId) {
  for (let tries = 0; tries < 100; tries += 1) {
    const {json} = await client(demo.origin).request('/api/outbox');
    const message = json.messages.find(
      (/** @type {{id: number, subject: string}} */ item) => item.id > afterId && item.subject === subject,
    );
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new "${subject}" message`);
}

/** The id of the newest outbox message (0 when there is none). */
async function lastMessageId() {
  const {json} = await client(demo.origin).request('/api/outbox');
  return json.messages[0]?.id ?? 0;
}

test('a password change gives the browser a new session token, and the ticked box signs the other device out', async () => {
  await visit(page, '/sign-in');
  await signInWithForm(page, SEED, '/account');
  const before = await browserSession();
  const other = await otherDevice(SEED.password);

  await visit(page, '/account/password');
  await page.getByLabel('Current password', {exact: true}).pressSequentially(SEED.password);
  await page.getByLabel('New password', {exact: true}).pressSequentially(CHANGED);
  // The demo's change-password page shows the box (`sign-out-others`).
  await page.getByLabel('Sign out of other devices').check();
  await page.getByRole('button', {name: 'Save the new password'}).click();
  await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
  await expectAccessible(page);

  const now = await browserSession();
  assert.notEqual(now, before, 'a new token');
  assert.equal(await meWith(before), 401, 'the cookie from before the change is refused');
  assert.equal(await meWith(now), 200, 'the browser stays signed in');
  assert.equal((await other.request('/api/me')).status, 401, 'the other device is signed out');
});

test('without the box, the other device stays signed in, but the old cookie of this browser is still refused', async () => {
  const before = await browserSession();
  const other = await otherDevice(CHANGED);
  const changed = await pageApi(page, '/api/password', {
    currentPassword: CHANGED,
    newPassword: CHANGED_AGAIN,
    signOutOthers: false,
  });
  assert.deepEqual([changed.status, changed.body], [200, {signedOutOthers: 0}]);
  assert.equal(await meWith(before), 401);
  assert.equal(await meWith(await browserSession()), 200);
  assert.equal((await other.request('/api/me')).status, 200);
  keptDevice = other;
});

test('a recovery ends every session, remembered device and pending code of the account, whatever the page asked', async () => {
  // Two-step verification on, from the browser.
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  totpSecret = enrolment.body.secret;
  const code = await generate({secret: totpSecret});
  assert.equal((await pageApi(page, '/api/totp/enrolment/confirm', {code})).status, 200);
  const browserToken = await browserSession();
  // A device that passed the second step and is remembered.
  const remembered = await otherDevice(CHANGED_AGAIN, {code: await nextTotp(totpSecret), rememberDevice: true});
  assert.ok(remembered.jar.has('serein_device'));
  // A device between the password and the second step, with a text-message code on its way.
  const halfway = await otherDevice(CHANGED_AGAIN);
  const smsBefore = await lastMessageId();
  assert.equal((await halfway.request('/api/two-factor/send', {body: {channel: 'sms'}})).status, 200);
  const sms = await waitForMessage('Text message', smsBefore);
  const smsCode = /#(\d{6})$/.exec(sms.body)?.[1];
  assert.ok(smsCode, sms.body);

  // The recovery, from yet another browser; the page asks to keep the other sessions.
  const recovery = client(demo.origin);
  assert.equal((await recovery.request('/api/recovery/identify', {body: {identifier: SEED.email}})).status, 200);
  const emailBefore = await lastMessageId();
  assert.equal((await recovery.request('/api/recovery/send', {body: {method: 'email'}})).status, 200);
  const email = await waitForMessage('Your Serein demo recovery code', emailBefore);
  const recoveryCode = /recovery page:\s+(\d{6})\s/.exec(email.body)?.[1];
  assert.ok(recoveryCode, email.body);
  const verified = await recovery.request('/api/recovery/verify', {body: {method: 'email', code: recoveryCode}});
  assert.equal(verified.status, 200, JSON.stringify(verified.json));
  // Two-step verification is on: the app's code before the new password (of a step after the
  // remembered device's).
  assert.deepEqual(verified.json.secondFactor, {channels: ['app']});
  const {code: appCode} = await totpAfter(totpSecret, Math.floor(Date.now() / 30_000) + 1);
  const second = await recovery.request('/api/recovery/second-factor', {body: {channel: 'app', code: appCode}});
  assert.equal(second.status, 200, JSON.stringify(second.json));
  const reset = await recovery.request('/api/recovery/reset', {body: {newPassword: RECOVERED, signOutOthers: false}});
  assert.equal(reset.status, 200, JSON.stringify(reset.json));
  // This browser, the device kept by the change above, the remembered one, the half-way one.
  assert.deepEqual(reset.json, {signedOutOthers: 4});

  assert.equal(await meWith(browserToken), 401, 'the browser is signed out');
  assert.equal((await pageApi(page, '/api/me')).status, 401);
  assert.equal((await keptDevice.request('/api/me')).status, 401, 'the device kept by the change is signed out');
  assert.equal((await remembered.request('/api/me')).status, 401, 'the remembered device is signed out');
  assert.equal((await halfway.request('/api/two-factor')).status, 401, 'the half-way session is gone');

  // Signing in again: the remembered device is asked for the second step again…
  const again = await remembered.request('/api/session', {body: {email: SEED.email, password: RECOVERED}});
  assert.deepEqual(again.json, {next: '/two-factor', secondFactor: true});
  // …and the text-message code sent before the recovery no longer works.
  assert.equal((await halfway.request('/api/session', {body: {email: SEED.email, password: RECOVERED}})).status, 200);
  const stale = await halfway.request('/api/two-factor', {body: {channel: 'sms', code: smsCode}});
  assert.equal(stale.status, 400);
  assert.equal(stale.json.code, 'code-incorrect');
});

test('no page threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
