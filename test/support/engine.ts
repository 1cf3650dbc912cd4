// Which browser engine runs the tests. Every component suite runs in Chromium
// (web-test-runner.config.js) and in Firefox (web-test-runner.firefox.config.js).

/** The engine of this test page. */
export const engine: 'firefox' | 'chromium' = navigator.userAgent.includes('Firefox/') ? 'firefox' : 'chromium';

/**
 * A test that needs the DevTools protocol (the virtual authenticator, media emulation), which
 * only the Chromium launcher speaks: it runs in Chromium and is listed as skipped in Firefox.
 * Its name says why, e.g. "… (Chromium: CDP virtual authenticator)".
 */
export const itWithCdp: Mocha.TestFunction | Mocha.PendingTestFunction = engine === 'chromium' ? it : it.skip;

/** A group of such tests (see {@link itWithCdp}). */
export const describeWithCdp: Mocha.SuiteFunction | Mocha.PendingSuiteFunction =
  engine === 'chromium' ? describe : describe.skip;
