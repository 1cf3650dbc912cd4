// The funnel cannot be used to stall the demo: its live summary is computed once per change for
// every open stream (and no more often than once a second), open streams are capped, journey
// beacons are rate-limited per client address, and events older than seven days are deleted.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import Database from 'better-sqlite3';
import {client, expectCleanStop, startDemo} from './support/demo.mjs';

const RECENT_EVENTS = 5_000;
const OLD_EVENTS = 500;
const DAY = 24 * 60 * 60 * 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'serein-demo-funnel-'));
const dbPath = join(dataDir, 'demo.sqlite');
/** @type {import('./support/demo.mjs').Demo} */
let demo;

before(async () => {
  // A database with a realistic number of events, some of them eight days old.
  await expectCleanStop(await startDemo({dbPath}));
  const db = new Database(dbPath);
  const insert = db.prepare(
    `INSERT INTO journey_events (received_at, view, seq, page, type, component, action, error_code, elapsed_ms, attempt)
     VALUES (?, ?, ?, '/sign-in', 'journey', ?, ?, ?, ?, 1)`,
  );
  const components = ['strength-meter', 'password-change', 'otp-prompt', 'passkey-button', 'recovery-wizard'];
  const actions = ['shown', 'started', 'step', 'submitted', 'failed', 'succeeded', 'abandoned', 'deferred'];
  const now = Date.now();
  db.transaction(() => {
    for (let index = 0; index < RECENT_EVENTS + OLD_EVENTS; index += 1) {
      const old = index >= RECENT_EVENTS;
      insert.run(
        old ? now - 8 * DAY : now - (index % 6) * DAY,
        `${old ? 'old' : 'recent'}-view-${Math.floor(index / 8)}`,
        index % 8,
        components[Math.floor(index / 8) % components.length],
        actions[index % 8],
        index % 8 === 4 ? 'code-incorrect' : null,
        (index % 8) * 1500,
      );
    }
  })();
  db.close();
  demo = await startDemo({dbPath});
});

after(async () => {
  await demo?.stop();
  rmSync(dataDir, {recursive: true, force: true});
});

/**
 * One HTTP request on a connection of its own, from `localAddress`.
 * @param {{path: string, method?: string, body?: string, localAddress?: string, headers?: Record<string, string>}} options
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, text: string}>}
 */
function send({path, method = 'GET', body, localAddress = '127.0.0.1', headers = {}}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: demo.port,
        localAddress,
        method,
        path,
        agent: false,
        headers: {host: `localhost:${demo.port}`, ...headers},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, text}));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A journey beacon as a page sends it (text/plain, same origin), from `localAddress`.
 * @param {string} localAddress
 * @param {string} view
 */
function beacon(localAddress, view) {
  return send({
    path: '/api/events',
    method: 'POST',
    localAddress,
    headers: {'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'same-origin'},
    body: JSON.stringify({
      view,
      page: '/two-factor',
      events: [
        {type: 'journey', seq: 1, detail: {component: 'otp-prompt', action: 'shown', elapsedMs: 0, attempt: 1}},
        {type: 'journey', seq: 2, detail: {component: 'otp-prompt', action: 'succeeded', elapsedMs: 4100, attempt: 1}},
      ],
    }),
  });
}

/**
 * Opens a live funnel stream and keeps every `data:` frame it receives.
 * @returns {Promise<{status: number, frames: string[], json: any, close: () => void, closed: Promise<void>}>}
 */
function openStream() {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: demo.port,
        path: '/api/funnel/stream',
        agent: false,
        headers: {host: `localhost:${demo.port}`},
      },
      (response) => {
        /** @type {string[]} */
        const frames = [];
        let buffer = '';
        let text = '';
        const closed = new Promise((resolveClosed) => response.on('close', () => resolveClosed(undefined)));
        const stream = {
          status: response.statusCode ?? 0,
          frames,
          json: undefined,
          close: () => request.destroy(),
          closed: closed.then(() => undefined),
        };
        response.setEncoding('utf8');
        if (stream.status !== 200) {
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({...stream, json: JSON.parse(text), headers: response.headers}));
          return;
        }
        response.on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith('data: ')) frames.push(frame.slice('data: '.length));
            if (frames.length === 1 && frame.startsWith('data: ')) resolve(stream);
          }
        });
        response.on('error', () => {});
      },
    );
    request.on('error', (error) => {
      if (error.message !== 'socket hang up') reject(error);
    });
    request.end();
  });
}

/** @param {number[]} values */
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
/** @param {number[]} values */
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The time of `count` ordinary requests made one after the other.
 * @param {number} count
 */
async function ordinaryLatencies(count) {
  /** @type {number[]} */
  const times = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const {status} = await send({path: '/api/me'});
    times.push(performance.now() - started);
    assert.equal(status, 401);
  }
  return times;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {Awaited<ReturnType<typeof openStream>>[]} */
const streams = [];

test('events older than seven days were deleted when the server started', async () => {
  const {json} = await client(demo.origin).request('/api/funnel');
  assert.equal(json.events, RECENT_EVENTS);
});

