#!/usr/bin/env node
// Smoke test of the static Storybook build: opens every story in English, Arabic (right to left)
// and Polish (one of the newer languages), each light and dark, and once in the pseudo-locale
// en-XA (accented, 40 % longer text: scripts/pseudo-locale.mjs), and fails on page or console
// errors, render or play errors, Serein elements that never upgraded, and axe violations.
//
//   npm run build-storybook        (or: npx lit-localize build && node scripts/build-messages.mjs &&
//                                   node scripts/pseudo-locale.mjs && npx cem analyze && npx storybook build --quiet -o storybook-static)
//   node test/stories.mjs [--visual | --visual-only [--update]] [filter]
//
//   filter          part of a story id, optional; several separated by commas
//   --visual        also screenshot every story in English light (700 px) and Arabic dark (320 px)
//                   and compare with the baselines, in the same page visits (npm test)
//   --visual-only   only those two combinations, without axe (npm run test:visual)
//   --update        with --visual-only: record the baselines instead of comparing
//
// English light runs at 700 px, Arabic dark at 320 px (with the geometry checks of
// test/visual.mjs: no sideways scrolling, no target under 24 × 24 px, no cut text), the others at
// 1 280 px. Screenshots, baselines and tolerance: test/visual.mjs.
//
// Environment: CHROME_PATH (default /usr/bin/chromium), STORIES_DIR (default storybook-static),
// STORIES_CONCURRENCY (default 3), STORIES_TIMEOUT (seconds one visit may take, default 30: more
// on a busy machine), STORIES_MATRIX (`full`: all seven combinations below), SEREIN_VISUAL_RECORD
// (`1`: record missing baselines instead of failing, see test/visual.mjs).
//
// The axe results are addon-a11y's own: it runs axe after each story's `play` (which waits for
// the meter's final text) and reports it in Storybook's `storyFinished` event, which this script
// listens to. Running a second axe in the page would fail with "Axe is already running". Its
// rules (WCAG 2.0/2.1/2.2 A and AA, plus best practices, without the page-level rules) are set
// in `.storybook/preview.ts`.

import {createReadStream} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {auditGeometry, createVisualRun, FIXED_TIME, fixClock, GEOMETRY_WIDTH, VISUAL_COMBINATIONS} from './visual.mjs';

const ROOT = resolve(process.env.STORIES_DIR ?? 'storybook-static');
const CHROME = chromiumPath;
const CONCURRENCY = Math.max(1, Number(process.env.STORIES_CONCURRENCY) || 3);
const STORY_TIMEOUT_MS = (Number(process.env.STORIES_TIMEOUT) || 30) * 1000;
// Every story in all seven takes about 26 minutes on two cores, more than `npm test` can spend:
// `npm test` runs three (English light, Arabic dark, Polish light: both directions, both schemes,
// a newer language), and `npm run test:full` (STORIES_MATRIX=full) all seven.
// Viewport widths: the two screenshot combinations at theirs (test/visual.mjs), the rest at 1 280 px.
const DESKTOP = 1280;
const ALL_COMBINATIONS = [
  VISUAL_COMBINATIONS[0],
  {locale: 'en', scheme: 'dark', width: DESKTOP},
  {locale: 'ar', scheme: 'light', width: DESKTOP},
  VISUAL_COMBINATIONS[1],
  {locale: 'pl', scheme: 'light', width: DESKTOP},
  {locale: 'pl', scheme: 'dark', width: DESKTOP},
  {locale: 'en-XA', scheme: 'light', width: DESKTOP},
];
const VIEWPORT_HEIGHT = 800;
const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const unknown = [...flags].filter((flag) => !['--visual', '--visual-only', '--update'].includes(flag));
if (unknown.length || (flags.has('--update') && !flags.has('--visual-only'))) {
  console.error(`Usage: node test/stories.mjs [--visual | --visual-only [--update]] [filter]`);
  process.exit(2);
}
const VISUAL_ONLY = flags.has('--visual-only');
/** null (smoke test only), 'check' or 'update'. */
const VISUAL_MODE = VISUAL_ONLY || flags.has('--visual') ? (flags.has('--update') ? 'update' : 'check') : null;
const COMBINATIONS = VISUAL_ONLY
  ? VISUAL_COMBINATIONS
  : process.env.STORIES_MATRIX === 'full'
    ? ALL_COMBINATIONS
    : ALL_COMBINATIONS.filter(
        ({locale, scheme}) => `${locale}/${scheme}` in {'en/light': 1, 'ar/dark': 1, 'pl/light': 1},
      );
