// The demo's database: SQLite (better-sqlite3) in WAL mode behind an exclusive lock. A crash in
// the middle of many writes loses none that was acknowledged, a second server on the same file
// refuses to start, and a database written by the demo's earlier store (a plain SQLite file in
// rollback-journal mode, as sql.js wrote it) opens as it is.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import Database from 'better-sqlite3';
import {client, expectCleanStop, root, SEED, startDemo} from './support/demo.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'serein-demo-store-'));
after(() => rmSync(dataDir, {recursive: true, force: true}));

/** A stack trace line in a log. */
const STACK_LINE = /^\s+at .+/m;

/**
 * Sends a journey beacon of one event over a connection of its own, from `localAddress`.
 * Resolves with the status, or with the error when the connection broke first.
 * @param {number} port
 * @param {string} view
 * @param {string} localAddress
 * @returns {Promise<{status?: number, error?: Error}>}
 */
function beacon(port, view, localAddress) {
  const body = JSON.stringify({
    view,
    page: '/sign-in',
    events: [{type: 'journey', seq: 1, detail: {component: 'password-change', action: 'shown', elapsedMs: 0}}],
  });
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/api/events',
        agent: false,
        headers: {
          host: `localhost:${port}`,
          'content-type': 'text/plain;charset=UTF-8',
          'sec-fetch-site': 'same-origin',
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({status: response.statusCode}));
        response.on('error', (error) => resolve({error}));
      },
    );
    request.on('error', (error) => resolve({error}));
    request.end(body);
  });
}

/**
 * Reads rows of a database file while no server holds it.
 * @param {string} path
 * @param {string} sql
 */
function query(path, sql) {
  const db = new Database(path, {readonly: true});
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

test('kill -9 in the middle of 200 concurrent writes: every acknowledged write is there after a restart', async (t) => {
  const dbPath = join(dataDir, 'crash', 'demo.sqlite');
  let demo = await startDemo({dbPath});
  const total = 200;
  /** @type {string[]} */
  const acknowledged = [];
  let killing;
  const writes = Array.from({length: total}, (_, index) => {
    const view = `crash-${String(index).padStart(3, '0')}-0123456789`;
    // Two client addresses, so that the beacons' per-address budget does not refuse any.
    return beacon(demo.port, view, index % 2 ? '127.0.0.2' : '127.0.0.1').then((outcome) => {
      if (outcome.status === 204) {
        acknowledged.push(view);
        // Half-way through the acknowledgements, the process dies without any clean-up.
        if (acknowledged.length === 40) killing = demo.crash();
      } else if (outcome.status !== undefined) {
        assert.fail(`a write answered ${outcome.status}`);
      }
      return outcome;
    });
  });
  const outcomes = await Promise.all(writes);
  await killing;
  assert.equal(demo.running(), false, 'the server was killed');
  const broken = outcomes.filter((outcome) => outcome.error).length;
  assert.ok(acknowledged.length >= 40, `${acknowledged.length} writes acknowledged`);
  assert.ok(broken > 0 && acknowledged.length < total, `killed mid-way: ${acknowledged.length} acknowledged`);
  assert.ok(existsSync(`${dbPath}-wal`), 'the write-ahead log was left behind by the crash');

  demo = await startDemo({dbPath});
  const {json} = await client(demo.origin).request('/api/funnel');
  assert.ok(json.events >= acknowledged.length, `${json.events} events after the restart`);
  const signIn = await client(demo.origin).request('/api/session', {
    body: {email: SEED.email, password: SEED.password},
  });
  assert.equal(signIn.status, 200, 'the accounts survived too');
  await expectCleanStop(demo);
  assert.equal(existsSync(`${dbPath}-wal`), false, 'a clean stop folds the log into the database');

  const stored = new Set(
    query(dbPath, "SELECT view FROM journey_events WHERE view LIKE 'crash-%'").map(
      (row) => /** @type {any} */ (row).view,
    ),
  );
  const lost = acknowledged.filter((view) => !stored.has(view));
  assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
  t.diagnostic(`${acknowledged.length} of ${total} writes acknowledged before kill -9, ${broken} cut off, all found`);
});

test('a second server on the same database refuses to start, clearly, and the first keeps working', async () => {
  const dbPath = join(dataDir, 'locked', 'demo.sqlite');
  const demo = await startDemo({dbPath});
  const second = spawnSync(process.execPath, [join(root, 'demo/server/main.mjs'), '--port', '0', '--db', dbPath], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(second.status, 1, second.stderr);
  assert.match(second.stderr, /The database .*demo\.sqlite is in use by another process/);
  assert.match(second.stderr, /another demo server/);
  assert.doesNotMatch(second.stderr, STACK_LINE);
  assert.doesNotMatch(second.stdout, /Serein demo: http/, 'it never listened');

  const signIn = await client(demo.origin).request('/api/session', {
    body: {email: SEED.email, password: SEED.password},
  });
  assert.equal(signIn.status, 200, JSON.stringify(signIn.json));
  await expectCleanStop(demo);
});

test('a database in rollback-journal mode (as the earlier sql.js store wrote it) opens and moves to WAL', async () => {
  const dbPath = join(dataDir, 'earlier', 'demo.sqlite');
  // The demo creates the file; then it is turned back into what sql.js wrote (no WAL), with a
  // message in the outbox to find afterwards.
  await expectCleanStop(await startDemo({dbPath}));
  const db = new Database(dbPath);
  db.pragma('journal_mode = DELETE');
  db.prepare('INSERT INTO outbox (created_at, channel, recipient, subject, body) VALUES (?, ?, ?, ?, ?)').run(
    Date.now(),
    'email',
    SEED.email,
    'Written before the move',
    'Kept.',
  );
  db.close();
  const header = () => readFileSync(dbPath).subarray(0, 20);
  assert.equal(header()[18], 1, 'rollback-journal file format (legacy write version)');

  const demo = await startDemo({dbPath});
  assert.doesNotMatch(demo.output(), /created now/);
  const outbox = await client(demo.origin).request('/api/outbox');
  assert.ok(
    outbox.json.messages.some(
      (/** @type {{subject: string}} */ message) => message.subject === 'Written before the move',
    ),
  );
  const signIn = await client(demo.origin).request('/api/session', {
    body: {email: SEED.email, password: SEED.password},
  });
  assert.equal(signIn.status, 200);
  await expectCleanStop(demo);
  assert.equal(header()[18], 2, 'WAL file format');
  assert.deepEqual(query(dbPath, 'PRAGMA journal_mode'), [{journal_mode: 'wal'}]);
});

test('a file that is not a database is reported in one line', () => {
  const dbPath = join(dataDir, 'not-a-database.sqlite');
  writeFileSync(dbPath, 'x'.repeat(4096));
  const start = spawnSync(process.execPath, [join(root, 'demo/server/main.mjs'), '--port', '0', '--db', dbPath], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(start.status, 1);
  assert.match(start.stderr, /could not be opened: file is not a database/);
  assert.doesNotMatch(start.stderr, STACK_LINE);
});
