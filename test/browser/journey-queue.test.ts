// The journey tracker is loaded lazily (CONTRIBUTING.md, "The loading rule"): what an element
// asks of its journey before the tracker module has arrived (its connection included) is kept
// and handed over in order, so that it gives the same events as the same calls made after.
import {expect} from '@open-wc/testing';
import '../../src/define/otp-prompt.js';
import type {SereinOtpPrompt} from '../../src/components/otp-prompt/otp-prompt.js';
import type {SereinJourneyDetail} from '../../src/events/journey.js';
import {recordEvents, until} from '../support/helpers.js';

const heard = recordEvents(document, ['serein-journey']);

/** A code prompt on the page, with a small box of its own from the start (all fit on screen). */
function addPrompt(): SereinOtpPrompt {
  const prompt = document.createElement('serein-otp-prompt');
  prompt.channel = 'sms';
  prompt.style.cssText = 'display: block; block-size: 3rem; overflow: hidden';
  document.body.append(prompt);
  return prompt;
}

/** Adds a code prompt and, at once, starts its journey, fails a submission and asks for a new code. */
function promptStartedAndFailed(): SereinOtpPrompt {
  const prompt = addPrompt();
  prompt.journey.start();
  prompt.journey.failed('code-incorrect');
  prompt.journey.step('resend');
  return prompt;
}

// Right after the definition, in the same task: the tracker's import has started but cannot
// have arrived yet.
const early = promptStartedAndFailed();
// Connected and removed before the tracker arrives.
const removed = addPrompt();
removed.remove();
// Connected, removed and connected again before the tracker arrives.
const moved = addPrompt();
moved.remove();
document.body.append(moved);
const heardBeforeArrival = heard.length;

/** What `element` reported: action, attempt and error code or step. */
const reportsOf = (element: Element) =>
  heard
    .filter((event) => event.target === element)
    .map((event) => event.detail as SereinJourneyDetail)
    .map((detail) =>
      [detail.action, detail.attempt, detail.errorCode ?? detail.step].filter((part) => part !== undefined).join(':'),
    );

/** Lets the browser render and deliver its observers' reports a few times. */
async function frames(count = 4): Promise<void> {
  for (let index = 0; index < count; index += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('journey calls made before the tracker module arrives', () => {
  after(() => {
    for (const prompt of document.querySelectorAll('serein-otp-prompt')) prompt.remove();
  });

  it('give the same events, in the same order, as the same calls made after it arrived', async () => {
    expect(heardBeforeArrival, 'nothing is reported before the tracker is there').to.equal(0);
    await until(() => heard.filter((event) => event.target === early).length === 4, 'the kept calls, replayed');
    const expected = ['shown:1', 'started:1', 'failed:1:code-incorrect', 'step:2:resend'];
    expect(reportsOf(early)).to.deep.equal(expected);

    // Once the tracker is there, the same calls are reported at once, with the same events.
    const late = promptStartedAndFailed();
    expect(reportsOf(late)).to.deep.equal(expected);
  });

  it('keeps the connections and removals made before it arrived, as they happened', async () => {
    await until(() => heard.some((event) => event.target === moved), 'the element connected again, shown');
    await frames();
    // Shown once, when the observers saw it on screen; the removed element reports nothing.
    expect(heard.filter((event) => event.target === moved).map((event) => event.detail.action)).to.deep.equal([
      'shown',
    ]);
    expect(heard.filter((event) => event.target === removed)).to.have.length(0);

    // The connected element's journey goes on as usual: started, then abandoned when it leaves.
    moved.journey.start();
    const onDocument = recordEvents(document, ['serein-journey']);
    moved.remove();
    expect(onDocument.map((event) => `${event.target === document}:${event.detail.action}`)).to.deep.equal([
      'true:abandoned',
    ]);
  });
});
