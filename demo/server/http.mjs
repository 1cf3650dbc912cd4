// Small HTTP helpers: JSON in and out, SereinError-shaped failures, cookies, security headers
// and static files.
import {createHash, randomUUID} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {pipeline} from 'node:stream';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {'network' | 'unavailable' | 'rate-limited' | 'unknown' | 'current-password-incorrect' | 'password-rejected' | 'password-breached' | 'password-reused' | 'code-incorrect' | 'code-expired' | 'too-many-attempts' | 'passkey-not-verified' | 'passkey-unknown-credential'} SereinErrorCode */
/**
 * The demo's own code for "ask again before this change" (recent-auth.mjs): its pages recognise
 * it; a component shows it as `unknown` with the message.
 * @typedef {SereinErrorCode | 'reauthentication-required'} DemoErrorCode
 */

/**
 * A failure answered as `{code, retryAfterSeconds?, attemptsLeft?, reference?, message?}`: the
 * shape every Serein component accepts from a host (`docs/contract.md`, "Errors").
 */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {DemoErrorCode} code
   * @param {{retryAfterSeconds?: number, attemptsLeft?: number, reference?: string, message?: string}} [extra]
   */
  constructor(status, code, extra = {}) {
    super(extra.message ?? code);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }

  toJSON() {
    return {code: this.code, ...this.extra};
  }
}

/** Shortcuts for the failures the API gives. */
export const fail = {
  /** @param {string} message */
  badRequest: (message) => new ApiError(400, 'unknown', {message}),
  signInFirst: () => new ApiError(401, 'unknown', {message: 'Sign in first.'}),
  /** @param {number} retryAfterSeconds */
  rateLimited: (retryAfterSeconds) => new ApiError(429, 'rate-limited', {retryAfterSeconds}),
  /** @param {number} retryAfterSeconds */
  tooManyAttempts: (retryAfterSeconds) => new ApiError(429, 'too-many-attempts', {retryAfterSeconds}),
  /** @param {number} attemptsLeft */
  codeIncorrect: (attemptsLeft) => new ApiError(400, 'code-incorrect', {attemptsLeft}),
};

export const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The Content-Security-Policy of an email shown in the outbox (demo/server/app.mjs): sandboxed
 * (a unique origin without scripts, forms or navigation), nothing loaded, its inline styles only,
 * framed only by the demo's own pages.
 */
export const EMAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/**
 * The pages' Content-Security-Policy: scripts and styles only from this origin (plus the hashes
 * of a page's own inline ones), Trusted Types enforced with Lit's and Serein's policies, no
 * framing. `frames`: the page may frame this origin's pages (the outbox's emails).
 * @param {{scriptHashes?: string[], styleHashes?: string[], trustedTypes?: string[], frames?: boolean}} [options]
 */
export function contentSecurityPolicy({scriptHashes = [], styleHashes = [], trustedTypes = [], frames = false} = {}) {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    ["style-src 'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    `frame-src ${frames ? "'self'" : "'none'"}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    ['trusted-types lit-html serein', ...trustedTypes].join(' '),
  ].join('; ');
}

/**
 * The sha256 sources of an HTML page's inline scripts or styles, for its CSP.
 * @param {string} html
 * @param {'script' | 'style'} tag
 */
export function inlineHashes(html, tag) {
  const pattern = new RegExp(`<${tag}\\b(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(pattern)].map(([, body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`);
}

/**
 * @param {Response} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | string[]>} [headers]
 */
export function sendJson(response, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    ...(text ? {'content-type': 'application/json; charset=utf-8'} : {}),
    ...headers,
  });
  response.end(text);
}

/**
 * One line for the log about an unexpected error: its name, message and the place it was thrown
 * (never a whole stack, never the request).
 * @param {unknown} error
 */
export function describeFault(error) {
  if (!(error instanceof Error)) return `thrown: ${String(error).slice(0, 200)}`;
  const place = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .find((line) => /^\s+at /.test(line))
    ?.trim()
    .replace(/^at /, 'at ');
  return `${error.name}: ${error.message.replace(/\s+/g, ' ').slice(0, 300)}${place ? ` (${place})` : ''}`;
}

/**
 * Answers a failure. Anything that is not an {@link ApiError} is a bug: it is logged, on one
 * line, with a reference that the customer sees (with a copy button) and can quote to support.
 * @param {Response} response
 * @param {unknown} error
 */
