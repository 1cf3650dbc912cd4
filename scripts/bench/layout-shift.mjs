// Layout shift while a component's lazy code arrives late. Each component, in each state it can
// start in, is put alone on a page (its own define entry, `dist/define/<name>.js`) between a
// paragraph above and the rest of a page below: a tall painted block whose top edge follows the
// component's bottom edge, so that any change of the component's height moves a large visible
// area. (With one line of text as the only thing below, a passkey button 94 px short of its
// reservation read 0.007 and a meter 50 px short 0.004: under the target.)
//
// The marker: the element is defined and, two frames later, has painted the space it keeps for
// its view (its `[part=base]` still has the `loading` class renderBase gives it; a run whose
// marker came after the view is invalid). Every file of dist/ outside the entry's static imports
// (the view, and whatever else the first view needs: the code field, an embedded element's view,
// …) is answered no earlier than VIEW_DELAY_MS after the marker. The page then waits until the
// view is really there (`updateComplete` of every Serein element in the page, which waits for
// the view), SETTLE_MS more, and collects every layout shift (PerformanceObserver
// 'layout-shift' without recent input, and `takeRecords()` for the entries not yet delivered).
// There is no fixed window after `load`: the view's import does not hold `load` up, and on a busy
// machine a held view can arrive seconds after the upgrade, after such a window has closed.
//
// `cls` sums the shifts after the marker (what the view's arrival causes; target ≤ CLS_TARGET);
// `total` also counts the upgrade itself, which a page avoids by sizing `:not(:defined)` elements.
// Heights are read directly too: the element at the marker (`reserved`), once the view has
// arrived (`arrived`), and how far the block below moved in between (`moved`).
//
// Self-check: every scenario is also measured with a broken reservation (a page stylesheet that
// sets the element's and its `::part(base)`'s min-block-size to BROKEN_RESERVATION). Where the
// arrived element is taller than CHECK_MIN_HEIGHT_PX, that run must read more than CLS_TARGET; if
// it does not, the measurement cannot see a wrong reservation and `selfCheck.ok` is false.
// test/node/layout-shift.test.mjs runs the same page logic in Chromium.
import {resolve} from 'node:path';
import {chromiumArgs} from '../chromium.mjs';
import {chromePath, importMap} from './latency.mjs';
import {startServer} from './server.mjs';
import {ROOT, staticClosure} from './sizes.mjs';

export const VIEW_DELAY_MS = 300;
export const CLS_TARGET = 0.01;
/** After the view has arrived: later shifts (a second chunk, a late render) still count. */
export const SETTLE_MS = 500;
/** The deliberately wrong reservation of the self-check. */
export const BROKEN_RESERVATION = '1rem';
/** Below this arrived height the broken reservation is hardly wrong: no self-check. */
export const CHECK_MIN_HEIGHT_PX = 32;
/** Tall enough that the block below stays in view under the tallest form. */
export const VIEWPORT = {width: 800, height: 900};
/** A run that has not finished by then is reported as such (the view never arrived). */
const RUN_TIMEOUT_MS = 30_000;

const noWebAuthn = 'delete window.PublicKeyCredential;';

/**
 * Every state a component can start in that its reservation depends on. `init` runs before the
 * page's scripts (to take WebAuthn away).
 */
