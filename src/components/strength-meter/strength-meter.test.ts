import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import '../../define/strength-meter.js';
import type {SereinStrengthMeter} from './strength-meter.js';
import {pwnedPasswordsCheck} from '../../internal/pwned.js';
import {setEstimatorWorkerUrl, usesWorker} from '../../internal/estimator.js';
import {useSereinLocalization} from '../../localization.js';
import type {SereinStrengthChangeDetail} from '../../events/strength-change.js';
import {captureConsole, fill, recordEvents, recordWorkers, shortcut, until} from '../../../test/support/helpers.js';
import {chromiumOnly, engine} from '../../../test/support/engine.js';
import type {ComponentHarness} from '../../../test/suites/harness.js';
import {secretsNeverLeak} from '../../../test/suites/secrets.js';
import {lightDomFields} from '../../../test/suites/light-dom.js';
import {layoutSuite} from '../../../test/suites/layout.js';
import {strictCspSuite} from '../../../test/suites/csp.js';

// Counted before any test: the estimator's worker is created on first focus or input only.
const workersCreated = recordWorkers();

const dictionaryRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => /zxcvbn-ts|zxcvbn-engine/.test(entry.name));

async function mountWithInput(attributes = '') {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<label for="new-password">New password</label>
    <input id="new-password" type="password" autocomplete="new-password">
    <serein-strength-meter for="new-password" ${attributes}></serein-strength-meter>`;
  const input = wrapper.querySelector('input')!;
  const meter = wrapper.querySelector('serein-strength-meter')!;
  await meter.updateComplete;
  return {wrapper, input, meter};
}

/** Waits until the meter shows a verdict for what it was given (not "Checking…"). */
async function settled(meter: SereinStrengthMeter): Promise<void> {
  await meter.updateComplete;
  // The verdict of an earlier keystroke stays shown until the newest estimate lands: wait for
  // the estimate of the current value (the meter's private state, read for this wait only).
  const internals = meter as unknown as {value: string; estimate?: {for: string}};
  await until(
    () =>
      meter.level !== 'checking' &&
      (['empty', 'too-short', 'breached'].includes(meter.level) || internals.estimate?.for === internals.value),
    'an estimate',
  );
  // A newer keystroke may still be in flight: let it land.
  await new Promise((resolve) => setTimeout(resolve, 150));
  await meter.updateComplete;
}

const summary = (meter: SereinStrengthMeter) => meter.querySelector('[role="meter"]')!;
const feedback = (meter: SereinStrengthMeter) =>
  meter.querySelector('.serein-strength-meter__feedback')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<serein-strength-meter>', () => {
  describe('loading', () => {
    it('fetches no dictionary and starts no worker before the first focus or input', async () => {
      const {input, meter} = await mountWithInput();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(workersCreated).to.deep.equal([]);
      expect(dictionaryRequests()).to.have.length(0);
      input.focus();
      await until(() => workersCreated.length > 0, 'the worker to start on focus');
      expect(await usesWorker()).to.equal(true);
      fill(input, 'a perfectly ordinary sentence');
      await settled(meter);
      expect(meter.level).not.to.equal('empty');
    });
  });

  describe('accessibility', () => {
    it('passes axe, empty and with a verdict', async () => {
      const {wrapper, input, meter} = await mountWithInput();
      await expect(wrapper).to.be.accessible();
      fill(input, 'password1password1');
      await settled(meter);
      await expect(wrapper).to.be.accessible();
    });

    it('is a meter with a name, a value and a text value, described from the input', async () => {
      const {input, meter} = await mountWithInput();
      const element = summary(meter);
      expect(element.getAttribute('aria-label')).to.equal('Password strength');
      expect(element.getAttribute('aria-valuemin')).to.equal('0');
      expect(element.getAttribute('aria-valuemax')).to.equal('4');
      expect(element.getAttribute('aria-valuenow')).to.equal('0');
      expect(element.getAttribute('aria-valuetext')).to.equal('Nothing entered yet');
      const described = input.getAttribute('aria-describedby')!.split(' ');
      expect(described).to.include(element.id);
      expect(described.map((id) => document.getElementById(id)!.textContent).join(' ')).to.include('15');
    });

    it('keeps the page’s own aria-describedby and restores it when removed', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <label for="pw2">Password</label><input id="pw2" type="password" aria-describedby="pw2-hint" />
          <p id="pw2-hint">Hint</p>
          <serein-strength-meter for="pw2"></serein-strength-meter>
        </div>`,
      );
      const input = wrapper.querySelector('input')!;
      expect(input.getAttribute('aria-describedby')!.split(' ')[0]).to.equal('pw2-hint');
      wrapper.querySelector('serein-strength-meter')!.remove();
      expect(input.getAttribute('aria-describedby')).to.equal('pw2-hint');
    });

    it('puts its description back when a framework rewrites the input’s aria-describedby', async () => {
      const {input, meter} = await mountWithInput();
      input.setAttribute('aria-describedby', 'page-error');
      await until(() => input.getAttribute('aria-describedby')!.split(' ').length === 3, 'the ids to come back');
      expect(input.getAttribute('aria-describedby')!.split(' ')).to.deep.equal([
        'page-error',
        summary(meter).id,
        meter.querySelector('.serein-strength-meter__feedback')!.id,
      ]);
    });

    it('announces the level once typing pauses, not per keystroke', async () => {
      const {input, meter} = await mountWithInput();
      const region = meter.querySelector('[role="status"]')!;
      expect(region.textContent!.trim(), 'the live region exists, empty, before typing').to.equal('');
      const seen = new Set<string>();
      const watch = setInterval(() => seen.add(region.textContent!.trim()), 10);
      input.focus();
      await sendKeys({type: 'Blue-Lantern'});
      expect(region.textContent!.trim(), 'nothing announced while typing').to.equal('');
      await until(() => region.textContent!.trim() !== '', 'an announcement', 3000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      clearInterval(watch);
      seen.delete('');
      expect([...seen]).to.have.length(1);
      expect([...seen][0]).to.include('Too short');
      expect(document.activeElement).to.equal(input);
    });

    it('draws the bar from the inline start in right-to-left pages', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" style="inline-size: 300px"><serein-strength-meter></serein-strength-meter></div>`,
      );
      const meter = wrapper.querySelector('serein-strength-meter')!;
      meter.password = 'Tundra-Lantern-Quokka-91-Marzipan';
      await settled(meter);
      const segments = [...meter.shadowRoot!.querySelectorAll('.segment')];
      expect(segments[0].getBoundingClientRect().left).to.be.greaterThan(segments[3].getBoundingClientRect().left);
    });
  });

  describe('colours (WCAG 1.4.11: 3:1 for the bar)', () => {
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = channels(color).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    const outline = (segment: Element) => /rgba?\([^)]*\)/.exec(getComputedStyle(segment).boxShadow)?.[0] ?? '';
    const levels = {
      weak: 'password1password1',
      fair: 'letmein-letmein-2024',
      good: 'Football2024!Love',
      strong: 'mango kiwi 1987 pear',
    };

    // Without motion the segments take their colour at once (no transition to wait for). Media
    // emulation needs the DevTools protocol: in Firefox the tests wait for the transitions instead.
    beforeEach(async () => {
      if (engine === 'chromium') await emulateMedia({reducedMotion: 'reduce'});
    });
    afterEach(async () => {
      if (engine === 'chromium') await emulateMedia({forcedColors: 'none', reducedMotion: 'no-preference'});
    });
    const media = chromiumOnly('CDP media emulation');
    const transitionsEnded = (meter: SereinStrengthMeter) =>
      Promise.all(meter.shadowRoot!.getAnimations().map((animation) => animation.finished));

    for (const [scheme, background] of [
      ['light', 'rgb(255, 255, 255)'],
      ['dark', 'rgb(13, 17, 23)'],
    ]) {
      it(`keeps filled and empty segments at 3:1 against the page, every level, ${scheme}`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="color-scheme: ${scheme}; background: ${background}">
            <serein-strength-meter></serein-strength-meter>
          </div>`,
        );
        const meter = wrapper.querySelector('serein-strength-meter')!;
        for (const [level, password] of Object.entries(levels)) {
          meter.password = password;
          await until(() => meter.level === level, `${level} for ${password}`);
          await meter.updateComplete;
          await transitionsEnded(meter);
          const segments = [...meter.shadowRoot!.querySelectorAll('.segment')];
          const filled = segments.filter((segment) => segment.hasAttribute('data-filled'));
          expect(filled.length, level).to.equal(meter.score);
          for (const segment of filled) {
            expect(contrast(getComputedStyle(segment).backgroundColor, background), `${level} fill`).to.be.at.least(3);
          }
          for (const segment of segments.filter((segment) => !segment.hasAttribute('data-filled'))) {
            expect(contrast(outline(segment), background), `${level} empty segment outline`).to.be.at.least(3);
          }
        }
      });
    }

    it('draws “Good” apart from the link colour, and a refused value hatched in the critical tone', async () => {
      const links = {light: 'rgb(9, 105, 218)', dark: 'rgb(68, 147, 248)'};
      for (const [scheme, link] of Object.entries(links)) {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="color-scheme: ${scheme}"><serein-strength-meter></serein-strength-meter></div>`,
        );
        const meter = wrapper.querySelector('serein-strength-meter')!;
        const segments = [...meter.shadowRoot!.querySelectorAll('.segment')];
        meter.password = levels.good;
        await until(() => meter.level === 'good', 'good');
        await meter.updateComplete;
        await transitionsEnded(meter);
        expect(getComputedStyle(segments[0]).backgroundColor, `${scheme}: not the link colour`).to.not.equal(link);
        meter.setVerdict(levels.good, 'password-breached');
        await until(() => meter.level === 'breached', 'the verdict');
        await meter.updateComplete;
        for (const segment of segments) {
          expect(getComputedStyle(segment).backgroundImage, scheme).to.include('repeating-linear-gradient');
        }
        meter.password = '';
        await until(() => meter.level === 'empty', 'empty');
        await meter.updateComplete;
        expect(getComputedStyle(segments[0]).backgroundImage, `${scheme}: empty is a plain track`).to.equal('none');
      }
    });

    media.it('still tells filled from empty segments in forced-colours mode', async () => {
      await emulateMedia({forcedColors: 'active'});
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.password = levels.fair;
      await until(() => meter.level === 'fair', 'fair');
      await meter.updateComplete;
      const [filled, , empty] = [...meter.shadowRoot!.querySelectorAll('.segment')];
      expect(
        contrast(getComputedStyle(filled).backgroundColor, getComputedStyle(empty).backgroundColor),
      ).to.be.at.least(3);
      expect(summary(meter).textContent).to.include('Fair');
    });

    media.it('draws the hatch of a breached password in forced-colours mode, not an empty track', async () => {
      await emulateMedia({forcedColors: 'active'});
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.password = levels.good;
      meter.setVerdict(levels.good, 'password-breached');
      await until(() => meter.level === 'breached', 'the verdict');
      await meter.updateComplete;
      for (const segment of meter.shadowRoot!.querySelectorAll('.segment')) {
        expect(getComputedStyle(segment).backgroundImage).to.match(/^repeating-linear-gradient/);
      }
    });
  });

  describe('as a user types', () => {
    it('says “Too short” with the count in code points until the minimum', async () => {
      const {input, meter} = await mountWithInput();
      input.focus();
      await sendKeys({type: 'password1'});
      await settled(meter);
      expect(meter.level).to.equal('too-short');
      expect(summary(meter).textContent).to.include('Too short');
      expect(feedback(meter)).to.include('Use at least 15 characters. So far: 9.');
      fill(input, '😀'.repeat(14));
      await settled(meter);
      expect(meter.level, '14 emoji are 28 UTF-16 units but 14 characters').to.equal('too-short');
      fill(input, '😀'.repeat(15));
      await settled(meter);
      expect(meter.level).not.to.equal('too-short');
    });

    it('shows zxcvbn’s warning and suggestions for a weak password long enough', async () => {
      const {input, meter} = await mountWithInput();
      input.focus();
      await sendKeys({type: 'password1password1'});
      await settled(meter);
      expect(meter.level).to.equal('weak');
      expect(meter.acceptable, 'the meter is advice: length is enough').to.equal(true);
      expect(summary(meter).getAttribute('aria-valuetext')).to.equal('Weak');
      expect(feedback(meter)).to.match(/common|guess/i);
      expect(meter.querySelectorAll('.serein-strength-meter__feedback li').length).to.be.greaterThan(0);
    });

    it('says “Strong” for a long, unusual pass phrase, with text and a full bar', async () => {
      const {input, meter} = await mountWithInput();
      fill(input, 'Tundra-Lantern-Quokka-91-Marzipan');
      await settled(meter);
      expect(meter.level).to.equal('strong');
      expect(summary(meter).textContent).to.include('Strong');
      expect(summary(meter).getAttribute('aria-valuenow')).to.equal('4');
      expect(meter.shadowRoot!.querySelectorAll('.segment[data-filled]')).to.have.length(4);
      expect(meter.matches(':state(strong)')).to.equal(true);
    });

    it('keeps a pasted 10 000-character password whole and still judges it', async () => {
      const {input, meter} = await mountWithInput();
      const long = Array.from({length: 10000}, (_, index) => String.fromCharCode(33 + ((index * 7919) % 94))).join('');
      fill(input, long);
      await settled(meter);
      expect(input.value).to.have.length(10000);
      expect(input.hasAttribute('maxlength')).to.equal(false);
      expect(['good', 'strong']).to.include(meter.level);
    });

    it('judges with dictionary="full" or "compact", and warns once and uses compact for anything else', async () => {
      const {input, meter} = await mountWithInput('dictionary="full" min-length="8"');
      fill(input, 'password');
      await settled(meter);
      expect(meter.level).to.equal('weak');
      const logged = await captureConsole(async () => {
        meter.setAttribute('dictionary', 'huge');
        await meter.updateComplete;
        meter.setAttribute('dictionary', 'tiny');
        await meter.updateComplete;
      });
      expect(logged.filter((line) => line.includes('dictionary must be "compact" or "full"'))).to.have.length(1);
      fill(input, 'password!');
      await settled(meter);
      expect(meter.level).to.equal('weak');
    });

    it('honours min-length, and warns once and keeps 15 for a bad value', async () => {
      const {input, meter} = await mountWithInput('min-length="8"');
      fill(input, 'abcdefgh');
      await settled(meter);
      expect(meter.level).not.to.equal('too-short');
      const logged = await captureConsole(async () => {
        meter.setAttribute('min-length', '-3');
        await meter.updateComplete;
        meter.setAttribute('min-length', 'soon');
        await meter.updateComplete;
      });
      expect(logged.filter((line) => line.includes('min-length'))).to.have.length(1);
      await settled(meter);
      expect(meter.level).to.equal('too-short');
    });

    it('lowers the score of passwords built from the customer’s own words', async () => {
      const plain = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      plain.password = 'zephyrinequillbrook';
      await settled(plain);
      const personal = await fixture<SereinStrengthMeter>(
        html`<serein-strength-meter user-inputs="zephyrine, quillbrook, acme"></serein-strength-meter>`,
      );
      expect(personal.userInputs).to.deep.equal(['zephyrine', 'quillbrook', 'acme']);
      personal.password = 'zephyrinequillbrook';
      await settled(personal);
      expect(personal.score).to.be.lessThan(plain.score);
      expect(feedback(personal)).to.include('Avoid your name');
    });
  });

  describe('a level that is always the current password’s', () => {
    const strong = 'Tundra-Lantern-Quokka-91-Marzipan';
    /** Every serein-strength-change, with the value the meter held when it was sent. */
    const recordWithValue = (meter: SereinStrengthMeter, current: () => string) => {
      const seen: {value: string; detail: SereinStrengthChangeDetail}[] = [];
      meter.addEventListener('serein-strength-change', (event) =>
        seen.push({value: current(), detail: (event as CustomEvent<SereinStrengthChangeDetail>).detail}),
      );
      return seen;
    };
    const expectNeverStrongForWeak = (seen: {value: string; detail: SereinStrengthChangeDetail}[]) => {
      expect(seen.length, 'events after the change').to.be.greaterThan(0);
      for (const {value, detail} of seen) {
        expect(value, 'the meter only speaks of the weak value now').not.to.equal(strong);
        expect(detail.level, `an event for “${value.length} characters”`).to.be.oneOf([
          'empty',
          'too-short',
          'checking',
          'weak',
        ]);
        expect(detail.score).to.be.lessThan(2);
      }
      expect(seen.at(-1)!.detail).to.include({level: 'weak', score: 1});
    };

    it('replaces a strong value with a weak one by typing, and no event calls the weak one strong', async () => {
      const {input, meter} = await mountWithInput('min-length="8"');
      input.focus();
      fill(input, strong);
      await settled(meter);
      expect(meter.level).to.equal('strong');
      const seen = recordWithValue(meter, () => input.value);
      await shortcut('a');
      await sendKeys({press: 'Backspace'});
      expect(input.value).to.equal('');
      await sendKeys({type: 'password'});
      await settled(meter);
      expect(meter.level).to.equal('weak');
      expectNeverStrongForWeak(seen);
    });

    it('replaces a strong value with a weak one by paste, and no event calls the weak one strong', async () => {
      const {input, meter} = await mountWithInput('min-length="8"');
      fill(input, strong);
      await settled(meter);
      expect(meter.level).to.equal('strong');
      const seen = recordWithValue(meter, () => input.value);
      fill(input, 'password');
      // The first update after the paste already speaks of the new value.
      await meter.updateComplete;
      expect(meter.level).to.be.oneOf(['checking', 'weak']);
      expect(meter.acceptable && meter.level === 'strong').to.equal(false);
      await settled(meter);
      expect(meter.level).to.equal('weak');
      expectNeverStrongForWeak(seen);
    });

    it('replaces a strong value with a weak one through the password property', async () => {
      const meter = await fixture<SereinStrengthMeter>(
        html`<serein-strength-meter min-length="8"></serein-strength-meter>`,
      );
      meter.password = strong;
      await settled(meter);
      expect(meter.level).to.equal('strong');
      const seen = recordWithValue(meter, () => meter.password);
      meter.password = 'password';
      await meter.updateComplete;
      expect(meter.level).to.be.oneOf(['checking', 'weak']);
      await settled(meter);
      expect(meter.level).to.equal('weak');
      expectNeverStrongForWeak(seen);
    });
  });

  describe('the host’s verdict (setVerdict)', () => {
    const strong = 'Tundra-Lantern-Quokka-91-Marzipan';

    it('shows a refused value as breached or not accepted, never strong, while the input holds it', async () => {
      const {input, meter} = await mountWithInput();
      fill(input, strong);
      await settled(meter);
      expect(meter.level).to.equal('strong');
      const events = recordEvents(meter, ['serein-strength-change']);
      meter.setVerdict(strong, 'password-breached');
      await until(() => feedback(meter).includes('data breach'), 'the breach wording');
      expect(meter.level).to.equal('breached');
      expect(meter.acceptable).to.equal(false);
      meter.setVerdict(strong, 'password-reused');
      await until(() => meter.level === 'rejected', 'the host’s refusal');
      expect(summary(meter).textContent).to.include('This password is not accepted.');
      expect(feedback(meter)).not.to.include('hard to guess');
      const last = (events.at(-1) as CustomEvent<SereinStrengthChangeDetail>).detail;
      expect(last).to.include({level: 'rejected', score: 0, acceptable: false});
      expect(events.some((event) => (event.detail as SereinStrengthChangeDetail).level === 'strong')).to.equal(false);
      fill(input, `${strong}-Otter`);
      await settled(meter);
      expect(meter.level, 'another value is judged afresh').to.equal('strong');
      fill(input, strong);
      await meter.updateComplete;
      expect(meter.level, 'the refused value again').to.equal('rejected');
    });

    it('ignores an unknown code with one warning', async () => {
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.password = strong;
      await settled(meter);
      const logged = await captureConsole(async () => {
        meter.setVerdict(strong, 'too-nice' as 'password-rejected');
        meter.setVerdict(strong, 'too-nice' as 'password-rejected');
        await meter.updateComplete;
      });
      expect(logged.filter((line) => line.includes('setVerdict()'))).to.have.length(1);
      expect(meter.level).to.equal('strong');
    });
  });

  describe('as a host uses it', () => {
    it('judges the password property, which never becomes an attribute', async () => {
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.password = 'Tundra-Lantern-Quokka-91-Marzipan';
      await settled(meter);
      expect(meter.level).to.equal('strong');
      expect([...meter.attributes].map((attribute) => attribute.value).join(' ')).not.to.include('Tundra');
    });

    it('emits serein-strength-change with the verdict and without the password', async () => {
      const {input, meter} = await mountWithInput();
      const events = recordEvents(meter, ['serein-strength-change']);
      fill(input, 'password1password1');
      await settled(meter);
      const last = events.at(-1)!.detail as SereinStrengthChangeDetail;
      expect(Object.keys(last).sort()).to.deep.equal(['acceptable', 'level', 'score', 'suggestions', 'warning']);
      expect(last).to.include({score: 1, level: 'weak', acceptable: true});
      expect(last.warning).to.be.a('string').and.not.equal('');
      expect(events.at(-1)!.bubbles && events.at(-1)!.composed).to.equal(true);
      expect(JSON.stringify(events.map((event) => event.detail))).not.to.include('password1');
    });

    it('reports serein-journey shown, then started on the first input', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const events = recordEvents(holder, ['serein-journey']);
      const meter = document.createElement('serein-strength-meter');
      holder.append(meter);
      await until(() => events.length > 0, 'shown');
      meter.password = 'abc';
      await meter.updateComplete;
      expect(events.map((event) => event.detail.action)).to.deep.equal(['shown', 'started']);
      expect(events[0].detail).to.include({component: 'strength-meter', attempt: 1});
    });

    it('shows “Found in a data breach” and never a better level when the breach check says so', async () => {
      const {input, meter} = await mountWithInput();
      const checked: string[] = [];
      meter.breachCheck = async (password) => {
        checked.push(password);
        return true;
      };
      input.focus();
      await sendKeys({type: 'Tundra-Lantern-Quokka'});
      input.blur();
      await until(() => meter.level === 'breached', 'the breach verdict', 4000);
      expect(checked, 'checked once, when the field lost focus').to.have.length(1);
      expect(meter.score).to.equal(0);
      expect(meter.acceptable).to.equal(false);
      expect(summary(meter).getAttribute('aria-valuetext')).to.equal('Found in a data breach');
      await until(() => feedback(meter).includes('data breaches'), 'the breach advice');
    });

    it('carries on, blocking nothing, when the breach check fails', async () => {
      const {input, meter} = await mountWithInput();
      meter.breachCheck = () => Promise.reject(new TypeError('Failed to fetch'));
      fill(input, 'Tundra-Lantern-Quokka-91');
      input.focus();
      input.blur();
      await until(() => feedback(meter).includes('could not check'), 'the unavailable note', 4000);
      expect(meter.acceptable).to.equal(true);
    });

    it('does not check passwords shorter than the minimum for breaches', async () => {
      const {input, meter} = await mountWithInput();
      let calls = 0;
      meter.breachCheck = async () => (calls += 1) > 0;
      fill(input, 'short');
      input.focus();
      input.blur();
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(calls).to.equal(0);
    });

    it('still works when the worker file is missing or workers are unavailable', async () => {
      try {
        for (const url of ['./missing-estimator-worker.js', null]) {
          setEstimatorWorkerUrl(url);
          const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
          meter.password = 'password1password1';
          await settled(meter);
          expect(meter.level, String(url)).to.equal('weak');
          expect(await usesWorker()).to.equal(false);
        }
      } finally {
        setEstimatorWorkerUrl('./estimator-worker.js');
      }
    });

    it('clears what it holds when removed', async () => {
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.password = 'Tundra-Lantern-Quokka-91-Marzipan';
      await settled(meter);
      meter.remove();
      expect(meter.password).to.equal('');
      expect(meter.level).to.equal('empty');
    });
  });

  describe('localisation', () => {
    afterEach(async () => {
      await useSereinLocalization({locale: 'en'});
    });

    it('speaks the active language, zxcvbn’s advice included, and follows <html lang>', async () => {
      const {input, meter} = await mountWithInput();
      fill(input, 'password1password1');
      await settled(meter);
      const english = {summary: summary(meter).textContent!.trim(), feedback: feedback(meter)};
      await useSereinLocalization({locale: 'fr-CA'});
      await settled(meter);
      expect(summary(meter).textContent!.trim()).not.to.equal(english.summary);
      expect(feedback(meter)).not.to.equal(english.feedback);
      expect(summary(meter).getAttribute('aria-label')).not.to.equal('Password strength');
      document.documentElement.lang = 'de';
      await useSereinLocalization();
      const german = summary(meter).textContent!.trim();
      document.documentElement.lang = 'ar';
      await until(() => summary(meter).textContent!.trim() !== german, 'the page language to be followed');
      document.documentElement.lang = 'en';
    });

    it('uses per-instance wording, always as text', async () => {
      const meter = await fixture<SereinStrengthMeter>(html`<serein-strength-meter></serein-strength-meter>`);
      meter.strings = {
        'strength-meter.level.empty': '<img src=x onerror="window.__xss=1">',
        'strength-meter.hint': 'At least {min} characters for your Acme account.',
      };
      await meter.updateComplete;
      expect(summary(meter).textContent).to.include('<img src=x');
      expect(meter.querySelector('img')).to.equal(null);
      expect((window as {__xss?: number}).__xss).to.equal(undefined);
      expect(feedback(meter)).to.include('At least 15 characters for your Acme account.');
    });
  });
});

