// Runs in Chromium (served by scripts/bench/server.mjs); driven by scripts/bench/latency.mjs.
// Imports nothing up front, so that the cold-start figures are real.

const now = () => performance.now();

/** Long tasks (> 50 ms) of this page's main thread, from a PerformanceObserver. */
const longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({start: entry.startTime, duration: entry.duration});
}).observe({type: 'longtask', buffered: true});

/** The long tasks since `since` (performance.now() time), once the observer has caught up. */
async function longTasksSince(since) {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  return longTasks.filter((task) => task.start + task.duration >= since).map((task) => task.duration);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The estimator's workers, seen from outside: every Worker this page starts, and when it first
 * spoke (the estimator's worker says hello once it is up). The estimator chunk exports only what
 * the meter calls, so this is how the bench knows whether estimates run in a worker.
 */
const workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    const record = {name: options?.name, startedAt: now(), readyAt: undefined};
    workers.push(record);
    this.addEventListener('message', () => (record.readyAt ??= now()), {once: true});
  }
};
const estimatorWorker = () => workers.find((record) => /^serein-estimator( |$)/.test(record.name) && record.readyAt);

let engineEstimate;
let estimator;
let defaults;
let zxcvbn;

/** Finds estimate() among the minified exports of the built zxcvbn-engine chunk. */
async function findEngineEstimate(module) {
  for (const candidate of Object.values(module)) {
    if (typeof candidate !== 'function') continue;
    try {
      const result = await candidate('en', 'warm up the engine', []);
      if (result && typeof result.score === 'number') return candidate;
    } catch {
      // not it
    }
  }
  throw new Error('no estimate() among the exports of the zxcvbn-engine chunk');
}

/**
 * The meter's estimator chunk: prepare(locale, dictionary) and estimate(locale, password,
 * userInputs, dictionary), whatever the chunk calls them.
 */
function estimatorApi(module) {
  const prepare = module.prepare ?? module.prepareEstimator;
  const estimate = module.estimate ?? module.estimatePassword;
  if (typeof prepare !== 'function' || typeof estimate !== 'function')
    throw new Error(`the estimator chunk exports ${Object.keys(module).join(', ')}, not prepare/estimate`);
  return {prepare, estimate};
}

/** (b) Cold start through the worker: worker ready, dictionaries loaded, first estimate. */
async function coldWorker(estimatorUrl) {
  const t0 = now();
  estimator = estimatorApi(await import(estimatorUrl));
  const imported = now();
  await estimator.prepare('en', 'compact');
  const prepared = now();
  const result = await estimator.estimate('en', 'correct horse battery staple', [], 'compact');
  const first = now();
  const worker = estimatorWorker();
  return {
    usesWorker: Boolean(worker),
    importMs: imported - t0,
    workerReadyMs: worker ? worker.readyAt - t0 : NaN,
    dictionariesMs: prepared - t0,
    firstEstimateMs: first - t0,
    score: result.score,
    longTasks: await longTasksSince(t0),
  };
}

/** (a) Cold start of the tuned engine on the main thread (the fallback path). */
async function coldEngine(engineUrl) {
  await pause(100);
  const t0 = now();
  const module = await import(engineUrl);
  const imported = now();
  engineEstimate = await findEngineEstimate(module);
  const first = now();
  return {importMs: imported - t0, firstEstimateMs: first - t0, longTasks: await longTasksSince(t0)};
}

/** (c) Cold start of zxcvbn-ts with its defaults and the same dictionaries (common + en). */
async function coldDefaults() {
  await pause(100);
  const t0 = now();
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const imported = now();
  const factory = new core.ZxcvbnFactory({
    dictionary: {...common.dictionary, ...en.dictionary},
    graphs: common.adjacencyGraphs,
  });
  factory.check('warm up the engine', []);
  const first = now();
  defaults = (password) => factory.check(password, []);
  return {importMs: imported - t0, firstEstimateMs: first - t0, longTasks: await longTasksSince(t0)};
}

/** zxcvbn 4.4.2 as its users load it: the browserified dist/zxcvbn.js in a classic script. */
async function coldZxcvbn() {
  await pause(100);
  const t0 = now();
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/zxcvbn/dist/zxcvbn.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('zxcvbn 4.4.2 did not load'));
    document.head.append(script);
  });
  const imported = now();
  zxcvbn = window.zxcvbn;
  zxcvbn('warm up the engine');
  const first = now();
  return {importMs: imported - t0, firstEstimateMs: first - t0, longTasks: await longTasksSince(t0)};
}

/** Times each call of `run` over `passwords`: {times, scores, errors}. */
async function timeEach(passwords, run) {
  const times = new Array(passwords.length);
  const scores = new Array(passwords.length);
  const errors = [];
  for (let i = 0; i < passwords.length; i++) {
    const t0 = now();
    try {
      scores[i] = (await run(passwords[i])).score;
    } catch (error) {
      scores[i] = null;
      errors.push(`${error.name}: ${String(error.message).slice(0, 80)} (input ${i}, ${passwords[i].length} chars)`);
    }
    times[i] = now() - t0;
    // Let the event loop breathe now and then (garbage collection, messages).
    if (i % 100 === 99) await pause(0);
  }
  return {times, scores, errors};
}