export const SCENARIOS = [
  {
    component: 'strength-meter',
    state: 'with its field',
    markup: '<input id="pw" type="password"><serein-strength-meter for="pw"></serein-strength-meter>',
  },
  {
    component: 'password-change',
    state: 'default (reason user)',
    markup: '<serein-password-change username="camille@example.com"></serein-password-change>',
  },
  {
    component: 'password-change',
    state: 'confirm',
    markup: '<serein-password-change username="camille@example.com" confirm></serein-password-change>',
  },
  {
    component: 'password-change',
    state: 'no-current',
    markup: '<serein-password-change username="camille@example.com" no-current></serein-password-change>',
  },
  {
    component: 'password-change',
    state: 'reason routine',
    markup: '<serein-password-change username="camille@example.com" reason="routine"></serein-password-change>',
  },
  {
    component: 'password-change',
    state: 'reason suspicious-activity',
    markup:
      '<serein-password-change username="camille@example.com" reason="suspicious-activity"></serein-password-change>',
  },
  {
    component: 'password-change',
    state: 'reason breach, no-current',
    markup:
      '<serein-password-change username="camille@example.com" reason="breach" no-current></serein-password-change>',
  },
  {component: 'otp-prompt', state: 'channel app (default)', markup: '<serein-otp-prompt></serein-otp-prompt>'},
  {
    component: 'otp-prompt',
    state: 'channel sms',
    markup: '<serein-otp-prompt channel="sms" destination="•••• 42"></serein-otp-prompt>',
  },
  {
    component: 'otp-prompt',
    state: 'channel email',
    markup: '<serein-otp-prompt channel="email" destination="c•••@example.com"></serein-otp-prompt>',
  },
  {
    component: 'otp-prompt',
    state: 'channel backup-code',
    markup: '<serein-otp-prompt channel="backup-code"></serein-otp-prompt>',
  },
  {component: 'recovery-wizard', state: 'first step', markup: '<serein-recovery-wizard></serein-recovery-wizard>'},
  {
    component: 'passkey-button',
    state: 'sign-in, WebAuthn supported',
    markup: '<serein-passkey-button></serein-passkey-button>',
  },
  {
    component: 'passkey-button',
    state: 'register, WebAuthn supported',
    markup: '<serein-passkey-button mode="register"></serein-passkey-button>',
  },
  {
    component: 'passkey-button',
    state: 'unsupported, show-unsupported',
    markup: '<serein-passkey-button show-unsupported></serein-passkey-button>',
    init: noWebAuthn,
  },
  {
    component: 'passkey-button',
    state: 'unsupported (hidden)',
    markup: '<serein-passkey-button></serein-passkey-button>',
    init: noWebAuthn,
  },
];

/** The page's own measuring code (a classic script, run before the element's module). */
function pageLogic(tag) {
  const shifts = [];
  const record = (entries) => {
    for (const entry of entries) if (!entry.hadRecentInput) shifts.push({at: entry.startTime, value: entry.value});
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({type: 'layout-shift', buffered: true});
  const frames = (n) =>
    new Promise((resolve) => {
      const next = () => (n-- > 0 ? requestAnimationFrame(next) : resolve());
      next();
    });
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const element = () => document.querySelector(tag);
  const below = () => document.querySelector('#below').getBoundingClientRect().top;
  const height = () => element().getBoundingClientRect().height;
  const sereinElements = () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('serein-'));

  window.benchMeasure = async (settleMs) => {
    // The marker: defined, then two frames, so the reserved space has been painted.
    await customElements.whenDefined(tag);
    await frames(2);
    const marker = {
      at: performance.now(),
      reserved: height(),
      below: below(),
      // renderBase gives the wrapper this class until the view has arrived.
      loading: Boolean(element().shadowRoot?.querySelector('[part~="base"].loading')),
    };
    window.benchMarked();
    // The view has arrived once every Serein element (those the view adds too) is up to date.
    const done = new Set();
    for (;;) {
      const fresh = sereinElements().filter((el) => !done.has(el));
      if (!fresh.length) break;
      for (const el of fresh) done.add(el);
      await Promise.all(fresh.map((el) => customElements.whenDefined(el.localName).then(() => el.updateComplete)));
    }
    await frames(2);
    await wait(settleMs);
    await frames(2);
    record(observer.takeRecords());
    observer.disconnect();
    const sum = (list) => list.reduce((total, shift) => total + shift.value, 0);
    return {
      reserved: marker.reserved,
      arrived: height(),
      moved: below() - marker.below,
      loadingAtMarker: marker.loading,
      cls: sum(shifts.filter((shift) => shift.at >= marker.at)),
      total: sum(shifts),
    };
  };
}

/** The page of one scenario; with `broken`, a stylesheet that spoils the element's reservation. */
export function scenarioPage(scenario, {broken = false} = {}) {
  const tag = `serein-${scenario.component}`;
  const spoil = broken ? `<style>${tag}, ${tag}::part(base) { min-block-size: ${BROKEN_RESERVATION}; }</style>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>serein layout shift</title>
<script type="importmap">${JSON.stringify(importMap())}</script>
<style>
  #below { block-size: 1500px; margin-block-start: 1rem; padding: 1rem; background: #e8eef4; }
</style>
${spoil}
<script>(${pageLogic.toString()})(${JSON.stringify(tag)});</script>
<script type="module" src="/dist/define/${scenario.component}.js"></script>
</head>
<body>
<p>Above the component.</p>
${scenario.markup}
<div id="below"><p>The rest of the page: it must not move when the view arrives.</p></div>
</body>
</html>`;
}