describe('pwnedPasswordsCheck()', () => {
  // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
  const suffix = '1E4C9B93F3F0682250B6CF8331B7EE68FD8';

  function stub(body: string | Error) {
    const calls: {url: string; init?: RequestInit}[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({url, init});
      if (body instanceof Error) throw body;
      return new Response(body, {status: 200});
    }) as typeof fetch;
    return {calls, fetcher};
  }

  it('sends only the 5-character hash prefix, with padding, and finds the suffix', async () => {
    const {calls, fetcher} = stub(`0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n${suffix}:52256179\r\n`);
    expect(await pwnedPasswordsCheck({fetch: fetcher})('password')).to.equal(true);
    expect(calls).to.have.length(1);
    expect(calls[0].url).to.equal('https://api.pwnedpasswords.com/range/5BAA6');
    expect(new Headers(calls[0].init!.headers).get('add-padding')).to.equal('true');
    expect(calls[0].init!.body).to.equal(undefined);
  });

  it('ignores padding rows (count 0) and misses', async () => {
    expect(await pwnedPasswordsCheck({fetch: stub(`${suffix}:0\r\n`).fetcher})('password')).to.equal(false);
    expect(
      await pwnedPasswordsCheck({fetch: stub('0018A45C4D1DEF81644B54AB7F969B88D65:3').fetcher})('password'),
    ).to.equal(false);
  });

  it('uses the page’s fetch and a custom endpoint, and rejects when the network fails', async () => {
    const original = window.fetch;
    const {calls, fetcher} = stub(`${suffix}:2`);
    window.fetch = fetcher;
    try {
      expect(await pwnedPasswordsCheck({endpoint: 'https://proxy.example/pwned/'})('password')).to.equal(true);
      expect(calls[0].url).to.equal('https://proxy.example/pwned/range/5BAA6');
    } finally {
      window.fetch = original;
    }
    let failed = false;
    await pwnedPasswordsCheck({fetch: stub(new TypeError('Failed to fetch')).fetcher})('password').catch(
      () => (failed = true),
    );
    expect(failed).to.equal(true);
  });
});

const harness: ComponentHarness = {
  tag: 'serein-strength-meter',
  async mount(container) {
    const id = `pw-${Math.random().toString(36).slice(2)}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = 'New password';
    const input = document.createElement('input');
    Object.assign(input, {id, type: 'password', autocomplete: 'new-password'});
    const meter = document.createElement('serein-strength-meter');
    meter.htmlFor = id;
    container.append(label, input, meter);
    await meter.updateComplete;
    return meter;
  },
  async enterSecret(element, secret) {
    const input = (element.getRootNode() as Document).getElementById(
      (element as SereinStrengthMeter).htmlFor,
    ) as HTMLInputElement;
    input.focus();
    fill(input, secret);
  },
  async settle(element) {
    await settled(element as SereinStrengthMeter);
  },
  secretEvents: [],
  lightDomSelectors: ['serein-strength-meter [role="meter"]', 'serein-strength-meter [role="status"]'],
};

secretsNeverLeak(harness);
lightDomFields(harness);
layoutSuite(harness);
strictCspSuite('serein-strength-meter', 'strength-meter');
