import {expect} from '@open-wc/testing';
import type {ComponentHarness} from './harness.js';

/**
 * The fields live in the page's DOM (`docs/contract.md`, "Fields in the page (light DOM)"): found
 * by `document.querySelector`, with their references resolved in the same tree, and styled once
 * per root, also inside another component's shadow root.
 */
export function lightDomFields(harness: ComponentHarness): void {
  describe(`${harness.tag}: light-DOM fields`, () => {
    let container: HTMLElement;
    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
    });
    afterEach(() => container.remove());

    it('puts its fields where the page (and password managers) can see them', async () => {
      const element = await harness.mount(container);
      await harness.settle(element);
      for (const selector of harness.lightDomSelectors) {
        const found = document.querySelector(selector);
        expect(found, selector).to.exist;
        expect(element.contains(found), `${selector} is the component's own`).to.equal(true);
      }
    });

    it('resolves every id reference of its parts in the same tree', async () => {
      const element = await harness.mount(container);
      await harness.settle(element);
      const root = element.getRootNode() as Document;
      const referencing = [element, ...element.querySelectorAll('*')];
      const references = referencing.flatMap((node) =>
        ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for'].flatMap((name) =>
          (node.getAttribute(name) ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => ({name, id})),
        ),
      );
      for (const {name, id} of references) expect(root.getElementById(id), `${name}="${id}"`).to.exist;
    });

    it('works inside another component’s shadow root, with its styles adopted there once', async () => {
      const outer = document.createElement('div');
      container.append(outer);
      const shadow = outer.attachShadow({mode: 'open'});
      const inner = document.createElement('div');
      shadow.append(inner);
      const first = await harness.mount(inner);
      await harness.settle(first);
      const adoptedOnce = shadow.adoptedStyleSheets.length;
      expect(adoptedOnce, 'light-DOM styles adopted into the shadow root').to.be.greaterThan(0);
      const second = document.createElement('div');
      shadow.append(second);
      await harness.settle(await harness.mount(second));
      expect(shadow.adoptedStyleSheets.length, 'adopted once per root').to.equal(adoptedOnce);
      for (const selector of harness.lightDomSelectors) {
        expect(shadow.querySelector(selector), selector).to.exist;
        expect(document.querySelector(selector), `${selector} stays in its shadow root`).to.equal(null);
      }
      const rules = shadow.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n');
      expect(rules).to.include('@layer serein');
      expect(rules).to.include(harness.tag);
    });
  });
}
