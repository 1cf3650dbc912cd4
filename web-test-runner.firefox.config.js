import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import chromium from './web-test-runner.config.js';
import {firefoxPath} from './scripts/firefox.mjs';

// The same component tests in Firefox ESR (`npm run test:unit:firefox`). Playwright cannot drive
// Debian's Firefox (it needs its own patched build), so web-test-runner's puppeteer launcher
// (@web/test-runner-chrome with puppeteer-core, the launcher behind @web/test-runner-puppeteer)
// drives it over WebDriver BiDi: no geckodriver and no browser download. sendKeys, sendMouse and
// setViewport work over BiDi; the DevTools-protocol helpers (the virtual authenticator and
// emulateMedia) do not, so the tests that need them run in Chromium only and say so in their
// names (see test/support/engine.ts).

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...chromium,
  // One page at a time: Firefox throttles timers and withholds focus in background tabs.
  concurrency: 1,
  browserStartTimeout: 120000,
  browsers: [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {browser: 'firefox', executablePath: firefoxPath, headless: true},
    }),
  ],
};
