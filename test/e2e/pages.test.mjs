// Every page of the demo and of the examples under the server's real Content-Security-Policy
// (Trusted Types enforced): no violation, no error, the components registered. Also the language
// switch (Arabic, right to left, with axe) and /.well-known/change-password in the browser.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {generate} from 'otplib';
import {
  client,
  componentsReady,
  expectAccessible,
  expectCleanStop,
  launchBrowser,
  newContext,
  recordErrors,
  SEED,
  signInWithForm,
  startDemo,
  visit,
} from './support/demo.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** A page that enforces the CSP and records its violations. */
async function strictPage() {
  const context = await browser.newContext({baseURL: demo.origin});
  context.setDefaultTimeout(15_000);
  await context.addInitScript(() => {
    /** @type {string[]} */
    const violations = [];
    Object.defineProperty(window, 'cspViolations', {value: violations});
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`),
    );
  });
  const page = await context.newPage();
  return {page, errors: recordErrors(page)};
}

/**
 * Opens each path and expects no violation; where there is a new-password field, types into it so
 * that the strength meter loads its worker and dictionaries under the policy too.
 * @param {import('playwright-core').Page} page
 * @param {string[]} errors
 * @param {string[]} paths
 */
async function expectNoViolations(page, errors, paths) {
  for (const path of paths) {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, path);
    assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
    await componentsReady(page);
    const usesSerein = await page.evaluate(
      () => !!document.querySelector('serein-password-change, serein-strength-meter'),
    );
    if (usesSerein) {
      assert.ok(
        await page.evaluate(() => customElements.get('serein-strength-meter') !== undefined),
        `${path}: registered`,
      );
      await page
        .locator('input[autocomplete="new-password"]:visible')
        .first()
        .pressSequentially('mango kiwi 1987 pear');
      await page
        .locator('serein-strength-meter:visible', {hasText: /Strong|Good/})
        .first()
        .waitFor();
    }
    assert.deepEqual(
      await page.evaluate(
        () => /** @type {{cspViolations: string[]}} */ (/** @type {unknown} */ (window)).cspViolations,
      ),
      [],
      `CSP violations on ${path}`,
    );
  }
  assert.deepEqual(errors, []);
}

test('signed out: every page works under the strict CSP', async () => {
  const {page, errors} = await strictPage();
  await expectNoViolations(page, errors, [
    '/',
    '/sign-in',
    '/recover',
    '/recover/link',
    '/outbox',
    '/funnel',
    '/help',
    '/examples/plain-html/',
    '/examples/react/',
    '/examples/vue/',
  ]);
  await page.context().close();
});

test('signed in: the account pages and the examples work under the strict CSP', async () => {
  const {page, errors} = await strictPage();
  await page.goto('/sign-in');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/account');
  await expectNoViolations(page, errors, [
    '/account',
    '/account/password',
    '/account/two-step',
    '/account/confirm',
    '/examples/plain-html/',
    '/examples/react/',
    '/examples/vue/',
  ]);
  await page.context().close();
});

test('the second-step page works under the strict CSP', async () => {
  // Two-step verification on, over HTTP; then the browser signs in and lands on the second step.
  const http = client(demo.origin);
  await http.request('/api/session', {body: {email: SEED.email, password: SEED.password}});
  const {json} = await http.request('/api/totp/enrolment', {body: {}});
  const confirmed = await http.request('/api/totp/enrolment/confirm', {
    body: {code: await generate({secret: json.secret})},
  });
  assert.equal(confirmed.status, 200);

  const {page, errors} = await strictPage();
  await page.goto('/sign-in');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/two-factor');
  await expectNoViolations(page, errors, ['/two-factor']);
  await page.context().close();
  await http.request('/api/totp/disable', {body: {}});
});

test('the language switch follows through: Arabic, right to left, still accessible', async () => {
  const page = await (await newContext(browser, demo)).newPage();
  await visit(page, '/sign-in');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/account');
  await visit(page, '/account/password');
  const title = page.locator('serein-password-change h2');
  // The brand is isolated (U+2068…U+2069) inside the sentence, for right-to-left languages.
  const english = 'Change your \u2068Serein demo\u2069 password';
  assert.equal(await title.textContent(), english);
  await page.getByLabel('Language').selectOption('ar');
  await page.locator('html[lang="ar"][dir="rtl"]').waitFor();
  await page.waitForFunction(
    (before) => document.querySelector('serein-password-change h2')?.textContent !== before,
    english,
  );
  await expectAccessible(page);
  // The choice is kept for the next page.
  await visit(page, '/account');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.getByLabel('Language').selectOption('en');
  await page.context().close();
});

test('/.well-known/change-password takes a signed-in customer to the change-password form', async () => {
  const page = await (await newContext(browser, demo)).newPage();
  await page.goto('/.well-known/change-password');
  await page.waitForURL('**/sign-in?next=%2Faccount%2Fpassword');
  await signInWithForm(page, {email: SEED.email, password: SEED.password}, '/account/password');
  await page.goto('/.well-known/change-password');
  await page.waitForURL('**/account/password');
  await page.locator('input[autocomplete="new-password"]').waitFor();
  await expectAccessible(page);
  await page.context().close();
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
