import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import type {ComponentHarness} from './harness.js';

/**
 * Right-to-left pages and a 320 px wide screen, with no horizontal scrolling (`docs/contract.md`,
 * "Accessibility"; `docs/requirements.md` A11Y-12, A11Y-13). Every state on a plain page, in every
 * language: test/browser/plain-page-320.test.ts.
 */
export function layoutSuite(harness: ComponentHarness): void {
  describe(`${harness.tag}: right-to-left and 320 px`, () => {
    let container: HTMLElement;
    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
    });
    afterEach(async () => {
      container.remove();
      document.documentElement.removeAttribute('dir');
      await setViewport({width: 800, height: 600});
    });

    for (const dir of ['ltr', 'rtl'] as const) {
      it(`fits a 320 px wide screen without horizontal scrolling (${dir}) and stays accessible`, async () => {
        await setViewport({width: 320, height: 640});
        document.documentElement.dir = dir;
        const element = await harness.mount(container);
        await harness.enterSecret(
          element,
          'a rather long pass phrase that wraps across lines on a narrow phone screen',
        );
        await harness.settle(element);
        expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
        const box = element.getBoundingClientRect();
        expect(box.left).to.be.at.least(0);
        expect(box.right).to.be.at.most(320);
        for (const node of [element, ...element.querySelectorAll('*')]) {
          const rect = node.getBoundingClientRect();
          if (rect.width === 0 || getComputedStyle(node).position === 'absolute') continue;
          expect(rect.right, `${node.localName} stays on screen`).to.be.at.most(320.5);
          expect(rect.left, `${node.localName} stays on screen`).to.be.at.least(-0.5);
        }
        await expect(element).to.be.accessible();
      });
    }
  });
}
