import {expect} from '@open-wc/testing';
import type {ComponentHarness} from './harness.js';
import {captureConsole} from '../support/helpers.js';

function markupOf(element: Element): string {
  let markup = element.outerHTML;
  const walk = (node: Element) => {
    if (node.shadowRoot) {
      markup += node.shadowRoot.innerHTML;
      node.shadowRoot.querySelectorAll('*').forEach(walk);
    }
  };
  walk(element);
  element.querySelectorAll('*').forEach(walk);
  return markup;
}

/**
 * Secrets never leak (`docs/contract.md`, "Security of the UI code"; `docs/requirements.md` SEC-04,
 * SEC-06, SEC-07): not in any attribute, the URL, storage, cookies, the console, nor any event but
 * the one that needs it.
 */
export function secretsNeverLeak(harness: ComponentHarness): void {
  describe(`${harness.tag}: secrets never leak`, () => {
    let container: HTMLElement;
    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
    });
    afterEach(() => container.remove());

    it('keeps the secret out of attributes, the URL, storage, the console and other events', async () => {
      const secret = harness.secret?.() ?? `Zq8!${Math.random().toString(36).slice(2)} léa pass phrase 🔑`;
      const href = location.href;
      const details: {type: string; json: string}[] = [];
      const original = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
        if (event instanceof CustomEvent) {
          let json = '';
          try {
            json = JSON.stringify(event.detail);
          } catch {
            json = String(event.detail);
          }
          details.push({type: event.type, json});
        }
        return original.call(this, event);
      };
      let element!: HTMLElement;
      let logged: string[] = [];
      try {
        logged = await captureConsole(async () => {
          element = await harness.mount(container);
          await harness.enterSecret(element, secret);
          await harness.settle(element);
        });
      } finally {
        EventTarget.prototype.dispatchEvent = original;
      }
      const markup = markupOf(element);
      // Input values are properties, not attributes: a password in markup would be a leak.
      expect(markup).not.to.include(secret);
      expect(location.href).to.equal(href);
      const stored = [JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage}), document.cookie].join(
        '\n',
      );
      expect(stored).not.to.include(secret);
      expect(logged.join('\n')).not.to.include(secret);
      const leaking = details.filter(
        (entry) => !harness.secretEvents.includes(entry.type) && entry.json.includes(secret),
      );
      expect(leaking.map((entry) => entry.type)).to.deep.equal([]);
      expect(details.length, 'the component dispatched events to inspect').to.be.greaterThan(0);
    });
  });
}
