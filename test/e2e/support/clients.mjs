// End-to-end support: HTTP clients that each use their own loopback source address, so that the
// demo server sees attackers and owners as different client addresses.
import {request as httpRequest} from 'node:http';

/**
 * A client of the demo server on `port` with its own loopback source address (any of 127.0.0.0/8
 * on Linux) and cookie jar: the server sees each as a different client address.
 * @param {number} port
 * @param {string} address e.g. 127.0.0.2
 */
export function addressedClient(port, address) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  /**
   * @param {string} path
   * @param {unknown} [body] sent as JSON with POST; GET without it
   * @param {Record<string, string>} [extraHeaders] added to the request's headers
   * @returns {Promise<{status: number, json: any, ms: number}>} `ms`: from sending to the end of the answer
   */
  function request(path, body, extraHeaders = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    /** @type {Record<string, string>} */
    const headers = {host: `localhost:${port}`, ...extraHeaders};
    if (payload !== undefined) {
      Object.assign(headers, {'content-type': 'application/json', 'x-serein-demo': '1'});
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: port,
          localAddress: address,
          agent: false,
          path,
          method: payload === undefined ? 'GET' : 'POST',
          headers,
        },
        (response) => {
          const chunks = /** @type {Buffer[]} */ ([]);
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const ms = performance.now() - started;
            for (const line of response.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const name = pair.slice(0, pair.indexOf('='));
              if (/Max-Age=0/.test(line)) jar.delete(name);
              else jar.set(name, pair.slice(pair.indexOf('=') + 1));
            }
            const text = Buffer.concat(chunks).toString('utf8');
            let json = null;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {
              json = null;
            }
            resolve({status: response.statusCode ?? 0, json, ms});
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
  return {request, jar, address};
}
