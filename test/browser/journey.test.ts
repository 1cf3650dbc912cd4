// Journey events a funnel can trust (docs/contract.md, "Journey events"): `shown` only once an
// element is actually on screen, a buffered observer for listeners that come late, and
// `abandoned` only for a journey the customer started.
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import {observeSereinJourney, type SereinComponentName, type SereinJourneyDetail} from '../../src/index.js';
import type {SereinPasswordChange} from '../../src/components/password-change/password-change.js';
import {fill, recordEvents, until} from '../support/helpers.js';

const COMPONENTS: SereinComponentName[] = [
  'strength-meter',
  'password-change',
  'otp-prompt',
  'passkey-button',
  'recovery-wizard',
];

/** Lets the browser render and deliver its observers' reports a few times. */
async function frames(count = 4): Promise<void> {
  for (let index = 0; index < count; index += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** One of each component, as a page would have them (the meter judges a field of the page). */
function allFive(container: HTMLElement): void {
  container.innerHTML = `
    <label for="journey-new">New password</label>
    <input id="journey-new" type="password" autocomplete="new-password" />
    <serein-strength-meter for="journey-new"></serein-strength-meter>
    <serein-password-change username="camille@example.com"></serein-password-change>
    <serein-otp-prompt channel="sms" destination="•••• 42"></serein-otp-prompt>
    <serein-passkey-button mode="register"></serein-passkey-button>
    <serein-recovery-wizard></serein-recovery-wizard>`;
}

const actions = (details: SereinJourneyDetail[], component?: SereinComponentName) =>
  details.filter((detail) => !component || detail.component === component).map((detail) => detail.action);

describe('journey events a funnel can trust', () => {
  let container: HTMLElement;
  const stops: (() => void)[] = [];
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(async () => {
    container.remove();
    stops.splice(0).forEach((stop) => stop());
    await setViewport({width: 800, height: 600});
  });

  it('lets a listener attached after the elements were shown count every journey from its shown', async () => {
    // All five stacked must be on screen at once to be shown: a tall window.
    await setViewport({width: 1280, height: 4000});
    // The page's analytics script has not run yet: the elements upgrade and are shown first.
    allFive(container);
    await until(() => container.querySelector('serein-otp-prompt h2'), 'the code prompt’s view');
    await frames();

    // Now the late script: with `buffered`, it hears what happened before it was there.
    const heard: SereinJourneyDetail[] = [];
    stops.push(observeSereinJourney((detail) => heard.push(detail), {buffered: true}));
    await until(() => COMPONENTS.every((component) => actions(heard, component).includes('shown')), 'every shown');
    // One journey per element: the password form's own meter is a second meter on the page.
    for (const component of COMPONENTS) {
      const expected = component === 'strength-meter' ? ['shown', 'shown'] : ['shown'];
      expect(actions(heard, component), component).to.deep.equal(expected);
    }

    // Then the customer starts the password form and leaves it: its journey is complete.
    const form = container.querySelector<SereinPasswordChange>('serein-password-change')!;
    fill(form.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, 'first letters');
    form.remove();
    await until(() => actions(heard, 'password-change').includes('abandoned'), 'the abandonment');
    expect(actions(heard, 'password-change')).to.deep.equal(['shown', 'started', 'abandoned']);
    for (const detail of heard) expect(Object.isFrozen(detail), 'entries cannot be changed').to.equal(true);

    // Every journey the late listener counts began with `shown`, and no abandonment lacks a start.
    const byComponent = new Map<string, string[]>();
    for (const detail of heard)
      byComponent.set(detail.component, [...(byComponent.get(detail.component) ?? []), detail.action]);
    for (const [component, seen] of byComponent) {
      expect(seen[0], component).to.equal('shown');
      expect(seen.filter((action) => action === 'abandoned').length).to.be.at.most(
        seen.filter((action) => action === 'started').length,
      );
    }
  });

  it('gives a listener without `buffered` only what comes after it, and nothing once disconnected', async () => {
    const form = document.createElement('serein-password-change');
    container.append(form);
    await until(() => form.querySelector('input[autocomplete="current-password"]'), 'the form');
    await frames();
    const heard: SereinJourneyDetail[] = [];
    const stop = observeSereinJourney((detail) => heard.push(detail));
    fill(form.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, 'first letters');
    await until(() => heard.length > 0, 'the start');
    expect(actions(heard)).to.deep.equal(['started']);
    stop();
    form.remove();
    await frames(1);
    expect(actions(heard)).to.deep.equal(['started']);
  });

  it('does not report shown while the element is display: none, and does once it is displayed', async () => {
    const heard = recordEvents(document, ['serein-journey']);
    container.style.display = 'none';
    const prompt = document.createElement('serein-otp-prompt');
    prompt.channel = 'email';
    container.append(prompt);
    await until(() => prompt.querySelector('h2'), 'the view');
    await frames();
    expect(
      heard.filter((event) => event.target === prompt).map((event) => event.detail.action),
      'nothing while hidden',
    ).to.deep.equal([]);

    container.style.display = '';
    await until(() => heard.some((event) => event.target === prompt), 'shown once displayed');
    expect(heard.filter((event) => event.target === prompt).map((event) => event.detail.action)).to.deep.equal([
      'shown',
    ]);
    expect(heard[0].detail.elapsedMs).to.equal(0);
  });

  it('does not report shown for an element below the fold until it is scrolled into view', async () => {
    const heard = recordEvents(document, ['serein-journey']);
    const spacer = document.createElement('div');
    spacer.style.blockSize = `${innerHeight * 3}px`;
    const button = document.createElement('serein-passkey-button');
    container.append(spacer, button);
    await button.updateComplete;
    await frames();
    expect(
      heard.filter((event) => event.target === button),
      'nothing below the fold',
    ).to.have.length(0);

    button.scrollIntoView();
    await until(() => heard.some((event) => event.target === button), 'shown once scrolled to');
    scrollTo(0, 0);
  });

  it('reports nothing when an element that was shown is removed untouched', async () => {
    const heard = recordEvents(document, ['serein-journey']);
    const wizard = document.createElement('serein-recovery-wizard');
    container.append(wizard);
    await until(() => heard.some((event) => event.target === wizard), 'shown');
    wizard.remove();
    await frames(1);
    expect(heard.map((event) => event.detail.action)).to.deep.equal(['shown']);
  });

  it('reports nothing at all for an element removed before it was ever shown', async () => {
    const heard = recordEvents(document, ['serein-journey']);
    container.style.display = 'none';
    const form = document.createElement('serein-password-change');
    container.append(form);
    await form.updateComplete;
    await frames();
    form.remove();
    await frames(1);
    expect(heard).to.have.length(0);
  });
});
