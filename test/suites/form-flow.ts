import {expect} from '@open-wc/testing';
import {fill, until} from '../support/helpers.js';

/** How the form-flow suite drives one of the three form components. */
export interface FormFlowHarness {
  tag: string;
  /** Renders the component into the page, its view in place; returns it. */
  mount(): Promise<HTMLElement>;
  /** The inputs a valid submission needs, with their values. */
  entries(element: HTMLElement): [HTMLInputElement, string][];
  /** The form that is submitted (the wizard has one per step). */
  form(element: HTMLElement): HTMLFormElement;
  /** The event that carries the submission. */
  event: string;
}

type Settled = {waitUntil?(promise: Promise<unknown>): void; respondWith?(promise: Promise<unknown>): void};

/** Answers every submission with `reason` (a rejection); returns the count of submissions. */
function refuse(element: HTMLElement, type: string, reason: () => object) {
  const seen = {count: 0};
  element.addEventListener(type, (event) => {
    seen.count += 1;
    const detail = (event as CustomEvent<Settled>).detail;
    const promise = Promise.reject(reason());
    if (detail.waitUntil) detail.waitUntil(promise);
    else detail.respondWith?.(promise);
  });
  return seen;
}

function submit(harness: FormFlowHarness, element: HTMLElement): void {
  for (const [input, value] of harness.entries(element)) fill(input, value);
  harness.form(element).requestSubmit();
}

const alertOf = (harness: FormFlowHarness, element: HTMLElement) =>
  harness.form(element).querySelector<HTMLElement>('[role="alert"]') ??
  element.querySelector<HTMLElement>('[role="alert"]')!;
const submitOf = (harness: FormFlowHarness, element: HTMLElement) =>
  harness.form(element).querySelector<HTMLButtonElement>('button[type="submit"]')!;

/**
 * The same error gets the same behaviour in the password form, the code prompt and the
 * recovery wizard (CONTRIBUTING.md, "The form flow"): a form-level error in the alert with focus
 * on it, the support reference shown, and a lock-out after `rate-limited` and `too-many-attempts`.
 */
export function formFlowSuite(harness: FormFlowHarness): void {
  describe(`${harness.tag}: the shared form flow`, () => {
    for (const code of ['rate-limited', 'too-many-attempts']) {
      it(`waits out ${code}: the alert says so and has focus, the submit sends nothing until retryAfterSeconds passed`, async () => {
        const element = await harness.mount();
        const seen = refuse(element, harness.event, () => ({code, retryAfterSeconds: 1}));
        submit(harness, element);
        const alert = alertOf(harness, element);
        await until(() => seen.count === 1 && document.activeElement === alert, 'the alert to take focus');
        await until(() => alert.textContent?.trim(), 'the words of the alert');
        expect(submitOf(harness, element).getAttribute('aria-disabled')).to.equal('true');
        submit(harness, element);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(seen.count, 'nothing is sent while locked out').to.equal(1);
        await until(
          () => submitOf(harness, element).getAttribute('aria-disabled') === 'false',
          'the lock-out to end',
          5000,
        );
        submit(harness, element);
        await until(() => seen.count === 2, 'a new submission once the wait is over');
      });
    }

    it('puts an error that is about no field in the alert, with the support reference and its copy button', async () => {
      const element = await harness.mount();
      const seen = refuse(element, harness.event, () => ({code: 'unavailable', reference: 'REF-42'}));
      submit(harness, element);
      const alert = alertOf(harness, element);
      await until(() => seen.count === 1 && document.activeElement === alert, 'the alert to take focus');
      await until(() => alert.querySelector('code'), 'the reference');
      expect(alert.querySelector('code')!.textContent).to.equal('REF-42');
      expect(alert.querySelector('button')?.textContent?.trim()).to.equal('Copy reference');
      expect(submitOf(harness, element).getAttribute('aria-disabled'), 'no lock-out without a wait').to.equal('false');
    });
  });
}
