// Estimate latency and main-thread long tasks in Chromium, against the built dist/.
import {chromiumArgs, chromiumPath} from '../chromium.mjs';
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {lazyChunks, ROOT} from './sizes.mjs';
import {prng, randomPrintable} from './corpus.mjs';
import {startServer} from './server.mjs';

export const TARGETS = {p95Ms: 8, equalShare: 0.99, longTaskMs: 50, versusZxcvbn: 1.5};

const CHROME_ARGS = chromiumArgs;

/** Delay between two keystrokes when typing in the meter page (a fast typist; people are slower). */
export const KEY_DELAY_MS = 30;

/** Runs per long input of (d): (c) takes seconds per call. */
export const LONG_REPEAT = {engine: 5, worker: 5, defaults: 1};

export function chromePath() {
  const path = chromiumPath;
  return existsSync(path) ? path : null;
}

/** The import map of the bench pages: Lit (production builds) and zxcvbn-ts, from node_modules. */
export function importMap() {
  const nm = (path) => `/node_modules/${path}`;
  const pkg = (name) => JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
  return {
    imports: {
      lit: nm('lit/index.js'),
      'lit/': nm('lit/'),
      'lit-html': nm('lit-html/lit-html.js'),
      'lit-html/': nm('lit-html/'),
      'lit-element': nm('lit-element/index.js'),
      'lit-element/': nm('lit-element/'),
      '@lit/reactive-element': nm('@lit/reactive-element/reactive-element.js'),
      '@lit/reactive-element/': nm('@lit/reactive-element/'),
      '@lit/localize': nm(
        `@lit/localize/${pkg('@lit/localize').module ?? pkg('@lit/localize').main ?? 'lit-localize.js'}`,
      ),
      '@lit/localize/': nm('@lit/localize/'),
      '@zxcvbn-ts/core': nm(`@zxcvbn-ts/core/${pkg('@zxcvbn-ts/core').module}`),
      '@zxcvbn-ts/language-common': nm(`@zxcvbn-ts/language-common/${pkg('@zxcvbn-ts/language-common').module}`),
      '@zxcvbn-ts/language-en': nm(`@zxcvbn-ts/language-en/${pkg('@zxcvbn-ts/language-en').module}`),
      '@zxcvbn-ts/dictionary-compression/decompress': nm('@zxcvbn-ts/dictionary-compression/dist/decompress.mjs'),
      'fastest-levenshtein': nm(`fastest-levenshtein/${pkg('fastest-levenshtein').module}`),
    },
  };
}

