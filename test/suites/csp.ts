import {expect} from '@open-wc/testing';
import {until} from '../support/helpers.js';

interface CspReport {
  done: boolean;
  ok: boolean;
  detail: string;
  violations: string[];
}

/**
 * Runs `test/fixtures/csp-<scenario>.ts` in a page served with a strict CSP and Trusted Types
 * enforced (see web-test-runner.config.js) and expects zero `securitypolicyviolation`.
 */
export function strictCspSuite(tag: string, scenario: string): void {
  describe(`${tag}: strict CSP with Trusted Types`, () => {
    it('works with zero securitypolicyviolation', async () => {
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
        expect(report.ok, report.detail).to.equal(true);
      } finally {
        frame.remove();
      }
    });
  });
}