/** The dist/ paths (as served) an element's define entry loads eagerly: never held. */
function eagerPaths(component) {
  const dist = resolve(ROOT, 'dist');
  return new Set(
    staticClosure(`dist/define/${component}.js`).map((file) => `/dist${file.slice(dist.length).replaceAll('\\', '/')}`),
  );
}

/** Where the page of `scenario` (its index in the run) is served. */
const pagePath = (index, broken) => `/layout-shift-${index}${broken ? '-broken' : ''}.html`;

/** One run of one scenario in a fresh context. */
async function measure(browser, url, scenario) {
  const context = await browser.newContext({viewport: VIEWPORT});
  try {
    if (scenario.init) await context.addInitScript(scenario.init);
    const tab = await context.newPage();
    const eager = eagerPaths(scenario.component);
    let markedAt;
    let onMarked;
    const marked = new Promise((resolveMarked) => (onMarked = resolveMarked));
    await tab.exposeFunction('benchMarked', () => onMarked((markedAt = Date.now())));
    let held = 0;
    await tab.route(
      (target) => target.pathname.startsWith('/dist/') && !eager.has(target.pathname),
      async (route) => {
        held += 1;
        await marked;
        const left = markedAt + VIEW_DELAY_MS - Date.now();
        if (left > 0) await new Promise((resolveDelay) => setTimeout(resolveDelay, left));
        await route.continue().catch(() => undefined);
      },
    );
    // Not 'load': the page must not wait for anything held (the view's import does not hold up
    // `load` today, but nothing here should depend on that).
    await tab.goto(url, {waitUntil: 'domcontentloaded'});
    let timer;
    const result = await Promise.race([
      tab.evaluate((settleMs) => window.benchMeasure(settleMs), SETTLE_MS),
      new Promise((resolveTimeout) => (timer = setTimeout(resolveTimeout, RUN_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    if (!result) return {error: `no result within ${RUN_TIMEOUT_MS / 1000} s (the view never arrived?)`};
    return {...result, held};
  } finally {
    await context.close();
  }
}

/**
 * Runs `scenarios` (default: all) in Chromium, each with its real and its broken reservation.
 * Resolves to {browser, rows, selfCheck: {ok, failed}} or {skipped}. Each row: {component, state,
 * real, broken, valid, checked, detected}; `real` and `broken` are {reserved, arrived, moved,
 * loadingAtMarker, cls, total, held} (px and layout-shift scores) or {error}. `valid` is false when
 * a run failed, its marker came after the view or nothing was held; `checked` when the self-check
 * applies, `detected` when the broken reservation read more than CLS_TARGET.
 */
export async function runLayoutShift({log = () => {}, scenarios = SCENARIOS} = {}) {
  const executablePath = chromePath();
  if (!executablePath) return {skipped: 'no Chromium (set CHROME_PATH)'};
  const {chromium} = await import('playwright-core');
  const pages = {};
  scenarios.forEach((scenario, index) => {
    for (const broken of [false, true]) pages[pagePath(index, broken)] = scenarioPage(scenario, {broken});
  });
  const server = await startServer(pages);
  const browser = await chromium.launch({executablePath, headless: true, args: chromiumArgs});
  const rows = [];
  try {
    for (const [index, scenario] of scenarios.entries()) {
      log(`layout shift: ${scenario.component}, ${scenario.state}`);
      const real = await measure(browser, server.origin + pagePath(index, false), scenario);
      const broken = await measure(browser, server.origin + pagePath(index, true), scenario);
      const valid = [real, broken].every((run) => !run.error && run.loadingAtMarker && run.held > 0);
      const checked = valid && real.arrived > CHECK_MIN_HEIGHT_PX;
      rows.push({
        component: scenario.component,
        state: scenario.state,
        real,
        broken,
        valid,
        checked,
        detected: checked ? broken.cls > CLS_TARGET : undefined,
      });
    }
    const failed = rows.filter((row) => !row.valid || (row.checked && !row.detected));
    return {browser: `Chromium ${browser.version()}`, rows, selfCheck: {ok: failed.length === 0, failed}};
  } finally {
    await browser.close();
    await server.close();
  }
}
