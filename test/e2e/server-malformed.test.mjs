// Nothing a client sends can stop the demo server or make it print a stack trace: malformed
// targets, paths, cookies, headers, methods, content types and bodies, sent byte for byte over
// raw sockets, each get a 4xx answer (or a closed connection when the client itself broke off);
// afterwards the server still answers its start page. An unexpected failure inside a handler
// answers 500 with a reference and is logged on one line.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:http';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {createDemo} from '../../demo/server/app.mjs';
import {client, expectCleanStop, startDemo} from './support/demo.mjs';

/** A stack trace line in a log. */
const STACK_LINE = /^\s+at .+/m;

/** @type {import('./support/demo.mjs').Demo} */
let demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.stop());

/**
 * Sends bytes over a raw TCP connection and reads what comes back until the server closes it
 * (or `waitMs` pass). `halfClose` ends the client's side right after sending.
 * @param {string | Buffer} bytes
 * @param {{halfClose?: boolean, waitMs?: number}} [options]
 * @returns {Promise<{status: number | undefined, head: string, body: string}>}
 */
function raw(bytes, {halfClose = false, waitMs = 5_000} = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect({host: '127.0.0.1', port: demo.port});
    /** @type {Buffer[]} */
    const chunks = [];
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('connect', () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => {
      // A reset after the server answered and closed is fine; before any answer it is not.
      if (chunks.length === 0 && /** @type {NodeJS.ErrnoException} */ (error).code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      let body = split < 0 ? '' : text.slice(split + 4);
      if (/^transfer-encoding: chunked$/im.test(head)) body = unchunk(body);
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1];
      resolve({status: status ? Number(status) : undefined, head, body});
    });
  });
}

/**
 * The payload of a chunked body.
 * @param {string} text
 */
function unchunk(text) {
  let body = '';
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, end), 16);
    if (end < 0 || !size) return body;
    body += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}

/**
 * An HTTP/1.1 request, byte for byte: Host is the demo's, and the connection closes after it.
 * @param {string} method
 * @param {string} target
 * @param {Record<string, string>} [headers] `host: null`-like removal: pass the header as ''
 * @param {string | Buffer} [body]
 */
