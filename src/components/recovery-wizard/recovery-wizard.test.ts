import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../define/recovery-wizard.js';
import type {SereinRecoveryWizard} from './recovery-wizard.js';
import type {SereinStrengthMeter} from '../strength-meter/strength-meter.js';
import type {SereinRecoveryMethod} from '../../events/recovery-wizard.js';
import {fill, recordEvents, until} from '../../../test/support/helpers.js';
import type {ComponentHarness} from '../../../test/suites/harness.js';
import {secretsNeverLeak} from '../../../test/suites/secrets.js';
import {lightDomFields} from '../../../test/suites/light-dom.js';
import {layoutSuite} from '../../../test/suites/layout.js';
import {strictCspSuite} from '../../../test/suites/csp.js';
import {formFlowSuite} from '../../../test/suites/form-flow.js';
import {atNarrowGerman, expectSteadyControls} from '../../../test/support/controls.js';

const STRONG = 'mango kiwi 1987 pear';
const METHODS: SereinRecoveryMethod[] = [
  {id: 'm-email', channel: 'email', destination: 'c•••@example.com'},
  {id: 'm-sms', channel: 'sms', destination: '•••• 42'},
  {id: 'm-backup', channel: 'backup-code'},
];

interface Host {
  methods?: SereinRecoveryMethod[];
  identify?: () => Promise<unknown>;
  send?: () => Promise<unknown>;
  verify?: () => Promise<unknown>;
  reset?: () => Promise<unknown>;
  secondFactor?: () => Promise<unknown>;
  secondFactorSend?: () => Promise<unknown>;
}

/** A host backend for the wizard's events; records every detail. */
function backend(element: HTMLElement, host: Host = {}) {
  const calls: {type: string; detail: Record<string, unknown>}[] = [];
  const record = (type: string, answer: () => Promise<unknown>, method: 'waitUntil' | 'respondWith' = 'waitUntil') =>
    element.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown> & {
        waitUntil(promise: Promise<unknown>): void;
        respondWith(promise: Promise<unknown>): void;
      };
      calls.push({type, detail});
      detail[method](answer());
    });
  record('serein-recovery-identify', host.identify ?? (() => Promise.resolve(host.methods ?? METHODS)), 'respondWith');
  record('serein-recovery-send', host.send ?? (() => Promise.resolve()));
  record('serein-recovery-verify', host.verify ?? (() => Promise.resolve()));
  record('serein-recovery-reset', host.reset ?? (() => Promise.resolve()));
  record('serein-recovery-second-factor', host.secondFactor ?? (() => Promise.resolve()));
  record('serein-recovery-second-factor-send', host.secondFactorSend ?? (() => Promise.resolve()));
  return calls;
}

async function mount(attributes = 'support-href="/help"') {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `<serein-recovery-wizard ${attributes}></serein-recovery-wizard>`;
  const element = holder.querySelector('serein-recovery-wizard')!;
  await element.updateComplete;
  return element;
}

const visibleStep = (element: SereinRecoveryWizard) => element.querySelector<HTMLElement>('[data-step]:not([hidden])')!;
const focusedHeading = (element: SereinRecoveryWizard) =>
  document.activeElement?.localName === 'h2' && visibleStep(element).contains(document.activeElement)
    ? document.activeElement.textContent!.trim()
    : '';
const identifierInput = (element: Element) =>
  element.querySelector<HTMLInputElement>('[data-step="identify"] input[autocomplete="username"]')!;
const codeInput = (element: Element) => element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
const newPassword = (element: Element) =>
  element.querySelector<HTMLInputElement>('[data-step="password"] input[autocomplete="new-password"]')!;
const submitIn = (element: SereinRecoveryWizard) =>
  visibleStep(element).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const progress = (element: Element) =>
  element.querySelector('.serein-recovery-wizard__progress')?.textContent?.trim() ?? '';

async function identify(element: SereinRecoveryWizard, who = 'camille@example.com') {
  fill(identifierInput(element), who);
  submitIn(element).click();
  await until(() => element.currentStep === 'method', 'the method step');
  await until(() => focusedHeading(element), 'focus on the method heading');
}

async function chooseAndSend(element: SereinRecoveryWizard, id = 'm-email') {
  element.querySelector<HTMLInputElement>(`input[type="radio"][value="${id}"]`)!.click();
  submitIn(element).click();
  await until(() => element.currentStep === 'code', 'the code step');
  await until(() => codeInput(element), 'the code field');
}

const TWO_STEP = {secondFactor: {channels: ['app', 'sms', 'backup-code'], destination: '•••• 42'}};
const secondStep = (element: Element) => element.querySelector<HTMLElement>('[data-step="second-factor"]')!;
const secondCode = (element: Element) =>
  element.querySelector<HTMLInputElement>('[data-step="second-factor"] input[autocomplete="one-time-code"]')!;
const secondPrompt = (element: Element) =>
  element.querySelector<HTMLElement & {channel: string; destination: string}>(
    '[data-step="second-factor"] serein-otp-prompt',
  )!;

