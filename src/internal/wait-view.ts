import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {formatWait} from './format.js';
import {clock} from './clock.js';
import type {Countdown} from './core/form-flow.js';
import type {SereinStrings} from './core/strings.js';
import type {SereinError} from './errors.js';
import type {SereinElement} from './core/serein-element.js';
import {t} from './wording.js';

// The one way every wait is shown (a lock-out after too many tries, a resend cooldown): one
// sentence with the time left, counted down each second outside any live region, said politely
// once when the wait starts and once when it ends. Loaded with the views that show it.

/** "You can try again in 14:32" (live), or "in 15 minutes" (`spoken`, for the announcement). */
export function retryText(el: SereinElement, seconds: number, spoken = false): string {
  const time = spoken ? formatWait(seconds) : clock(seconds);
  return t(el, 'wait.retry-in', msg(str`You can try again in ${time}.`, {id: 'wait.retry-in'}), {time});
}

/** Said once the wait is over. */
export function retryNowText(el: SereinElement): string {
  return t(el, 'wait.retry-now', msg('You can try again now.', {id: 'wait.retry-now'}));
}

const LOCKING = new Set(['rate-limited', 'too-many-attempts']);

/**
 * The error the alert shows while its wait is counted down beside it: the same calm sentence
 * without a fixed duration ("please wait before trying again"), so that the page states one
 * wait, the live one. Other errors, and a host's own wording, are left as they are.
 */
export function liveError(
  error: SereinError | undefined,
  strings: SereinStrings | undefined,
): {error: SereinError | undefined; strings: SereinStrings | undefined} {
  if (!error || !LOCKING.has(error.code) || error.retryAfterSeconds === undefined) return {error, strings};
  const lead =
    error.code === 'rate-limited'
      ? msg('There have been several tries in a short time. For your security, please wait before trying again.', {
          id: 'error.rate-limited-live',
        })
      : msg('There have been too many tries. For your security, please wait, then ask for a new code.', {
          id: 'error.too-many-attempts-live',
        });
  const own = `error.${error.code}-live`;
  return {
    error: {...error, retryAfterSeconds: undefined},
    strings: {...strings, [`error.${error.code}`]: strings?.[own] ?? lead},
  };
}

/**
 * The wait's one visible sentence (`line(left)` while it runs, `done` once it has ended), with
 * `id` for the `aria-describedby` of the buttons it blocks; nothing when there is no wait.
 */
export function renderWaitLine(id: string, wait: Countdown, line: (left: number) => string, done: () => string) {
  if (wait.left <= 0 && !wait.ended) return nothing;
  return html`<p class="serein-hint serein-wait" id=${id}>${wait.left > 0 ? line(wait.left) : done()}</p>`;
}

/** What the polite live region says about the wait: its length once at the start, then its end. */
export function waitNews(wait: Countdown, start: (total: number) => string, done: () => string): string {
  if (wait.left > 0) return start(wait.total);
  return wait.ended ? done() : '';
}

/** A form's lock-out ("You can try again in 14:32"): its one live line, `id` for the buttons it blocks. */
export function renderRetryLine(el: SereinElement, id: string, wait: Countdown) {
  return renderWaitLine(
    id,
    wait,
    (left) => retryText(el, left),
    () => retryNowText(el),
  );
}

/** What the polite status region says about a form's lock-out: its length at the start, then its end. */
export function retryNews(el: SereinElement, wait: Countdown): string {
  return waitNews(
    wait,
    (total) => retryText(el, total, true),
    () => retryNowText(el),
  );
}
