// The demo's request handler: pages, static files (the library's bundle, the examples) and the
// JSON API that answers the components' events.
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {openStore} from './store.mjs';
import {createAccounts} from './accounts.mjs';
import {createFunnel} from './funnel.mjs';
import {GuessLimiter, SendLimiter} from './limits.mjs';
import {observeHashing} from './passwords.mjs';
import {accountRoutes} from './api-account.mjs';
import {recoveryRoutes} from './api-recovery.mjs';
import {passkeyRoutes} from './api-passkeys.mjs';
import {reauthRoutes} from './api-reauth.mjs';
import {
  ApiError,
  decodeSafely,
  fail,
  hasControlCharacter,
  EMAIL_CSP,
  SECURITY_HEADERS,
  readCookies,
  readJson,
  redirect,
  sendError,
  sendHtml,
  sendJson,
  serveFile,
} from './http.mjs';

/** @typedef {import('./accounts.mjs').Context} Context */

export const ROOT = resolve(import.meta.dirname, '../..');
const PUBLIC = resolve(ROOT, 'demo/public');

/**
 * The pages: which file, and who may see it (`full`: signed in; `second-factor`: between the
 * password and the second step).
 * @type {Record<string, {file: string, needs?: 'full' | 'second-factor', frames?: boolean}>}
 */
const PAGES = {
  '/': {file: 'index.html'},
  '/sign-in': {file: 'sign-in.html'},
  '/two-factor': {file: 'two-factor.html', needs: 'second-factor'},
  '/account': {file: 'account.html', needs: 'full'},
  '/account/password': {file: 'password.html', needs: 'full'},
  '/account/two-step': {file: 'two-step.html', needs: 'full'},
  '/account/confirm': {file: 'confirm.html', needs: 'full'},
  '/recover': {file: 'recover.html'},
  '/recover/link': {file: 'recover-link.html'},
  // The outbox frames each email's HTML (its own route, sandboxed).
  '/outbox': {file: 'outbox.html', frames: true},
  '/funnel': {file: 'funnel.html'},
  '/help': {file: 'help.html'},
};

/**
 * Static trees: URL prefix → directory (and extra Trusted Types policies for their pages).
 * @type {{prefix: string, dir: string, trustedTypes?: string[], missing?: string}[]}
 */
const STATIC = [
  {prefix: '/assets/', dir: resolve(PUBLIC, 'assets')},
  {prefix: '/dist/bundle/', dir: resolve(ROOT, 'dist/bundle'), missing: 'npm run build'},
  {prefix: '/vendor/simplewebauthn/', dir: resolve(ROOT, 'node_modules/@simplewebauthn/browser/esm')},
  {prefix: '/examples/plain-html/', dir: resolve(ROOT, 'examples/plain-html')},
  {prefix: '/examples/react/', dir: resolve(ROOT, 'examples/react/dist'), missing: 'npm run build:examples'},
  // Vue's runtime creates a Trusted Types policy of its own for its static templates.
  {
    prefix: '/examples/vue/',
    dir: resolve(ROOT, 'examples/vue/dist'),
    trustedTypes: ['vue'],
    missing: 'npm run build:examples',
  },
];

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** At most this many live funnel streams at once; more are refused with 503. */
export const MAX_FUNNEL_STREAMS = 50;
/** A stream whose client does not read (this much is waiting to be sent) is ended. */
const STREAM_BACKLOG_BYTES = 1024 * 1024;

/**
 * Why a path is malformed, or undefined when it is fine: the demo has no resource whose name
 * holds an invalid or encoded separator, a control character, a `..` segment or an empty one.
 * @param {string} path the URL's pathname, still percent-encoded
 */
function malformedPath(path) {
  const decoded = decodeSafely(path);
  if (decoded === undefined) return 'invalid percent-encoding';
  if (hasControlCharacter(decoded)) return 'a control character';
  if (/%(2f|5c)/i.test(path) || decoded.includes('\\')) return 'an encoded separator';
  if (decoded.split('/').includes('..')) return 'a parent segment';
  if (path.includes('//')) return 'an empty segment';
  return undefined;
}

