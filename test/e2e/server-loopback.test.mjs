// The demo's outbox shows every recovery and sign-in code it sends, and its funnel API needs no
// credentials: the server listens on loopback only and refuses to start on any other address.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {expectCleanStop, root, startDemo} from './support/demo.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'serein-demo-loopback-'));
after(() => rmSync(dataDir, {recursive: true, force: true}));

/**
 * Starts the server with `args` and waits for it to exit (it must not get as far as listening).
 * @param {string[]} args
 */
function run(args) {
  return spawnSync(process.execPath, [join(root, 'demo/server/main.mjs'), '--port', '0', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/**
 * Resolves true when a TCP connection to `host`:`port` is accepted.
 * @param {string} host
 * @param {number} port
 */
function accepts(host, port) {
  return new Promise((resolve) => {
    const socket = connect({host, port});
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

for (const host of ['0.0.0.0', '::', '192.0.2.2', 'example.com', '127.0.0.1.nip.io']) {
  test(`--host ${host} is refused before anything starts, and says why`, () => {
    const dbPath = join(dataDir, `${host.replace(/\W/g, '_')}.sqlite`);
    const result = run(['--host', host, '--db', dbPath]);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`Refusing to listen on ${host.replace(/\./g, '\\.')}`));
    assert.match(result.stderr, /outbox/);
    assert.match(result.stderr, /127\.0\.0\.1, ::1 or localhost/);
    assert.doesNotMatch(result.stdout, /Serein demo: http/);
    assert.equal(existsSync(dbPath), false, 'no database was created');
  });
}

test('by default the server listens on 127.0.0.1 only: other addresses of the machine get no connection', async () => {
  const demo = await startDemo();
  assert.equal(await accepts('127.0.0.1', demo.port), true);
  // Another loopback address of this machine, which a server on every interface would accept.
  assert.equal(await accepts('127.0.0.2', demo.port), false);
  assert.equal(await accepts('::1', demo.port), false);
  await expectCleanStop(demo);
});

test('--host ::1 listens on the IPv6 loopback and the pages are served for [::1]', async () => {
  const demo = await startDemo({extraArgs: ['--host', '::1']});
  assert.match(demo.origin, /^http:\/\/\[::1\]:\d+$/);
  const response = await fetch(`${demo.origin}/sign-in`);
  assert.equal(response.status, 200);
  assert.equal(await accepts('127.0.0.1', demo.port), false);
  await expectCleanStop(demo);
});
