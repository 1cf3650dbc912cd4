// Theming (docs/contract.md, "Theming"): the public tokens reach every element's controls, the
// density token scales spacing and control height, and the brand slot sits at the top.
import {expect} from '@open-wc/testing';
import '../../src/define.js';

const TAGS = [
  'serein-strength-meter',
  'serein-password-change',
  'serein-otp-prompt',
  'serein-recovery-wizard',
  'serein-passkey-button',
] as const;

type Updatable = HTMLElement & {updateComplete: Promise<unknown>};

async function mountAll(style: string): Promise<{wrapper: HTMLElement; elements: Updatable[]}> {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', style);
  wrapper.innerHTML = `
    <input id="theme-pw" type="password" aria-label="New password">
    <serein-strength-meter for="theme-pw"><svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg></serein-strength-meter>
    <serein-password-change username="camille@example.com"><svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg></serein-password-change>
    <serein-otp-prompt><svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg></serein-otp-prompt>
    <serein-recovery-wizard><svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg></serein-recovery-wizard>
    <serein-passkey-button mode="register" show-unsupported><svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg></serein-passkey-button>`;
  document.body.append(wrapper);
  const elements = TAGS.map((tag) => wrapper.querySelector<Updatable>(tag)!);
  for (const element of elements) await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return {wrapper, elements};
}

const submitOf = (element: Element) => element.querySelector<HTMLButtonElement>('button[type="submit"]')!;

describe('theming', () => {
  let wrapper: HTMLElement | undefined;
  afterEach(() => wrapper?.remove());

  it('shows the brand slot first, above the rest of each element', async () => {
    let elements: Updatable[];
    ({wrapper, elements} = await mountAll(''));
    for (const element of elements) {
      const mark = element.querySelector('[slot="brand"]')!;
      expect(mark.assignedSlot?.name, element.localName).to.equal('brand');
      const base = element.shadowRoot!.querySelector('[part~="base"]')!;
      expect(mark.getBoundingClientRect().bottom, element.localName).to.be.at.most(base.getBoundingClientRect().top);
      expect(mark.getBoundingClientRect().height, element.localName).to.equal(20);
    }
  });

  it('takes no space for an empty brand slot', async () => {
    let elements: Updatable[];
    ({wrapper, elements} = await mountAll(''));
    const element = elements[1];
    const base = element.shadowRoot!.querySelector('[part~="base"]')!;
    const withMark = base.getBoundingClientRect().top - element.getBoundingClientRect().top;
    element.querySelector('[slot="brand"]')!.remove();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(withMark).to.be.above(20);
    expect(base.getBoundingClientRect().top - element.getBoundingClientRect().top).to.equal(0);
  });

  it('routes colours, radius, fonts and the focus ring of the forms through the tokens', async () => {
    let elements: Updatable[];
    ({wrapper, elements} = await mountAll(
      [
        '--serein-color-accent: rgb(15, 118, 110)',
        '--serein-color-on-accent: rgb(1, 2, 3)',
        '--serein-radius: 12px',
        '--serein-font: monospace',
        '--serein-heading-font-weight: 300',
        '--serein-heading-font-size: 30px',
        '--serein-focus-width: 5px',
        '--serein-color-focus: rgb(180, 83, 9)',
      ].join(';'),
    ));
    for (const element of elements.slice(1, 4)) {
      const button = submitOf(element);
      const style = getComputedStyle(button);
      expect(style.backgroundColor, element.localName).to.equal('rgb(15, 118, 110)');
      expect(style.color, element.localName).to.equal('rgb(1, 2, 3)');
      expect(style.borderTopLeftRadius, element.localName).to.equal('12px');
      expect(style.fontFamily, element.localName).to.equal('monospace');
      const heading = getComputedStyle(element.querySelector('h2')!);
      expect([heading.fontWeight, heading.fontSize], element.localName).to.deep.equal(['300', '30px']);
      // A text field focused from script shows its focus ring (it matches :focus-visible).
      const input = element.querySelector<HTMLInputElement>('.serein-input')!;
      input.focus();
      expect(input.matches(':focus-visible'), element.localName).to.equal(true);
      // The code prompt's boxes draw the ring of its (transparent) input: the active box.
      if (element.localName === 'serein-otp-prompt') await element.updateComplete;
      const ring = element.querySelector<HTMLElement>('.serein-code__box.is-active') ?? input;
      expect(getComputedStyle(ring).outlineWidth, element.localName).to.equal('5px');
      expect(getComputedStyle(ring).outlineColor, element.localName).to.equal('rgb(180, 83, 9)');
    }
  });

  it('scales control height and spacing with --serein-density', async () => {
    let elements: Updatable[];
    ({wrapper, elements} = await mountAll('font-size: 16px'));
    const comfortable = submitOf(elements[1]).getBoundingClientRect().height;
    const comfortableMin = getComputedStyle(submitOf(elements[1])).minHeight;
    const comfortableGap = getComputedStyle(elements[1].querySelector('form')!).rowGap;
    wrapper.remove();
    ({wrapper, elements} = await mountAll('font-size: 16px; --serein-density: 0.75'));
    const compact = submitOf(elements[1]).getBoundingClientRect().height;
    // 2.75rem and 0.75 × 2.75rem; the rendered height also depends on the engine's line height.
    expect([comfortableMin, getComputedStyle(submitOf(elements[1])).minHeight]).to.deep.equal(['44px', '33px']);
    expect(comfortable).to.be.at.least(44);
    expect(compact).to.be.below(comfortable);
    expect([comfortableGap, getComputedStyle(elements[1].querySelector('form')!).rowGap]).to.deep.equal([
      '16px',
      '12px',
    ]);
    // The wizard's embedded parts follow the density set around the wizard.
    const wizardButton = submitOf(elements[3]);
    expect(wizardButton.getBoundingClientRect().height).to.be.closeTo(compact, 1);
  });
});
