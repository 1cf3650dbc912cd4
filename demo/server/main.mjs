#!/usr/bin/env node
// Starts the Serein demo: `node demo/server/main.mjs [--port 4173] [--db demo/.data/serein-demo.sqlite]
// [--host 127.0.0.1]` (or PORT / SEREIN_DEMO_DB). `npm start` builds the library first.
import {createServer} from 'node:http';
import {existsSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {createDemo, ROOT} from './app.mjs';
import {SEED_ACCOUNT} from './accounts.mjs';
import {StoreLockedError} from './store.mjs';

const USAGE = `Usage: node demo/server/main.mjs [--port <port>] [--db <file>] [--host <loopback address>]

  --port  port to listen on (default 4173, or PORT; 0 picks a free one)
  --db    SQLite file of the accounts (default demo/.data/serein-demo.sqlite, or SEREIN_DEMO_DB);
          created with the demo account on first start
  --host  the loopback address to listen on: 127.0.0.1 (default), ::1 or localhost. Nothing else:
          the outbox shows every recovery code to whoever reaches the port`;

/**
 * The addresses the demo may listen on, and the host name its pages are opened with. The
 * outbox (`/outbox`, `/api/outbox`: every one-time code and recovery link the demo "sends") and
 * the funnel's API need no credentials, which is only acceptable while nothing but this machine
 * can reach them.
 * @type {Record<string, string>}
 */
const LOOPBACK = {'127.0.0.1': 'localhost', localhost: 'localhost', '::1': '[::1]'};

/**
 * @param {string} message
 * @returns {never}
 */
function stop(message) {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      port: {type: 'string'},
      db: {type: 'string'},
      host: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  }).values;
} catch (error) {
  stop(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
}
if (args?.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const portText = args?.port ?? process.env.PORT ?? '4173';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) stop(`Not a port number: ${portText}\n\n${USAGE}`);
const dbPath = resolve(args?.db ?? process.env.SEREIN_DEMO_DB ?? resolve(ROOT, 'demo/.data/serein-demo.sqlite'));
const host = args?.host ?? '127.0.0.1';
if (!Object.hasOwn(LOOPBACK, host)) {
  stop(
    `Refusing to listen on ${host}: the demo listens on this machine only (127.0.0.1, ::1 or localhost).\n` +
      'Its outbox (/outbox) shows every recovery code and sign-in code it sends, and its funnel API\n' +
      'needs no credentials: anyone who could reach the port could take over the demo accounts.',
  );
}

const demo = await createDemo({dbPath, testHooks: process.env.SEREIN_DEMO_TEST_HOOKS === '1'}).catch((error) => {
  if (error instanceof StoreLockedError) stop(error.message);
  // Not a SQLite file, or one that cannot be read: the file's fault, said in one line.
  if (/^SQLITE_/.test(String(error?.code))) stop(`The database ${dbPath} could not be opened: ${error.message}`);
  throw error;
});
const server = createServer((request, response) => void demo.handle(request, response));

server.on('error', (error) => {
  demo.close();
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
    stop(
      `Port ${port} is already in use (is another demo still running?).\n` +
        `Stop that program, or pick another port: PORT=${port + 1} npm start  (or: npm start -- --port ${port + 1})`,
    );
  }
  stop(`The demo server could not start: ${error.message}`);
});

server.listen(port, host, () => {
  const address = server.address();
  const origin = `http://${LOOPBACK[host]}:${typeof address === 'object' && address ? address.port : port}`;
  const shownDb = relative(process.cwd(), dbPath).startsWith('..') ? dbPath : relative(process.cwd(), dbPath);
  const lines = [
    '',
    `  Serein demo: ${origin}/`,
    '',
    `  Demo account:  ${SEED_ACCOUNT.email}`,
    `  Password:      ${SEED_ACCOUNT.password}${demo.seeded ? '' : '  (as first created; recover the account from the outbox if you changed it)'}`,
    `  Outbox:        ${origin}/outbox  (the emails and text messages the demo would send)`,
    `  Database:      ${shownDb}${demo.seeded ? '  (created now)' : ''}`,
  ];
  if (!existsSync(resolve(ROOT, 'dist/bundle/serein.js'))) {
    lines.push('', '  The components are not built yet: run `npm run build` (npm start does it for you).');
  }
  process.stdout.write(`${lines.join('\n')}\n\n  Press Ctrl+C to stop.\n`);
});

let stopping = false;
function shutdown() {
  // A second Ctrl+C does not wait.
  if (stopping) process.exit(1);
  stopping = true;
  server.close(() => {
    demo.close();
    process.exit(0);
  });
  // Open keep-alive connections and the funnel's event streams would keep the server open.
  server.closeAllConnections();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
