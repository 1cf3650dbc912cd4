export interface OriginBoundSmsOptions {
  /** The code the message carries (ASCII letters and digits). */
  code: string;
  /** The site where the code is typed: a host (`example.com`) or an origin (`https://example.com`). */
  origin: string;
  /** The human part of the message, first ("Your Acme code is 123456."). */
  text?: string;
  /**
   * When the prompt runs in a cross-origin iframe: that iframe's host or origin. `origin` is then
   * the top-level site.
   */
  embeddedOrigin?: string;
}

function hostOf(value: string): string {
  const trimmed = value.trim();
  const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? new URL(trimmed).hostname : trimmed.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(host) || host.startsWith('.') || host.endsWith('.')) {
    throw new TypeError(`Not a host name: ${value}`);
  }
  return host;
}

/**
 * The text of a one-time-code SMS whose last line binds the code to your site (the "origin-bound
 * one-time codes" format: `@example.com #123456`). Browsers then offer to autofill the code only
 * on that site, and WebOTP (`<serein-otp-prompt channel="sms">`) can read it. For your SMS
 * backend, not for the page:
 *
 * ```js
 * formatOriginBoundSms({text: 'Your Acme code is 123456.', code: '123456', origin: 'https://acme.example'});
 * // 'Your Acme code is 123456.\n\n@acme.example #123456'
 * ```
 */
export function formatOriginBoundSms(options: OriginBoundSmsOptions): string {
  const code = options.code.trim();
  if (!/^[A-Za-z0-9]+$/.test(code)) throw new TypeError('The code must be ASCII letters and digits only.');
  let line = `@${hostOf(options.origin)} #${code}`;
  if (options.embeddedOrigin) line += ` %${hostOf(options.embeddedOrigin)}`;
  const text = (options.text ?? '').trim();
  return text ? `${text}\n\n${line}` : line;
}