export function sendError(response, error) {
  if (error instanceof ApiError) {
    const retry = error.extra.retryAfterSeconds;
    sendJson(response, error.status, error, retry ? {'retry-after': String(retry)} : {});
    return;
  }
  const reference = `DEMO-${randomUUID().slice(0, 8).toUpperCase()}`;
  console.error(`[${reference}] ${describeFault(error)}`);
  sendJson(response, 500, {code: 'unknown', reference});
}

/**
 * @param {Response} response
 * @param {string} html
 * @param {{trustedTypes?: string[], status?: number, frames?: boolean}} [options]
 */
export function sendHtml(response, html, {trustedTypes, status = 200, frames = false} = {}) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy({
      scriptHashes: inlineHashes(html, 'script'),
      styleHashes: inlineHashes(html, 'style'),
      trustedTypes,
      frames,
    }),
  });
  response.end(html);
}

/**
 * @param {Response} response
 * @param {string} location
 */
export function redirect(response, location) {
  response.writeHead(302, {...SECURITY_HEADERS, location, 'cache-control': 'no-store'});
  response.end();
}

/** The largest request body the API reads. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new ApiError(413, 'unknown', {message: 'The request is too large.'});

/**
 * Reads a JSON body (at most {@link MAX_BODY_BYTES}). A body that is too large, cut short, not
 * UTF-8 JSON or not an object is the client's fault: an {@link ApiError}, never a crash.
 * @param {Request} request
 * @param {{types?: string[]}} [options] the media types accepted (default: application/json)
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readJson(request, {types = ['application/json']} = {}) {
  const declared = request.headers['content-length'];
  const hasBody = Number(declared) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return {};
  if (Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!types.includes(type)) {
    throw new ApiError(415, 'unknown', {message: `The request body must be sent as ${types.join(' or ')}.`});
  }
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The client went away (or broke the framing) before the body was complete.
    throw fail.badRequest('The request body was cut short.');
  }
  if (size === 0) return {};
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(Buffer.concat(chunks));
    const value = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw fail.badRequest('The request body must be a JSON object.');
}

/**
 * The request's cookies, percent-decoded. Cookies on `localhost` are shared by every program
 * served there, whatever its port, so only the demo's own cookies (`serein_…`) are decoded and
 * checked: a malformed one is a 400; anyone else's cookie is kept as it came.
 * @param {Request} request
 * @returns {Record<string, string>}
 */
export function readCookies(request) {
  /** @type {Record<string, string>} */
  const cookies = Object.create(null);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    if (!name.startsWith('serein_')) {
      cookies[name] = raw;
      continue;
    }
    const value = decodeSafely(raw);
    if (value === undefined || hasControlCharacter(value)) throw fail.badRequest(`The ${name} cookie is malformed.`);
    cookies[name] = value;
  }
  return cookies;
}

/**
 * True when `text` holds a C0 control character (NUL included) or DEL.
 * @param {string} text
 */
export function hasControlCharacter(text) {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * `decodeURIComponent`, or undefined for malformed percent-encoding.
 * @param {string} text
 */
export function decodeSafely(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * A Set-Cookie value: HttpOnly and SameSite=Lax unless told otherwise. (No `Secure`: the demo
 * runs on http://localhost; a deployment on HTTPS adds it and the `__Host-` prefix.)
 * @param {string} name
 * @param {string} value
 * @param {{maxAgeSeconds?: number, path?: string, sameSite?: 'Lax' | 'Strict'}} [options]
 */
export function cookie(name, value, {maxAgeSeconds, path = '/', sameSite = 'Lax'} = {}) {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${path}`,
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`]),
  ].join('; ');
}

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
});

/**
 * Serves a file under `root` (never outside it), with an ETag so browsers revalidate cheaply.
 * Directories serve their index.html.
 * @param {Request} request
 * @param {Response} response
 * @param {string} root
 * @param {string} relativePath
 * @param {{trustedTypes?: string[]}} [htmlOptions] for HTML files: extra Trusted Types policies
 * @returns {Promise<boolean>} false when there is no such file
 */
export async function serveFile(request, response, root, relativePath, htmlOptions) {
  let file = normalize(join(root, relativePath));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return false;
  if (extname(file) === '.html') {
    sendHtml(response, await readFile(file, 'utf8'), htmlOptions);
    return true;
  }
  const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`;
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    etag,
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, {...headers, 'content-length': String(info.size)});
  if (request.method === 'HEAD') response.end();
  // A file that cannot be read after all (or a client that leaves) ends the response; the
  // status is already sent, so the connection is closed without the rest.
  else pipeline(createReadStream(file), response, () => {});
  return true;
}
