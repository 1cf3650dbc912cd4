// The breach check is asked once per password the customer commits to, never while typing.
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../define/strength-meter.js';
import '../define/password-change.js';
import type {SereinStrengthMeter} from '../components/strength-meter/strength-meter.js';
import type {SereinPasswordChange} from '../components/password-change/password-change.js';
import {BreachChecks} from './breach-check.js';
import {fill, until} from '../../test/support/helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A breachCheck that records what it was asked and reports `breached` as breached. */
function stubCheck(breached: string) {
  const asked: string[] = [];
  const check = async (password: string) => {
    asked.push(password);
    return password === breached;
  };
  return {asked, check};
}

describe('breach check', () => {
  it('is asked on blur only, once per value, never below min-length', async function () {
    // Real typing with real pauses: slow on a busy machine, whatever the code does.
    this.timeout(60000);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = `<label for="pw">New password</label><input id="pw" type="password">
      <button type="button">Elsewhere</button>
      <serein-strength-meter for="pw"></serein-strength-meter>`;
    const input = wrapper.querySelector('input')!;
    const meter = wrapper.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
    await meter.updateComplete;
    const {asked, check} = stubCheck('Tundra-Lantern-Quokka-91');
    meter.breachCheck = check;
    input.focus();
    // Typing with pauses longer than any debounce: prefixes are never sent.
    for (const part of ['Tundra-Lantern-Q', 'uokka-9', '1']) {
      await sendKeys({type: part});
      await pause(900);
    }
    expect(asked, 'while typing').to.deep.equal([]);
    wrapper.querySelector('button')!.focus();
    await until(() => meter.level === 'breached', 'the breach verdict after blur');
    expect(asked).to.deep.equal(['Tundra-Lantern-Quokka-91']);
    // The same value committed again: the kept answer.
    input.focus();
    wrapper.querySelector('button')!.focus();
    await pause(300);
    expect(asked).to.have.length(1);
    // Another value and back again: asked once for the new one, the first answer kept.
    input.focus();
    await sendKeys({press: 'Backspace'});
    wrapper.querySelector('button')!.focus();
    await until(() => asked.length === 2, 'the check of the edited value');
    await until(() => meter.level !== 'breached' && meter.level !== 'checking', 'a clean verdict');
    input.focus();
    await sendKeys({type: '1'});
    expect(meter.level, 'the kept answer, at once').to.equal('breached');
    wrapper.querySelector('button')!.focus();
    await pause(300);
    expect(asked).to.have.length(2);
    // Too short: never asked.
    fill(input, 'short');
    input.focus();
    wrapper.querySelector('button')!.focus();
    await pause(300);
    expect(asked).to.have.length(2);
  });

  it('is asked when the input’s form is submitted, before the form’s own handler', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = `<form><label for="pw2">New password</label><input id="pw2" type="password">
      <serein-strength-meter for="pw2"></serein-strength-meter><button>Save</button></form>`;
    const input = wrapper.querySelector('input')!;
    const meter = wrapper.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
    await meter.updateComplete;
    const {asked, check} = stubCheck('Tundra-Lantern-Quokka-91');
    meter.breachCheck = check;
    let askedAtSubmit = -1;
    wrapper.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      askedAtSubmit = asked.length;
    });
    input.focus();
    await sendKeys({type: 'Tundra-Lantern-Quokka-91'});
    await pause(900);
    expect(asked).to.deep.equal([]);
    await sendKeys({press: 'Enter'});
    await until(() => meter.level === 'breached', 'the breach verdict after submit');
    expect(askedAtSubmit).to.equal(1);
    expect(asked).to.have.length(1);
  });

  it('still stops <serein-password-change> from sending a breached password', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.innerHTML = `<serein-password-change username="camille@example.com" no-current></serein-password-change>`;
    const element = holder.querySelector<SereinPasswordChange>('serein-password-change')!;
    const {asked, check} = stubCheck('Tundra-Lantern-Quokka-91');
    element.breachCheck = check;
    await element.updateComplete;
    const sent: unknown[] = [];
    element.addEventListener('serein-password-change', (event) => sent.push(event.detail));
    await until(() => element.querySelector('input[autocomplete="new-password"]'), 'the field');
    const input = element.querySelector<HTMLInputElement>('input[autocomplete="new-password"]')!;
    fill(input, 'Tundra-Lantern-Quokka-91');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the breached error');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).to.include('This password appears in data breaches on other sites');
    expect(sent).to.deep.equal([]);
    expect(asked).to.have.length(1);
  });
});

describe('BreachChecks', () => {
  it('shares a check in flight, keeps answers, and asks again after a failure', async () => {
    const checks = new BreachChecks();
    let calls = 0;
    let fail = true;
    const check = async (password: string) => {
      calls += 1;
      await pause(10);
      if (fail) throw new TypeError('Failed to fetch');
      return password === 'breached-password';
    };
    expect(await checks.ask('breached-password', check)).to.equal('unavailable');
    expect(checks.known('breached-password')).to.equal(undefined);
    fail = false;
    const [first, second] = await Promise.all([
      checks.ask('breached-password', check),
      checks.ask('breached-password', check),
    ]);
    expect([first, second, calls]).to.deep.equal(['breached', 'breached', 2]);
    expect(await checks.ask('breached-password', check)).to.equal('breached');
    expect(calls).to.equal(2);
    checks.clear();
    expect(checks.known('breached-password')).to.equal(undefined);
  });
});
