// Shadow styles arrive with the view (CONTRIBUTING.md, "The loading rule"): before it, an element
// has only its host rules and the space it keeps; the view brings the theme tokens, then the
// component's own shadow styles, adopted after the element's. Theming: docs/contract.md, "Theming".
import {expect} from '@open-wc/testing';
import type {CSSResult, ReactiveElement} from 'lit';
import '../../src/define.js';
import {renderBase} from '../../src/internal/core/light-dom.js';
import {tokenStyles} from '../../src/internal/tokens.js';
import {SereinStrengthMeter} from '../../src/components/strength-meter/strength-meter.js';
import {SereinPasskeyButton} from '../../src/components/passkey-button/passkey-button.js';

type Updatable = HTMLElement & {updateComplete: Promise<unknown>};

const VIEWS: Record<string, () => Promise<{shadowStyles: readonly CSSResult[]}>> = {
  'serein-strength-meter': () => import('../../src/components/strength-meter/strength-meter.view.js'),
  'serein-password-change': () => import('../../src/components/password-change/password-change.view.js'),
  'serein-otp-prompt': () => import('../../src/components/otp-prompt/otp-prompt.view.js'),
  'serein-recovery-wizard': () => import('../../src/components/recovery-wizard/recovery-wizard.view.js'),
  'serein-passkey-button': () => import('../../src/components/passkey-button/passkey-button.view.js'),
};

/**
 * The meter and the passkey button as they are while their view has not arrived (the meter's
 * page-DOM container, empty until then, is left out).
 */
class HeldMeter extends SereinStrengthMeter {
  protected override viewStyles = () => undefined;
  protected override render() {
    return renderBase(true);
  }
  override connectedCallback() {
    super.connectedCallback();
    this.light.container.remove();
  }
}
class HeldPasskeyButton extends SereinPasskeyButton {
  protected override viewStyles = () => undefined;
  protected override render() {
    return renderBase(true);
  }
}
customElements.define('test-held-meter', HeldMeter);
customElements.define('test-held-passkey-button', HeldPasskeyButton);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const brand = '<svg slot="brand" role="img" aria-label="Acme" width="80" height="20"></svg>';

async function mount(html: string, style = ''): Promise<HTMLElement> {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', `font-size: 16px; ${style}`);
  wrapper.innerHTML = html;
  document.body.append(wrapper);
  for (const element of wrapper.querySelectorAll<Updatable>('*')) await element.updateComplete;
  await frame();
  return wrapper;
}

const baseOf = (element: Element) => element.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;

/** One line of text in `wrapper`, in px (what `1lh` resolves to there). */
function lineHeight(wrapper: HTMLElement): number {
  const probe = document.createElement('div');
  probe.style.blockSize = '1lh';
  wrapper.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height;
}

