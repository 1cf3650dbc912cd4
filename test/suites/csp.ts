import {expect} from '@open-wc/testing';
import {until} from '../support/helpers.js';
import {engine} from '../support/engine.js';

interface CspReport {
  done: boolean;
  ok: boolean;
  detail: string;
  violations: string[];
  trustedTypes: boolean;
}

/**
 * Runs `test/fixtures/csp-<scenario>.ts` in a page served with a strict CSP and Trusted Types
 * enforced (see web-test-runner.config.js) and expects zero `securitypolicyviolation`. A browser
 * without Trusted Types (older Firefox and Safari) runs the page under the rest of
 * the policy, with plain strings: the test's name then says so.
 */
export function strictCspSuite(tag: string, scenario: string): void {
  describe(`${tag}: strict CSP with Trusted Types`, () => {
    const name =
      'trustedTypes' in window
        ? 'works with zero securitypolicyviolation'
        : 'works with zero securitypolicyviolation (no Trusted Types in this browser: the rest of the policy enforced)';
    it(name, async () => {
      const frame = document.createElement('iframe');
      frame.src = `/test/fixtures/csp.html?scenario=${encodeURIComponent(scenario)}`;
      document.body.append(frame);
      try {
        const report = await until(
          () => {
            const value = (frame.contentWindow as (Window & {sereinCsp?: CspReport}) | null)?.sereinCsp;
            return value?.done ? value : undefined;
          },
          'the CSP page to finish',
          15000,
        );
        expect(report.violations).to.deep.equal([]);
        // The page had Trusted Types wherever this page has them (Chromium always).
        expect(report.trustedTypes, 'window.trustedTypes').to.equal('trustedTypes' in window);
        if (engine === 'chromium') expect(report.trustedTypes, 'Trusted Types in Chromium').to.equal(true);
        expect(report.ok, report.detail).to.equal(true);
      } finally {
        frame.remove();
      }
    });
  });
}