/** From the start to the second-factor step, the host's answer to the code being `answer`. */
async function toSecondFactor(element: SereinRecoveryWizard) {
  await identify(element);
  await chooseAndSend(element);
  fill(codeInput(element), '123456');
  submitIn(element).click();
  await until(() => element.currentStep === 'second-factor', 'the second-factor step');
  await until(() => focusedHeading(element) === 'Confirm it is you', 'focus on its heading');
}

describe('<serein-recovery-wizard>', () => {
  it('registers its code prompt, password form and meter with its view: this page imports only its define entry', async () => {
    const element = await mount();
    // updateComplete waited for the view, and the view for the registration of what it draws.
    for (const tag of ['serein-otp-prompt', 'serein-password-change']) {
      expect(customElements.get(tag), `${tag} registered`).to.exist;
    }
    backend(element);
    await identify(element);
    await chooseAndSend(element);
    const prompt = element.querySelector('[data-step="code"] serein-otp-prompt')!;
    expect(prompt.matches(':defined'), 'the code prompt upgraded').to.equal(true);
    fill(codeInput(element), '123456');
    submitIn(element).click();
    await until(() => newPassword(element), 'the password step');
    const form = element.querySelector('[data-step="password"] serein-password-change')!;
    expect(form.matches(':defined'), 'the password form upgraded').to.equal(true);
    const meter = form.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
    expect(meter.matches(':defined'), 'its meter upgraded').to.equal(true);
    fill(newPassword(element), 'too short');
    await until(() => meter.level === 'too-short', 'the meter to judge what is typed');
  });

  it('is accessible on every step', async () => {
    const element = await mount();
    backend(element);
    await expect(element).to.be.accessible();
    await identify(element);
    await expect(element).to.be.accessible();
    await chooseAndSend(element);
    await until(() => focusedHeading(element), 'the code heading');
    await expect(element).to.be.accessible();
    fill(codeInput(element), '123456');
    submitIn(element).click();
    await until(() => element.currentStep === 'password' && newPassword(element), 'the password step');
    await expect(element).to.be.accessible();
    fill(newPassword(element), STRONG);
    submitIn(element).click();
    await until(() => element.currentStep === 'done', 'the last step');
    await expect(element).to.be.accessible();
  });

  it('goes the whole way with the keyboard alone, focus on each step’s heading, "Step n of 4" above it', async () => {
    const element = await mount();
    const calls = backend(element);
    const complete = recordEvents(element, ['serein-recovery-complete']);
    expect(progress(element)).to.equal('Step 1 of 4');
    identifierInput(element).focus();
    await sendKeys({type: 'camille@example.com'});
    await sendKeys({press: 'Enter'});
    await until(() => focusedHeading(element) === 'How would you like to get a code?', 'the method heading');
    expect(progress(element)).to.equal('Step 2 of 4');
    expect(calls[0]).to.deep.include({type: 'serein-recovery-identify'});
    expect(calls[0].detail.identifier).to.equal('camille@example.com');
    // Tab to the choices, arrow to the text message, Enter sends.
    await sendKeys({press: 'Tab'});
    expect((document.activeElement as HTMLInputElement).value).to.equal('m-email');
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Enter'});
    await until(() => focusedHeading(element) === 'Check your text messages', 'the code heading');
    expect(progress(element)).to.equal('Step 3 of 4');
    expect(calls[1].type).to.equal('serein-recovery-send');
    expect(calls[1].detail.method).to.deep.equal(METHODS[1]);
    codeInput(element).focus();
    await sendKeys({type: '482107'});
    await sendKeys({press: 'Enter'});
    await until(() => focusedHeading(element) === 'Choose a new password', 'the password heading');
    expect(progress(element)).to.equal('Step 4 of 4');
    expect(element.querySelector('input[type="checkbox"]'), 'no sign-out box to untick').to.equal(null);
    expect(element.textContent).to.include('signs you out on every device');
    expect(calls[2].type).to.equal('serein-recovery-verify');
    expect(calls[2].detail).to.deep.include({code: '482107', method: METHODS[1]});
    newPassword(element).focus();
    await sendKeys({type: STRONG});
    await sendKeys({press: 'Enter'});
    await until(() => focusedHeading(element) === 'Your password has been changed', 'the last heading');
    expect(calls[3].type).to.equal('serein-recovery-reset');
    // A recovery always signs out every device: no box to untick, the step says so.
    expect(calls[3].detail).to.deep.include({newPassword: STRONG, signOutOthers: true});
    expect(complete.map((event) => event.detail)).to.deep.equal([{signOutOthers: true}]);
    expect(progress(element), 'no step number once done').to.equal('');
  });

  describe('privacy', () => {
    it('says the same thing whether or not an account matches', async () => {
      const markupFor = async (who: string) => {
        const element = await mount();
        // The host answers alike for both (a masked form of what was typed).
        backend(element, {methods: [{id: 'email', channel: 'email', destination: 'c•••@example.com'}]});
        await identify(element, who);
        return visibleStep(element)
          .innerHTML.replaceAll(who, 'WHO')
          .replace(/serein-recovery-wizard-[\w-]+?-\d+/g, 'ID');
      };
      expect(await markupFor('camille@example.com')).to.equal(await markupFor('nobody@example.com'));
    });

    it('leads an empty list of ways to a heading that says so and support as the main action', async () => {
      const element = await mount();
      backend(element, {methods: []});
      await identify(element, 'nobody@example.com');
      // The heading says what happened, and has the focus (not a question with nothing to choose).
      expect(focusedHeading(element)).to.equal('We cannot send you a code');
      const text = visibleStep(element).textContent!.replace(/\s+/g, ' ');
      expect(text).not.to.include('How would you like to get a code?');
      expect(text).to.include('No way to get a code is set up for \u2068nobody@example.com\u2069.');
      expect(text).to.include('Our support team can help you get back in.');
      expect(visibleStep(element).querySelector('form, input'), 'nothing to choose').to.equal(null);
      // Support is the main action: the link looks like the primary button; the help link stays last.
      const support = visibleStep(element).querySelector<HTMLAnchorElement>('a.serein-button[href="/help"]')!;
      expect(support.textContent!.trim()).to.equal('Contact support');
      expect(support.classList.contains('serein-button--quiet')).to.equal(false);
      const primary = visibleStep(element).querySelector<HTMLElement>(
        'button.serein-button:not(.serein-button--quiet)',
      );
      expect(primary, 'no other main action').to.equal(null);
      expect(element.querySelector('.serein-help a[href="/help"]')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('sends the code only in the verify event, the new password only in the reset event', async () => {
      const seen: {type: string; json: string}[] = [];
      const outside: string[] = [];
      const inner = ['serein-otp-verified', 'serein-otp-switch', 'serein-password-changed'];
      const listen = (event: Event) => outside.push(event.type);
      inner.forEach((type) => document.addEventListener(type, listen));
      const original = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
        if (event instanceof CustomEvent) seen.push({type: event.type, json: JSON.stringify(event.detail) ?? ''});
        return original.call(this, event);
      };
      try {
        const element = await mount();
        backend(element);
        await identify(element);
        await chooseAndSend(element);
        fill(codeInput(element), '735112');
        submitIn(element).click();
        await until(() => newPassword(element), 'the password step');
        fill(newPassword(element), STRONG);
        submitIn(element).click();
        await until(() => element.currentStep === 'done', 'the last step');
      } finally {
        EventTarget.prototype.dispatchEvent = original;
        inner.forEach((type) => document.removeEventListener(type, listen));
      }
      expect(seen.filter((entry) => entry.json.includes('735112')).map((entry) => entry.type)).to.deep.equal([
        'serein-recovery-verify',
      ]);
      expect(seen.filter((entry) => entry.json.includes(STRONG)).map((entry) => entry.type)).to.deep.equal([
        'serein-recovery-reset',
      ]);
      const types = new Set(seen.map((entry) => entry.type));
      for (const inner of ['serein-otp-submit', 'serein-password-change']) {
        expect(types.has(inner), `${inner} is answered inside the wizard, never dispatched`).to.equal(false);
      }
      expect(outside, 'the embedded parts’ outcomes stay inside the wizard').to.deep.equal([]);
      const journeys = seen.filter((entry) => entry.type === 'serein-journey').map((entry) => JSON.parse(entry.json));
      expect(new Set(journeys.map((detail) => detail.component))).to.deep.equal(
        new Set(['recovery-wizard', 'strength-meter']),
      );
      expect(
        journeys.filter((detail) => detail.action === 'step').map((detail) => detail.step),
        'one step event per step',
      ).to.deep.equal(['method', 'code', 'password', 'done']);
    });

    it('never signs the customer in: the last step offers to continue to sign in', async () => {
      const element = await mount('sign-in-href="/sign-in"');
      backend(element);
      await identify(element);
      await chooseAndSend(element, 'm-backup');
      fill(codeInput(element), 'ABCD-EFGH');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      fill(newPassword(element), STRONG);
      submitIn(element).click();
      await until(() => element.currentStep === 'done', 'the last step');
      const text = visibleStep(element).textContent!;
      expect(text).to.include('You can now sign in with your new password.');
      expect(text).to.include('you are not signed in automatically');
      expect(element.querySelector<HTMLAnchorElement>('a[href="/sign-in"]')!.textContent!.trim()).to.equal(
        'Continue to sign in',
      );
    });

    it('emits serein-recovery-sign-in from the last step without sign-in-href', async () => {
      const element = await mount();
      backend(element);
      const signIn = recordEvents(element, ['serein-recovery-sign-in']);
      await identify(element);
      await chooseAndSend(element, 'm-backup');
      fill(codeInput(element), 'ABCDEFGH');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      fill(newPassword(element), STRONG);
      submitIn(element).click();
      await until(() => element.currentStep === 'done', 'the last step');
      expect(visibleStep(element).textContent).to.include('Every device that was signed in');
      visibleStep(element).querySelector<HTMLButtonElement>('button')!.click();
      expect(signIn).to.have.length(1);
    });
  });

  describe('going back and forth', () => {
    it('keeps the identifier, the choice and the code typed, and sends nothing twice', async () => {
      const element = await mount();
      const calls = backend(element);
      await identify(element);
      const back = () => element.querySelector<HTMLButtonElement>('.serein-recovery-wizard__back')!;
      back().click();
      await until(() => element.currentStep === 'identify', 'back to the first step');
      await until(() => focusedHeading(element) === 'Get back into your account', 'focus on its heading');
      expect(identifierInput(element).value).to.equal('camille@example.com');
      submitIn(element).click();
      await until(() => element.currentStep === 'method', 'the method step again');
      await chooseAndSend(element, 'm-sms');
      fill(codeInput(element), '123');
      back().click();
      await until(() => element.currentStep === 'method', 'back to the methods');
      expect(element.querySelector<HTMLInputElement>('input[value="m-sms"]')!.checked).to.equal(true);
      expect(submitIn(element).textContent!.trim(), 'nothing to send again').to.equal('Continue');
      submitIn(element).click();
      await until(() => element.currentStep === 'code', 'the code step again');
      expect(codeInput(element).value).to.equal('123');
      expect(calls.filter((call) => call.type === 'serein-recovery-send')).to.have.length(1);
    });

    it('offers resend and another method on the code step', async () => {
      const element = await mount('resend-after="0"');
      const calls = backend(element);
      await identify(element);
      await chooseAndSend(element, 'm-email');
      const otp = element.querySelector('serein-otp-prompt')!;
      await until(() => otp.querySelector('.serein-otp-prompt__resend button[aria-disabled="false"]'), 'resend');
      otp.querySelector<HTMLButtonElement>('.serein-otp-prompt__resend button')!.click();
      await until(() => calls.filter((call) => call.type === 'serein-recovery-send').length === 2, 'the resend');
      const other = [...otp.querySelectorAll<HTMLButtonElement>('.serein-otp-prompt__others li button')].find(
        (button) => button.textContent!.includes('text message'),
      )!;
      other.click();
      await until(() => calls.filter((call) => call.type === 'serein-recovery-send').length === 3, 'the switch');
      expect(calls.at(-1)!.detail.method).to.deep.equal(METHODS[1]);
      await until(() => otp.getAttribute('channel') === 'sms', 'the prompt switched to the text message');
      fill(codeInput(element), '654321');
      submitIn(element).click();
      await until(() => element.currentStep === 'password', 'the password step');
      expect(calls.at(-1)!.detail).to.deep.include({method: METHODS[1], code: '654321'});
    });
  });

  describe('the second factor', () => {
    it('comes only when the host’s answer to the code asks for it, counted in "Step n of 5"', async () => {
      const element = await mount();
      const calls = backend(element, {verify: () => Promise.resolve(TWO_STEP)});
      const journeys = recordEvents(element, ['serein-journey']);
      await toSecondFactor(element);
      expect(progress(element)).to.equal('Step 4 of 5');
      expect(secondPrompt(element).channel, 'the first channel first').to.equal('app');
      expect(secondStep(element).textContent).to.include('Your account has two-step verification.');
      expect(element.querySelector('.serein-recovery-wizard__back'), 'the first code is used: no way back').to.equal(
        null,
      );
      expect(newPassword(element), 'no password step before the second factor').to.equal(null);
      fill(secondCode(element), '908172');
      submitIn(element).click();
      await until(() => focusedHeading(element) === 'Choose a new password', 'the password step');
      expect(progress(element)).to.equal('Step 5 of 5');
      const second = calls.filter((call) => call.type === 'serein-recovery-second-factor');
      expect(second).to.have.length(1);
      expect(second[0].detail).to.deep.include({channel: 'app', code: '908172'});
      expect(
        calls.filter((call) => call.type === 'serein-recovery-second-factor-send'),
        'nothing to send',
      ).to.deep.equal([]);
      expect(
        journeys.filter((event) => event.detail.action === 'step').map((event) => event.detail.step),
      ).to.deep.equal(['method', 'code', 'second-factor', 'password']);
    });

    it('goes on to the new password without it, as before', async () => {
      const element = await mount();
      const calls = backend(element, {verify: () => Promise.resolve({verified: true})});
      await identify(element);
      await chooseAndSend(element);
      fill(codeInput(element), '123456');
      submitIn(element).click();
      await until(() => element.currentStep === 'password', 'the password step');
      expect(progress(element)).to.equal('Step 4 of 4');
      expect(secondStep(element).childElementCount).to.equal(0);
      expect(calls.some((call) => call.type.startsWith('serein-recovery-second-factor'))).to.equal(false);
    });

    it('keeps a wrong code on the step, with the error under the field, then takes the right one', async () => {
      let tries = 0;
      const element = await mount();
      const calls = backend(element, {
        verify: () => Promise.resolve(TWO_STEP),
        secondFactor: () => (++tries === 1 ? Promise.reject({code: 'code-incorrect'}) : Promise.resolve()),
      });
      await toSecondFactor(element);
      fill(secondCode(element), '111111');
      submitIn(element).click();
      await until(() => secondCode(element).getAttribute('aria-invalid') === 'true', 'the code error');
      expect(element.currentStep).to.equal('second-factor');
      expect(secondStep(element).textContent).to.include('That is not the right code');
      expect(newPassword(element)).to.equal(null);
      fill(secondCode(element), '222222');
      submitIn(element).click();
      await until(() => element.currentStep === 'password', 'the password step');
      expect(
        calls.filter((call) => call.type === 'serein-recovery-second-factor').map((call) => call.detail.code),
      ).to.deep.equal(['111111', '222222']);
    });

    it('offers a backup code for a lost phone or app, and sends a text message only when chosen', async () => {
      const element = await mount();
      const calls = backend(element, {verify: () => Promise.resolve(TWO_STEP)});
      await toSecondFactor(element);
      const lost = secondStep(element).querySelector('.serein-recovery-wizard__lost')!;
      expect(lost.textContent).to.include('use one of your backup codes instead');
      expect(lost.querySelector<HTMLAnchorElement>('a[href="/help"]')!.textContent!.trim()).to.equal('Contact support');
      // "Try another way" lists the other channels; the text message is sent when chosen.
      const prompt = secondPrompt(element);
      prompt.querySelector<HTMLButtonElement>('.serein-otp-prompt__others > button')!.click();
      await until(() => prompt.querySelector('.serein-otp-prompt__others ul:not([hidden])'), 'the other ways');
      const sms = [...prompt.querySelectorAll<HTMLButtonElement>('.serein-otp-prompt__others li button')].find(
        (button) => button.textContent!.includes('•••• 42'),
      )!;
      sms.click();
      await until(() => prompt.channel === 'sms', 'the text message channel');
      expect(prompt.destination).to.equal('•••• 42');
      expect(calls.filter((call) => call.type === 'serein-recovery-second-factor-send').map((call) => call.detail))
        .to.have.length(1)
        .and.to.satisfy((details: Record<string, unknown>[]) => details[0].channel === 'sms');
      // "Use a backup code": the prompt takes letters, focus goes to its heading.
      lost.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => prompt.channel === 'backup-code', 'the backup-code channel');
      await until(() => focusedHeading(element) === 'Confirm it is you', 'focus on the heading');
      expect(lost.querySelector('button'), 'no offer of what is already shown').to.equal(null);
      fill(secondCode(element), 'abcd-efgh');
      submitIn(element).click();
      await until(() => element.currentStep === 'password', 'the password step');
      expect(calls.filter((call) => call.type === 'serein-recovery-second-factor').at(-1)!.detail).to.deep.include({
        channel: 'backup-code',
        code: 'ABCDEFGH',
      });
    });

    it('without backup codes, the lost path is support; with no usable channel, support is the main action', async () => {
      const onlyApp = await mount();
      backend(onlyApp, {verify: () => Promise.resolve({secondFactor: {channels: ['app']}})});
      await toSecondFactor(onlyApp);
      expect(secondStep(onlyApp).textContent).not.to.include('backup code');
      expect(secondStep(onlyApp).textContent).to.include('our support team can help you get back in');
      expect(secondStep(onlyApp).querySelector('a[href="/help"]')).to.exist;

      for (const answer of [{secondFactor: {channels: []}}, {secondFactor: {channels: ['email', 'pigeon']}}]) {
        const element = await mount();
        const calls = backend(element, {verify: () => Promise.resolve(answer)});
        await toSecondFactor(element);
        const step = secondStep(element);
        expect(step.textContent).to.include('none of its ways can be used here');
        expect(step.querySelector('serein-otp-prompt'), 'no code to type').to.equal(null);
        const support = step.querySelector<HTMLAnchorElement>('a.serein-button[href="/help"]')!;
        expect(support.textContent!.trim()).to.equal('Contact support');
        expect(progress(element)).to.equal('Step 4 of 5');
        expect(calls.some((call) => call.type === 'serein-recovery-reset')).to.equal(false);
        await expect(element).to.be.accessible();
      }
    });

    it('goes through the second step with the keyboard alone', async () => {
      const element = await mount();
      const calls = backend(element, {verify: () => Promise.resolve(TWO_STEP)});
      await toSecondFactor(element);
      // From the heading: Tab reaches the code field first.
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(secondCode(element));
      await sendKeys({type: '314159'});
      await sendKeys({press: 'Enter'});
      await until(() => focusedHeading(element) === 'Choose a new password', 'the password heading');
      expect(calls.find((call) => call.type === 'serein-recovery-second-factor')!.detail).to.deep.include({
        channel: 'app',
        code: '314159',
      });
    });

    it('is accessible on the second-factor step', async () => {
      const element = await mount();
      backend(element, {verify: () => Promise.resolve(TWO_STEP)});
      await toSecondFactor(element);
      await expect(element).to.be.accessible();
    });

    it('sends the second code only in its own event', async () => {
      const seen: {type: string; json: string}[] = [];
      const original = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
        if (event instanceof CustomEvent) seen.push({type: event.type, json: JSON.stringify(event.detail) ?? ''});
        return original.call(this, event);
      };
      try {
        const element = await mount();
        backend(element, {verify: () => Promise.resolve(TWO_STEP)});
        await toSecondFactor(element);
        fill(secondCode(element), '271828');
        submitIn(element).click();
        await until(() => element.currentStep === 'password', 'the password step');
      } finally {
        EventTarget.prototype.dispatchEvent = original;
      }
      expect(seen.filter((entry) => entry.json.includes('271828')).map((entry) => entry.type)).to.deep.equal([
        'serein-recovery-second-factor',
      ]);
    });
  });

  describe('the success slot', () => {
    it('shows the host’s content on the done step only, after the wizard’s own content', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      holder.innerHTML = `<serein-recovery-wizard support-href="/help" sign-in-href="/sign-in"
        ><p slot="success">After you sign in, <button type="button">Create a passkey</button></p></serein-recovery-wizard
      >`;
      const element = holder.querySelector('serein-recovery-wizard')!;
      await element.updateComplete;
      backend(element);
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]')!;
      const offer = element.querySelector<HTMLButtonElement>('[slot="success"] button')!;
      expect(slot.hidden).to.equal(true);
      expect(offer.offsetParent, 'not shown before the end').to.equal(null);
      await identify(element);
      expect(slot.hidden).to.equal(true);
      await chooseAndSend(element);
      fill(codeInput(element), '123456');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      expect(slot.hidden).to.equal(true);
      fill(newPassword(element), STRONG);
      submitIn(element).click();
      await until(() => focusedHeading(element) === 'Your password has been changed', 'the done heading');
      expect(slot.hidden).to.equal(false);
      expect(slot.assignedElements()[0].textContent).to.include('After you sign in');
      expect(offer.offsetParent).not.to.equal(null);
      // Focus order: the heading, "Continue to sign in", the help link, then the host's offer.
      await sendKeys({press: 'Tab'});
      expect(document.activeElement!.getAttribute('href')).to.equal('/sign-in');
      await sendKeys({press: 'Tab'});
      expect(document.activeElement!.getAttribute('href')).to.equal('/help');
      await sendKeys({press: 'Tab'});
      expect(document.activeElement).to.equal(offer);
      await expect(element).to.be.accessible();
    });
  });

  describe('busy, controls and width', () => {
    /** A host answer that the test gives when it wants. */
    function later() {
      let resolve!: (value?: unknown) => void;
      const promise = new Promise((done) => (resolve = done));
      return {promise, resolve};
    }

    it('keeps the width of each step’s button while busy, with a spinner, and shows the field as read-only', async () => {
      const identifyAnswer = later();
      const sendAnswer = later();
      const element = await mount();
      backend(element, {
        identify: () => identifyAnswer.promise.then(() => METHODS),
        send: () => sendAnswer.promise,
      });
      await until(() => identifierInput(element), 'the first step');
      const input = identifierInput(element);
      fill(input, 'camille@example.com');
      let button = submitIn(element);
      let idle = button.getBoundingClientRect().width;
      const idleField = getComputedStyle(input).backgroundColor;
      button.click();
      await until(() => button.querySelector('.serein-spinner'), 'the spinner on the first step');
      expect(button.getBoundingClientRect().width, 'the first step’s button keeps its width').to.equal(idle);
      expect(getComputedStyle(input).backgroundColor, 'the field looks read-only').not.to.equal(idleField);
      identifyAnswer.resolve();
      await until(() => element.currentStep === 'method', 'the method step');
      await until(() => focusedHeading(element), 'focus on the method heading');
      element.querySelector<HTMLInputElement>('input[type="radio"][value="m-email"]')!.click();
      await element.updateComplete;
      button = submitIn(element);
      idle = button.getBoundingClientRect().width;
      button.click();
      await until(() => button.querySelector('.serein-spinner'), 'the spinner on the method step');
      expect(button.textContent).to.include('Sending the code');
      expect(button.getBoundingClientRect().width, 'the method step’s button keeps its width').to.equal(idle);
      sendAnswer.resolve();
      await until(() => element.currentStep === 'code', 'the code step');
    });

    it('keeps its radios at 24 px and at the edge when their hints wrap, at 320 px in German', async () => {
      await atNarrowGerman(async () => {
        const element = await mount();
        backend(element);
        await until(() => identifierInput(element), 'the first step');
        await identify(element);
        expectSteadyControls(visibleStep(element));
      });
    });

    it('gives every step one width, the nested prompts included', async () => {
      const element = await mount();
      element.style.setProperty('--serein-max-width', '36rem');
      backend(element);
      await until(() => identifierInput(element), 'the first step');
      const wide = element.getBoundingClientRect().width;
      expect(wide, 'the shared width token').to.equal(
        36 * parseFloat(getComputedStyle(document.documentElement).fontSize),
      );
      await identify(element);
      await chooseAndSend(element);
      const prompt = visibleStep(element).querySelector('serein-otp-prompt')!;
      expect(prompt.getBoundingClientRect().width, 'the code step is as wide as the wizard').to.equal(wide);
    });
  });

  describe('words and errors', () => {
    it('says that the link and the code in the email both work, without saying the account exists', async () => {
      const element = await mount();
      backend(element);
      await identify(element);
      expect(visibleStep(element).textContent).to.include('We send a code and a link. Either one works.');
      await chooseAndSend(element, 'm-email');
      await until(() => visibleStep(element).querySelector('h2'), 'the code step');
      const text = visibleStep(element).textContent!;
      expect(text).to.include(
        'If \u2068c•••@example.com\u2069 belongs to an account, we have sent an email with a code and a link to that address.',
      );
      expect(text).to.include('Either one works.');
      expect(text, 'whose email it is and what it never asks').to.include('Our email never asks for your password.');
    });

    it('shows a rejected code under the field and clears it, and a refused password next to it', async () => {
      let verifyCalls = 0;
      const element = await mount();
      backend(element, {
        verify: () =>
          ++verifyCalls === 1 ? Promise.reject({code: 'code-incorrect', attemptsLeft: 3}) : Promise.resolve(),
        reset: () => Promise.reject({code: 'password-breached'}),
      });
      await identify(element);
      await chooseAndSend(element);
      fill(codeInput(element), '111111');
      submitIn(element).click();
      await until(() => codeInput(element).getAttribute('aria-invalid') === 'true', 'the code error');
      expect(codeInput(element).value).to.equal('');
      expect(visibleStep(element).textContent).to.include('You can try 3 more times before you need a new code.');
      expect(element.querySelector('.serein-recovery-wizard__step ~ [role="alert"]')!.textContent!.trim()).to.equal('');
      fill(codeInput(element), '222222');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      expect(
        element.querySelector<HTMLInputElement>('[data-step="password"] input[autocomplete="username"]')!.value,
      ).to.equal('camille@example.com');
      fill(newPassword(element), STRONG);
      submitIn(element).click();
      await until(() => newPassword(element).getAttribute('aria-invalid') === 'true', 'the password error');
      expect(newPassword(element).value, 'a refused password stays to be edited').to.equal(STRONG);
      expect(element.currentStep).to.equal('password');
    });

    it('passes dictionary to its meter, and a refused new password shows on the meter, never “Strong”', async () => {
      const element = await mount('dictionary="full"');
      backend(element, {reset: () => Promise.reject({code: 'password-reused'})});
      await identify(element);
      await chooseAndSend(element);
      fill(codeInput(element), '123456');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      const meter = element.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
      expect(meter.dictionary).to.equal('full');
      fill(newPassword(element), STRONG);
      await until(() => meter.level === 'strong', 'a strong verdict before the host answers');
      submitIn(element).click();
      await until(() => newPassword(element).getAttribute('aria-invalid') === 'true', 'the password error');
      await until(() => meter.level === 'rejected', 'the refusal on the meter');
      expect(meter.acceptable).to.equal(false);
    });

    it('on the password step: asks for a password when empty, says the length rule once, and a breach refusal once, never “Strong”', async () => {
      const element = await mount();
      backend(element, {reset: () => Promise.reject({code: 'password-breached'})});
      await identify(element);
      await chooseAndSend(element);
      fill(codeInput(element), '123456');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      const meter = element.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
      const stepText = () => visibleStep(element).textContent!;
      submitIn(element).click();
      await until(() => newPassword(element).getAttribute('aria-invalid') === 'true', 'the empty error');
      expect(stepText()).to.include('Enter a new password.');
      fill(newPassword(element), 'too short');
      submitIn(element).click();
      await until(() => stepText().includes('for your new password'), 'the length error');
      await until(() => meter.level === 'too-short', 'the meter on the 9 characters');
      await meter.updateComplete;
      expect(stepText().match(/Use at least 15 characters/g), 'the rule, once').to.have.length(1);
      fill(newPassword(element), STRONG);
      await until(() => meter.level === 'strong', 'a strong verdict before the host answers');
      submitIn(element).click();
      await until(() => meter.level === 'breached', 'the refusal on the meter');
      await meter.updateComplete;
      expect(meter.querySelector('[role="meter"]')!.textContent).not.to.include('Strong');
      expect(stepText().match(/appears in data breaches/g), 'the refusal, once').to.have.length(1);
    });

    it('on the code step, shows a lock-out as one live wait that holds back both buttons, then lets them go', async () => {
      const element = await mount('resend-after="1"');
      backend(element, {verify: () => Promise.reject({code: 'too-many-attempts', retryAfterSeconds: 2})});
      await identify(element);
      await chooseAndSend(element);
      fill(codeInput(element), '111111');
      submitIn(element).click();
      const step = visibleStep(element);
      const resend = [...step.querySelectorAll('button')].find((button) =>
        /Send a new code/.test(button.textContent!),
      )!;
      await until(() => submitIn(element).hasAttribute('aria-describedby'), 'the lock-out');
      expect(step.querySelectorAll('.serein-wait'), 'one countdown').to.have.length(1);
      const line = step.querySelector('.serein-wait')!;
      expect(line.textContent).to.match(/You can ask for a new code in \u20680:0[12]/);
      expect(submitIn(element).getAttribute('aria-describedby')).to.equal(line.id);
      expect(resend.getAttribute('aria-describedby')).to.equal(line.id);
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(step.querySelector('[role="alert"]')!.textContent).not.to.match(/second|minute/);
      await until(() => submitIn(element).getAttribute('aria-disabled') === 'false', 'the end of the wait', 4000);
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
    });

    it('explains a refusal on the first steps in the alert, with the support reference, and its wait in one live line', async () => {
      const element = await mount();
      backend(element, {
        identify: () => Promise.reject({code: 'rate-limited', retryAfterSeconds: 60, reference: 'R-9'}),
      });
      fill(identifierInput(element), 'camille@example.com');
      submitIn(element).click();
      const alert = element.querySelector<HTMLElement>('[role="alert"]')!;
      await until(() => alert.textContent!.includes('R-9'), 'the refusal');
      await until(() => document.activeElement === alert, 'focus on the alert');
      expect(element.currentStep).to.equal('identify');
      // One wait on the page, the live one (as in the password form and the code prompt).
      expect(alert.textContent, 'no fixed duration in the alert').not.to.match(/second|minute/);
      const lines = element.querySelectorAll('.serein-wait');
      expect(lines, 'one countdown').to.have.length(1);
      expect(lines[0].textContent).to.match(/You can try again in \u2068(1:00|0:59)\u2069/);
      expect(submitIn(element).getAttribute('aria-disabled')).to.equal('true');
      expect(submitIn(element).getAttribute('aria-describedby')).to.equal(lines[0].id);
    });

    it('lets the first step go again once its lock-out has run out, and says so', async () => {
      const element = await mount();
      backend(element, {identify: () => Promise.reject({code: 'too-many-attempts', retryAfterSeconds: 1})});
      fill(identifierInput(element), 'camille@example.com');
      submitIn(element).click();
      await until(() => submitIn(element).getAttribute('aria-disabled') === 'true', 'the lock-out');
      await until(() => submitIn(element).getAttribute('aria-disabled') === 'false', 'the end of the wait', 4000);
      expect(submitIn(element).hasAttribute('aria-describedby')).to.equal(false);
      expect(element.querySelector('.serein-wait')!.textContent).to.include('You can try again now.');
    });

    it('asks for an identifier before any event', async () => {
      const element = await mount();
      const calls = backend(element);
      submitIn(element).click();
      await until(() => identifierInput(element).getAttribute('aria-invalid') === 'true', 'the field error');
      expect(calls).to.have.length(0);
      expect(document.activeElement).to.equal(identifierInput(element));
    });

    it('keeps the help link last, at the same place on every step', async () => {
      const element = await mount();
      backend(element);
      const lastFocusable = () => {
        const focusable = [...element.querySelectorAll<HTMLElement>('a[href], button, input')].filter(
          (node) => node.offsetParent !== null,
        );
        return focusable.at(-1);
      };
      const steps: string[] = [];
      const check = () => {
        const last = lastFocusable();
        expect(last?.getAttribute('href'), element.currentStep).to.equal('/help');
        steps.push(element.currentStep);
      };
      check();
      await identify(element);
      check();
      await chooseAndSend(element);
      await until(() => visibleStep(element).querySelector('h2'), 'the code step');
      check();
      fill(codeInput(element), '123456');
      submitIn(element).click();
      await until(() => newPassword(element), 'the password step');
      check();
      fill(newPassword(element), STRONG);
      submitIn(element).click();
      await until(() => element.currentStep === 'done', 'the last step');
      check();
      expect(steps).to.deep.equal(['identify', 'method', 'code', 'password', 'done']);
    });
  });
});

