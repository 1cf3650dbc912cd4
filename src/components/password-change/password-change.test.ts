import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../define/password-change.js';
import type {SereinPasswordChange} from './password-change.js';
import type {SereinStrengthMeter} from '../strength-meter/strength-meter.js';
import type {SereinPasswordChangeDetail} from '../../events/password-change.js';
import {captureConsole, fill, recordEvents, until} from '../../../test/support/helpers.js';
import type {ComponentHarness} from '../../../test/suites/harness.js';
import {secretsNeverLeak} from '../../../test/suites/secrets.js';
import {lightDomFields} from '../../../test/suites/light-dom.js';
import {layoutSuite} from '../../../test/suites/layout.js';
import {strictCspSuite} from '../../../test/suites/csp.js';
import {formFlowSuite} from '../../../test/suites/form-flow.js';
import {atNarrowGerman, expectSteadyControls} from '../../../test/support/controls.js';

const STRONG = 'mango kiwi 1987 pear';

async function mount(attributes = '') {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `<serein-password-change username="camille@example.com" ${attributes}></serein-password-change>`;
  const element = holder.querySelector('serein-password-change')!;
  await element.updateComplete;
  return element;
}

const field = (element: Element, token: string, index = 0) =>
  element.querySelectorAll<HTMLInputElement>(`input[autocomplete="${token}"]`)[index];
const submitButton = (element: Element) => element.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

/** Resolves every serein-password-change with `outcome` (a promise factory) and records the details. */
function answer(element: HTMLElement, outcome: () => Promise<unknown>) {
  const details: SereinPasswordChangeDetail[] = [];
  element.addEventListener('serein-password-change', (event) => {
    details.push(event.detail);
    event.detail.waitUntil(outcome());
  });
  return details;
}

