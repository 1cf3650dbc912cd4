import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../define/otp-prompt.js';
import type {SereinOtpPrompt} from './otp-prompt.js';
import type {SereinOtpSubmitDetail} from '../../events/otp-prompt.js';
import {fill, recordEvents, shortcut, until} from '../../../test/support/helpers.js';
import type {ComponentHarness} from '../../../test/suites/harness.js';
import {secretsNeverLeak} from '../../../test/suites/secrets.js';
import {lightDomFields} from '../../../test/suites/light-dom.js';
import {layoutSuite} from '../../../test/suites/layout.js';
import {strictCspSuite} from '../../../test/suites/csp.js';
import {formFlowSuite} from '../../../test/suites/form-flow.js';

async function mount(attributes = '', setup?: (element: SereinOtpPrompt) => void) {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `<serein-otp-prompt ${attributes}></serein-otp-prompt>`;
  const element = holder.querySelector('serein-otp-prompt')!;
  setup?.(element);
  await element.updateComplete;
  // The words arrive in a module loaded on connection; the view is rendered with them.
  await until(() => element.querySelector('h2'), 'the view');
  return element;
}

const codeInput = (element: Element) => element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
const submitButton = (element: Element) => element.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const buttonNamed = (element: Element, text: RegExp) =>
  [...element.querySelectorAll<HTMLButtonElement>('button')].find((button) => text.test(button.textContent ?? ''));
const boxes = (element: Element) => [...element.querySelectorAll<HTMLElement>('.serein-code__box')];
const boxText = (element: Element) => boxes(element).map((box) => box.textContent ?? '');
const activeBoxes = (element: Element) =>
  boxes(element).flatMap((box, index) => (box.classList.contains('is-active') ? [index] : []));
const descriptionOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const alertText = (element: Element) => element.querySelector('[role="alert"]')?.textContent ?? '';
const statusText = (element: Element) => element.querySelector('[role="status"]')?.textContent?.trim() ?? '';

/** Answers every serein-otp-submit with `outcome` and records the details. */
function answer(element: HTMLElement, outcome: (detail: SereinOtpSubmitDetail) => Promise<unknown>) {
  const details: SereinOtpSubmitDetail[] = [];
  element.addEventListener('serein-otp-submit', (event) => {
    details.push(event.detail);
    event.detail.waitUntil(outcome(event.detail));
  });
  return details;
}

/** A promise the test settles itself. */
function deferred() {
  let resolve!: (value?: unknown) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {promise, resolve, reject};
}

/** Copies `text` from the page and pastes it into `input` with the keyboard, as a person does. */

async function copyAndPaste(text: string, input: HTMLInputElement) {
  // Focus leaves the field first, or Control+C would copy the field's own selection.
  (document.activeElement as HTMLElement | null)?.blur();
  const source = document.createElement('p');
  source.textContent = text;
  document.body.append(source);
  try {
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    // Modifier held by hand: Puppeteer (Firefox) takes no "Control+C" chords.
    await shortcut('c');
    input.focus();
    await shortcut('v');
  } finally {
    source.remove();
  }
}