/** Wizards the harness drove to the end. */
const driven = new WeakSet<HTMLElement>();

const harness: ComponentHarness = {
  tag: 'serein-recovery-wizard',
  async mount(container) {
    const element = document.createElement('serein-recovery-wizard');
    element.supportHref = '/help';
    container.append(element);
    await element.updateComplete;
    return element;
  },
  async enterSecret(element, secret) {
    const wizard = element as SereinRecoveryWizard;
    backend(wizard);
    await identify(wizard);
    await chooseAndSend(wizard);
    fill(codeInput(wizard), '123456');
    submitIn(wizard).click();
    await until(() => newPassword(wizard), 'the password step');
    fill(newPassword(wizard), secret);
    submitIn(wizard).click();
    driven.add(element);
  },
  async settle(element) {
    if (driven.has(element)) await until(() => (element as SereinRecoveryWizard).currentStep === 'done', 'the end');
    await (element as SereinRecoveryWizard).updateComplete;
  },
  secretEvents: ['serein-recovery-reset'],
  lightDomSelectors: ['serein-recovery-wizard input[autocomplete="username"]', 'serein-recovery-wizard form'],
};

secretsNeverLeak(harness);
lightDomFields(harness);
layoutSuite(harness);
strictCspSuite('serein-recovery-wizard', 'recovery-wizard');

formFlowSuite({
  tag: 'serein-recovery-wizard',
  event: 'serein-recovery-identify',
  mount: async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.innerHTML = '<serein-recovery-wizard></serein-recovery-wizard>';
    const element = holder.querySelector('serein-recovery-wizard')!;
    await element.updateComplete;
    return element;
  },
  entries: (element) => [[identifierInput(element), 'camille@example.com']],
  form: (element) => element.querySelector<HTMLFormElement>('[data-step="identify"] form')!,
});
