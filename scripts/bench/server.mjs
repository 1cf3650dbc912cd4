// A tiny static server on 127.0.0.1 for the latency bench: dist/, node_modules/ and
// scripts/bench/ only, plus generated pages. Cross-origin isolated (COOP + COEP) so that
// performance.now() has its fine resolution; nothing is cached, nothing leaves the machine.
// Optionally (setNetwork) it answers as a web server behind a slow link would: gzip when the
// browser accepts it, a round trip before each response, and one shared downstream bandwidth.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {gzipSync} from 'node:zlib';
import {extname, resolve, sep} from 'node:path';
import {ROOT} from './sizes.mjs';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const MOUNTS = {
  '/dist/': resolve(ROOT, 'dist'),
  '/node_modules/': resolve(ROOT, 'node_modules'),
  '/bench/': resolve(ROOT, 'scripts', 'bench'),
};

const COMPRESSIBLE = new Set(['.js', '.mjs', '.json', '.html', '.css', '.map']);
const CHUNK_BYTES = 16 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server; `pages` maps a path ('/meter.html') to generated HTML. Resolves to
 * {origin, close, requests, setNetwork}. `setNetwork({rttMs, bytesPerSecond})` makes every later
 * response gzip-encoded (gzip -9, when accepted), first byte after one round trip, the body sent
 * in 16 KB chunks through one link of that bandwidth shared by all responses; `setNetwork(null)`
 * goes back to plain, immediate answers.
 */
export function startServer(pages = {}) {
  const requests = {count: 0, bytes: 0};
  /** @type {{rttMs: number, bytesPerSecond: number} | null} */
  let network = null;
  /** When the shared link is free again (performance.now() time). */
  let linkFreeAt = 0;
  const gzipped = new Map();
  const send = async (request, response, status, headers, body, type) => {
    if (!network) {
      response.writeHead(status, {...headers, 'Content-Type': type, 'Content-Length': body.length});
      response.end(body);
      return;
    }
    const {rttMs, bytesPerSecond} = network;
    let payload = body;
    const encoded = {...headers, 'Content-Type': type};
    const key = `${request.url}:${body.length}`;
    if (
      COMPRESSIBLE.has(extname(new URL(request.url, 'http://x').pathname) || '.html') &&
      /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    ) {
      payload = gzipped.get(key) ?? gzipped.set(key, gzipSync(body, {level: 9})).get(key);
      encoded['Content-Encoding'] = 'gzip';
    }
    await sleep(rttMs);
    response.writeHead(status, {...encoded, 'Content-Length': payload.length});
    for (let offset = 0; offset < payload.length; offset += CHUNK_BYTES) {
      const chunk = payload.subarray(offset, offset + CHUNK_BYTES);
      const start = Math.max(performance.now(), linkFreeAt);
      linkFreeAt = start + (chunk.length / bytesPerSecond) * 1000;
      await sleep(linkFreeAt - performance.now());
      response.write(chunk);
    }
    response.end();
  };
  const server = createServer(async (request, response) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
      if (pages[path] !== undefined) {
        await send(request, response, 200, headers, Buffer.from(pages[path]), TYPES['.html']);
        return;
      }
      const mount = Object.keys(MOUNTS).find((prefix) => path.startsWith(prefix));
      if (!mount) throw Object.assign(new Error('not found'), {status: 404});
      const file = resolve(MOUNTS[mount], `.${path.slice(mount.length - 1)}`);
      if (file !== MOUNTS[mount] && !file.startsWith(MOUNTS[mount] + sep))
        throw Object.assign(new Error('forbidden'), {status: 403});
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), {status: 404});
      const body = await readFile(file);
      requests.count += 1;
      requests.bytes += body.length;
      await send(request, response, 200, headers, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      response.writeHead(error.status ?? (error.code === 'ENOENT' ? 404 : 500), {
        ...headers,
        'Content-Type': 'text/plain',
      });
      response.end(String(error.message));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        requests,
        setNetwork: (value) => {
          network = value;
          linkFreeAt = 0;
        },
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}
