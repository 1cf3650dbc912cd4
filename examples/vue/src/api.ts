import type {SereinError} from 'serein/index.js';

/**
 * The demo backend's API: JSON, with the X-Serein-Demo header (its CSRF defence). Rejects with
 * the server's SereinError, which the components show as a calm message.
 */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : {'content-type': 'application/json', 'x-serein-demo': '1'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw data as SereinError;
  return data as T;
}