describe('shadow styles', () => {
  let wrapper: HTMLElement | undefined;
  afterEach(() => wrapper?.remove());

  it('adopts the view’s styles after the element’s own: the tokens first, then the component’s', async () => {
    wrapper = await mount(
      Object.keys(VIEWS)
        .map((tag) => `<${tag}></${tag}>`)
        .join(''),
    );
    for (const [tag, load] of Object.entries(VIEWS)) {
      const element = wrapper.querySelector(tag)!;
      const own = (element.constructor as typeof ReactiveElement).elementStyles.map(
        (style) => (style as CSSResult).styleSheet,
      );
      const {shadowStyles} = await load();
      expect(shadowStyles[0], tag).to.equal(tokenStyles);
      expect(element.shadowRoot!.adoptedStyleSheets, tag).to.have.ordered.members([
        ...own,
        ...shadowStyles.map((style) => style.styleSheet),
      ]);
      // The element's own sheets resolve no colour token: those come with the view.
      const eager = own.map((sheet) => [...sheet!.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
      expect(eager, tag).not.to.include('--_accent');
    }
  });

  it('keeps the space, the brand’s place and the text colour before the view, in light and dark', async () => {
    for (const [scheme, text] of [
      ['light', 'rgb(31, 35, 40)'],
      ['dark', 'rgb(230, 237, 243)'],
    ]) {
      wrapper = await mount(
        `<test-held-meter>${brand}</test-held-meter>
         <test-held-passkey-button show-unsupported>${brand}</test-held-passkey-button>
         <serein-strength-meter></serein-strength-meter>`,
        `color-scheme: ${scheme}`,
      );
      const [meter, button, loaded] = [...wrapper.children] as HTMLElement[];
      // The bar (0.375rem), its gap (0.75 of the 0.5rem unit) and three lines of text; the button 7.45rem.
      expect(lineHeight(wrapper)).to.be.within(16, 28);
      expect(baseOf(meter).getBoundingClientRect().height).to.be.closeTo(12 + 3 * lineHeight(wrapper), 0.1);
      expect(baseOf(button).getBoundingClientRect().height).to.be.closeTo(119.2, 0.1);
      for (const element of [meter, button]) {
        const mark = element.querySelector('[slot="brand"]')!.getBoundingClientRect();
        expect(baseOf(element).getBoundingClientRect().top - mark.bottom, element.localName).to.be.closeTo(16, 0.1);
        expect(getComputedStyle(element).color, `${element.localName} ${scheme}`).to.equal(text);
        expect(element.getBoundingClientRect().width, element.localName).to.equal(512);
      }
      expect(getComputedStyle(loaded).color, scheme).to.equal(text);
      wrapper.remove();
    }
  });

  it('resolves the density before the view', async () => {
    wrapper = await mount(`<test-held-meter>${brand}</test-held-meter>`, '--serein-density: 0.75');
    const meter = wrapper.firstElementChild!;
    expect(baseOf(meter).getBoundingClientRect().height).to.be.closeTo(10.5 + 3 * lineHeight(wrapper), 0.1);
    const mark = meter.querySelector('[slot="brand"]')!.getBoundingClientRect();
    expect(baseOf(meter).getBoundingClientRect().top - mark.bottom).to.be.closeTo(12, 0.1);
  });

  it('keeps the notice’s space before the view for a passkey button where passkeys are unsupported, or none when hidden', async () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
    // As in a browser without WebAuthn.
    delete (window as unknown as Record<string, unknown>).PublicKeyCredential;
    try {
      wrapper = await mount(
        '<test-held-passkey-button show-unsupported></test-held-passkey-button><test-held-passkey-button></test-held-passkey-button>',
      );
    } finally {
      if (saved) Object.defineProperty(window, 'PublicKeyCredential', saved);
    }
    const [shown, hidden] = [...wrapper.children];
    expect(shown.matches(':state(unsupported)')).to.equal(true);
    // The notice that passkeys are unsupported (5.75rem), shown because of `show-unsupported`.
    expect(baseOf(shown).getBoundingClientRect().height).to.be.closeTo(92, 0.1);
    expect(getComputedStyle(hidden).display).to.equal('none');
  });

  it('keeps the space of a register button before the view, and none for the automatic upgrade, which shows nothing', async () => {
    const api = window.PublicKeyCredential as unknown as Record<string, unknown>;
    const saved = Object.getOwnPropertyDescriptor(api, 'getClientCapabilities');
    // The browser has not answered yet: the upgrade stays undecided (nothing shown) for the test.
    Object.defineProperty(api, 'getClientCapabilities', {configurable: true, value: () => new Promise(() => {})});
    try {
      wrapper = await mount(
        '<test-held-passkey-button mode="register"></test-held-passkey-button><test-held-passkey-button mode="register" conditional></test-held-passkey-button>',
      );
      const [offer, upgrade] = [...wrapper.children];
      expect(baseOf(offer).getBoundingClientRect().height).to.be.closeTo(136.8, 0.1);
      expect(upgrade.matches(':state(upgrading)')).to.equal(true);
      expect(baseOf(upgrade).getBoundingClientRect().height).to.equal(0);
    } finally {
      wrapper?.remove();
      if (saved) Object.defineProperty(api, 'getClientCapabilities', saved);
      else delete api.getClientCapabilities;
    }
  });

  it('keeps its styles when moved into another shadow root', async () => {
    wrapper = await mount('<serein-passkey-button show-unsupported></serein-passkey-button>');
    const button = wrapper.firstElementChild as Updatable;
    const host = document.createElement('div');
    wrapper.append(host);
    const root = host.attachShadow({mode: 'open'});
    root.append(button);
    button.setAttribute('style', '--serein-color-accent: rgb(15, 118, 110)');
    await button.updateComplete;
    await frame();
    const control = button.shadowRoot!.querySelector('.serein-button')!;
    expect(getComputedStyle(control).backgroundColor).to.equal('rgb(15, 118, 110)');
    expect(getComputedStyle(baseOf(button)).display).to.equal('grid');
  });

  it('keeps its styles when moved into another document, and back', async () => {
    const frameElement = document.createElement('iframe');
    wrapper = await mount('<serein-passkey-button show-unsupported></serein-passkey-button>');
    wrapper.append(frameElement);
    const button = wrapper.firstElementChild as Updatable;
    button.setAttribute('style', '--serein-color-accent: rgb(15, 118, 110)');
    const other = frameElement.contentDocument!;
    other.body.append(button);
    await button.updateComplete;
    const inFrame = frameElement.contentWindow!;
    const control = () => button.shadowRoot!.querySelector('.serein-button')!;
    expect(inFrame.getComputedStyle(control()).backgroundColor).to.equal('rgb(15, 118, 110)');
    expect(inFrame.getComputedStyle(button).maxInlineSize).to.equal('512px');
    wrapper.prepend(button);
    await button.updateComplete;
    expect(getComputedStyle(control()).backgroundColor).to.equal('rgb(15, 118, 110)');
    expect(getComputedStyle(button).maxInlineSize).to.equal('512px');
  });
});