const CHROME_ARGS = chromiumArgs;
// Nothing leaves the machine: no host name resolves, and any other address goes to a proxy on a
// closed local port. Chromium never proxies loopback, so the build server is reached directly.
// (Much cheaper than intercepting every request with Playwright's route(): 15–40 % slower here.)
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--proxy-server=http://127.0.0.1:9'];
const filter = args.find((arg) => !arg.startsWith('--'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A tiny static server for the build, on the loopback interface and a port the OS picks. */
async function serve(root) {
  const notFound = new Set();
  const server = createServer(async (request, response) => {
    try {
      // Chromium asks for a favicon on its own; it is not part of the build.
      if (request.url === '/favicon.ico') return void response.writeHead(204).end();
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside the build');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      // The build does not change during a run: let the browser cache it (pages load much faster).
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=3600',
      });
      createReadStream(file).pipe(response);
    } catch {
      notFound.add(request.url);
      response.writeHead(404, {'content-type': 'text/plain'}).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const {port} = server.address();
  return {origin: `http://127.0.0.1:${port}`, notFound, close: () => new Promise((done) => server.close(done))};
}

/**
 * Runs in the page before Storybook: records the preview's events from its channel as soon as
 * Storybook creates it (the channel is assigned to a global once, at start-up).
 */
function recordStorybookEvents() {
  const record = {events: [], finished: null};
  Object.defineProperty(window, '__sereinStoryRecord', {value: record});
  const watched = [
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'storyMissing',
    'unhandledErrorsWhilePlaying',
    'storyFinished',
  ];
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of watched) {
        value.on(name, (payload) => {
          // Errors arrive serialised, but make sure what is kept is plain data.
          let data;
          try {
            data = JSON.parse(JSON.stringify(payload ?? null));
          } catch {
            data = String(payload);
          }
          record.events.push({name, data});
          if (name === 'storyFinished') record.finished = data;
        });
      }
    },
  });
}

/** In the page, after the story finished: what the page holds, as plain data. */
function inspectPage() {
  const elements = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('serein-')) elements.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    colorScheme: document.documentElement.style.colorScheme,
    serein: elements.length,
    // The message previews (serein/messages.js) show rendered emails in sandboxed frames instead.
    messagePreviews: document.querySelectorAll('iframe[sandbox=""][srcdoc], pre').length,
    undefinedElements: [
      ...new Set(
        elements
          .filter((element) => !customElements.get(element.localName) || element.matches(':not(:defined)'))
          .map((element) => element.localName),
      ),
    ],
    errorShown: document.body.classList.contains('sb-show-errordisplay'),
    errorText: document.querySelector('#error-message')?.textContent?.trim().slice(0, 300) ?? '',
  };
}

/** One line per error: testing-library's messages append a dump of the whole DOM. */
const firstLine = (text) => {
  const line = String(text).trim().split('\n')[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
};

const describeError = (data) => {
  if (!data) return 'unknown error';
  if (typeof data === 'string') return firstLine(data);
  if (Array.isArray(data)) return data.map(describeError).join('; ');
  return firstLine(
    [data.name, data.message ?? data.title ?? data.description].filter(Boolean).join(': ') || JSON.stringify(data),
  );
};

/** What Storybook reported about the story: its errors and addon-a11y's axe results. */
function reportedProblems(record, withAxe) {
  const problems = [];
  for (const {name, data} of record.events) {
    if (name !== 'storyFinished') problems.push(`${name}: ${describeError(data)}`);
  }
  const {status, reporters = []} = record.finished;
  const a11y = reporters.find((report) => report.type === 'a11y');
  if (!withAxe) {
    // Screenshots alone (--visual-only): axe is npm test's job.
  } else if (!a11y) {
    problems.push(
      status === 'error' ? 'the story errored before axe ran' : 'axe did not run (addon-a11y reported nothing)',
    );
  } else if (a11y.result?.error !== undefined) {
    problems.push(`axe failed: ${describeError(a11y.result.error)}`);
  } else {
    for (const violation of a11y.result?.violations ?? []) {
      const targets = violation.nodes.map((node) => [node.target].flat(2).join(' ')).slice(0, 3);
      problems.push(
        `axe ${violation.id} (${violation.impact}) on ${targets.join(', ')}${violation.nodes.length > 3 ? ', …' : ''}: ${violation.help}`,
      );
    }
  }
  if (status === 'error' && !problems.length) problems.push('Storybook reported the story as errored');
  return problems;
}

/**
 * One visit of one story in one combination: the smoke checks, then (at 320 px) the geometry
 * checks and (with `visual`, see test/visual.mjs) the screenshot.
 */
async function runStory(context, origin, story, combination, visual) {
  const {locale, scheme, width} = combination;
  const problems = [];
  const shoot = visual && VISUAL_COMBINATIONS.includes(combination);
  const page = await (shoot ? visual.context : context).newPage();
  await page.setViewportSize({width, height: VIEWPORT_HEIGHT});
  page.on('pageerror', (error) => problems.push(`page error: ${firstLine(error.message)}`));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url()))
      problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${firstLine(message.text())}`);
  });
  const started = Date.now();
  try {
    // With --visual-only, addon-a11y does not run axe (a third of a visit): the smoke test does.
    const globals = `locale:${locale};scheme:${scheme}${VISUAL_ONLY ? ';a11y.manual:!true' : ''}`;
    const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=${globals}`;
    await page.goto(url, {waitUntil: 'domcontentloaded'});
    const record = await page
      .waitForFunction(() => window.__sereinStoryRecord?.finished && window.__sereinStoryRecord, null, {
        timeout: STORY_TIMEOUT_MS,
        polling: 50,
      })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!record) problems.push(`the story did not finish within ${STORY_TIMEOUT_MS / 1000} s`);
    else problems.push(...reportedProblems(record, !VISUAL_ONLY));
    const state = await page.evaluate(inspectPage);
    if (state.errorShown) problems.push(`render error: ${state.errorText || '(Storybook shows its error display)'}`);
    if (state.serein === 0 && !(story.id.startsWith('messages-') && state.messagePreviews > 0)) {
      problems.push('no serein-* element in the story');
    }
    for (const name of state.undefinedElements) problems.push(`<${name}> is not defined (never upgraded)`);
    if (state.lang !== locale || state.dir !== (locale === 'ar' ? 'rtl' : 'ltr') || state.colorScheme !== scheme) {
      problems.push(`globals not applied: lang=${state.lang} dir=${state.dir} color-scheme=${state.colorScheme}`);
    }
    // Fonts, then one frame, so that the measures and the screenshot see the final layout.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))));
    if (width === GEOMETRY_WIDTH) problems.push(...(await page.evaluate(auditGeometry, {minTarget: 24})));
    if (shoot && record) problems.push(...(await visual.screenshot(page, story, combination)));
  } catch (error) {
    problems.push(`test error: ${firstLine(error.message)}`);
  } finally {
    await page.close();
  }
  return {problems: [...new Set(problems)], ms: Date.now() - started};
}

