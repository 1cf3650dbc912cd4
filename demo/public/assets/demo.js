// Shared by every demo page: the JSON API client, the language switch, and the journey beacon
// that feeds the funnel page. Plain ES modules, no build step.

/**
 * Calls the demo API. Resolves with the JSON body; rejects with the server's SereinError
 * (`{code, retryAfterSeconds?, attemptsLeft?, reference?, message?}`), which the components
 * show as a calm message. A failed network request rejects with fetch's TypeError, which the
 * components report as `network`.
 * @param {string} path
 * @param {unknown} [body] sent as JSON with POST; GET without it
 * @returns {Promise<any>}
 */
export async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    // The language of the page's menu: the server writes the customer's emails in it.
    headers:
      body === undefined
        ? {}
        : {
            'content-type': 'application/json',
            'x-serein-demo': '1',
            'x-serein-demo-language': document.documentElement.lang,
          },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (response.ok) return data;
  throw typeof data?.code === 'string' ? data : {code: response.status >= 500 ? 'unavailable' : 'unknown'};
}

/**
 * Listens to a Serein event and hands its detail to `handler`.
 * @template Detail
 * @param {EventTarget} target
 * @param {string} type
 * @param {(detail: Detail) => void} handler
 */
export function on(target, type, handler) {
  target.addEventListener(type, (event) => handler(/** @type {CustomEvent<Detail>} */ (event).detail));
}

/**
 * Plain words for errors shown by the demo's own forms (the components have their own).
 * @param {unknown} reason what the API rejected with
 */
export function describeError(reason) {
  const error = /** @type {import('./contracts').DemoError | undefined} */ (reason);
  switch (error?.code) {
    case 'current-password-incorrect':
      return 'That email and password don’t match an account. Check them and try again, or recover your account.';
    case 'rate-limited':
    case 'too-many-attempts': {
      const seconds = error?.retryAfterSeconds;
      if (seconds === undefined) return error?.message ?? 'Too many attempts. Please try again later.';
      if (seconds < 60) return `Too many attempts. Please try again in ${seconds} second(s).`;
      return `Too many attempts. Please try again in ${Math.ceil(seconds / 60)} minute(s).`;
    }
    case 'code-expired':
      return error?.message ?? 'This has expired. Please start again.';
    case undefined:
      return 'We couldn’t reach the server. Check your connection and try again.';
    default:
      return error?.message ?? 'Something went wrong. Please try again.';
  }
}

/**
 * True when the API wants the customer to confirm it's them before a sensitive change (their
 * last proof is older than the server's window): the page then sends them to `/account/confirm`.
 * @param {unknown} reason what the API rejected with
 */
export const needsConfirmation = (reason) =>
  /** @type {import('./contracts').DemoError | undefined} */ (reason)?.code === 'reauthentication-required';

/**
 * Goes to the "confirm it's you" page, which comes back to `back` afterwards.
 * @param {string} back a path of this site
 */
export function confirmItsYou(back) {
  location.assign(`/account/confirm?next=${encodeURIComponent(back)}`);
}

/**
 * A path of this site to go back to (never another site, never a scheme), else `/account`.
 * @param {string | null} value
 */
export const returnPath = (value) =>
  typeof value === 'string' && /^\/[\w/-]*$/.test(value) && !value.startsWith('//') ? value : '/account';

/**
 * Writes a message into a status region (which exists, empty, from the start, so that screen
 * readers announce the change).
 * @param {string} selector
 * @param {string} message
 */
export function say(selector, message) {
  const region = document.querySelector(selector);
  if (region) region.textContent = message;
}

/**
 * @param {string} href
 * @param {string} text
 */
export function link(href, text) {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

/**
 * A `<serein-password-change>` with these attributes (`true` for a boolean one) and, in its
 * `success` slot, a link to what comes next.
 * @param {Record<string, string | true>} attributes
 * @param {HTMLAnchorElement} next
 */
export function passwordChangeForm(attributes, next) {
  const form = document.createElement('serein-password-change');
  for (const [name, value] of Object.entries(attributes)) form.setAttribute(name, value === true ? '' : value);
  const success = document.createElement('p');
  success.slot = 'success';
  success.append(next);
  form.append(success);
  return form;
}

// Language: the components follow <html lang> (the bundle calls useSereinLocalization()).
const LANGUAGE_KEY = 'serein-demo-language';
const languages = ['en', 'fr', 'de', 'es', 'ar', 'it', 'pt-BR', 'nl', 'pl', 'ja'];

/** @param {string} language */
function applyLanguage(language) {
  const lang = languages.includes(language) ? language : 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

applyLanguage(localStorage.getItem(LANGUAGE_KEY) ?? 'en');
const picker = /** @type {HTMLSelectElement | null} */ (document.querySelector('#demo-language'));
if (picker) {
  picker.value = document.documentElement.lang;
  picker.addEventListener('change', () => {
    localStorage.setItem(LANGUAGE_KEY, picker.value);
    applyLanguage(picker.value);
  });
}
for (const link of document.querySelectorAll('header.site nav a')) {
  if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
}

// Journey beacon: every journey event and `serein-feedback` event of this page goes to the
// funnel, in small batches, with navigator.sendBeacon (which survives leaving the page).
const view = crypto.randomUUID();
/** @type {{type: string, seq: number, detail: object}[]} */
let queue = [];
let seq = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;

function flush() {
  clearTimeout(timer);
  timer = undefined;
  if (queue.length === 0) return;
  const body = JSON.stringify({view, page: location.pathname, events: queue});
  queue = [];
  navigator.sendBeacon('/api/events', body);
}

/**
 * @param {'journey' | 'feedback'} type
 * @param {{action?: string}} detail
 */
function record(type, detail) {
  queue.push({type, seq: (seq += 1), detail});
  // Leaving the page: send now, timers may not run any more.
  if (detail?.action === 'abandoned') flush();
  else timer ??= setTimeout(flush, 500);
}

// Pages with Serein elements load the bundle first. Its buffered journey observer also hands
// over the events emitted before this module ran, so every journey is counted from its `shown`.
const BUNDLE = '/dist/bundle/serein.js';
if (document.querySelector(`script[src="${BUNDLE}"]`)) {
  const {observeSereinJourney} = /** @type {import('./contracts').JourneyApi} */ (await import(BUNDLE));
  observeSereinJourney((detail) => record('journey', detail), {buffered: true});
}
document.addEventListener('serein-feedback', (event) => record('feedback', /** @type {CustomEvent} */ (event).detail));
addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});