describe('<serein-otp-prompt>', () => {
  it('is accessible, idle and with every option', async () => {
    const element = await mount(
      'channel="sms" destination="•••• 42" auto-submit remember-device remember-days="30" support-href="/help"',
      (el) => (el.alternatives = [{channel: 'email', destination: 'c•••@example.com'}, {channel: 'backup-code'}]),
    );
    await expect(element).to.be.accessible();
    buttonNamed(element, /another way/i)!.click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  describe('one field for the whole code', () => {
    it('is one real labelled input in the page; the boxes are decoration hidden from assistive technology', async () => {
      const element = await mount('length="6"');
      const input = codeInput(element);
      expect(document.querySelector('input[autocomplete="one-time-code"]')).to.equal(input);
      expect(input.type).to.equal('text');
      expect(input.inputMode).to.equal('numeric');
      expect(input.getAttribute('dir')).to.equal('ltr');
      expect(input.hasAttribute('maxlength'), 'a pasted "123-456" must not be cut').to.equal(false);
      expect(input.hasAttribute('pattern')).to.equal(false);
      expect(input.labels?.[0]?.textContent?.trim()).to.equal('Code');
      expect(descriptionOf(input)).to.include('6 digits');
      expect(boxes(element)).to.have.length(6);
      const decoration = element.querySelector('.serein-code__boxes')!;
      expect(decoration.getAttribute('aria-hidden')).to.equal('true');
      expect(decoration.querySelectorAll('input, button, [tabindex]')).to.have.length(0);
      expect(input.form).to.equal(element.querySelector('form'));
    });

    it('is one tab stop: from the code, Tab goes straight to the submit button', async () => {
      const element = await mount();
      codeInput(element).focus();
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(submitButton(element));
    });

    it('draws 8 boxes for an 8-digit code, and takes all 8', async () => {
      const element = await mount('length="8"');
      const details = answer(element, () => Promise.resolve());
      codeInput(element).focus();
      await sendKeys({type: '12345678'});
      await element.updateComplete;
      expect(boxText(element)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8']);
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the submission');
      expect(details[0].code).to.equal('12345678');
    });
  });

  describe('as a user types and pastes', () => {
    it('shows each typed digit in its box and submits with Enter', async () => {
      const element = await mount('channel="sms"');
      const details = answer(element, () => Promise.resolve());
      codeInput(element).focus();
      await sendKeys({type: '4821'});
      await element.updateComplete;
      expect(boxText(element)).to.deep.equal(['4', '8', '2', '1', '', '']);
      expect(activeBoxes(element)).to.deep.equal([4]);
      await sendKeys({type: '07'});
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the submission');
      expect(details[0]).to.include({code: '482107', channel: 'sms', rememberDevice: false});
    });

    it('takes a real paste of the whole code, separators and all, without blocking it', async () => {
      const element = await mount();
      const input = codeInput(element);
      const pastes: ClipboardEvent[] = [];
      input.addEventListener('paste', (event) => pastes.push(event));
      await copyAndPaste('123 456', input);
      await until(() => input.value === '123456', 'the pasted code');
      expect(pastes).to.have.length(1);
      expect(pastes[0].defaultPrevented).to.equal(false);
      input.value = '';
      await copyAndPaste('654-321', input);
      await until(() => input.value === '654321', 'the code pasted with a dash');
      await element.updateComplete;
      expect(boxText(element)).to.deep.equal(['6', '5', '4', '3', '2', '1']);
    });

    it('replaces what was typed when a whole code is pasted mid-code, and inserts a partial paste', async () => {
      const element = await mount();
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '12'});
      await copyAndPaste('Your code: 987 654', input);
      await until(() => input.value === '987654', 'the whole pasted code');
      input.value = '';
      input.focus();
      await sendKeys({type: '12'});
      await copyAndPaste('34', input);
      await until(() => input.value === '1234', 'the partial paste');
      await element.updateComplete;
      expect(activeBoxes(element)).to.deep.equal([4]);
    });

    it('accepts digits typed in Arabic-Indic, Persian and full-width forms as ASCII', async () => {
      const element = await mount();
      const details = answer(element, () => Promise.resolve());
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '١٢'});
      await sendKeys({type: '۳۴'});
      await sendKeys({type: '５６'});
      await element.updateComplete;
      expect(input.value).to.equal('123456');
      expect(boxText(element)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      submitButton(element).click();
      await until(() => details.length === 1, 'the submission');
      expect(details[0].code).to.equal('123456');
    });

    it('ignores letters and separators typed into a numeric code', async () => {
      const element = await mount();
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '12 a-3.4'});
      expect(input.value).to.equal('1234');
    });

    it('follows the caret with arrow keys, Backspace and Home, and overwrites a digit when the code is full', async () => {
      const element = await mount();
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '123456'});
      await element.updateComplete;
      expect(activeBoxes(element), 'full: the last box').to.deep.equal([5]);
      await sendKeys({press: 'ArrowLeft'});
      await sendKeys({press: 'ArrowLeft'});
      await until(() => activeBoxes(element).join() === '4', 'the caret before the 5th digit');
      await sendKeys({press: 'Backspace'});
      await until(() => input.value === '12356', 'the 4th digit deleted');
      await until(() => activeBoxes(element).join() === '3', 'the caret moved back a box');
      expect(boxText(element)).to.deep.equal(['1', '2', '3', '5', '6', '']);
      await sendKeys({type: '4'});
      expect(input.value).to.equal('123456');
      await sendKeys({press: 'Home'});
      await until(() => activeBoxes(element).join() === '0', 'the first box');
      await sendKeys({type: '9'});
      expect(input.value, 'a full code: the digit typed replaces the one after the caret').to.equal('923456');
    });

    it('selects the digit of a clicked box, ready to be replaced', async () => {
      const element = await mount();
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '123456'});
      await element.updateComplete;
      const third = boxes(element)[2].getBoundingClientRect();
      input.dispatchEvent(
        new PointerEvent('pointerup', {bubbles: true, clientX: third.left + third.width / 2, clientY: third.top + 4}),
      );
      await element.updateComplete;
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([2, 3]);
      expect(activeBoxes(element)).to.deep.equal([2]);
      await sendKeys({type: '0'});
      expect(input.value).to.equal('120456');
    });

    it('keeps the code left to right in a right-to-left page', async () => {
      document.documentElement.dir = 'rtl';
      try {
        const element = await mount();
        codeInput(element).focus();
        await sendKeys({type: '123'});
        await element.updateComplete;
        const [first, second] = boxes(element).map((box) => box.getBoundingClientRect().left);
        expect(first, 'the first digit is on the left').to.be.lessThan(second);
        expect(getComputedStyle(codeInput(element)).direction).to.equal('ltr');
      } finally {
        document.documentElement.removeAttribute('dir');
      }
    });

    it('refuses an incomplete code before any event, says how many digits, and focuses the field', async () => {
      const element = await mount();
      const events = recordEvents(element, ['serein-otp-submit']);
      const input = codeInput(element);
      fill(input, '123');
      submitButton(element).click();
      await until(() => document.activeElement === input, 'focus on the code');
      expect(events).to.have.length(0);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(input)).to.include('Enter all 6 digits');
    });
  });

  describe('auto-submit', () => {
    it('never submits by itself without auto-submit', async () => {
      const element = await mount();
      const events = recordEvents(element, ['serein-otp-submit']);
      codeInput(element).focus();
      await sendKeys({type: '123456'});
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).to.have.length(0);
    });

    it('says so before the customer types, and submits once when the last digit arrives', async () => {
      const element = await mount('auto-submit');
      const input = codeInput(element);
      expect(descriptionOf(input)).to.include('We check the code as soon as all 6 digits are in.');
      const details = answer(element, () => Promise.reject({code: 'code-incorrect'}));
      input.focus();
      await sendKeys({type: '12345'});
      expect(details).to.have.length(0);
      await sendKeys({type: '6'});
      await until(() => details.length === 1, 'the automatic submission');
      expect(details[0].code).to.equal('123456');
      // Rejected and cleared: the next complete code is submitted again.
      await until(() => input.value === '', 'the rejected code cleared');
      await sendKeys({type: '654321'});
      await until(() => details.length === 2, 'the second automatic submission');
    });
  });

  describe('as a host answers', () => {
    it('sends one event however often the customer submits, busy until the host answers', async () => {
      const element = await mount();
      const answerLater = deferred();
      const details = answer(element, () => answerLater.promise);
      const input = codeInput(element);
      fill(input, '123456');
      const button = submitButton(element);
      button.click();
      button.click();
      button.click();
      input.focus();
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the submission');
      await element.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent).to.include('Checking the code');
      expect(element.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      expect(element.matches(':state(busy)')).to.equal(true);
      answerLater.resolve();
      await until(() => element.matches(':state(success)'), 'the success state');
      expect(details).to.have.length(1);
    });

    it('says the code did not match, with the attempts left, clears it and returns focus to it', async () => {
      const element = await mount();
      answer(element, () => Promise.reject({code: 'code-incorrect', attemptsLeft: 2}));
      const input = codeInput(element);
      fill(input, '111111');
      submitButton(element).click();
      await until(() => input.getAttribute('aria-invalid') === 'true', 'the field error');
      await until(() => document.activeElement === input, 'focus back on the code');
      expect(input.value).to.equal('');
      expect(descriptionOf(input)).to.include(
        'That is not the right code. You can try 2 more times before you need a new code.',
      );
      expect(alertText(element).trim(), 'the message is under the field, not repeated').to.equal('');
      await sendKeys({type: '2'});
      await element.updateComplete;
      expect(input.hasAttribute('aria-invalid'), 'typing again clears the error').to.equal(false);
    });

    it('offers a new code at once when the code expired', async () => {
      const element = await mount('channel="email" destination="c•••@example.com" resend-after="60"');
      answer(element, () => Promise.reject({code: 'code-expired'}));
      const resend = buttonNamed(element, /send a new code/i)!;
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      fill(codeInput(element), '111111');
      submitButton(element).click();
      await until(() => descriptionOf(codeInput(element)).includes('expired'), 'the expiry message');
      expect(codeInput(element).value).to.equal('');
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
    });

    it('makes “Send a new code” the main action while the code is expired, and “Continue” secondary', async () => {
      const element = await mount('channel="sms" destination="•••• 42"');
      answer(element, () => Promise.reject({code: 'code-expired'}));
      const resend = buttonNamed(element, /send a new code/i)!;
      const primary = (button: HTMLButtonElement) => !button.classList.contains('serein-button--quiet');
      expect(primary(submitButton(element)), 'Continue leads before').to.equal(true);
      expect(primary(resend)).to.equal(false);
      fill(codeInput(element), '111111');
      submitButton(element).click();
      await until(() => descriptionOf(codeInput(element)).includes('expired'), 'the expiry message');
      expect(primary(resend), 'Send a new code leads').to.equal(true);
      expect(primary(submitButton(element)), 'Continue steps back').to.equal(false);
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
      expect(getComputedStyle(resend).backgroundColor, 'the two look different').not.to.equal(
        getComputedStyle(submitButton(element)).backgroundColor,
      );
      element.addEventListener('serein-otp-resend', (event) => event.detail.waitUntil(Promise.resolve()));
      resend.click();
      await until(() => statusText(element).startsWith('We sent a new code'), 'the new code');
      expect(primary(submitButton(element)), 'Continue leads again').to.equal(true);
      expect(primary(resend)).to.equal(false);
    });

    it('after too many attempts: says how long to wait, live, clears the code and keeps submit disabled', async () => {
      const element = await mount();
      answer(element, () => Promise.reject({code: 'too-many-attempts', retryAfterSeconds: 120}));
      fill(codeInput(element), '111111');
      submitButton(element).click();
      await until(
        () => /You can try again in \u20682:00|1:59/.test(descriptionOf(submitButton(element))),
        'the live wait',
      );
      expect(alertText(element), 'one wait: the live one').not.to.match(/minute/);
      await until(() => document.activeElement === element.querySelector('[role="alert"]'), 'focus on the alert');
      expect(codeInput(element).value).to.equal('');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
    });

    it('when rate-limited: says when to retry, keeps the code and keeps submit disabled for the wait', async () => {
      const element = await mount();
      const events = recordEvents(element, ['serein-otp-submit']);
      answer(element, () => Promise.reject({code: 'rate-limited', retryAfterSeconds: 1, reference: 'REF-42'}));
      fill(codeInput(element), '123456');
      submitButton(element).click();
      await until(() => descriptionOf(submitButton(element)).includes('You can try again in \u20680:01'), 'the wait');
      expect(alertText(element)).to.include('REF-42');
      expect(alertText(element), 'one wait: the live one').not.to.match(/second/);
      expect(codeInput(element).value).to.equal('123456');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      submitButton(element).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).to.have.length(1);
      await until(() => submitButton(element).getAttribute('aria-disabled') === 'false', 'the end of the wait', 3000);
    });

    it('keeps the code after a network error', async () => {
      const element = await mount();
      answer(element, () => Promise.reject(new TypeError('Failed to fetch')));
      fill(codeInput(element), '123456');
      submitButton(element).click();
      await until(() => alertText(element).includes('could not reach the server'), 'the network message');
      expect(codeInput(element).value).to.equal('123456');
    });

    it('on success: says so, focuses the message, clears the code and tells the host', async () => {
      const element = await mount('remember-device remember-days="30"');
      const events = recordEvents(element, ['serein-otp-verified', 'serein-journey']);
      const details = answer(element, () => Promise.resolve());
      const remember = element.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(descriptionOf(remember)).to.include('For 30 days.');
      remember.click();
      fill(codeInput(element), '123456');
      submitButton(element).click();
      await until(() => element.matches(':state(success)'), 'success');
      expect(details[0].rememberDevice).to.equal(true);
      await until(
        () => document.activeElement?.textContent?.includes('that is the right code'),
        'focus on the message',
      );
      expect(element.querySelector('input[autocomplete="one-time-code"]')).to.equal(null);
      const verified = events.filter((event) => event.type === 'serein-otp-verified');
      expect(verified.map((event) => event.detail)).to.deep.equal([{channel: 'app', rememberDevice: true}]);
      const journey = events.filter((event) => event.type === 'serein-journey').map((event) => event.detail.action);
      expect(journey).to.include.members(['started', 'submitted', 'succeeded']);
      expect(document.activeElement!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('shows the host’s next step (success slot) only after success', async () => {
      const element = await mount();
      element.insertAdjacentHTML('beforeend', '<a slot="success" href="/account">Continue</a>');
      answer(element, () => Promise.resolve());
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]')!;
      expect(slot.hidden).to.equal(true);
      fill(codeInput(element), '123456');
      submitButton(element).click();
      await until(() => element.matches(':state(success)'), 'success');
      await element.updateComplete;
      expect(slot.hidden).to.equal(false);
      expect(slot.assignedElements()[0].textContent).to.equal('Continue');
      await expect(element).to.be.accessible();
    });

    it('reports failures in the journey with their code and the next attempt number', async () => {
      const element = await mount();
      const journey = recordEvents(element, ['serein-journey']);
      let calls = 0;
      answer(element, () => (++calls === 1 ? Promise.reject({code: 'code-incorrect'}) : Promise.resolve()));
      fill(codeInput(element), '111111');
      submitButton(element).click();
      await until(() => codeInput(element)?.getAttribute('aria-invalid') === 'true', 'the error');
      fill(codeInput(element), '222222');
      submitButton(element).click();
      await until(() => element.matches(':state(success)'), 'success');
      const summary = journey
        .map((event) => event.detail)
        .filter((detail) => detail.action !== 'shown' && detail.action !== 'started')
        .map((detail) => `${detail.action}:${detail.attempt}${detail.errorCode ? `:${detail.errorCode}` : ''}`);
      expect(summary).to.deep.equal(['submitted:1', 'failed:1:code-incorrect', 'submitted:2', 'succeeded:2']);
    });

    it('posts the form natively when nobody answers and an action is set', async () => {
      const element = await mount('action="/verify"');
      const submitted: HTMLFormElement[] = [];
      const native = HTMLFormElement.prototype.submit;
      HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
        submitted.push(this);
      };
      try {
        fill(codeInput(element), '123456');
        submitButton(element).click();
        await until(() => submitted.length === 1, 'the native submission');
        expect(submitted[0].getAttribute('method')).to.equal('post');
        expect(new FormData(submitted[0]).get('one-time-code')).to.equal('123456');
      } finally {
        HTMLFormElement.prototype.submit = native;
      }
    });
  });

  describe('resend', () => {
    it('stays visible with a quiet countdown, then announces once that a new code can be asked for', async () => {
      const element = await mount('channel="sms" destination="•••• 42" resend-after="2"');
      const resend = buttonNamed(element, /send a new code/i)!;
      const events = recordEvents(element, ['serein-otp-resend']);
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(descriptionOf(resend)).to.match(/You can ask for a new code in \u20680:02/);
      expect(resend.closest('[aria-live], [role="status"], [role="alert"]'), 'the countdown is not live').to.equal(
        null,
      );
      const status = element.querySelector('[role="status"]')!;
      let mutations = 0;
      const observer = new MutationObserver((records) => (mutations += records.length));
      observer.observe(status, {childList: true, subtree: true, characterData: true});
      resend.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events, 'no resend during the countdown').to.have.length(0);
      await until(() => resend.getAttribute('aria-disabled') === 'false', 'the end of the countdown', 4000);
      await element.updateComplete;
      observer.disconnect();
      expect(statusText(element)).to.equal('You can ask for a new code now.');
      expect(mutations, 'the live region changed at most twice').to.be.at.most(2);
    });

    it('asks the host for a new code, busy meanwhile, then says it was sent and restarts the countdown', async () => {
      const element = await mount('channel="email" resend-after="0"');
      const answerLater = deferred();
      const details: {channel: string}[] = [];
      element.addEventListener('serein-otp-resend', (event) => {
        details.push({channel: event.detail.channel});
        event.detail.waitUntil(answerLater.promise);
      });
      const resend = buttonNamed(element, /send a new code/i)!;
      resend.focus();
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the resend event');
      expect(details[0]).to.deep.equal({channel: 'email'});
      await element.updateComplete;
      expect(resend.textContent).to.include('Sending a new code');
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      answerLater.resolve();
      await until(() => statusText(element).startsWith('We sent a new code'), 'the confirmation');
      expect(statusText(element)).to.equal('We sent a new code. It can take a few minutes to arrive.');
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
      resend.click();
      await until(() => details.length === 2, 'a second resend');
      await until(() => statusText(element).startsWith('We sent a new code'), 'the second confirmation');
      // A host that changes the wait restarts the countdown with it.
      element.resendAfter = 30;
      await element.updateComplete;
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(descriptionOf(resend)).to.include('0:30');
    });

    it('waits as long as the host says when resending is rate-limited', async () => {
      const element = await mount('channel="sms" resend-after="0"');
      element.addEventListener('serein-otp-resend', (event) =>
        event.detail.waitUntil(Promise.reject({code: 'rate-limited', retryAfterSeconds: 90})),
      );
      buttonNamed(element, /send a new code/i)!.click();
      const resend = buttonNamed(element, /send a new code/i)!;
      await until(() => /1:30|1:29/.test(descriptionOf(resend)), 'the live wait');
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(element)).to.include('please wait before trying again');
      expect(alertText(element), 'one wait: the live one').not.to.match(/minute/);
    });

    it('restarts the countdown after a new code was sent', async () => {
      const element = await mount('channel="sms" destination="•••• 42" resend-after="1"');
      const resend = buttonNamed(element, /send a new code/i)!;
      const sent = deferred();
      element.addEventListener('serein-otp-resend', (event) => event.detail.waitUntil(sent.promise));
      await until(() => resend.getAttribute('aria-disabled') === 'false', 'the first countdown to end', 4000);
      resend.click();
      await until(() => resend.textContent!.includes('Sending a new code'), 'the resend under way');
      sent.resolve();
      await until(() => statusText(element).startsWith('We sent a new code'), 'the confirmation');
      expect(resend.getAttribute('aria-disabled'), 'blocked for the cooldown again').to.equal('true');
      expect(descriptionOf(resend)).to.include('You can ask for a new code in \u20680:01');
      await until(() => resend.getAttribute('aria-disabled') === 'false', 'the second countdown to end', 4000);
    });

    it('folds into the one wait of a lock-out: one live line, both buttons blocked for it, then both back', async () => {
      const element = await mount('channel="sms" destination="•••• 42" resend-after="1"');
      answer(element, () => Promise.reject({code: 'too-many-attempts', retryAfterSeconds: 3}));
      const resend = buttonNamed(element, /send a new code/i)!;
      fill(codeInput(element), '111111');
      submitButton(element).click();
      await until(() => /new code in \u20680:0[23]/.test(descriptionOf(submitButton(element))), 'the live wait');
      expect(descriptionOf(resend), 'the resend waits with it').to.equal(descriptionOf(submitButton(element)));
      expect(element.querySelectorAll('.serein-wait'), 'one countdown on the page').to.have.length(1);
      expect(alertText(element)).not.to.match(/second|minute/);
      expect(statusText(element)).to.equal('You can ask for a new code in 3 seconds.');
      // The resend's own cooldown (1 s) ends inside the lock-out: the resend stays blocked.
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      await until(() => submitButton(element).getAttribute('aria-disabled') === 'false', 'the end of the wait', 4000);
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
      await element.updateComplete;
      expect(statusText(element)).to.equal('You can ask for a new code now.');
      element.addEventListener('serein-otp-resend', (event) => event.detail.waitUntil(Promise.resolve()));
      resend.click();
      await until(() => statusText(element).startsWith('We sent a new code'), 'the new code, said');
    });

    it('is not offered for codes the customer already has (app, backup code)', async () => {
      for (const channel of ['app', 'backup-code']) {
        const element = await mount(`channel="${channel}"`);
        expect(buttonNamed(element, /send a new code/i), channel).to.equal(undefined);
      }
    });
  });

  describe('channels', () => {
    it('says where the code went and how long it may take', async () => {
      const cases: [string, RegExp][] = [
        // The destination comes from the host: it sits between bidi isolates (U+2068 … U+2069).
        ['channel="sms" destination="•••• 42"', /text message to \u2068•••• 42\u2069\. It can take a minute/],
        [
          'channel="email" destination="c•••@example.com"',
          /to \u2068c•••@example\.com\u2069\. It can take a few minutes.*spam/,
        ],
        ['channel="app"', /app that gives you sign-in codes/],
        ['channel="backup-code"', /backup codes you saved.*works only once/],
      ];
      for (const [attributes, where] of cases) {
        const element = await mount(attributes);
        expect(element.textContent, attributes).to.match(where);
        expect(element.textContent).to.include('makes sure it is really you');
      }
    });

    it('takes a backup code of any length in readable groups, and sends it without separators', async () => {
      const element = await mount('channel="backup-code"');
      const details = answer(element, () => Promise.resolve());
      const input = codeInput(element);
      expect(input.inputMode).to.equal('text');
      expect(boxes(element)).to.have.length(0);
      input.focus();
      await sendKeys({type: 'abcd efgh-ijkl mnop23'});
      expect(input.value).to.equal('ABCD-EFGH-IJKL-MNOP-23');
      await sendKeys({press: 'Enter'});
      await until(() => details.length === 1, 'the submission');
      expect(details[0]).to.include({code: 'ABCDEFGHIJKLMNOP23', channel: 'backup-code'});
    });

    it('offers other ways, and starts afresh on the channel the host switches to', async () => {
      const element = await mount('channel="sms" destination="•••• 42"', (el) => {
        el.alternatives = [
          {channel: 'sms', destination: '•••• 42'},
          {channel: 'email', destination: 'c•••@example.com'},
          {channel: 'backup-code'},
        ];
      });
      const switches = recordEvents(element, ['serein-otp-switch']);
      element.addEventListener('serein-otp-switch', (event) => {
        element.channel = event.detail.channel;
        element.destination = event.detail.destination ?? '';
      });
      fill(codeInput(element), '12');
      const toggle = buttonNamed(element, /try another way/i)!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.focus();
      await sendKeys({press: 'Enter'});
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const choices = [...element.querySelectorAll(`#${toggle.getAttribute('aria-controls')} button`)].map((button) =>
        button.textContent?.trim(),
      );
      expect(choices, 'the current way is not offered again').to.deep.equal([
        'Get a code by email to \u2068c•••@example.com\u2069',
        'Use a backup code',
      ]);
      await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await until(() => switches.length === 1, 'the switch event');
      expect(switches[0].detail).to.deep.equal({channel: 'email', destination: 'c•••@example.com'});
      await until(() => document.activeElement?.localName === 'h2', 'focus on the new heading');
      expect(document.activeElement!.textContent).to.include('Check your inbox');
      expect(codeInput(element).value).to.equal('');
    });
  });

  describe('WebOTP', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    function stubWebOtp(result: () => Promise<unknown>) {
      const calls: CredentialRequestOptions[] = [];
      const original = navigator.credentials.get;
      const hadOtp = 'OTPCredential' in window;
      (window as unknown as {OTPCredential: unknown}).OTPCredential = class {};
      navigator.credentials.get = (options?: CredentialRequestOptions) => {
        calls.push(options!);
        return result() as Promise<Credential | null>;
      };
      restore = () => {
        navigator.credentials.get = original;
        if (!hadOtp) delete (window as unknown as {OTPCredential?: unknown}).OTPCredential;
        restore = undefined;
      };
      return calls;
    }

    it('fills the code from the text message, without submitting it', async () => {
      const calls = stubWebOtp(() => Promise.resolve({code: '735112'}));
      const element = await mount('channel="sms"');
      const events = recordEvents(element, ['serein-otp-submit']);
      await until(() => codeInput(element).value === '735112', 'the WebOTP code');
      expect(calls).to.have.length(1);
      expect((calls[0] as {otp?: {transport: string[]}}).otp).to.deep.equal({transport: ['sms']});
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).to.have.length(0);
    });

    it('submits the filled code with auto-submit, aborting the request on submit', async () => {
      const never = deferred();
      const calls = stubWebOtp(() => never.promise);
      const element = await mount('channel="sms"');
      const details = answer(element, () => Promise.resolve());
      await until(() => calls.length === 1, 'the WebOTP request');
      fill(codeInput(element), '123456');
      submitButton(element).click();
      await until(() => details.length === 1, 'the submission');
      expect(calls[0].signal!.aborted).to.equal(true);
    });

    it('with auto-submit, submits the code it received', async () => {
      stubWebOtp(() => Promise.resolve({code: '735112'}));
      let details: SereinOtpSubmitDetail[] = [];
      await mount('channel="sms" auto-submit', (element) => (details = answer(element, () => Promise.resolve())));
      await until(() => details.length === 1, 'the automatic submission');
      expect(details[0].code).to.equal('735112');
    });

    it('is aborted when the element leaves the page', async () => {
      const never = deferred();
      const calls = stubWebOtp(() => never.promise);
      const element = await mount('channel="sms"');
      await until(() => calls.length === 1, 'the WebOTP request');
      element.remove();
      expect(calls[0].signal!.aborted).to.equal(true);
    });

    it('rejects a code of the wrong shape', async () => {
      stubWebOtp(() => Promise.resolve({code: 'MUAHAHA'}));
      const element = await mount('channel="sms"');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(codeInput(element).value).to.equal('');
    });

    it('is not used without the API, nor for other channels', async () => {
      const calls = stubWebOtp(() => Promise.resolve({code: '123456'}));
      await mount('channel="email"');
      await mount('channel="app"');
      delete (window as unknown as {OTPCredential?: unknown}).OTPCredential;
      await mount('channel="sms"');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).to.have.length(0);
    });
  });

  describe('busy, focus and the other ways', () => {
    const width = (element: Element) => element.getBoundingClientRect().width;

    it('keeps the width of its buttons while busy, with a spinner, and shows the code as read-only', async () => {
      const element = await mount('channel="email" resend-after="0"');
      const checkLater = deferred();
      answer(element, () => checkLater.promise);
      const sendLater = deferred();
      element.addEventListener('serein-otp-resend', (event) => event.detail.waitUntil(sendLater.promise));
      const submit = submitButton(element);
      const resend = buttonNamed(element, /send a new code/i)!;
      const idle = {
        submit: width(submit),
        resend: width(resend),
        box: getComputedStyle(boxes(element)[0]).backgroundColor,
      };
      expect(submit.querySelector('.serein-spinner'), 'no spinner while idle').to.equal(null);

      resend.click();
      await until(() => resend.querySelector('.serein-spinner'), 'the spinner in the resend button');
      expect(resend.textContent).to.include('Sending a new code');
      expect(width(resend), 'the resend button keeps its width').to.equal(idle.resend);
      sendLater.resolve();
      await until(() => !resend.querySelector('.serein-spinner'), 'the end of the resend');

      fill(codeInput(element), '123456');
      submit.click();
      await until(() => submit.querySelector('.serein-spinner'), 'the spinner in the submit button');
      expect(submit.textContent).to.include('Checking the code');
      expect(width(submit), 'the submit button keeps its width').to.equal(idle.submit);
      expect(getComputedStyle(boxes(element)[0]).backgroundColor, 'the code looks read-only').not.to.equal(idle.box);
      expect(getComputedStyle(submit).cursor).to.equal('progress');
      checkLater.resolve();
      await until(() => element.matches(':state(success)'), 'the success state');
    });

    it('draws one focus ring on the code (the active box), and a clear ring on a focused heading', async () => {
      const element = await mount();
      const input = codeInput(element);
      input.focus();
      await sendKeys({type: '1'});
      await element.updateComplete;
      expect(getComputedStyle(input).outlineStyle, 'the transparent input draws no ring').to.equal('none');
      expect(getComputedStyle(boxes(element)[1]).outlineStyle, 'the active box draws it').to.equal('solid');
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(submitButton(element));
      const buttonRing = getComputedStyle(submitButton(element)).outlineColor;
      const heading = element.querySelector('h2')!;
      heading.focus();
      await until(() => heading.matches(':focus-visible'), 'a visible focus on the heading');
      const ring = getComputedStyle(heading);
      expect(ring.outlineStyle).to.equal('solid');
      expect(ring.outlineWidth).to.equal('3px');
      expect(ring.outlineColor, 'the same focus colour as buttons').to.equal(buttonRing);
      expect(parseFloat(ring.outlineOffset), 'the ring stands clear of the letters').to.be.at.least(4);
    });

    it('shows "Try another way" as a disclosure: Enter and Space toggle it, then the ways follow in order', async () => {
      const element = await mount('channel="sms" destination="•••• 42"', (el) => {
        el.alternatives = [
          {channel: 'email', destination: 'c•••@example.com'},
          {channel: 'app'},
          {channel: 'backup-code'},
        ];
      });
      const toggle = buttonNamed(element, /try another way/i)!;
      const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(toggle.querySelector('svg[aria-hidden="true"]'), 'a chevron').not.to.equal(null);
      expect(list.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({press: ' '});
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      await expect(element).to.be.accessible();
      const ways = [...list.querySelectorAll('button')];
      expect(ways).to.have.length(3);
      for (const way of ways) expect(way.querySelector('svg[aria-hidden="true"]'), 'an icon').not.to.equal(null);
      const widths = new Set(ways.map((way) => width(way)));
      expect(widths.size, 'every way is as wide as the others').to.equal(1);
      for (const way of ways) {
        await sendKeys({press: 'Tab'});
        expect(document.activeElement).to.equal(way);
      }
      // Back to the toggle (Shift held by hand: the Firefox launcher takes no chords).
      await sendKeys({down: 'Shift'});
      try {
        for (let step = 0; step < ways.length; step += 1) await sendKeys({press: 'Tab'});
      } finally {
        await sendKeys({up: 'Shift'});
      }
      expect(document.activeElement).to.equal(toggle);
      await sendKeys({press: 'Enter'});
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(list.hidden).to.equal(true);
      await sendKeys({press: ' '});
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    });
  });

  it('warns once about a bad attribute and falls back', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await mount('channel="pigeon" length="2"');
      expect(boxes(element)).to.have.length(6);
      expect(warnings.join('\n')).to.include('channel must be one of');
      expect(warnings.join('\n')).to.include('length must be');
    } finally {
      console.warn = warn;
    }
  });
});