async function main() {
  const t0 = Date.now();
  let index;
  try {
    index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${join(ROOT, 'index.json')} (${error.message}). Build Storybook first.`);
    process.exit(1);
  }
  const stories = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && (entry.tags ?? []).includes('test'))
    .filter((entry) => !filter || filter.split(',').some((part) => part && entry.id.includes(part)));
  if (!stories.length) {
    console.error('No stories to test.');
    process.exit(1);
  }

  const server = await serve(ROOT);
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [...CHROME_ARGS, ...OFFLINE_ARGS],
  });
  const context = await browser.newContext({reducedMotion: 'reduce'});
  await context.addInitScript(recordStorybookEvents);
  let visual = null;
  if (VISUAL_MODE) {
    try {
      visual = await createVisualRun({mode: VISUAL_MODE, browserVersion: browser.version(), filtered: Boolean(filter)});
    } catch (error) {
      console.error(error.message);
      await browser.close();
      await server.close();
      process.exit(1);
    }
    // Screenshots need pages that look the same every time: in their own context, countdowns and
    // dates stand still (timers still run).
    visual.context = await browser.newContext({reducedMotion: 'reduce'});
    await visual.context.addInitScript(recordStorybookEvents);
    await visual.context.addInitScript(fixClock, FIXED_TIME);
  }

  const jobs = stories.flatMap((story) => COMBINATIONS.map((combination) => ({story, combination})));
  const failures = [];
  let passed = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const {story, combination} = jobs[next++];
      const {problems, ms} = await runStory(context, server.origin, story, combination, visual);
      const label = `${story.id} ${combination.locale}/${combination.scheme} ${combination.width} px`;
      if (problems.length) {
        failures.push({label, problems});
        console.log(`FAIL ${label} (${ms} ms)`);
        for (const problem of problems) console.log(`     - ${problem}`);
      } else {
        passed += 1;
        console.log(`ok   ${label} (${ms} ms)`);
      }
    }
  };
  try {
    await Promise.all(Array.from({length: Math.min(CONCURRENCY, jobs.length)}, worker));
  } finally {
    await browser.close();
    await server.close();
  }

  // Informational: the estimator's worker file is not emitted in Storybook, by design (the meter
  // then estimates on the main thread); anything else missing usually shows up as an error too.
  if (server.notFound.size) console.log(`\nNot found in the build (404): ${[...server.notFound].join(', ')}`);
  if (failures.length) {
    console.log('\nFailures:');
    for (const {label, problems} of failures)
      console.log(`  ${label}\n${problems.map((problem) => `    - ${problem}`).join('\n')}`);
  }
  if (visual) for (const line of await visual.finish(stories)) console.log(line);
  console.log(
    `\n${stories.length} stories × ${COMBINATIONS.length} combinations in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exitCode = failures.length ? 1 : 0;
}

await main();
