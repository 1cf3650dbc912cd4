// axe-core on every rendered email, in Chromium, in light and dark mode (the dark-mode styles
// must keep the contrast too). Runs after `npm run build`; needs Chromium (CHROME_PATH or
// /usr/bin/chromium).
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {after, before, test} from 'node:test';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const messages = await import(join(root, 'dist/messages.js'));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const base = {
  brand: 'Acme',
  customerName: 'Ada Lovelace',
  supportHref: 'https://acme.example/help',
  when: new Date('2026-12-02T09:30:00Z'),
  device: 'Firefox on Linux',
  location: 'near Lyon, France',
  links: {recovery: 'https://acme.example/recover'},
};
const emails = (locale) => ({
  passwordChangeInvitation: messages.passwordChangeInvitation({
    ...base,
    locale,
    reason: 'suspicious-activity',
    site: 'https://acme.example',
    deadline: '2026-12-20T12:00:00Z',
    deferrable: true,
  }),
  passwordChanged: messages.passwordChanged({...base, locale}),
  passkeyAdded: messages.passkeyAdded({...base, locale}),
  twoStepChanged: messages.twoStepChanged({...base, locale, change: 'turned-on'}),
  newSignIn: messages.newSignIn({...base, locale, colors: {accent: '#0b6e4f', onAccent: '#ffffff'}}),
  recoveryCode: messages.recoveryCode({...base, locale, code: 'K7Q2M9', expiresInMinutes: 15}),
  signInCode: messages.signInCode({...base, locale, code: '482913', expiresInMinutes: 10}),
});

let browser;
before(async () => {
  browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs, headless: true});
});
after(() => browser?.close());

test('axe finds no violation in any email, in any locale, in light and dark mode', async () => {
  const page = await browser.newPage();
  // The emails load nothing: any request would be a remote resource.
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  let checked = 0;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({colorScheme});
    for (const locale of messages.MESSAGE_LOCALES) {
      for (const [name, email] of Object.entries(emails(locale))) {
        await page.setContent(email.html, {waitUntil: 'load'});
        await page.addScriptTag({path: axePath});
        // Every rule, best practices included, except the two about page landmarks: an email is
        // shown inside the mail client's page, which has its own.
        const result = await page.evaluate(() =>
          // @ts-expect-error axe is the global the script tag defines
          window.axe.run(document, {
            resultTypes: ['violations'],
            rules: {region: {enabled: false}, 'landmark-one-main': {enabled: false}},
          }),
        );
        const violations = result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`,
        );
        assert.deepEqual(violations, [], `${colorScheme} ${locale} ${name}`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), locale);
        const card = await page.evaluate(() => getComputedStyle(document.querySelector('.sr-card')).backgroundColor);
        assert.equal(
          card,
          colorScheme === 'dark' ? 'rgb(31, 41, 55)' : 'rgb(255, 255, 255)',
          'the dark-mode styles apply',
        );
        checked++;
      }
    }
  }
  assert.equal(checked, 7 * 2 * messages.MESSAGE_LOCALES.length);
  assert.deepEqual(
    requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:')),
    [],
  );
  await page.close();
});
