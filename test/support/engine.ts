// Which browser engine runs the tests. Every component suite runs in Chromium
// (web-test-runner.config.js) and in Firefox (web-test-runner.firefox.config.js).

/** The engine of this test page. */
export const engine: 'firefox' | 'chromium' = navigator.userAgent.includes('Firefox/') ? 'firefox' : 'chromium';

type Body = (this: Mocha.Context) => PromiseLike<unknown> | void;

/**
 * Tests that need something only the Chromium launcher has (the DevTools protocol: the virtual
 * authenticator, media emulation). They run in Chromium and are listed as skipped in Firefox;
 * each title ends with why, e.g. "… (Chromium: CDP virtual authenticator)".
 */
export function chromiumOnly(reason: string) {
  const suffix = (title: string) => `${title} (Chromium: ${reason})`;
  const inChromium = engine === 'chromium';
  return {
    it: (title: string, body: Body) => (inChromium ? it : it.skip)(suffix(title), body),
    describe: (title: string, body: (this: Mocha.Suite) => void) =>
      (inChromium ? describe : describe.skip)(suffix(title), body),
  };
}