/**
 * @param {{dbPath: string, testHooks?: boolean}} options `testHooks` adds `GET /api/test/hashes`
 *   (the end-to-end tests count password hashes with it)
 */
export async function createDemo({dbPath, testHooks = false}) {
  const store = await openStore(dbPath);
  const accounts = createAccounts(store);
  const seeded = await accounts.seed();
  const funnel = createFunnel(store);
  // Guess limits (in memory; the README's "Guess budgets" gives what they add up to): per
  // account × client a wait that doubles from 1 s per failure up to 15 minutes; per account a
  // ceiling of 100 consecutive failures for clients other than the owner's remembered devices
  // (NIST SP 800-63B-4 §3.2.2); per address and for the whole server, failures per window.
  const limits = {
    passwords: new GuessLimiter({ceiling: 100, perAddress: {max: 50, windowSeconds: 3600}}),
    codes: new GuessLimiter({ceiling: 100, perAddress: {max: 20, windowSeconds: 3600}}),
    recoveryCodes: new GuessLimiter({
      ceiling: 100,
      perAddress: {max: 20, windowSeconds: 3600},
      global: {max: 500, windowSeconds: 3600},
    }),
    // Codes sent by email or text message, per account × client: one per 30 s, ten per hour.
    sends: new SendLimiter({cooldownSeconds: 30, perHour: 10}),
  };
  const deps = {store, accounts, funnel, limits};
  /** @type {Record<string, (context: Context) => unknown>} */
  const routes = {
    ...accountRoutes(deps),
    ...recoveryRoutes(deps),
    ...passkeyRoutes(deps),
    ...reauthRoutes(deps),
    'GET /api/outbox': () => {
      accounts.flush();
      const rows = store.all(
        `SELECT o.id, o.created_at AS createdAt, o.channel, o.recipient, o.subject, o.body,
                r.locale, r.dir, r.html IS NOT NULL AS hasHtml, r.segments, r.encoding
         FROM outbox o LEFT JOIN outbox_rendered r ON r.outbox_id = o.id ORDER BY o.id DESC LIMIT 100`,
      );
      return {
        messages: rows.map(({hasHtml, ...message}) => ({
          ...message,
          // The HTML version, on its own sandboxed route (see emailPage).
          htmlHref: hasHtml ? `/outbox/email/${message.id}` : null,
        })),
      };
    },
    'GET /api/funnel': () => funnel.summary(),
    'POST /api/funnel/reset': () => {
      funnel.reset();
      return {reset: true};
    },
  };
  if (testHooks) {
    // Test mode only (SEREIN_DEMO_TEST_HOOKS=1): how many passwords were hashed so far.
    let hashes = 0;
    observeHashing(() => (hashes += 1));
    routes['GET /api/test/hashes'] = () => ({hashes});
  }
  /** The methods of each API path, for a 405 that names them. */
  /** @type {Map<string, string[]>} */
  const apiMethods = new Map();
  for (const key of [...Object.keys(routes), 'POST /api/events', 'GET /api/funnel/stream']) {
    const [method, path] = key.split(' ');
    apiMethods.set(path, [...(apiMethods.get(path) ?? []), method]);
  }
  /** Open Server-Sent Events streams, ended on close. */
  /** @type {Set<import('node:http').ServerResponse>} */
  const streams = new Set();

  /**
   * Answers one request. Never rejects: whatever the client sends, and whatever a handler
   * throws, ends as an answer (or, once the answer has started, a closed connection).
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function handle(request, response) {
    try {
      await dispatch(request, response);
    } catch (error) {
      try {
        if (!response.headersSent && !response.destroyed) sendError(response, error);
        else response.destroy();
      } catch {
        response.destroy();
      }
    }
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function dispatch(request, response) {
    // Only names of this machine: a page on another site that resolves its own name to
    // 127.0.0.1 (DNS rebinding) gets nothing.
    const host = request.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '');
    if (!LOOPBACK_NAMES.has(hostname) || host !== `${hostname}:${request.socket.localPort}`) {
      response.writeHead(421, {'content-type': 'text/plain'}).end('Unknown host name.');
      return;
    }
    const origin = `http://${host}`;
    // Only a path (origin-form): not `*`, not an absolute URL.
    const target = request.url ?? '';
    if (!target.startsWith('/')) throw fail.badRequest('The request target must be a path.');
    /** @type {URL} */
    let url;
    try {
      // Appended to the origin, `//x` stays a path instead of naming a host.
      url = new URL(`${origin}${target}`);
    } catch {
      throw fail.badRequest('The address is malformed.');
    }
    const malformed = url.origin === origin ? malformedPath(url.pathname) : 'another origin';
    if (malformed) throw fail.badRequest(`The address is malformed (${malformed}).`);
    const method = request.method ?? 'GET';
    /** @type {Context} */
    const context = {
      request,
      url,
      origin,
      hostname: hostname.replace(/^\[|\]$/g, ''),
      ip: request.socket.remoteAddress ?? '',
      cookies: readCookies(request),
      setCookies: [],
      body: {},
    };
    if (url.pathname.startsWith('/api/')) return await api(context, method, response);
    if (method !== 'GET' && method !== 'HEAD') {
      throw new ApiError(405, 'unknown', {message: 'Method not allowed.'});
    }
    return await page(context, response);
  }

  /**
   * @param {Context} context
   * @param {string} method
   * @param {import('node:http').ServerResponse} response
   */
  async function api(context, method, response) {
    const {request, url} = context;
    if (method === 'POST') {
      checkSameOrigin(context);
      // Journey beacons (navigator.sendBeacon) cannot set headers; they carry text.
      if (url.pathname === '/api/events') {
        // Refused before the body is read: a flood of beacons costs next to nothing.
        if (!funnel.allowBeacon(context.ip)) throw fail.rateLimited(funnel.beaconRetryAfterSeconds(context.ip));
        funnel.ingest(await readJson(request, {types: ['text/plain', 'application/json']}));
        return sendJson(response, 204, undefined);
      }
      // A custom header cannot be sent cross-site without a CORS preflight, which this
      // server never answers: a second, independent CSRF defence for the JSON API.
      if (request.headers['x-serein-demo'] !== '1') {
        throw new ApiError(403, 'unknown', {message: 'Missing the X-Serein-Demo header.'});
      }
      context.body = await readJson(request);
    }
    if (method === 'GET' && url.pathname === '/api/funnel/stream') return funnelStream(response);
    const route = Object.hasOwn(routes, `${method} ${url.pathname}`) ? routes[`${method} ${url.pathname}`] : undefined;
    if (!route) {
      const allowed = apiMethods.get(url.pathname);
      if (!allowed) throw new ApiError(404, 'unknown', {message: 'No such API.'});
      response.setHeader('allow', allowed.join(', '));
      throw new ApiError(405, 'unknown', {message: `Method not allowed (use ${allowed.join(' or ')}).`});
    }
    const body = await route(context);
    sendJson(response, 200, body ?? {}, context.setCookies.length ? {'set-cookie': context.setCookies} : {});
  }

  /**
   * Refuses a POST from another site (Fetch Metadata first, then Origin).
   * @param {Context} context
   */
  function checkSameOrigin({request, origin}) {
    const site = request.headers['sec-fetch-site'];
    const from = request.headers.origin;
    if ((site && site !== 'same-origin' && site !== 'none') || (from && from !== origin)) {
      throw new ApiError(403, 'unknown', {message: 'Cross-site requests are refused.'});
    }
  }

  /**
   * A live funnel: the summary now, then after changes (computed once for all streams).
   * @param {import('node:http').ServerResponse} response
   */
  function funnelStream(response) {
    if (streams.size >= MAX_FUNNEL_STREAMS) {
      throw new ApiError(503, 'unavailable', {
        retryAfterSeconds: 30,
        message: 'Too many live funnel views are open; close one and reload.',
      });
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    /** @param {string} text */
    const send = (text) => {
      if (response.destroyed || response.writableEnded) return;
      // A client that does not read would make the server keep every update for it.
      if (response.writableLength > STREAM_BACKLOG_BYTES) response.destroy();
      else response.write(text);
    };
    send(`data: ${funnel.latestJson()}\n\n`);
    const unsubscribe = funnel.subscribe((json) => send(`data: ${json}\n\n`));
    const heartbeat = setInterval(() => send(': still here\n\n'), 15_000);
    heartbeat.unref();
    streams.add(response);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  /**
   * @param {Context} context
   * @param {import('node:http').ServerResponse} response
   */
  async function page(context, response) {
    const {url, request} = context;
    const path = url.pathname;
    if (path === '/.well-known/change-password') return redirect(response, '/account/password');
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const email = /^\/outbox\/email\/(\d{1,12})$/.exec(path);
    if (email) return emailPage(response, Number(email[1]));
    const known = PAGES[path];
    if (known) {
      const session = accounts.session(context);
      if (known.needs === 'full' && session?.stage !== 'full') {
        return redirect(response, `/sign-in?next=${encodeURIComponent(path)}`);
      }
      if (known.needs === 'second-factor' && session?.stage !== 'second-factor') {
        return redirect(response, session?.stage === 'full' ? '/account' : '/sign-in');
      }
      return servePage(response, known.file, known.frames);
    }
    for (const tree of STATIC) {
      if (`${path}/` === tree.prefix) return redirect(response, tree.prefix);
      if (!path.startsWith(tree.prefix)) continue;
      const relative = decodeSafely(path.slice(tree.prefix.length));
      if (relative === undefined) throw fail.badRequest('The address is malformed.');
      if (await serveFile(request, response, tree.dir, relative, {trustedTypes: tree.trustedTypes})) return;
      const hint = tree.missing && !existsSync(tree.dir) ? ` Build it first: ${tree.missing}.` : '';
      return notFound(response, hint);
    }
    notFound(response, '');
  }

  /**
   * A page of demo/public with the shared header put in.
   * @param {import('node:http').ServerResponse} response
   * @param {string} file
   * @param {boolean} [frames] whether it may frame this origin's pages (`frame-src 'self'`)
   */
  async function servePage(response, file, frames = false) {
    const [html, header] = await Promise.all([
      readFile(resolve(PUBLIC, file), 'utf8'),
      readFile(resolve(PUBLIC, '_header.html'), 'utf8'),
    ]);
    sendHtml(response, html.replace('<!--#include header-->', header), {frames});
  }

  /**
   * One email of the outbox as its HTML document, for the outbox page's sandboxed frame. The
   * email is data, not a page of the demo: the CSP sandboxes it (a unique origin, no script,
   * no form, no navigation of the page around it) and allows nothing but its inline styles.
   * @param {import('node:http').ServerResponse} response
   * @param {number} id
   */
  function emailPage(response, id) {
    accounts.flush();
    const row = store.get('SELECT html FROM outbox_rendered WHERE outbox_id = ? AND html IS NOT NULL', [id]);
    if (!row) return notFound(response, '');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': EMAIL_CSP,
    });
    response.end(String(row.html));
  }

  /**
   * @param {import('node:http').ServerResponse} response
   * @param {string} hint
   */
  function notFound(response, hint) {
    sendHtml(
      response,
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found · Serein demo</title><link rel="stylesheet" href="/assets/demo.css"><main><h1>Not found</h1><p>There is no page here.${hint}</p><p><a href="/">Back to the start page</a></p></main></html>`,
      {status: 404},
    );
  }

  return {
    handle,
    store,
    seeded,
    /** Ends the event streams (so that the server can close) and closes the store. */
    close() {
      for (const stream of streams) stream.end();
      accounts.flush();
      funnel.close();
      store.close();
    },
  };
}

/** @typedef {{store: import('./store.mjs').Store, accounts: import('./accounts.mjs').Accounts, funnel: import('./funnel.mjs').Funnel, limits: {passwords: GuessLimiter, codes: GuessLimiter, recoveryCodes: GuessLimiter, sends: SendLimiter}}} Deps */