export function page(title, body = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<script type="importmap">${JSON.stringify(importMap())}</script>
<script type="module" src="/bench/page.mjs"></script>
</head>
<body>
${body}
</body>
</html>`;
}

export const METER_BODY = `<label for="pw">New password</label>
<input id="pw" type="password" autocomplete="new-password">
<serein-strength-meter for="pw"></serein-strength-meter>
<label for="plain">Not watched</label>
<input id="plain" type="text" autocomplete="off">`;

/** The built chunks the bench drives directly, found by what they contain. */
export async function builtChunks() {
  const chunks = await lazyChunks('dist/define/strength-meter.js', {brotli: false});
  const find = (name) =>
    chunks.find((chunk) => chunk.group.group === 'estimator' && chunk.group.name.startsWith(name))?.root;
  const estimator = find('client');
  const engine = find('engine');
  if (!estimator || !engine) throw new Error('cannot find the estimator and zxcvbn-engine chunks in dist/chunks');
  return {
    estimator: `/${estimator}`,
    engine: `/${engine}`,
    define: '/dist/define/strength-meter.js',
    entry: '/dist/strength-meter.js',
  };
}

/** Long inputs of (d). */
export function longInputs() {
  const random = prng(0x10c);
  const repeated = (length) => 'p@$$w0rd'.repeat(Math.ceil(length / 8)).slice(0, length);
  const inputs = [];
  for (const length of [100, 1000, 10000])
    inputs.push({label: `random printable × ${length}`, password: randomPrintable(random, length)});
  for (const length of [100, 1000, 10000])
    inputs.push({label: `'p@$$w0rd' repeated, ${length} chars`, password: repeated(length)});
  return inputs;
}

/** A 10 000-character string of concatenated dates (ddmmyyyy, yyyymmdd, …). */
export function dateDigits(length = 10000) {
  const random = prng(0xda7e);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pad = (n) => String(n).padStart(2, '0');
  let out = '';
  while (out.length < length) {
    const [d, m, y] = [pad(int(1, 28)), pad(int(1, 12)), String(int(1940, 2025))];
    out += [`${d}${m}${y}`, `${y}${m}${d}`, `${m}${d}${y.slice(2)}`][int(0, 2)];
  }
  return out.slice(0, length);
}

/** 30 varied passwords for the typing simulation: spread over the corpus's categories. */
export function typingSample(corpus, count = 30) {
  const byCategory = new Map();
  for (const item of corpus) {
    if (!byCategory.has(item.category)) byCategory.set(item.category, []);
    byCategory.get(item.category).push(item.password);
  }
  const lists = [...byCategory.values()];
  const sample = [];
  for (let round = 0; sample.length < count; round++) {
    for (const list of lists) {
      if (sample.length < count) sample.push(list[(round * 7 + 3) % list.length]);
    }
  }
  return sample;
}

/**
 * The page's main-thread tasks in a Chromium trace, per scenario (between the user-timing marks
 * `serein-bench-begin-<i>` and `serein-bench-end-<i>`): the longest by wall time and by CPU time
 * (a task can last long because its thread was descheduled, e.g. while the worker, the browser
 * and the bench driver compete for 2 cores), and how many exceed 50 ms of each.
 */
export function mainThreadTasks(traceBuffer, count) {
  let events;
  try {
    events = JSON.parse(traceBuffer.toString('utf8')).traceEvents ?? [];
  } catch {
    return [];
  }
  const marks = new Map();
  for (const event of events) {
    if (/^serein-bench-(begin|end)-\d+$/.test(event.name) && !marks.has(event.name))
      marks.set(event.name, {ts: event.ts, thread: `${event.pid}:${event.tid}`});
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const results = [];
  for (let i = 0; i < count; i++) {
    const begin = marks.get(`serein-bench-begin-${i}`);
    const end = marks.get(`serein-bench-end-${i}`);
    if (!begin || !end) {
      results.push(null);
      continue;
    }
    // The marks are made on the page's main thread.
    const thread = mainThreads.has(begin.thread) ? begin.thread : null;
    const tasks = events
      .filter(
        (e) =>
          e.ph === 'X' &&
          e.name === 'RunTask' &&
          `${e.pid}:${e.tid}` === thread &&
          e.ts + (e.dur ?? 0) >= begin.ts &&
          e.ts <= end.ts,
      )
      .map((e) => ({wall: (e.dur ?? 0) / 1000, cpu: e.tdur === undefined ? NaN : e.tdur / 1000}));
    if (!tasks.length) {
      results.push(null);
      continue;
    }
    const longest = tasks.reduce((a, b) => (b.wall > a.wall ? b : a));
    results.push({
      tasks: tasks.length,
      longestWall: longest.wall,
      cpuOfLongest: longest.cpu,
      longestCpu: Math.max(0, ...tasks.map((task) => task.cpu).filter(Number.isFinite)),
      over50Wall: tasks.filter((task) => task.wall > 50).length,
      over50Cpu: tasks.filter((task) => task.cpu > 50).length,
    });
  }
  return results;
}

/**
 * Runs the whole latency bench; `log` receives progress lines. Resolves to the raw results
 * (see bench.mjs for how they are printed), or {skipped} when no browser is available.
 */
export async function runLatency({corpus, log = () => {}, trace = true}) {
  const executablePath = chromePath();
  if (!executablePath) return {skipped: `no Chromium at ${chromiumPath} (set CHROME_PATH)`};
  let chromium;
  try {
    ({chromium} = await import('playwright-core'));
  } catch {
    return {skipped: 'playwright-core is not installed'};
  }
  const chunks = await builtChunks();
  const server = await startServer({
    '/bench.html': page('serein bench'),
    '/meter.html': page('serein meter bench', METER_BODY),
  });
  const browser = await chromium.launch({executablePath, headless: true, args: CHROME_ARGS});
  const results = {browser: `Chromium ${browser.version()}`, chunks, keyDelayMs: KEY_DELAY_MS};
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin});
    const errors = [];

    // ---- Per-call figures: (a) engine on the main thread, (b) worker, (c) zxcvbn-ts defaults ----
    const bench = await context.newPage();
    bench.on('pageerror', (error) => errors.push(`bench page: ${error.message}`));
    await bench.goto(`${server.origin}/bench.html`);
    await bench.waitForFunction(() => window.bench !== undefined);
    results.isolated = await bench.evaluate(() => window.bench.isolated);

    log('cold starts');
    results.cold = {
      worker: await bench.evaluate((url) => window.bench.coldWorker(url), chunks.estimator),
      engine: await bench.evaluate((url) => window.bench.coldEngine(url), chunks.engine),
      defaults: await bench.evaluate(() => window.bench.coldDefaults()),
    };

    const passwords = corpus.map((item) => item.password);
    const warmUp = passwords.filter((_, i) => i % 20 === 0);
    results.corpus = {};
    for (const kind of ['engine', 'worker', 'defaults']) {
      log(`corpus through ${kind}`);
      await bench.evaluate(([k, list]) => window.bench.run(k, list), [kind, warmUp]);
      results.corpus[kind] = await bench.evaluate(([k, list]) => window.bench.run(k, list), [kind, passwords]);
    }

    // The old zxcvbn 4.4.2 (its own dictionaries, its defaults) against the meter's engine, each
    // password through every path in turn, so that the ratio of their p95 is from one moment.
    log('corpus, interleaved with zxcvbn 4.4.2');
    results.cold.zxcvbn = await bench.evaluate(() => window.bench.coldZxcvbn());
    await bench.evaluate((list) => window.bench.run('zxcvbn', list), warmUp);
    results.versus = await bench.evaluate(
      (list) => window.bench.paired(['engine', 'worker', 'zxcvbn'], list),
      passwords,
    );

    log('long inputs');
    const inputs = longInputs();
    results.long = {inputs: inputs.map((input) => input.label)};
    for (const [kind, repeat] of [
      ['engine', LONG_REPEAT.engine],
      ['worker', LONG_REPEAT.worker],
      ['defaults', LONG_REPEAT.defaults],
    ]) {
      const run = await bench.evaluate(
        ([k, list, r]) => window.bench.run(k, list, r),
        [kind, inputs.map((input) => input.password), repeat],
      );
      results.long[kind] = inputs.map((_, i) => ({
        times: run.times.slice(i * repeat, (i + 1) * repeat),
        score: run.scores[i * repeat],
      }));
      results.long[`${kind}Errors`] = run.errors;
    }
    await bench.close();

    // ---- (e) The real meter on a page: long tasks while typing, pasting, adversarial input ----
    results.meter = {};
    const sample = typingSample(corpus);
    const adversarial = [
      {label: 'paste: 10 000 random printable', text: longInputs()[2].password},
      {label: "paste: 'p@$$w0rd' × 1 250", text: 'p@$$w0rd'.repeat(1250)},
      {label: "paste: '1' × 10 000", text: '1'.repeat(10000)},
      {label: 'paste: 10 000 date-like digits', text: dateDigits()},
    ];
    for (const path of ['worker', 'fallback']) {
      log(`meter, ${path} path`);
      const meterPage = await context.newPage();
      meterPage.on('pageerror', (error) => errors.push(`meter page (${path}): ${error.message}`));
      await meterPage.goto(`${server.origin}/meter.html`);
      await meterPage.waitForFunction(() => window.meterBench !== undefined);
      const setUp = await meterPage.evaluate((options) => window.meterBench.setUp(options), {
        entryUrl: chunks.entry,
        defineUrl: chunks.define,
        fallback: path === 'fallback',
      });
      const input = meterPage.locator('#pw');
      const scenarios = [];
      // One trace per page (stopping a trace costs seconds); scenarios are told apart by marks.
      let tracing = false;
      if (trace) {
        try {
          await browser.startTracing(meterPage, {
            categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
          });
          tracing = true;
        } catch {
          // no tracing: the long-task observer alone
        }
      }
      const scenario = async (label, act) => {
        const index = scenarios.length;
        await meterPage.evaluate((i) => window.meterBench.begin(i), index);
        const detail = await act();
        // Let any trailing work (render, announcement timer) land inside the window.
        await meterPage.waitForTimeout(250);
        const observed = await meterPage.evaluate((i) => window.meterBench.end(i), index);
        scenarios.push({
          label,
          ...detail,
          longTasks: observed.longTasks,
          frames: observed.frames,
          trace: null,
          elapsedMs: observed.ms,
        });
      };
      const clear = async (target = input) => {
        await target.press('ControlOrMeta+A');
        await target.press('Backspace');
      };
      const paste = async (text, target = input) => {
        await clear(target);
        await meterPage.evaluate((value) => navigator.clipboard.writeText(value), text);
        const t0 = Date.now();
        await target.press('ControlOrMeta+V');
        let how = 'clipboard paste (Ctrl+V)';
        if ((await target.inputValue()).length !== text.length) {
          await clear(target);
          await meterPage.keyboard.insertText(text);
          how = 'Input.insertText';
        }
        if (target !== input) return {how};
        const settled = await meterPage.evaluate(() => window.meterBench.settled());
        return {how, settledMs: settled.ok ? Date.now() - t0 : null, level: settled.level};
      };

      // Control: the same typing into a plain input that no meter watches (machine noise).
      if (path === 'worker') {
        await scenario('control: the 30 passwords typed into a plain input, no meter', async () => {
          const plain = meterPage.locator('#plain');
          for (const password of sample) {
            await plain.press('ControlOrMeta+A');
            await plain.press('Backspace');
            await plain.pressSequentially(password, {delay: KEY_DELAY_MS});
          }
          return {};
        });
        await scenario('control: paste 10 000 random printable into the plain input', () =>
          paste(adversarial[0].text, meterPage.locator('#plain')),
        );
      }
      // Cold: focus (dictionaries start loading), type one password, until its estimate shows.
      await scenario('cold: focus + type "Tr0ub4dor&3horse" (dictionary load)', async () => {
        const t0 = Date.now();
        await input.focus();
        await input.pressSequentially('Tr0ub4dor&3horse', {delay: KEY_DELAY_MS});
        const settled = await meterPage.evaluate(() => window.meterBench.settled(30000));
        return {settledMs: settled.ok ? Date.now() - t0 : null, level: settled.level};
      });
      await scenario(`typing: 30 passwords, key by key (${KEY_DELAY_MS} ms apart)`, async () => {
        let worst = 0;
        for (const password of sample) {
          await clear();
          await input.pressSequentially(password, {delay: KEY_DELAY_MS});
          const t0 = Date.now();
          const settled = await meterPage.evaluate(() => window.meterBench.settled());
          worst = Math.max(worst, settled.ok ? Date.now() - t0 : Infinity);
        }
        return {settledMs: worst, settledNote: 'worst, after the last key'};
      });
      for (const {label, text} of adversarial) await scenario(label, () => paste(text));
      if (tracing) {
        const traced = mainThreadTasks(await browser.stopTracing(), scenarios.length);
        scenarios.forEach((item, i) => (item.trace = traced[i]));
      }
      const worker = await meterPage.evaluate(() => window.meterBench.usesWorker());
      results.meter[path] = {defined: setUp.defined, usesWorker: worker, scenarios};
      await meterPage.close();
    }
    results.errors = errors;
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
