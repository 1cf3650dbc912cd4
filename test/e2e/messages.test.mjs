// The demo's emails and text messages, written by serein/messages.js: each journey's message
// (recovery code, second-step text message, password changed, passkey added, two-step changed)
// arrives in the outbox in the customer's language, English and then Arabic (chosen in the page's
// language menu before signing in); each email is served on its own route with a sandboxing CSP,
// and the outbox page shows it in a sandboxed frame beside its text version, and passes axe.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {generate} from 'otplib';
import {addressedClient} from './support/clients.mjs';
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
import {addPlatformAuthenticator} from '../support/virtual-authenticator.mjs';

const messages = await import(join(root, 'dist/messages.js'));

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string[][]} the page errors of each page (recordErrors) */
const errors = [];
let password = SEED.password;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * The subjects serein/messages.js gives each journey's email in a locale (they do not depend on
 * the time or the links, only on the brand and the language).
 * @param {string} locale
 */
function expectedSubjects(locale) {
  const common = {brand: 'Serein demo', locale, when: new Date(), links: {recovery: 'https://example.com/r'}};
  return {
    recoveryCode: messages.recoveryCode({...common, code: '123456', expiresInMinutes: 15}).subject,
    passwordChanged: messages.passwordChanged(common).subject,
    passkeyAdded: messages.passkeyAdded(common).subject,
    twoStepChanged: messages.twoStepChanged({...common, change: 'turned-on'}).subject,
  };
}

/**
 * @typedef {object} OutboxMessage
 * @property {number} id
 * @property {'email' | 'sms'} channel
 * @property {string} recipient
 * @property {string} subject
 * @property {string} body
 * @property {string | null} locale
 * @property {string | null} dir
 * @property {string | null} htmlHref
 * @property {number | null} segments
 * @property {string | null} encoding
 */

/**
 * The outbox messages sent after `sinceId`.
 * @param {number} sinceId
 * @returns {Promise<OutboxMessage[]>}
 */
async function outboxSince(sinceId) {
  const {json} = await addressedClient(demo.port, '127.0.0.1').request('/api/outbox');
  return json.messages.filter((/** @type {OutboxMessage} */ message) => message.id > sinceId);
}

/** The id of the newest outbox message (0 when empty). */
async function newestId() {
  return (await outboxSince(0))[0]?.id ?? 0;
}

/**
 * Every journey once, in one language: signing in with the language picked in the menu, a
 * passkey added, two-step verification turned on, the second step's text message, a password
 * change and a recovery email. Returns what arrived in the outbox meanwhile.
 * @param {'en' | 'ar'} language
 * @param {string} address the loopback address of the HTTP client (one per run: the send limits
 *   count per client)
 */
async function journeys(language, address) {
  const since = await newestId();
  const context = await newContext(browser, demo);
  const page = await context.newPage();
  errors.push(recordErrors(page));
  const devtools = await context.newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  await addPlatformAuthenticator(devtools);

  // The language menu, then signing in: the account's messages are written in that language.
  await visit(page, '/sign-in');
  await page.locator('#demo-language').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
  await signInWithForm(page, {email: SEED.email, password}, '/account');

  // A passkey (the button's own words are in the chosen language: found by its role alone).
  const registered = page.waitForResponse('**/api/passkeys/registration/verify');
  await page.locator('serein-passkey-button').getByRole('button').click();
  assert.equal((await registered).status(), 200);

  // Two-step verification on.
  const enrolment = await pageApi(page, '/api/totp/enrolment', {});
  assert.equal(enrolment.status, 200);
  const secret = enrolment.body.secret;
  const confirmed = await pageApi(page, '/api/totp/enrolment/confirm', {code: await generate({secret})});
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

  // The second step by text message, from a client that says nothing of its language: the
  // account's language is used.
  const phone = addressedClient(demo.port, address);
  const signedIn = await phone.request('/api/session', {email: SEED.email, password});
  assert.equal(signedIn.json?.next, '/two-factor', JSON.stringify(signedIn.json));
  const sent = await phone.request('/api/two-factor/send', {channel: 'sms'});
  assert.equal(sent.status, 200, JSON.stringify(sent.json));

  // A password change.
  const newPassword = `${language} quiet harbour ${address} maple`;
  const changed = await pageApi(page, '/api/password', {currentPassword: password, newPassword});
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  password = newPassword;

  // Two-step verification off again (another two-step notice), so that the next run starts alike.
  assert.equal((await pageApi(page, '/api/totp/disable', {})).status, 200);

  // Recovery by email, asked in this language (the header the demo's pages send).
  const recovery = addressedClient(demo.port, address);
  const languageHeader = {'x-serein-demo-language': language};
  const identified = await recovery.request('/api/recovery/identify', {identifier: SEED.email}, languageHeader);
  assert.equal(identified.status, 200);
  const requested = await recovery.request('/api/recovery/send', {method: 'email'}, languageHeader);
  assert.equal(requested.status, 200, JSON.stringify(requested.json));

  // The outbox runs the queued recovery email before it answers.
  const arrived = await outboxSince(since);
  return {page, arrived};
}

/**
 * Checks one journey's email: its subject in the language, the locale and direction, and its
 * own route with the sandboxing CSP and the document's `lang` and `dir`.
 * @param {OutboxMessage[]} arrived
 * @param {string} subject
 * @param {'en' | 'ar'} language
 */