function http11(method, target, headers = {}, body = '') {
  const all = {host: `localhost:${demo.port}`, connection: 'close', ...headers};
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return Buffer.concat([
    Buffer.from(`${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  ]);
}

/** The headers of a JSON API call from the demo's own pages. */
const JSON_API = {'content-type': 'application/json', 'x-serein-demo': '1'};
/** @param {string} text */
const length = (text) => String(Buffer.byteLength(text));
const signInBody = JSON.stringify({email: 'ada@example.com', password: 'not the password at all'});

/**
 * The table: what is sent, and what must come back (`null`: the client broke the request off,
 * so the server may only close the connection, or answer 400).
 * @type {{name: string, send: () => Buffer | string, expect: number | null, halfClose?: boolean}[]}
 */
const MALFORMED = [
  // Cookies
  {
    name: 'bad percent-encoding in a demo cookie',
    send: () => http11('GET', '/', {cookie: 'serein_session=%'}),
    expect: 400,
  },
  {
    name: 'a truncated UTF-8 escape in a demo cookie, on the API',
    send: () => http11('GET', '/api/me', {cookie: 'serein_device=%E0%A4%A'}),
    expect: 400,
  },
  {
    name: 'an encoded NUL in a demo cookie',
    send: () => http11('GET', '/account', {cookie: 'serein_session=a%00b'}),
    expect: 400,
  },
  // Another program's cookie on localhost (cookies ignore ports) is not the demo's business.
  {name: "another site's malformed cookie is left alone", send: () => http11('GET', '/', {cookie: 'x=%'}), expect: 200},
  // Paths
  {name: 'the path //', send: () => http11('GET', '//'), expect: 400},
  {name: 'a path that looks like another host', send: () => http11('GET', '//evil.example/x'), expect: 400},
  {name: '/assets/% (bad percent-encoding)', send: () => http11('GET', '/assets/%'), expect: 400},
  {name: 'a bad escape outside the static trees', send: () => http11('GET', '/%E0%A4%A'), expect: 400},
  {name: '/..%2f (an encoded separator)', send: () => http11('GET', '/..%2f'), expect: 400},
  {
    name: 'an encoded traversal out of /assets/',
    send: () => http11('GET', '/assets/..%2f..%2f..%2fpackage.json'),
    expect: 400,
  },
  {name: 'an encoded backslash traversal', send: () => http11('GET', '/assets/..%5c..%5cpackage.json'), expect: 400},
  {name: 'an encoded NUL in a file name', send: () => http11('GET', '/assets/demo.css%00.html'), expect: 400},
  {name: 'a raw NUL byte in the request line', send: () => http11('GET', '/\u0000'), expect: 400},
  {name: 'the asterisk target', send: () => http11('OPTIONS', '*'), expect: 400},
  {name: 'an absolute-form target', send: () => http11('GET', `http://localhost:${demo.port}/`), expect: 400},
  {name: 'a 20 KB path', send: () => http11('GET', `/${'a'.repeat(20_000)}`), expect: 431},
  // Headers
  {name: 'a 20 KB header', send: () => http11('GET', '/', {'x-padding': 'a'.repeat(20_000)}), expect: 431},
  {name: 'a NUL byte in a header value', send: () => http11('GET', '/', {'x-test': 'a\u0000b'}), expect: 400},
  {
    name: 'a header line without a colon',
    send: () => `GET / HTTP/1.1\r\nHost: localhost:${demo.port}\r\nbroken\r\n\r\n`,
    expect: 400,
  },
  {name: 'no Host header', send: () => http11('GET', '/', {host: ''}), expect: 400},
  {name: 'a foreign Host (DNS rebinding)', send: () => http11('GET', '/', {host: 'evil.example'}), expect: 421},
  {name: 'the right host name with another port', send: () => http11('GET', '/', {host: 'localhost:1'}), expect: 421},
  {name: 'a Host with a path in it', send: () => http11('GET', '/', {host: 'localhost/x'}), expect: 421},
  // Methods
  {name: 'an unknown method', send: () => http11('BREW', '/'), expect: 400},
  {name: 'DELETE on a page', send: () => http11('DELETE', '/sign-in'), expect: 405},
  {
    name: 'PUT on a JSON API',
    send: () => http11('PUT', '/api/session', {...JSON_API, 'content-length': '2'}, '{}'),
    expect: 405,
  },
  {name: 'GET on a POST-only API', send: () => http11('GET', '/api/session'), expect: 405},
  // Content types and bodies
  {
    name: 'a JSON API call sent as text/plain',
    send: () =>
      http11(
        'POST',
        '/api/session',
        {'x-serein-demo': '1', 'content-type': 'text/plain', 'content-length': length(signInBody)},
        signInBody,
      ),
    expect: 415,
  },
  {
    name: 'a JSON API call sent as a form',
    send: () =>
      http11(
        'POST',
        '/api/session',
        {'x-serein-demo': '1', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '7'},
        'email=a',
      ),
    expect: 415,
  },
  {
    name: 'bad JSON',
    send: () => http11('POST', '/api/session', {...JSON_API, 'content-length': '10'}, '{"email": '),
    expect: 400,
  },
  {
    name: 'a JSON array',
    send: () => http11('POST', '/api/session', {...JSON_API, 'content-length': '2'}, '[]'),
    expect: 400,
  },
  {
    name: 'JSON nested 30 000 levels deep',
    send: () =>
      http11(
        'POST',
        '/api/session',
        {...JSON_API, 'content-length': '60000'},
        `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
      ),
    expect: 400,
  },
  {
    name: 'a body that is not UTF-8',
    send: () =>
      http11(
        'POST',
        '/api/session',
        {...JSON_API, 'content-length': '12'},
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x20, 0x20]),
      ),
    expect: 400,
  },
  {
    name: 'a declared 10 MB body',
    send: () => http11('POST', '/api/session', {...JSON_API, 'content-length': String(10 * 1024 * 1024)}, '{"a":'),
    expect: 413,
  },
  {
    name: 'a 100 KB chunked body',
    send: () => {
      const chunk = `{"email":"${'a'.repeat(100_000)}"}`;
      return http11(
        'POST',
        '/api/session',
        {...JSON_API, 'transfer-encoding': 'chunked'},
        `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
      );
    },
    expect: 413,
  },
  {
    name: 'a body cut short (Content-Length 200, 20 bytes, then the end of the connection)',
    send: () => http11('POST', '/api/session', {...JSON_API, 'content-length': '200'}, signInBody.slice(0, 20)),
    halfClose: true,
    expect: null,
  },
  {
    name: 'a chunked body cut short',
    send: () => http11('POST', '/api/session', {...JSON_API, 'transfer-encoding': 'chunked'}, '40\r\n{"email":'),
    halfClose: true,
    expect: null,
  },
  {
    name: 'a malformed chunk size',
    send: () => http11('POST', '/api/session', {...JSON_API, 'transfer-encoding': 'chunked'}, 'zz\r\n{}\r\n0\r\n\r\n'),
    expect: 400,
  },
  {
    name: 'Content-Length and Transfer-Encoding together (request smuggling)',
    send: () =>
      http11('POST', '/api/session', {...JSON_API, 'content-length': '5', 'transfer-encoding': 'chunked'}, '0\r\n\r\n'),
    expect: 400,
  },
  {
    name: 'a negative Content-Length',
    send: () => http11('POST', '/api/session', {...JSON_API, 'content-length': '-1'}),
    expect: 400,
  },
  // Journey beacons
  {
    name: 'a beacon that is not JSON',
    send: () =>
      http11('POST', '/api/events', {'content-type': 'text/plain;charset=UTF-8', 'content-length': '9'}, 'not json!'),
    expect: 400,
  },
  {
    name: 'a beacon sent as an image',
    send: () => http11('POST', '/api/events', {'content-type': 'image/png', 'content-length': '2'}, '{}'),
    expect: 415,
  },
  {
    name: 'a 100 KB beacon',
    send: () => {
      const body = JSON.stringify({view: 'view-0123456789', events: [], padding: 'a'.repeat(100_000)});
      return http11('POST', '/api/events', {'content-type': 'text/plain', 'content-length': length(body)}, body);
    },
    expect: 413,
  },
];

test(`a table of ${MALFORMED.length} malformed requests: each answered 4xx, none stops the server or prints a stack`, async (t) => {
  assert.ok(MALFORMED.length >= 20);
  /** @type {string[]} */
  const wrong = [];
  for (const row of MALFORMED) {
    const answer = await raw(row.send(), {halfClose: row.halfClose});
    const acceptable = row.expect === null ? [undefined, 400] : [row.expect];
    if (!acceptable.includes(answer.status))
      wrong.push(`${row.name}: ${answer.status ?? 'no answer'} (${answer.head.split('\r\n')[0]})`);
    if (answer.status !== undefined && answer.status >= 400 && answer.head.includes('application/json')) {
      // The API's answers stay SereinError-shaped, with nothing of the server's insides.
      const json = JSON.parse(answer.body);
      assert.equal(typeof json.code, 'string', row.name);
      assert.doesNotMatch(answer.body, /node:|\.mjs|at /, row.name);
    }
    assert.equal(demo.running(), true, `the server still runs after: ${row.name}`);
  }
  assert.deepEqual(wrong, []);
  t.diagnostic(`${MALFORMED.length} malformed requests sent`);

  const start = await client(demo.origin).request('/');
  assert.equal(start.status, 200);
  assert.doesNotMatch(demo.output(), STACK_LINE, 'no stack trace in the log');
  assert.doesNotMatch(demo.output(), /URIError|TypeError|RangeError/);
});

test('the same paths that were malformed still serve their files when well-formed', async () => {
  const http = client(demo.origin);
  assert.equal((await http.request('/assets/demo.css')).status, 200);
  const missing = await http.request('/assets/no-such-file.css');
  assert.equal(missing.status, 404);
  const allowed = await http.request('/api/session', {method: 'PUT', body: '{}'});
  assert.equal(allowed.headers.get('allow'), 'POST');
});

test('an unexpected failure inside a handler answers 500 with a reference, logged on one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'serein-demo-fault-'));
  const inProcess = await createDemo({dbPath: join(dir, 'demo.sqlite')});
  const server = createServer((request, response) => void inProcess.handle(request, response));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  /** @type {unknown[][]} */
  const logged = [];
  const originalError = console.error;
  console.error = (...args) => logged.push(args);
  // The database fails under a session lookup: a fault of the server, not of the client.
  const originalGet = inProcess.store.get;
  inProcess.store.get = () => {
    throw new Error('disk I/O error\n    at nowhere (fake.js:1:1)');
  };
  try {
    const response = await fetch(`${origin}/api/me`, {headers: {cookie: 'serein_session=abc'}});
    assert.equal(response.status, 500);
    const json = await response.json();
    assert.equal(json.code, 'unknown');
    assert.match(json.reference, /^DEMO-[0-9A-F]{8}$/);
    inProcess.store.get = originalGet;
    assert.equal((await fetch(`${origin}/sign-in`)).status, 200, 'the server carries on');
  } finally {
    console.error = originalError;
    inProcess.store.get = originalGet;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    inProcess.close();
    rmSync(dir, {recursive: true, force: true});
  }
  assert.equal(logged.length, 1);
  const line = logged[0].map(String).join(' ');
  assert.match(line, /^\[DEMO-[0-9A-F]{8}\] Error: disk I\/O error at nowhere/);
  assert.doesNotMatch(line, /\n/, 'one line');
});

test('the server stops cleanly after all that', () => expectCleanStop(demo));
