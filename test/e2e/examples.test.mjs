// The examples that prove framework independence, built (`npm run build:examples`) and served by
// the demo: a plain HTML page, a React 19 app and a Vue 3 app, each changing the password of the
// signed-in account through <serein-password-change> and the demo's API, with axe on each page.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {
  client,
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
/** @type {string[]} */
const errors = [];
// Each example changes the password again.
let password = SEED.password;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

const examples = [
  {name: 'plain-html', title: 'Serein in a plain HTML page', newPassword: 'a plain page needs no build step'},
  {name: 'react', title: 'Serein in a React 19 app', newPassword: 'react renders the custom element'},
  {name: 'vue', title: 'Serein in a Vue 3 app', newPassword: 'vue binds the element properties'},
];

for (const example of examples) {
  test(`${example.name}: signed out, it offers to sign in`, async () => {
    const page = await (await newContext(browser, demo)).newPage();
    errors.push(...recordErrors(page));
    await visit(page, `/examples/${example.name}/`);
    await page.getByRole('heading', {level: 1, name: example.title}).waitFor();
    await page.getByRole('link', {name: 'Sign in to the demo'}).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  test(`${example.name}: the strength meter and <serein-password-change> work against the demo API`, async () => {
    const context = await newContext(browser, demo);
    const page = await context.newPage();
    const pageErrors = recordErrors(page);
    // Sign in through the demo, which comes back to the example.
    await visit(page, `/sign-in?next=/examples/${example.name}/`);
    await signInWithForm(page, {email: SEED.email, password}, `/examples/${example.name}/`);
    await page.getByText(`Signed in to the demo as ${SEED.email}.`).waitFor();
    await expectAccessible(page);

    // The meter on its own, through its typed event; its estimate runs in the worker the app's
    // build emitted (or, for the plain page, the one beside the bundle).
    const workers = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByLabel('Try a password (nothing is sent)').pressSequentially('mango kiwi 1987 pear');
    await page.getByText(/^Score [34] of 4: acceptable\.$/).waitFor();
    assert.equal(workers.filter((url) => /\/estimator-worker[\w-]*\.js$/.test(url)).length, 1, workers.join(', '));

    // Properties set by the framework reached the element: the username for password managers,
    // and "sign out of other devices".
    const form = page.locator('serein-password-change');
    assert.equal(await form.locator('input[autocomplete="username"]').inputValue(), SEED.email);
    await form.getByLabel('Sign out of other devices').check();
    await form.getByLabel('Current password', {exact: true}).pressSequentially(password);
    await form.getByLabel('New password', {exact: true}).pressSequentially(example.newPassword);
    await form.getByRole('button', {name: 'Save the new password'}).click();
    await page.getByRole('heading', {name: 'Your password has been changed'}).waitFor();
    await expectAccessible(page);
    assert.deepEqual(pageErrors, []);
    await context.close();

    // The server has the new password.
    const signIn = await client(demo.origin).request('/api/session', {
      body: {email: SEED.email, password: example.newPassword},
    });
    assert.deepEqual([signIn.status, signIn.json], [200, {next: '/account'}]);
    password = example.newPassword;
  });
}

test('no example threw an error', () => {
  assert.deepEqual(errors, []);
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo, browser));
