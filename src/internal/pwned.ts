export interface PwnedPasswordsOptions {
  /** Base URL of a Pwned Passwords range API (default the public one; point it at your own proxy). */
  endpoint?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

const DEFAULT_ENDPOINT = 'https://api.pwnedpasswords.com';

async function sha1Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/**
 * A `breachCheck` for `<serein-strength-meter>` that asks the Pwned Passwords range API with
 * k-anonymity: only the first 5 hexadecimal characters of the password's SHA-1 leave the page
 * (with `Add-Padding: true`, so the response size says nothing either); the rest of the hash is
 * compared here. Padding rows (count 0) never match. Off unless a host opts in; it needs
 * `connect-src` for the endpoint in the page's CSP. The promise rejects on a network failure,
 * and the meter then carries on without the check.
 */
export function pwnedPasswordsCheck(options: PwnedPasswordsOptions = {}): (password: string) => Promise<boolean> {
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  return async (password: string) => {
    const hash = await sha1Hex(password);
    const prefix = hash.slice(0, 5);
    const suffix = hash.slice(5);
    const request = options.fetch ?? fetch;
    const response = await request(`${endpoint}/range/${prefix}`, {
      headers: {'Add-Padding': 'true'},
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`Pwned Passwords answered ${response.status}`);
    const body = await response.text();
    for (const line of body.split(/\r?\n/)) {
      const [candidate, count] = line.trim().split(':');
      if (candidate?.toUpperCase() === suffix && Number(count) > 0) return true;
    }
    return false;
  };
}