test('50 open streams and beacon loops do not hold up an ordinary request', async (t) => {
  const baseline = await ordinaryLatencies(20);
  for (let index = 0; index < 50; index += 1) {
    const stream = await openStream();
    assert.equal(stream.status, 200);
    streams.push(stream);
  }
  assert.ok(streams.every((stream) => JSON.parse(stream.frames[0]).events === RECENT_EVENTS));

  // Four pages' worth of beacons from four addresses, in rounds: the four at once, then a
  // pause of 400 ms (time enough for a change to be pushed to the streams before the next one).
  let running = true;
  let accepted = 0;
  const addresses = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
  const loops = (async () => {
    for (let round = 0; running; round += 1) {
      const answers = await Promise.all(
        addresses.map((address, loop) => beacon(address, `loop-${loop}-round-${round}`)),
      );
      for (const {status} of answers) assert.equal(status, 204);
      accepted += answers.length;
      await sleep(400);
    }
  })();
  const loopsStarted = performance.now();
  await sleep(1_500);
  const loaded = await ordinaryLatencies(20);
  await sleep(1_000);
  running = false;
  await loops;
  const loopSeconds = (performance.now() - loopsStarted) / 1000;

  // Generous bounds, relative to the same machine's speed a moment before: the median says
  // that most requests are not held up, the mean that none waits for seconds (a stall of the
  // whole server holds up one request of a sequence, which the median alone would not show).
  const medianBound = Math.max(100, 4 * median(baseline));
  const meanBound = Math.max(250, 4 * mean(baseline));
  t.diagnostic(
    `20 requests: median ${median(baseline).toFixed(1)} ms, mean ${mean(baseline).toFixed(1)} ms alone; ` +
      `median ${median(loaded).toFixed(1)} ms, mean ${mean(loaded).toFixed(1)} ms, slowest ${Math.max(...loaded).toFixed(1)} ms ` +
      `with 50 streams and ${accepted} beacons in ${loopSeconds.toFixed(1)} s ` +
      `(bounds ${medianBound.toFixed(0)} and ${meanBound.toFixed(0)} ms)`,
  );
  assert.ok(accepted >= 8, `${accepted} beacons were accepted`);
  assert.ok(median(loaded) < medianBound, `median ${median(loaded)} ms under load, ${median(baseline)} ms without`);
  assert.ok(mean(loaded) < meanBound, `mean ${mean(loaded)} ms under load, ${mean(baseline)} ms without`);

  // Every stream gets the same summaries: one computation per change, sent to all.
  const expected = RECENT_EVENTS + 2 * accepted;
  const deadline = Date.now() + 60_000;
  while (streams.some((stream) => JSON.parse(stream.frames.at(-1) ?? '{}').events !== expected)) {
    assert.ok(Date.now() < deadline, 'every stream got the last summary within a minute');
    await sleep(200);
  }
  const first = new Set(streams[0].frames);
  for (const stream of streams) {
    for (const frame of stream.frames) assert.ok(first.has(frame), 'a summary the first stream never got');
  }
  // At most one update a second (plus the first frame and the final one).
  const updates = streams[0].frames.length - 1;
  t.diagnostic(`${updates} updates per stream in ${loopSeconds.toFixed(1)} s of beacons`);
  assert.ok(updates >= 1, 'the streams were updated');
  assert.ok(updates <= Math.ceil(loopSeconds) + 2, `${updates} updates`);
});

test('a 51st stream is refused with 503 until one closes', async () => {
  assert.equal(streams.length, 50);
  const refused = await openStream();
  assert.equal(refused.status, 503);
  assert.equal(refused.json.code, 'unavailable');
  assert.equal(/** @type {any} */ (refused).headers['retry-after'], '30');

  const leaving = streams.shift();
  leaving?.close();
  await leaving?.closed;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const again = await openStream();
    if (again.status === 200) {
      streams.push(again);
      break;
    }
    assert.ok(Date.now() < deadline, 'a slot frees when a stream closes');
    await sleep(100);
  }
  for (const stream of streams) stream.close();
});

test('beacons are rate-limited per client address', async (t) => {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({length: 300}, (_, index) => beacon('127.0.0.6', `limited-view-${String(index).padStart(3, '0')}`)),
  );
  const seconds = (performance.now() - started) / 1000;
  const accepted = answers.filter((answer) => answer.status === 204).length;
  const limited = answers.filter((answer) => answer.status === 429);
  t.diagnostic(
    `300 beacons at once from one address: ${accepted} accepted, ${limited.length} refused (${seconds.toFixed(1)} s)`,
  );
  assert.equal(accepted + limited.length, 300);
  assert.ok(limited.length > 0, 'some beacons were refused');
  // A burst of 120, then 5 a second.
  assert.ok(accepted >= 120 && accepted <= 120 + Math.ceil(5 * seconds) + 1, `${accepted} accepted in ${seconds} s`);
  const refusal = JSON.parse(limited[0].text);
  assert.equal(refusal.code, 'rate-limited');
  assert.ok(Number(limited[0].headers['retry-after']) >= 1);

  const {status} = await beacon('127.0.0.7', 'another-address-view');
  assert.equal(status, 204, 'another address keeps its own budget');
});

test('the server stops cleanly, and no old event is left in the file', async () => {
  await expectCleanStop(demo);
  const db = new Database(dbPath, {readonly: true});
  const oldest = /** @type {{oldest: number}} */ (
    db.prepare('SELECT MIN(received_at) AS oldest FROM journey_events').get()
  );
  const count = /** @type {{count: number}} */ (
    db.prepare("SELECT COUNT(*) AS count FROM journey_events WHERE view LIKE 'old-%'").get()
  );
  db.close();
  assert.equal(count.count, 0);
  assert.ok(oldest.oldest >= Date.now() - 7 * DAY);
});