/** Elements the harness submitted, which settle once the host's answer is shown. */
const submitted = new WeakSet<HTMLElement>();

const harness: ComponentHarness = {
  tag: 'serein-otp-prompt',
  async mount(container) {
    const element = document.createElement('serein-otp-prompt');
    element.channel = 'sms';
    element.destination = '•••• 42';
    element.rememberDevice = true;
    element.alternatives = [{channel: 'email', destination: 'c•••@example.com'}];
    container.append(element);
    await until(() => element.querySelector('form'), 'the form');
    return element;
  },
  secret: () => String(Math.floor(100000 + Math.random() * 900000)),
  async enterSecret(element, secret) {
    element.addEventListener('serein-otp-submit', (event) =>
      (event as CustomEvent<SereinOtpSubmitDetail>).detail.waitUntil(Promise.reject({code: 'unavailable'})),
    );
    fill(codeInput(element), secret.replace(/\D/g, '').slice(0, 6).padEnd(6, '7'));
    submitButton(element).click();
    submitted.add(element);
  },
  async settle(element) {
    if (submitted.has(element)) await until(() => alertText(element).trim() !== '', 'the error');
    await (element as SereinOtpPrompt).updateComplete;
  },
  secretEvents: ['serein-otp-submit'],
  lightDomSelectors: ['serein-otp-prompt input[autocomplete="one-time-code"]', 'serein-otp-prompt form'],
};

secretsNeverLeak(harness);
lightDomFields(harness);
layoutSuite(harness);
strictCspSuite('serein-otp-prompt', 'otp-prompt');

formFlowSuite({
  tag: 'serein-otp-prompt',
  event: 'serein-otp-submit',
  mount: () => mount(),
  entries: (element) => [[codeInput(element), '123456']],
  form: (element) => element.querySelector('form')!,
});
