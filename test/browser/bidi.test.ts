// Values from the host inside translated right-to-left text keep their own order: a masked phone
// number in an Arabic sentence reads "+44 •••• ••• 123" from left to right, as on the phone.
// Without the isolates (U+2068 … U+2069) the bidirectional algorithm turns its digits into
// Arabic-context numbers and its bullets into right-to-left neutrals, and lays the groups out
// from right to left: the control case below shows that reordering, measured the same way.
import {expect} from '@open-wc/testing';
import '../../src/define.js';
import {useSereinLocalization} from '../../src/localization.js';
import type {SereinOtpPrompt} from '../../src/components/otp-prompt/otp-prompt.js';
import type {SereinRecoveryWizard} from '../../src/components/recovery-wizard/recovery-wizard.js';
import {until} from '../support/helpers.js';

const DESTINATION = '+44 •••• ••• 123';
const GROUPS = DESTINATION.split(' ');

/** The left edge of each group of the destination, as laid out inside `text` (a rendered text node). */
function groupPositions(text: Text): number[] {
  const start = text.data.indexOf(DESTINATION);
  expect(start, `“${DESTINATION}” in “${text.data}”`).to.be.greaterThan(-1);
  let offset = start;
  return GROUPS.map((group) => {
    const at = text.data.indexOf(group, offset);
    offset = at + group.length;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + group.length);
    return range.getBoundingClientRect().left;
  });
}

const leftToRight = (positions: number[]) => positions.every((x, index) => index === 0 || x > positions[index - 1]);

/** The rendered text node that holds the destination. */
function textWithDestination(root: Element): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(DESTINATION)) return node as Text;
  }
  throw new Error('no text holds the destination');
}

describe('host values in right-to-left text are isolated (bidi)', () => {
  let container: HTMLElement;
  before(async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    await useSereinLocalization({locale: 'ar'});
  });
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());
  after(async () => {
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
    await useSereinLocalization({locale: 'en'});
  });

  async function prompt(): Promise<Text> {
    const element = document.createElement('serein-otp-prompt') as SereinOtpPrompt;
    Object.assign(element, {channel: 'sms', destination: DESTINATION});
    container.append(element);
    await until(() => element.querySelector('h2'), 'the view');
    await element.updateComplete;
    return textWithDestination(element);
  }

  it('an Arabic code prompt shows “+44 •••• ••• 123” left to right, between isolates', async () => {
    const text = await prompt();
    expect(text.data, 'the sentence is Arabic').to.match(/[\u0600-\u06ff]/);
    expect(text.data).to.include(`\u2068${DESTINATION}\u2069`);
    const positions = groupPositions(text);
    expect(leftToRight(positions), `left edges of ${GROUPS.join(' | ')}: ${positions.join(', ')}`).to.equal(true);
  });

  it('the same Arabic sentence without the isolates shows the groups reordered (what the isolates prevent)', async () => {
    const sentence = (await prompt()).data.replace(/[\u2068\u2069]/g, '');
    const paragraph = Object.assign(document.createElement('p'), {dir: 'rtl', lang: 'ar', textContent: sentence});
    container.append(paragraph);
    const positions = groupPositions(paragraph.firstChild as Text);
    expect(leftToRight(positions), `left edges of ${GROUPS.join(' | ')}: ${positions.join(', ')}`).to.equal(false);
  });

  it('the recovery wizard isolates the destination of each way to get a code', async () => {
    const element = document.createElement('serein-recovery-wizard') as SereinRecoveryWizard;
    element.addEventListener('serein-recovery-identify', (event) =>
      (event as CustomEvent).detail.respondWith(
        Promise.resolve([{id: 'm-sms', channel: 'sms', destination: DESTINATION}]),
      ),
    );
    container.append(element);
    await element.updateComplete;
    const input = element.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    input.value = 'someone@example.com';
    input.dispatchEvent(new InputEvent('input', {bubbles: true}));
    element.querySelector<HTMLButtonElement>('[data-step]:not([hidden]) button[type="submit"]')!.click();
    await until(() => element.currentStep === 'method', 'the method step');
    await element.updateComplete;
    const text = textWithDestination(element);
    expect(text.data).to.include(`\u2068${DESTINATION}\u2069`);
    expect(leftToRight(groupPositions(text))).to.equal(true);
    expect(element.textContent).to.include('\u2068someone@example.com\u2069');
  });
});