describe('<serein-password-change>', () => {
  it('registers its strength meter with its view: this page imports only the form’s define entry', async () => {
    const element = await mount('no-current');
    // updateComplete waited for the view, and the view for the meter's registration.
    expect(customElements.get('serein-strength-meter'), 'the meter registered').to.exist;
    const meter = element.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
    expect(meter.matches(':defined'), 'the meter upgraded when the view first drew it').to.equal(true);
    expect(meter).to.be.instanceOf(customElements.get('serein-strength-meter')!);
    fill(field(element, 'new-password'), 'too short');
    await until(() => meter.level === 'too-short', 'the meter to judge what is typed');
    await meter.updateComplete;
    expect(meter.querySelector('[role="meter"]')!.textContent).to.include('Too short');
  });

  it('is accessible, idle and with every option', async () => {
    const element = await mount(
      'reason="breach" customer-name="Camille" brand="Acme" confirm sign-out-others deferrable deadline="2026-12-31" support-href="/help"',
    );
    await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
    await expect(element).to.be.accessible();
  });

  describe('fields for password managers', () => {
    it('puts a real form with exact autocomplete tokens in the page', async () => {
      const element = await mount('confirm');
      expect(document.querySelector('input[autocomplete="new-password"]')).to.equal(field(element, 'new-password'));
      expect(element.querySelectorAll('input[autocomplete="current-password"]')).to.have.length(1);
      expect(element.querySelectorAll('input[autocomplete="new-password"]')).to.have.length(2);
      const username = field(element, 'username');
      expect(username.value).to.equal('camille@example.com');
      const form = element.querySelector('form')!;
      expect(form.method).to.equal('post');
      for (const input of element.querySelectorAll('input')) expect(input.form).to.equal(form);
      for (const input of element.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
        expect(input.hasAttribute('pattern')).to.equal(false);
        expect(input.hasAttribute('maxlength')).to.equal(false);
        expect(input.hasAttribute('readonly')).to.equal(false);
      }
    });

    it('omits the current password with no-current, and the confirmation without confirm', async () => {
      const element = await mount('no-current');
      expect(element.querySelector('input[autocomplete="current-password"]')).to.equal(null);
      expect(element.querySelectorAll('input[autocomplete="new-password"]')).to.have.length(1);
    });
  });

  describe('as a user fills it in', () => {
    it('sends exactly what was typed, spaces and all, read at submit time', async () => {
      const element = await mount('confirm');
      const details = answer(element, () => Promise.resolve());
      field(element, 'current-password').focus();
      await sendKeys({type: 'old secret'});
      // A password manager's silent fill: no input event at all.
      field(element, 'new-password').value = `  ${STRONG}  `;
      field(element, 'new-password', 1).value = `  ${STRONG}  `;
      submitButton(element).click();
      await until(() => details.length === 1, 'the submit event');
      expect(details[0]).to.include({
        currentPassword: 'old secret',
        newPassword: `  ${STRONG}  `,
        signOutOthers: false,
      });
    });

    it('works with the keyboard alone: Tab from field to toggle to field, Space to show, Enter to submit', async () => {
      const element = await mount();
      const details = answer(element, () => Promise.resolve());
      field(element, 'current-password').focus();
      await sendKeys({type: 'old secret'});
      await sendKeys({press: 'Tab'});
      const toggle = document.activeElement as HTMLButtonElement;
      expect(toggle.getAttribute('aria-controls')).to.equal(field(element, 'current-password').id);
      await sendKeys({press: ' '}); // the space bar (Puppeteer over BiDi knows no "Space")
      await element.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(field(element, 'new-password'));
      await sendKeys({type: STRONG});
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the submission');
      expect(details[0]).to.include({currentPassword: 'old secret', newPassword: STRONG});
    });

    it('keeps a paste whole, never blocked', async () => {
      const element = await mount();
      const input = field(element, 'new-password');
      const paste = new ClipboardEvent('paste', {clipboardData: new DataTransfer(), bubbles: true, cancelable: true});
      input.dispatchEvent(paste);
      expect(paste.defaultPrevented).to.equal(false);
      fill(input, 'x'.repeat(300));
      expect(input.value).to.have.length(300);
    });

    it('refuses a short new password before any event, names the minimum and focuses the field', async () => {
      const element = await mount();
      const events = recordEvents(element, ['serein-password-change']);
      fill(field(element, 'current-password'), 'old');
      fill(field(element, 'new-password'), '😀'.repeat(14));
      submitButton(element).click();
      await element.updateComplete;
      const input = field(element, 'new-password');
      await until(() => document.activeElement === input, 'focus on the new password');
      expect(events).to.have.length(0);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(input)).to.include('15');
    });

    it('asks for a new password when it is empty, not for its length', async () => {
      const element = await mount('no-current');
      submitButton(element).click();
      const input = field(element, 'new-password');
      await until(() => input.getAttribute('aria-invalid') === 'true', 'the field error');
      expect(element.querySelector(`#${input.id}-error`)!.textContent!.trim()).to.equal('Enter a new password.');
      expect(document.activeElement).to.equal(input);
    });

    it('says the length rule once, and the meter describes what the field holds, even filled without events', async () => {
      const element = await mount('no-current');
      const meter = element.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
      const input = field(element, 'new-password');
      // A password manager may fill the field silently: the meter reads it at submit time.
      input.value = 'too short';
      submitButton(element).click();
      await until(() => input.getAttribute('aria-invalid') === 'true', 'the field error');
      await until(() => meter.level === 'too-short', 'the meter to judge the 9 characters');
      await meter.updateComplete;
      const text = element.querySelector('form')!.textContent!;
      expect(text.match(/Use at least 15 characters/g), 'the rule, once').to.have.length(1);
      expect(text).not.to.include('Nothing entered yet');
      expect(meter.querySelector('[role="meter"]')!.textContent).to.include('Too short');
      // Typing again clears the error; the meter takes the rule back, with the count.
      fill(input, 'too short, yet');
      await until(() => !input.hasAttribute('aria-invalid'), 'the error cleared');
      await until(() => meter.textContent!.includes('So far: 14'), 'the meter’s own hint');
      expect(element.querySelector('form')!.textContent!.match(/Use at least 15 characters/g)).to.have.length(1);
    });

    it('asks for the current password and a matching confirmation, focusing the summary of both', async () => {
      const element = await mount('confirm');
      fill(field(element, 'new-password'), STRONG);
      fill(field(element, 'new-password', 1), `${STRONG}!`);
      submitButton(element).click();
      // Two problems: focus goes to the error summary, whose first link leads to the current password.
      await until(() => document.activeElement?.classList.contains('serein-summary'), 'focus on the summary');
      const links = [...document.activeElement!.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        `#${field(element, 'current-password').id}`,
        `#${field(element, 'new-password', 1).id}`,
      ]);
      expect(field(element, 'current-password').getAttribute('aria-invalid')).to.equal('true');
      expect(field(element, 'new-password', 1).getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(field(element, 'new-password', 1))).to.match(/different/);
    });

    it('sums up several problems at the top of the form, each linked to its field, by keyboard', async () => {
      const element = await mount('confirm');
      const events = recordEvents(element, ['serein-password-change']);
      fill(field(element, 'new-password'), 'short');
      submitButton(element).click();
      const summary = await until(() => element.querySelector<HTMLElement>('.serein-summary'), 'the summary');
      await until(() => document.activeElement === summary, 'focus on the summary');
      expect(events).to.have.length(0);
      // At the top of the form, before the first field, and named by its heading.
      const form = element.querySelector('form')!;
      expect(summary.closest('form')).to.equal(form);
      expect(
        summary.compareDocumentPosition(field(element, 'current-password')) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
      const title = document.getElementById(summary.getAttribute('aria-labelledby')!)!;
      expect(title.textContent!.trim()).to.equal('Please check these fields');
      expect(summary.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      const links = [...summary.querySelectorAll('a')];
      expect(links).to.have.length(2);
      expect(links[0].textContent).to.equal(errorOf(field(element, 'current-password')).trim());
      expect(links[1].textContent).to.include('15');
      await expect(element).to.be.accessible();
      // Tab to the second link, Enter: focus on the new password, the address unchanged.
      const address = location.href;
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(links[0]);
      await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await until(() => document.activeElement === field(element, 'new-password'), 'focus on the new password');
      expect(location.href).to.equal(address);
      // Fixing a field takes it off the list; with one problem left, the summary goes and a new
      // submission focuses that field.
      fill(field(element, 'current-password'), 'old secret');
      await element.updateComplete;
      expect(element.querySelector('.serein-summary')).to.equal(null);
      submitButton(element).click();
      await until(() => document.activeElement === field(element, 'new-password'), 'focus on the one field');
      expect(element.querySelector('.serein-summary')).to.equal(null);
    });

    it('shows and hides each field with a real button that keeps focus and masks again on submit', async () => {
      const element = await mount();
      const input = field(element, 'new-password');
      const toggle = input.parentElement!.querySelector('button')!;
      input.focus();
      await sendKeys({type: 'abc'});
      expect(toggle.type).to.equal('button');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.getAttribute('aria-label')).to.include(toggle.textContent!.trim());
      toggle.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, cancelable: true}));
      toggle.click();
      await element.updateComplete;
      expect(input.type).to.equal('text');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(document.activeElement).to.equal(input);
      submitButton(element).click();
      await element.updateComplete;
      expect(input.type).to.equal('password');
    });
  });

  describe('as a host answers', () => {
    it('sends one event for a double click and is busy meanwhile', async () => {
      const element = await mount('no-current');
      let resolve!: () => void;
      const details = answer(element, () => new Promise<void>((done) => (resolve = done)));
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      submitButton(element).click();
      await until(() => details.length === 1, 'the event');
      await element.updateComplete;
      expect(element.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      submitButton(element).click();
      expect(details).to.have.length(1);
      resolve();
      await until(() => element.querySelector('form') === null, 'the thank-you state');
    });

    it('removes the form on success, clears the passwords, emits serein-password-changed and shows the success slot', async () => {
      const holder = await fixture<HTMLDivElement>(
        html`<div>
          <serein-password-change sign-out-others><p slot="success">You earned a reward.</p></serein-password-change>
        </div>`,
      );
      const element = holder.querySelector('serein-password-change')!;
      await element.updateComplete;
      answer(element, () => Promise.resolve());
      const changed = recordEvents(element, ['serein-password-changed']);
      const current = field(element, 'current-password');
      fill(current, 'old secret');
      fill(field(element, 'new-password'), STRONG);
      // "Sign out of other devices" is ticked already: left as it is.
      expect(element.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(true);
      submitButton(element).click();
      await until(() => changed.length === 1, 'serein-password-changed');
      await element.updateComplete;
      expect(changed[0].detail).to.deep.equal({signOutOthers: true});
      expect(element.querySelector('input[type="password"]')).to.equal(null);
      expect(current.value).to.equal('');
      expect(document.activeElement?.tagName).to.equal('H2');
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]')!;
      expect(slot.hidden).to.equal(false);
      expect(slot.assignedElements()[0].textContent).to.equal('You earned a reward.');
      // The confirmation's icon is decorative: the heading's name is its words.
      expect(document.activeElement!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(document.activeElement!.textContent!.trim()).to.equal('Your password has been changed');
    });

    it('shows a passkey offer placed in the success slot only after the change, after the help link in focus order', async () => {
      const holder = await fixture<HTMLDivElement>(
        html`<div>
          <serein-password-change support-href="/help"
            ><div slot="success">
              <p>Next time, sign in with your fingerprint or face.</p>
              <button type="button">Create a passkey</button>
            </div></serein-password-change
          >
        </div>`,
      );
      const element = holder.querySelector('serein-password-change')!;
      const offer = element.querySelector<HTMLButtonElement>('[slot="success"] button')!;
      await element.updateComplete;
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]')!;
      expect(slot.hidden, 'hidden while the form is shown').to.equal(true);
      expect(offer.checkVisibility()).to.equal(false);
      answer(element, () => Promise.resolve());
      fill(field(element, 'current-password'), 'old secret');
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      await until(() => document.activeElement?.tagName === 'H2', 'focus on the thank-you heading');
      expect(slot.hidden).to.equal(false);
      await until(() => offer.checkVisibility(), 'the offer shown');
      // The thank-you heading, then the help link, then the host's offer.
      await sendKeys({press: 'Tab'});
      expect(document.activeElement!.getAttribute('href')).to.equal('/help');
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(offer);
      await expect(holder).to.be.accessible();
    });

    it('shows current-password-incorrect next to the current password, keeping what was typed', async () => {
      const element = await mount();
      answer(element, () => Promise.reject({code: 'current-password-incorrect'}));
      fill(field(element, 'current-password'), 'wrong');
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      const current = field(element, 'current-password');
      await until(() => current.getAttribute('aria-invalid') === 'true', 'the field error');
      expect(errorOf(current)).to.match(/current password/);
      expect(document.activeElement).to.equal(current);
      expect(field(element, 'new-password').value).to.equal(STRONG);
    });

    for (const code of ['password-breached', 'password-reused', 'password-rejected']) {
      it(`shows ${code} on the new password`, async () => {
        const element = await mount('no-current');
        answer(element, () => Promise.reject({code}));
        fill(field(element, 'new-password'), STRONG);
        submitButton(element).click();
        const input = field(element, 'new-password');
        await until(() => input.getAttribute('aria-invalid') === 'true', 'the field error');
        expect(errorOf(input).length).to.be.greaterThan(20);
      });
    }

    for (const [code, level] of [
      ['password-breached', 'breached'],
      ['password-reused', 'rejected'],
      ['password-rejected', 'rejected'],
    ]) {
      it(`puts ${code} on the meter too: never “Strong” under the error`, async () => {
        const element = await mount('no-current dictionary="full"');
        const meter = element.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
        expect(meter.dictionary, 'the form passes dictionary to its meter').to.equal('full');
        answer(element, () => Promise.reject({code}));
        const input = field(element, 'new-password');
        fill(input, STRONG);
        await until(() => meter.level === 'strong', 'a strong verdict before the host answers');
        submitButton(element).click();
        await until(() => input.getAttribute('aria-invalid') === 'true', 'the field error');
        await until(() => meter.level === level, `the meter to show ${level}`);
        expect(meter.acceptable).to.equal(false);
        expect(meter.querySelector('[role="meter"]')!.textContent).not.to.include('Strong');
        // Another value is judged afresh.
        fill(input, `${STRONG}-Otter`);
        await until(() => meter.level === 'strong', 'a new value judged afresh');
      });
    }

    it('shows other errors at form level with the reference and a copy button, and waits out a rate limit', async () => {
      const element = await mount('no-current');
      answer(element, () => Promise.reject({code: 'rate-limited', retryAfterSeconds: 120, reference: 'REF-42'}));
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      const alert = element.querySelector<HTMLElement>('[role="alert"]')!;
      await until(() => alert.textContent!.includes('REF-42'), 'the alert');
      expect(alert.textContent, 'one wait: the live one under the alert').not.to.include('2 minutes');
      expect(errorOf(submitButton(element))).to.match(/You can try again in \u2068(2:00|1:59)/);
      expect(alert.textContent).to.include('REF-42');
      expect(alert.querySelector('button')).to.exist;
      expect(document.activeElement).to.equal(alert);
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      // The one alert box, in the warning tone (a wait), with its icon hidden from assistive technology.
      const box = alert.querySelector<HTMLElement>('.serein-alert-box')!;
      expect(box.dataset.tone).to.equal('warning');
      expect(box.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      // Above the submit button it concerns.
      expect(alert.compareDocumentPosition(submitButton(element)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await expect(element).to.be.accessible();
    });

    it('tells a refusal in the critical tone, with a frame that differs from the page in light and dark', async () => {
      const element = await mount('no-current');
      answer(element, () => Promise.reject({code: 'unavailable'}));
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      const box = await until(() => element.querySelector<HTMLElement>('[role="alert"] .serein-alert-box'), 'the box');
      expect(box.dataset.tone).to.equal('critical');
      const style = getComputedStyle(box);
      expect(style.borderInlineStartWidth).to.equal('4px');
      expect(style.borderTopWidth).to.equal('1px');
      const light = style.borderTopColor;
      expect(light).to.not.equal(style.backgroundColor);
      element.style.colorScheme = 'dark';
      const dark = getComputedStyle(box);
      expect(dark.borderTopColor).to.not.equal(light);
      expect(dark.borderTopColor).to.not.equal('rgb(255, 255, 255)');
      expect(dark.backgroundColor).to.not.equal(dark.borderTopColor);
    });

    it('shows a lock-out as one live remaining time, said politely at its start and end, the submit blocked meanwhile', async () => {
      const element = await mount('no-current');
      const seen = answer(element, () => Promise.reject({code: 'rate-limited', retryAfterSeconds: 2}));
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      const button = submitButton(element);
      await until(() => errorOf(button).includes('You can try again in \u20680:02'), 'the live wait');
      const line = element.querySelector<HTMLElement>(`#${button.getAttribute('aria-describedby')}`)!;
      expect(line.closest('[aria-live], [role="status"], [role="alert"]'), 'the countdown is not live').to.equal(null);
      const status = element.querySelector('form > p[role="status"]')!;
      expect(status.textContent!.trim()).to.equal('You can try again in 2 seconds.');
      let mutations = 0;
      const observer = new MutationObserver((records) => (mutations += records.length));
      observer.observe(status, {childList: true, subtree: true, characterData: true});
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button).cursor, 'looks blocked').to.equal('not-allowed');
      await until(() => line.textContent!.includes('0:01'), 'the countdown to tick', 3000);
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen, 'nothing is sent while locked out').to.have.length(1);
      await until(() => button.getAttribute('aria-disabled') === 'false', 'the end of the wait', 4000);
      await element.updateComplete;
      observer.disconnect();
      expect(status.textContent!.trim()).to.equal('You can try again now.');
      expect(mutations, 'the live region changed once, at the end').to.be.at.most(2);
      expect(button.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('posts the form natively when nobody handles the event and an action is set', async () => {
      const element = await mount('no-current action="/change"');
      let submitted = false;
      element.querySelector('form')!.submit = () => {
        submitted = true;
      };
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      await until(() => submitted, 'the native submission');
      expect(element.querySelector('form')!.getAttribute('action')).to.equal('/change');
    });
  });

  describe('busy and controls', () => {
    it('keeps the width of its button while saving, with a spinner, and shows the fields as read-only', async () => {
      const element = await mount('no-current');
      let resolve!: () => void;
      const details = answer(element, () => new Promise<void>((done) => (resolve = done)));
      const input = field(element, 'new-password');
      fill(input, STRONG);
      const button = submitButton(element);
      const idle = {width: button.getBoundingClientRect().width, field: getComputedStyle(input).backgroundColor};
      expect(button.querySelector('.serein-spinner')).to.equal(null);
      button.click();
      await until(() => details.length === 1, 'the event');
      await until(() => button.querySelector('.serein-spinner'), 'the spinner');
      expect(button.textContent).to.include('Saving your new password');
      expect(button.getBoundingClientRect().width, 'the button keeps its width').to.equal(idle.width);
      expect(getComputedStyle(input).backgroundColor, 'the field looks read-only').not.to.equal(idle.field);
      resolve();
      await until(() => element.querySelector('form') === null, 'the thank-you state');
    });

    it('keeps its checkbox at 24 px and at the edge when the hint wraps, at 320 px in German', async () => {
      await atNarrowGerman(async () => {
        const element = await mount('reason="suspicious-activity" sign-out-others');
        await until(
          () => element.querySelector('.serein-check .serein-hint')?.textContent?.includes('Gerät'),
          'German',
        );
        expectSteadyControls(element);
      });
    });
  });

  describe('reasons, deferral, help and feedback', () => {
    for (const reason of ['routine', 'suspicious-activity', 'breach', 'compliance']) {
      it(`says why for “${reason}”, personalised, and that we never ask by email or phone`, async () => {
        const element = await mount(`reason="${reason}" customer-name="Camille" brand="Acme"`);
        const banner = await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
        // Values from the host sit between bidi isolates (U+2068 … U+2069).
        expect(banner.textContent).to.include('Hello \u2068Camille\u2069,');
        expect(banner.textContent).to.include('\u2068Acme\u2069 will never ask for your password');
        await expect(element).to.be.accessible();
      });
    }

    describe('a short reason before the form, the detail behind “Why?”', () => {
      before(() => setViewport({width: 320, height: 640}));
      after(() => setViewport({width: 800, height: 600}));

      for (const reason of ['routine', 'suspicious-activity', 'breach', 'compliance']) {
        // The first field in the top half of a small phone's screen (320 × 640), where it was at
        // 400 px for a breach before the detail moved behind “Why?”.
        it(`“${reason}”: the first field starts in the top half of a 320 × 640 screen`, async () => {
          const element = await mount(`reason="${reason}" customer-name="Camille" brand="Acme"`);
          // A page sets its font, as hosts do (Arial's metrics: Liberation Sans here). Without one,
          // each engine picks its own default serif (Firefox ESR: Noto Serif, far wider), which
          // measures the machine, not the copy.
          element.parentElement!.style.fontFamily = 'Arial, "Liberation Sans", sans-serif';
          await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
          const first = element.querySelector('form input:not([type="hidden"]):not(.serein-visually-hidden)')!;
          // The element sits under the plain page's 8 px body margin.
          const top = first.getBoundingClientRect().top - element.getBoundingClientRect().top + 8;
          expect(top, `first field at ${Math.round(top)} px`).to.be.below(320);
          expect(element.scrollWidth).to.be.at.most(element.clientWidth);
        });
      }

      it('opens the full reason and how long it takes with “Why?”, closed at first', async () => {
        const element = await mount('reason="breach"');
        const details = await until(
          () => element.querySelector<HTMLDetailsElement>('.serein-password-change__why'),
          'the disclosure',
        );
        const summary = details.querySelector('summary')!;
        expect(summary.textContent!.trim()).to.equal('Why?');
        expect(details.open).to.equal(false);
        const full = details.querySelector('p')!;
        expect(full.checkVisibility(), 'hidden while closed').to.equal(false);
        expect(summary.getBoundingClientRect().height).to.be.at.least(24);
        summary.focus();
        await sendKeys({press: 'Enter'});
        expect(details.open).to.equal(true);
        expect(full.checkVisibility()).to.equal(true);
        expect(full.textContent).to.include('Our own systems were not affected');
        expect(details.textContent).to.include('It takes about a minute');
        await expect(element).to.be.accessible();
      });
    });

    it('has no banner for the customer’s own change', async () => {
      const element = await mount();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(element.querySelector('.serein-password-change__banner')).to.equal(null);
    });

    it('pre-checks “Sign out of other devices” after suspicious activity', async () => {
      const element = await mount('reason="suspicious-activity" sign-out-others');
      expect(element.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(true);
    });

    it('pre-checks “Sign out of other devices” for every reason, and the customer may untick it', async () => {
      for (const reason of ['user', 'routine', 'breach', 'compliance']) {
        const element = await mount(`reason="${reason}" sign-out-others`);
        const box = await until(() => element.querySelector<HTMLInputElement>('input[type="checkbox"]'), 'the box');
        expect(box.checked, reason).to.equal(true);
        box.click();
        expect(box.checked, reason).to.equal(false);
      }
    });

    it('shows what the host knows about the event (signal-details) beside “we will never ask”, as plain text', async () => {
      const details = {
        when: '2026-11-30T21:14:00Z',
        device: 'Chrome on Windows',
        place: '<img src=x onerror=alert(1)> Lyon',
      };
      const element = await mount(
        `reason="suspicious-activity" brand="Acme" signal-details='${JSON.stringify(details)}'`,
      );
      const banner = await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
      const signal = banner.querySelector('.serein-password-change__signal')!;
      expect(signal.textContent).to.include('What we noticed');
      expect([...signal.querySelectorAll('dt')].map((dt) => dt.textContent!.trim())).to.deep.equal([
        'When',
        'Device or browser',
        'Roughly where',
      ]);
      const values = [...signal.querySelectorAll('dd')].map((dd) => dd.textContent!.trim());
      expect(values[0]).to.include('2026').and.include('November 30');
      expect(values.slice(1)).to.deep.equal(['Chrome on Windows', '<img src=x onerror=alert(1)> Lyon']);
      expect(signal.querySelector('img'), 'host text is never markup').to.equal(null);
      // Next to the reassurance, so the two are read together.
      expect(signal.nextElementSibling!.textContent).to.include('\u2068Acme\u2069 will never ask for your password');
    });

    it('leaves out signal details it cannot trust, with one console warning each', async () => {
      let element!: SereinPasswordChange;
      const lines = await captureConsole(async () => {
        element = await mount(
          `reason="breach" signal-details='{"when": "last Tuesday", "device": "${'x'.repeat(81)}", "place": "Lyon"}'`,
        );
        await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
      });
      const signal = element.querySelector('.serein-password-change__signal')!;
      expect([...signal.querySelectorAll('dd')].map((dd) => dd.textContent!.trim())).to.deep.equal(['Lyon']);
      expect(lines.filter((line) => line.includes('signal-details.when'))).to.have.length(1);
      expect(lines.filter((line) => line.includes('signal-details.device'))).to.have.length(1);
      const broken = await mount(`reason="breach" signal-details='not json'`);
      await until(() => broken.querySelector('.serein-password-change__banner'), 'the banner');
      expect(broken.querySelector('.serein-password-change__signal'), 'nothing shown for unreadable details').to.equal(
        null,
      );
    });

    it('offers “Remind me next time I sign in” with the deadline in words', async () => {
      const element = await mount('reason="routine" deferrable deadline="2026-12-31"');
      const banner = await until(() => element.querySelector('.serein-password-change__banner'), 'the banner');
      expect(banner.textContent).to.include('December 31, 2026');
      const deferred = recordEvents(element, ['serein-password-defer']);
      const later = [...element.querySelectorAll('button')].find((button) =>
        button.textContent!.includes('Remind me next time I sign in'),
      )!;
      later.click();
      expect(deferred[0].detail).to.deep.equal({deadline: '2026-12-31'});
    });

    it('keeps the help link at the bottom in every state, and asks how easy it was', async () => {
      const element = await mount('no-current support-href="/help" ask-feedback');
      expect(element.querySelector('a[href="/help"]')).to.exist;
      answer(element, () => Promise.resolve());
      fill(field(element, 'new-password'), STRONG);
      submitButton(element).click();
      await until(() => element.querySelector('fieldset'), 'the feedback question');
      expect(element.querySelector('a[href="/help"]')).to.exist;
      const feedback = recordEvents(element, ['serein-feedback']);
      element.querySelectorAll<HTMLButtonElement>('fieldset button')[3].click();
      expect(feedback[0].detail).to.deep.equal({component: 'password-change', score: 4});
    });
  });
});

const harness: ComponentHarness = {
  tag: 'serein-password-change',
  async mount(container) {
    const element = document.createElement('serein-password-change');
    element.username = 'camille@example.com';
    element.confirm = true;
    container.append(element);
    await element.updateComplete;
    return element;
  },
  async enterSecret(element, secret) {
    element.addEventListener('serein-password-change', (event) =>
      (event as CustomEvent).detail.waitUntil(Promise.resolve()),
    );
    for (const input of element.querySelectorAll<HTMLInputElement>('input[type="password"]')) fill(input, secret);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
  async settle(element) {
    // Long enough for the host's answer and the meter's estimate.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await (element as SereinPasswordChange).updateComplete;
  },
  secretEvents: ['serein-password-change'],
  lightDomSelectors: [
    'serein-password-change input[autocomplete="new-password"]',
    'serein-password-change input[autocomplete="username"]',
  ],
};

secretsNeverLeak(harness);
lightDomFields(harness);
layoutSuite(harness);
strictCspSuite('serein-password-change', 'password-change');

formFlowSuite({
  tag: 'serein-password-change',
  event: 'serein-password-change',
  mount: () => mount(),
  entries: (element) => [
    [field(element, 'current-password'), 'the old one'],
    [field(element, 'new-password'), STRONG],
  ],
  form: (element) => element.querySelector('form')!,
});
