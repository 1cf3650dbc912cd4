// A tiny static server on 127.0.0.1 for the latency bench: dist/, node_modules/ and
// scripts/bench/ only, plus generated pages. Cross-origin isolated (COOP + COEP) so that
// performance.now() has its fine resolution; nothing is cached, nothing leaves the machine.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
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

/** Starts the server; `pages` maps a path ('/meter.html') to generated HTML. Resolves to {origin, close, requests}. */
export function startServer(pages = {}) {
  const requests = {count: 0, bytes: 0};
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
        response.writeHead(200, {...headers, 'Content-Type': TYPES['.html']});
        response.end(pages[path]);
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
      response.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
      response.end(body);
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
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}