const runners = {
  engine: (password) => engineEstimate('en', password, []),
  worker: (password) => estimator.estimate('en', password, [], 'compact'),
  defaults: async (password) => defaults(password),
  zxcvbn: async (password) => zxcvbn(password),
};

/** Runs one of the three paths over `passwords`, `repeat` times each (times: per input, per repetition). */
async function run(kind, passwords, repeat = 1) {
  const list = repeat === 1 ? passwords : passwords.flatMap((password) => Array(repeat).fill(password));
  const t0 = now();
  const result = await timeEach(list, runners[kind]);
  return {...result, totalMs: now() - t0};
}

/**
 * Runs several paths over the same `passwords`, interleaved: each password goes through every
 * path in turn (the order rotates from one password to the next), so that a slow moment of the
 * machine falls on all paths alike. Resolves to {[kind]: {times, scores, errors}}.
 */
async function paired(kinds, passwords) {
  const out = Object.fromEntries(kinds.map((kind) => [kind, {times: [], scores: [], errors: []}]));
  for (let i = 0; i < passwords.length; i++) {
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length];
      const result = await timeEach([passwords[i]], runners[kind]);
      out[kind].times.push(result.times[0]);
      out[kind].scores.push(result.scores[0]);
      out[kind].errors.push(...result.errors);
    }
    if (i % 100 === 99) await pause(0);
  }
  return out;
}

window.bench = {
  coldWorker,
  coldEngine,
  coldDefaults,
  coldZxcvbn,
  run,
  paired,
  isolated: globalThis.crossOriginIsolated === true,
};

// ---- The meter page ----

/**
 * Sets up the real <serein-strength-meter for="pw"> (on meter pages only), with `dictionary` if
 * given; `fallback`: no worker (setEstimatorWorkerUrl(null), from the public entry).
 */
async function setUpMeter({entryUrl, defineUrl, fallback, dictionary}) {
  if (fallback) (await import(entryUrl)).setEstimatorWorkerUrl(null);
  await import(defineUrl);
  await customElements.whenDefined('serein-strength-meter');
  const meter = document.querySelector('serein-strength-meter');
  if (dictionary) meter.setAttribute('dictionary', dictionary);
  await meter.updateComplete;
  return {defined: meter instanceof customElements.get('serein-strength-meter')};
}

/** Whether the meter's estimates run in a worker (asks after the meter has started it). */
function usesWorker() {
  return Boolean(estimatorWorker());
}

/** Resolves once the meter shows an estimate for the input's current value (or after `timeout`). */
async function settled(timeout = 20000) {
  const meter = document.querySelector('serein-strength-meter');
  const input = document.getElementById('pw');
  const t0 = now();
  // `estimate` is the meter's (TypeScript-private) state: {for, locale, result}. Should it be
  // renamed, wait a fixed time instead of timing out on every call.
  if (!('estimate' in meter)) {
    await pause(500);
    return {ok: false, ms: now() - t0};
  }
  while (!(input.value === '' || meter.estimate?.for === input.value)) {
    if (now() - t0 > timeout) return {ok: false, ms: now() - t0};
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return {ok: true, ms: now() - t0, level: meter.level, length: input.value.length};
}

let scenarioStart = 0;
let frames;

/** Watches frame gaps with a requestAnimationFrame loop (cheap; frames are produced anyway while typing). */
function watchFrames() {
  const watch = {longest: 0, over50: 0, count: 0, running: true, last: undefined};
  const tick = (time) => {
    if (!watch.running) return;
    if (watch.last !== undefined) {
      const gap = time - watch.last;
      watch.longest = Math.max(watch.longest, gap);
      if (gap > 50) watch.over50 += 1;
      watch.count += 1;
    }
    watch.last = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return watch;
}

/**
 * First use: focuses the watched input (the meter starts loading its estimator and dictionaries),
 * puts `password` in it at once (one input event, as a paste would), and waits until the meter
 * shows that value's estimate. Resolves to the time from the focus, and the main thread's long
 * tasks meanwhile.
 */
async function firstUse(password, timeout = 60000) {
  const input = document.getElementById('pw');
  performance.mark('serein-bench-begin-0');
  const t0 = now();
  input.focus();
  input.value = password;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertFromPaste'}));
  const result = await settled(timeout);
  const ms = now() - t0;
  const tasks = await longTasksSince(t0);
  performance.mark('serein-bench-end-0');
  return {ok: result.ok, ms, level: result.level, longTasks: tasks};
}

const meterBench = {
  setUp: setUpMeter,
  firstUse,
  usesWorker,
  settled,
  begin(index) {
    performance.mark(`serein-bench-begin-${index}`);
    scenarioStart = now();
    frames = watchFrames();
  },
  async end(index) {
    const tasks = await longTasksSince(scenarioStart);
    frames.running = false;
    performance.mark(`serein-bench-end-${index}`);
    return {
      ms: now() - scenarioStart,
      longTasks: tasks,
      frames: {longest: frames.longest, over50: frames.over50, count: frames.count},
    };
  },
};
window.meterBench = meterBench;
