import {expect, waitFor} from 'storybook/test';
import type {SereinStrengthMeter} from '../src/define/strength-meter.js';
import type {SereinStrengthLevel} from '../src/events/strength-change.js';

/** Estimates are asynchronous (dictionaries load on first use): give them time on a cold page. */
const SETTLE_TIMEOUT_MS = 15_000;
/** The meter's text is final once its DOM has been still this long. */
const QUIET_MS = 250;

/** Waits (with Storybook's `waitFor`) until `condition` holds; throws, and so fails the story, otherwise. */
export function until(condition: () => unknown, what: string): Promise<void> {
  return waitFor(() => expect(Boolean(condition()), what).toBe(true), {timeout: 8000, interval: 25});
}

let counter = 0;
/** A page-unique id for a story's own light-DOM markup (docs pages render several stories). */
export function storyId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Resolves once `element`'s subtree and shadow root have not changed for `quietMs`. */
function quiet(element: Element, quietMs = QUIET_MS): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    const options = {subtree: true, childList: true, characterData: true, attributes: true};
    observer.observe(element, options);
    if (element.shadowRoot) observer.observe(element.shadowRoot, options);
    function done() {
      observer.disconnect();
      resolve();
    }
  });
}

export interface SettleOptions {
  /** Also wait for this (for example a breach check's verdict) before waiting for quiet. */
  until?: () => Promise<unknown>;
  /** Also wait until the estimate's advice is shown (a warning or suggestions below the summary). */
  advice?: boolean;
}

/**
 * The play function of every meter story: waits until the meter in the story is upgraded, shows
 * `level`, and its text has stopped changing, so that the a11y checks (which run after `play`)
 * see the final state. Throws, and so fails the story, when the meter never gets there.
 */
export async function meterSettles(
  canvasElement: HTMLElement,
  level: SereinStrengthLevel,
  options: SettleOptions = {},
): Promise<void> {
  const meter = canvasElement.querySelector('serein-strength-meter');
  await expect(meter, 'the story renders a <serein-strength-meter>').not.toBeNull();
  await expect(customElements.get('serein-strength-meter'), 'serein-strength-meter is defined').toBeDefined();
  const element = meter as SereinStrengthMeter;
  await waitFor(() => expect(element.level).toBe(level), {timeout: SETTLE_TIMEOUT_MS, interval: 50});
  if (options.advice) {
    // The meter's text lives in its light DOM: a list of suggestions, or a second paragraph.
    await waitFor(
      () =>
        expect(
          element.querySelector('.serein-strength-meter__feedback ul li, .serein-strength-meter__feedback p + p'),
        ).not.toBeNull(),
      {
        timeout: SETTLE_TIMEOUT_MS,
        interval: 50,
      },
    );
  }
  if (options.until) await options.until();
  await element.updateComplete;
  await quiet(element);
  await expect(element.level).toBe(level);
}

/**
 * A `breachCheck` for stories: answers `outcome` ('breached', 'clean' or 'unavailable' — a
 * rejection) and lets `play` wait for the answer. Nothing leaves the page.
 */
export function fakeBreachCheck(outcome: 'breached' | 'clean' | 'unavailable') {
  let calls = 0;
  let answer: Promise<boolean> | undefined;
  const check = (password: string): Promise<boolean> => {
    void password;
    calls += 1;
    answer =
      outcome === 'unavailable'
        ? Promise.reject(new Error('The breach check is unavailable (story).'))
        : Promise.resolve(outcome === 'breached');
    return answer;
  };
  /** Resolves once the meter has called the check and the check has answered. */
  const answered = async () => {
    await waitFor(() => expect(calls, 'the meter called breachCheck').toBeGreaterThan(0), {
      timeout: SETTLE_TIMEOUT_MS,
      interval: 50,
    });
    await answer?.catch(() => undefined);
  };
  return {check, answered};
}

/**
 * A password of `length` characters from a seeded generator: the same on every load, so the
 * story (and any screenshot of it) is stable.
 */
export function generatedPassword(length: number, seed = 0x5e4e1): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!?#%+=';
  let state = seed >>> 0;
  let password = '';
  while (password.length < length) {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    password += alphabet[Math.floor(value * alphabet.length)];
  }
  return password;
}

/** A thank-you and a benefit for the success slot, in the Storybook locale (never an emoji). */
const REWARD: Record<string, {title: string; text: string}> = {
  en: {title: 'Thank you for keeping your account safe', text: 'As a thank-you, your next delivery is free.'},
  fr: {title: 'Merci de protéger votre compte', text: 'Pour vous remercier, votre prochaine livraison est offerte.'},
  de: {title: 'Danke, dass Sie Ihr Konto schützen', text: 'Als Dankeschön ist Ihre nächste Lieferung kostenlos.'},
  es: {title: 'Gracias por proteger su cuenta', text: 'Como agradecimiento, su próximo envío es gratis.'},
  ar: {title: 'شكرًا لك على حماية حسابك', text: 'تقديرًا منا، سيكون التوصيل القادم مجانيًا.'},
  it: {title: 'Grazie per proteggere il Suo account', text: 'Per ringraziarLa, la Sua prossima consegna è gratuita.'},
  'pt-BR': {title: 'Obrigado por proteger sua conta', text: 'Como agradecimento, sua próxima entrega é grátis.'},
  nl: {title: 'Bedankt dat u uw account beschermt', text: 'Als bedankje is uw volgende levering gratis.'},
  pl: {title: 'Dziękujemy za dbanie o bezpieczeństwo konta', text: 'W podziękowaniu następna dostawa jest bezpłatna.'},
  ja: {title: 'アカウントを守っていただき、ありがとうございます', text: 'お礼として、次回の配送料は無料です。'},
};

/** The reward text for `locale` (English for the pseudo-locale and anything unknown). */
export function rewardText(locale: unknown): {title: string; text: string} {
  return REWARD[typeof locale === 'string' ? locale : 'en'] ?? REWARD.en;
}
