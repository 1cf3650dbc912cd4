// Every component in the pseudo-locale (scripts/pseudo-locale.mjs: accented, about 40 % longer,
// each message between ⟦ and ⟧), in the states of the plain-page test, on a 320 px page:
// - every text the customer can see or hear is inside the markers: a string outside them was
//   never passed through msg() and would stay English in every language (host values excepted);
// - nothing overflows its box or is cut: what the longer text does here, German or Polish does
//   in production (docs/requirements.md, WCAG reflow).
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {configureLocalization} from '@lit/localize';
import * as pseudo from '../../src/generated/pseudo-locale.js';
import {
  allElements,
  audit,
  describeNode,
  LONG_ADDRESS,
  LONG_MESSAGE,
  SCENES,
  unseen,
  WIDTH,
} from '../support/plain-page.js';

/** What the scenes pass in as the host: shown as given, never translated. */
const HOST_VALUES = [
  LONG_ADDRESS,
  LONG_MESSAGE,
  '•••• 42',
  'REF-9X',
  'ACME-7Q2K-42',
  'camille.dupont-lefebvre@example.com',
  'c@x.fr',
];

/** Text with every ⟦…⟧ (nested ones too) and every host value taken out. */
function outsideMarkers(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const value of HOST_VALUES) rest = rest.split(value).join(' ');
  return rest;
}

/** The rendered text nodes of `component`, light DOM and open shadow roots. */
function renderedText(component: Element): Text[] {
  const roots: Node[] = [component, ...allElements(component).flatMap((element) => element.shadowRoot ?? [])];
  const found: Text[] = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('style, script, template')) continue;
      // Rendered: shown, or read by screen readers (visually hidden text counts too).
      if (parent.checkVisibility({visibilityProperty: true})) found.push(node as Text);
    }
  }
  return found;
}

/** The rendered texts that hold letters outside the markers. */
function untranslated(component: Element): string[] {
  // Letters only: digits (a code the customer typed, the 1–5 of a scale) are not translated.
  return renderedText(component)
    .filter((node) => /\p{L}/u.test(outsideMarkers(node.data)))
    .map((node) => `${node.parentElement!.localName}: “${node.data.trim()}”`);
}

/** Boxes whose content is wider than they are: the component itself and every block that holds text. */
function overflowing(component: Element): string[] {
  const found: string[] = [];
  for (const element of allElements(component)) {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) continue;
    const holdsText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
    );
    if (element !== component && !holdsText) continue;
    // Inline boxes have no client width of their own; their block is measured instead.
    // Visually hidden text (clipped to one pixel, for screen readers) is meant to be wider than its box.
    if (element.clientWidth === 0 || unseen(element, element.getBoundingClientRect())) continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      found.push(`${describeNode(element)} overflows (${element.scrollWidth} > ${element.clientWidth} px)`);
    }
  }
  return found;
}

const COMPONENTS: Record<string, string> = {
  '<serein-strength-meter>': 'strength meter',
  '<serein-password-change>': 'password form',
  '<serein-otp-prompt>': 'code prompt',
  '<serein-recovery-wizard>': 'recovery wizard',
  '<serein-passkey-button>': 'passkey button',
};

describe(`the pseudo-locale ${pseudo.locale} on a plain ${WIDTH} px page`, () => {
  let container: HTMLElement;
  before(async () => {
    const {setLocale} = configureLocalization({
      sourceLocale: 'en',
      targetLocales: [pseudo.locale],
      loadLocale: async () => pseudo,
    });
    document.body.removeAttribute('style');
    document.documentElement.lang = pseudo.locale;
    await setLocale(pseudo.locale);
    await setViewport({width: WIDTH, height: 640});
  });
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());
  after(async () => {
    document.documentElement.lang = 'en';
    await setViewport({width: 800, height: 600});
  });

  it('the pseudo-locale has every message, marked and longer than English', () => {
    const templates = Object.entries(pseudo.templates);
    expect(templates.length).to.be.greaterThan(150);
    expect(pseudo.growth, 'about 40 % longer than English').to.be.within(0.35, 0.6);
    for (const [id, template] of templates) {
      const text = typeof template === 'string' ? template : template.strings.join('{}');
      expect(text.startsWith('⟦') && text.endsWith('⟧'), id).to.equal(true);
    }
  });

  for (const [component, prefix] of Object.entries(COMPONENTS)) {
    describe(component, () => {
      const scenes = Object.entries(SCENES).filter(([name]) => name.startsWith(prefix));
      it('has scenes', () => expect(scenes.length).to.be.greaterThan(0));
      for (const [name, scene] of scenes) {
        it(`${name}: every text inside the markers, nothing overflowing or cut`, async () => {
          const element = await scene(container);
          await (element as HTMLElement & {updateComplete?: Promise<unknown>}).updateComplete;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const marked = renderedText(element).filter((node) => node.data.includes('⟦'));
          expect(marked.length, 'texts in the pseudo-locale').to.be.greaterThan(0);
          const problems = [...untranslated(element), ...overflowing(element), ...audit(element)];
          expect(problems, problems.join('\n')).to.deep.equal([]);
        });
      }
    });
  }

  it('finds a hard-coded string and an overflowing box', () => {
    const probe = document.createElement('div');
    probe.innerHTML = `<p>⟦Ţéšţ⟧ Hard-coded</p><p style="width: 40px; white-space: nowrap">⟦Ţéšţ ţéšţ ţéšţ ţéšţ⟧</p>`;
    container.append(probe);
    expect(untranslated(probe)).to.deep.equal(['p: “⟦Ţéšţ⟧ Hard-coded”']);
    expect(overflowing(probe)).to.have.length(1);
  });
});
