// The recovery email's code and link are two secrets, in Chromium and over HTTP: opening the link
// page (as a mail scanner that runs scripts would) spends nothing until "Continue" is clicked;
// each secret works once; using one leaves the other valid until the new password is set, and
// setting it voids both.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {addressedClient} from './support/clients.mjs';
import {
  componentsReady,
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  pageApi,
  recordErrors,
  SEED,
  startDemo,
} from './support/demo.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string[][]} */
const pageErrors = [];
let addresses = 10;
let passwords = 0;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** A client with a loopback address of its own (each has its own send budget). */
const newClient = () => addressedClient(demo.port, `127.0.0.${(addresses += 1)}`);

/** A password the server has not seen yet. */
const freshPassword = () => `quiet lanterns over the canal ${(passwords += 1)}`;

/**
 * Starts a recovery of the demo account from a new client and reads the email: its code and link.
 */
async function recoveryEmail() {
  const client = newClient();
  assert.equal((await client.request('/api/recovery/identify', {identifier: SEED.email})).status, 200);
  const sent = await client.request('/api/recovery/send', {method: 'email'});
  assert.equal(sent.status, 200, JSON.stringify(sent.json));
  const {json} = await client.request('/api/outbox');
  const email = json.messages.find(
    (/** @type {{subject: string}} */ message) => message.subject === 'Your Serein demo recovery code',
  );
  const code = /recovery page:\s+(\d{6})\s/.exec(email.body)?.[1] ?? '';
  const link = /(\/recover\/link#token=[\w-]+)/.exec(email.body)?.[1] ?? '';
  const token = /#token=([\w-]+)/.exec(link)?.[1] ?? '';
  assert.ok(code && link && token, email.body);
  return {client, code, link, token};
}

/**
 * Uses a recovery link over HTTP: a client with the reset grant it gives, or the refusal.
 * @param {string} token
 */
async function useLink(token) {
  const client = newClient();
  const answer = await client.request('/api/recovery/link', {token});
  return {client, answer};
}

/** A page with its errors recorded, and every request to the link API counted. */
async function newPage() {
  const page = await (await newContext(browser, demo)).newPage();
  pageErrors.push(recordErrors(page));
  /** @type {string[]} */
  const linkRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/recovery/link') linkRequests.push(request.method());
  });
  return {page, linkRequests};
}

test('opening the link page spends nothing: the code still works, and the link too until the reset', async () => {
  const {client, code, link} = await recoveryEmail();
  const {page, linkRequests} = await newPage();
  const response = await page.goto(link);
  assert.equal(response?.status(), 200);
  await componentsReady(page);
  const continueButton = page.getByRole('button', {name: 'Continue'});
  await continueButton.waitFor();
  await expectAccessible(page);
  assert.ok(!page.url().includes('token='), 'the token left the address bar');
  // The page's script has run (it showed the button) and sent nothing.
  assert.deepEqual(linkRequests, []);

  // The code still works after the link page was opened…
  const verified = await client.request('/api/recovery/verify', {method: 'email', code});
  assert.equal(verified.status, 200, JSON.stringify(verified.json));
  // …and the link too, on "Continue", until the reset is done.
  await continueButton.click();
  await page.locator('serein-password-change').waitFor();
  assert.deepEqual(linkRequests, ['POST']);
  await expectAccessible(page);

  // The reset through the code voids the grant the link gave.
  const reset = await client.request('/api/recovery/reset', {newPassword: freshPassword(), signOutOthers: false});
  assert.equal(reset.status, 200, JSON.stringify(reset.json));
  const late = await pageApi(page, '/api/recovery/reset', {newPassword: freshPassword(), signOutOthers: false});
  assert.notEqual(late.status, 200, JSON.stringify(late.body));
  await page.close();
});

test('the code and the link each work once; using one leaves the other valid until the reset, which voids both', async () => {
  // The link first: the code still works afterwards, and each works only once.
  const first = await recoveryEmail();
  const byLink = await useLink(first.token);
  assert.equal(byLink.answer.status, 200, JSON.stringify(byLink.answer.json));
  const verified = await first.client.request('/api/recovery/verify', {method: 'email', code: first.code});
  assert.equal(verified.status, 200, JSON.stringify(verified.json));
  const linkAgain = await useLink(first.token);
  assert.equal(linkAgain.answer.status, 400);
  assert.equal(linkAgain.answer.json.code, 'code-expired');
  const other = newClient();
  await other.request('/api/recovery/identify', {identifier: SEED.email});
  const codeAgain = await other.request('/api/recovery/verify', {method: 'email', code: first.code});
  assert.equal(codeAgain.status, 400);
  assert.equal(codeAgain.json.code, 'code-incorrect');
  // One reset, through the code; the grant the link gave is void.
  assert.equal((await first.client.request('/api/recovery/reset', {newPassword: freshPassword()})).status, 200);
  const lateByLink = await byLink.client.request('/api/recovery/reset', {newPassword: freshPassword()});
  assert.notEqual(lateByLink.status, 200, JSON.stringify(lateByLink.json));

  // A reset through the code voids the link, never used.
  const second = await recoveryEmail();
  assert.equal((await second.client.request('/api/recovery/verify', {method: 'email', code: second.code})).status, 200);
  assert.equal((await second.client.request('/api/recovery/reset', {newPassword: freshPassword()})).status, 200);
  const unusedLink = await useLink(second.token);
  assert.equal(unusedLink.answer.status, 400, JSON.stringify(unusedLink.answer.json));
  assert.equal(unusedLink.answer.json.code, 'code-expired');

  // A reset through the link voids the code, never used.
  const third = await recoveryEmail();
  const thirdLink = await useLink(third.token);
  assert.equal(thirdLink.answer.status, 200, JSON.stringify(thirdLink.answer.json));
  assert.equal((await thirdLink.client.request('/api/recovery/reset', {newPassword: freshPassword()})).status, 200);
  const late = newClient();
  await late.request('/api/recovery/identify', {identifier: SEED.email});
  const unusedCode = await late.request('/api/recovery/verify', {method: 'email', code: third.code});
  assert.equal(unusedCode.status, 400, JSON.stringify(unusedCode.json));
  assert.equal(unusedCode.json.code, 'code-incorrect');
});

test('no page threw an error', () => {
  assert.deepEqual(pageErrors.flat(), []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