async function expectEmail(arrived, subject, language) {
  const email = arrived.find((message) => message.channel === 'email' && message.subject === subject);
  assert.ok(email, `"${subject}" in ${arrived.map((message) => message.subject).join(' | ')}`);
  assert.equal(email.recipient, SEED.email);
  assert.equal(email.locale, language);
  assert.equal(email.dir, language === 'ar' ? 'rtl' : 'ltr');
  assert.ok(email.body.includes('Serein demo'), 'the text version names the brand');
  assert.ok(email.htmlHref, 'an HTML version');
  const response = await fetch(new URL(email.htmlHref, demo.origin));
  assert.equal(response.status, 200);
  const csp = (response.headers.get('content-security-policy') ?? '').split(/;\s*/);
  for (const directive of ['sandbox', "default-src 'none'", "style-src 'unsafe-inline'"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp.join('; ')}`);
  }
  assert.ok(!csp.some((directive) => directive.startsWith('script-src')), 'no script allowed');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
  const html = await response.text();
  assert.ok(html.includes(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`), html.slice(0, 200));
  assert.ok(!/<script/i.test(html), 'no script in the email');
  return email;
}

for (const [language, address] of /** @type {const} */ ([
  ['en', '127.0.0.2'],
  ['ar', '127.0.0.3'],
])) {
  test(`each journey's message arrives in the outbox in the customer's language (${language})`, async () => {
    const {page, arrived} = await journeys(language, address);
    const subjects = expectedSubjects(language);
    if (language === 'en') {
      // The English wording as a customer reads it.
      assert.equal(subjects.passwordChanged, 'Your Serein demo password was changed');
      assert.equal(subjects.recoveryCode, 'Your Serein demo recovery code');
    } else {
      for (const subject of Object.values(subjects)) assert.match(subject, /[\u0600-\u06FF]/, subject);
    }
    const recovery = await expectEmail(arrived, subjects.recoveryCode, language);
    assert.match(recovery.body, /\b\d{6}\b/, 'the code');
    assert.match(recovery.body, new RegExp(`${demo.origin}/recover/link#token=[\\w-]+`), 'the single-use link');
    const changed = await expectEmail(arrived, subjects.passwordChanged, language);
    assert.ok(changed.body.includes(`${demo.origin}/recover`), 'the undo path');
    assert.ok(changed.body.includes(`${demo.origin}/help`), 'the help page');
    await expectEmail(arrived, subjects.passkeyAdded, language);
    const twoStep = arrived.filter((message) => message.subject === subjects.twoStepChanged);
    assert.equal(twoStep.length, 2, 'turned on, then off');
    for (const notice of twoStep) await expectEmail([notice], subjects.twoStepChanged, language);

    const sms = arrived.find((message) => message.channel === 'sms');
    assert.ok(sms, 'the second step text message');
    assert.equal(sms.recipient, '+44 7700 900142');
    assert.equal(sms.locale, language);
    assert.equal(sms.htmlHref, null);
    assert.match(sms.body, /\n\n@localhost #\d{6}$/, 'the origin-bound last line');
    if (language === 'en') {
      assert.deepEqual([sms.segments, sms.encoding], [1, 'GSM-7']);
      assert.match(sms.body, /^\d{6} is your Serein demo code\./);
    } else {
      assert.deepEqual([sms.segments, sms.encoding], [2, 'UCS-2']);
      assert.match(sms.body, /[\u0600-\u06FF]/);
    }

    // The outbox page: the HTML version in a sandboxed frame beside the text version, and the
    // text message's segment count and encoding; axe-clean (visit checks it).
    await visit(page, '/outbox');
    const item = page.locator('.message', {has: page.getByRole('heading', {name: subjects.passwordChanged})}).first();
    const frame = item.locator('iframe');
    assert.equal(await frame.getAttribute('sandbox'), '');
    assert.equal(await frame.getAttribute('src'), changed.htmlHref);
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    await item.frameLocator('iframe').locator(`html[lang="${language}"][dir="${dir}"]`).waitFor({state: 'attached'});
    await item.frameLocator('iframe').getByRole('heading', {level: 1}).waitFor();
    const text = item.locator('pre.body');
    assert.equal(await text.getAttribute('lang'), language);
    assert.equal(await text.getAttribute('dir'), dir);
    const smsItem = page.locator('.message.sms').first();
    await smsItem.getByText(language === 'en' ? '1 segment · GSM-7' : '2 segments · UCS-2', {exact: true}).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
}

test('the outbox page frames emails under the strict CSP, without violations', async () => {
  // A context without bypassCSP: the page's own CSP applies (frame-src 'self' only for it).
  const context = await browser.newContext({baseURL: demo.origin});
  const page = await context.newPage();
  /** @type {string[]} */
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/outbox');
  const csp = response?.headers()['content-security-policy'] ?? '';
  assert.ok(csp.split('; ').includes("frame-src 'self'"), csp);
  assert.ok(csp.split('; ').includes("script-src 'self'"), csp);
  await page.locator('.message iframe').first().waitFor();
  await page.frameLocator('.message iframe >> nth=0').getByRole('heading', {level: 1}).waitFor();
  assert.deepEqual(violations, []);
  // Another page does not frame anything.
  const other = await page.goto('/sign-in');
  assert.ok((other?.headers()['content-security-policy'] ?? '').split('; ').includes("frame-src 'none'"));
  await context.close();
});

test('an unknown email id is a 404, and no page errors occurred', async () => {
  const response = await fetch(new URL('/outbox/email/999999', demo.origin));
  assert.equal(response.status, 404);
  assert.deepEqual(errors.flat(), []);
});

test('the server stops cleanly', async () => {
  await expectCleanStop(demo, browser);
});
