// What the demo sends, written by serein/messages.js (the library's built module) in the
// customer's language: each outbox event maps to one message. The demo runs on http://localhost,
// so its links are allowed with the module's development option `allowInsecureLinksFor`
// (loopback hosts only); a production host leaves it out and gets `https:` links only.
import {
  passkeyAdded,
  passwordChanged,
  passwordChangeInvitation,
  recoveryCode,
  resolveLocale,
  signInCodeSms,
  twoStepChanged,
} from 'serein/messages.js';

export const BRAND = 'Serein demo';
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The account changes the demo tells the customer about by email.
 * @typedef {'password-changed' | 'password-reset' | 'passkey-added' | 'passkey-removed' | 'two-step-on' | 'two-step-replaced' | 'two-step-off'} Notice
 */

/**
 * A rendered message, as the outbox stores it.
 * @typedef {object} Rendered
 * @property {'email' | 'sms'} channel
 * @property {string} subject
 * @property {string} body the text version (an email's text/plain part, or the text message)
 * @property {string | null} html an email's HTML document
 * @property {string} locale
 * @property {'ltr' | 'rtl'} dir
 * @property {number | null} segments a text message's SMS segments
 * @property {string | null} encoding a text message's encoding (GSM-7 or UCS-2)
 */

/**
 * The customer's language for a request: the page's language menu (sent by the demo's API
 * client as `X-Serein-Demo-Language`), else the browser's first `Accept-Language`; one of the
 * shipped locales (English for any other language). Undefined when the request says nothing
 * (a script without these headers), so that the language already stored is kept.
 * @param {import('node:http').IncomingMessage} request
 * @returns {import('serein/messages.js').MessageLocale | undefined}
 */
export function languageOf(request) {
  const chosen = request.headers['x-serein-demo-language'];
  const header = typeof chosen === 'string' && chosen ? chosen : (request.headers['accept-language'] ?? '');
  const first = String(header).split(',')[0].split(';')[0].trim();
  return first && first !== '*' ? resolveLocale(first).locale : undefined;
}

/**
 * "Chrome on Linux" from a User-Agent, for the "Device:" line of the notices (left out when
 * nothing is recognised).
 * @param {import('node:http').IncomingMessage | undefined} request
 */
export function deviceOf(request) {
  const agent = request?.headers['user-agent'] ?? '';
  const browser = [
    ['Edg/', 'Edge'],
    ['Firefox/', 'Firefox'],
    ['Chrome/', 'Chrome'],
    ['Safari/', 'Safari'],
  ].find(([token]) => agent.includes(token))?.[1];
  const system = [
    ['Android', 'Android'],
    ['iPhone', 'iOS'],
    ['iPad', 'iPadOS'],
    ['Windows', 'Windows'],
    ['Mac OS', 'macOS'],
    ['Linux', 'Linux'],
  ].find(([token]) => agent.includes(token))?.[1];
  if (!browser) return undefined;
  return system ? `${browser} on ${system}` : browser;
}

/**
 * The inputs every email of the demo shares.
 * @param {{name: string}} user
 * @param {string} locale
 * @param {string} origin
 */
const common = (user, locale, origin) => ({
  brand: BRAND,
  locale,
  customerName: user.name,
  supportHref: `${origin}/help`,
  allowInsecureLinksFor: LOOPBACK,
});

/**
 * @param {import('serein/messages.js').EmailMessage} email
 * @returns {Rendered}
 */
const asEmail = (email) => ({
  channel: 'email',
  subject: email.subject,
  body: email.text,
  html: email.html,
  locale: email.locale,
  dir: email.dir,
  segments: null,
  encoding: null,
});

/**
 * The module has no "passkey removed" message: the demo writes it with the "passkey added"
 * layout and wording overrides (English in every locale until the module ships one).
 */
const PASSKEY_REMOVED = {
  'messages.passkey-added.subject': 'A passkey was removed from your {brand} account',
  'messages.passkey-added.preheader': 'If you removed it, there is nothing more to do.',
  'messages.passkey-added.title': 'A passkey was removed',
  'messages.passkey-added.body': 'A passkey was removed from your {brand} account.',
  'messages.passkey-added.use': 'It can no longer be used to sign in.',
  'messages.passkey-added.undo': 'Recover your account with the link below, then check your security settings.',
};

/**
 * An email that tells the customer something changed on the account.
 * @param {Notice} notice
 * @param {{user: {name: string}, locale: string, origin: string, device?: string}} details
 * @returns {Rendered}
 */
export function renderNotice(notice, {user, locale, origin, device}) {
  const input = {...common(user, locale, origin), when: new Date(), device, links: {recovery: `${origin}/recover`}};
  switch (notice) {
    case 'password-changed':
    case 'password-reset':
      return asEmail(passwordChanged(input));
    case 'passkey-added':
      return asEmail(passkeyAdded(input));
    case 'passkey-removed':
      return asEmail(passkeyAdded({...input, strings: PASSKEY_REMOVED}));
    case 'two-step-on':
      return asEmail(twoStepChanged({...input, change: 'turned-on'}));
    case 'two-step-replaced':
      return asEmail(twoStepChanged({...input, change: 'method-changed'}));
    case 'two-step-off':
      return asEmail(twoStepChanged({...input, change: 'turned-off'}));
  }
}

/**
 * The recovery email: the code and the single-use link (its token in the fragment, which
 * browsers never send to a server).
 * @param {{user: {name: string}, locale: string, origin: string, code: string, link: string, minutes: number}} details
 * @returns {Rendered}
 */
export function renderRecoveryCode({user, locale, origin, code, link, minutes}) {
  return asEmail(
    recoveryCode({
      ...common(user, locale, origin),
      code,
      expiresInMinutes: minutes,
      links: {recovery: `${origin}/recover/link#token=${link}`},
    }),
  );
}

/**
 * The invitation to change a password (the demo's "breach" flag).
 * @param {{user: {name: string}, locale: string, origin: string, reason: import('serein/messages.js').PasswordChangeReason}} details
 * @returns {Rendered}
 */
export function renderInvitation({user, locale, origin, reason}) {
  return asEmail(passwordChangeInvitation({...common(user, locale, origin), reason, site: origin}));
}

/**
 * The text message of the second sign-in step, ending with the origin-bound line.
 * @param {{locale: string, hostname: string, code: string, minutes: number}} details
 * @returns {Rendered}
 */
export function renderSignInSms({locale, hostname, code, minutes}) {
  const sms = signInCodeSms({brand: BRAND, code, expiresInMinutes: minutes, site: hostname, locale});
  return {
    channel: 'sms',
    subject: 'Text message',
    body: sms.text,
    html: null,
    locale: sms.locale,
    dir: sms.locale === 'ar' ? 'rtl' : 'ltr',
    segments: sms.segments,
    encoding: sms.encoding,
  };
}
