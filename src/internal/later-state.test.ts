import {expect, fixture, html as testHtml} from '@open-wc/testing';
import {css, html, noChange} from 'lit';
import {state} from 'lit/decorators.js';
import {SereinElement} from './core/serein-element.js';
import {LightDomController} from './core/light-dom.js';
import {lazyView, type Lazy} from './core/lazy.js';
import {later} from './later-state.js';

/** A later state's module, as a states module exports it. */
interface ProbeStates {
  lightStyles: ReturnType<typeof css>;
  renderError(): unknown;
}

const probeStyles = css`
  @layer serein {
    later-state-probe .probe-error {
      outline-offset: 7px;
    }
  }
`;

/** A module whose arrival the test decides (a real import() cannot be held back). */
function heldModule(): {module: Lazy<ProbeStates>; arrive(): void} {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<ProbeStates>((resolve) => {
    arrive = () =>
      resolve({
        lightStyles: probeStyles,
        renderError: () => html`<p class="probe-error" tabindex="-1">Something went wrong.</p>`,
      });
  });
  const box: {value: ProbeStates | undefined; load(): Promise<ProbeStates>} = {
    value: undefined,
    load: () => arrived.then((value) => (box.value = value)),
  };
  return {module: box, arrive};
}

let held = heldModule();

/** A light-DOM element whose view renders its error state through later(), as the forms do. */
class LaterStateProbe extends SereinElement {
  @state() failed = false;
  readonly light: LightDomController = new LightDomController(this, {
    view: lazyView(async () => ({})),
    render: () => {
      if (!this.failed) return html`<p class="probe-first">Enter your code.</p>`;
      const states = later(this, this.light, held.module);
      return states ? states.renderError() : noChange;
    },
  });
  protected override viewReady = () => this.light.ready();

  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('later-state-probe', LaterStateProbe);

describe('later(): a later state rendered once its module has arrived', () => {
  beforeEach(() => {
    held = heldModule();
  });

  it('keeps what was shown while the module loads, then draws the state with its styles', async () => {
    const el = await fixture<LaterStateProbe>(testHtml`<later-state-probe></later-state-probe>`);
    expect(el.querySelector('.probe-first')).to.exist;

    el.failed = true;
    let settled = false;
    const complete = el.updateComplete.then(() => (settled = true));
    // Several frames pass: the first state stays, nothing new is drawn, updateComplete still waits.
    for (let frame = 0; frame < 3; frame += 1) await new Promise(requestAnimationFrame);
    expect(el.querySelector('.probe-first'), 'the old content stays').to.exist;
    expect(el.querySelector('.probe-error'), 'nothing new before the module').to.equal(null);
    expect(settled, 'updateComplete waits for the module').to.equal(false);
    expect(document.adoptedStyleSheets.includes(probeStyles.styleSheet!)).to.equal(false);

    held.arrive();
    await complete;
    const error = el.querySelector<HTMLElement>('.probe-error');
    expect(error, 'the state is drawn once updateComplete resolves').to.exist;
    expect(el.querySelector('.probe-first')).to.equal(null);
    expect(document.adoptedStyleSheets.includes(probeStyles.styleSheet!), 'its lightStyles adopted').to.equal(true);
    expect(getComputedStyle(error!).outlineOffset).to.equal('7px');
  });

  it('renders the state at once when its module is already here', async () => {
    held.arrive();
    await held.module.load();
    const el = await fixture<LaterStateProbe>(testHtml`<later-state-probe></later-state-probe>`);
    el.failed = true;
    await el.updateComplete;
    // No load and no second render: the update that entered the state drew it.
    expect(el.light.pending, 'nothing to wait for').to.equal(undefined);
    expect(el.querySelector('.probe-error')).to.exist;
  });
});
