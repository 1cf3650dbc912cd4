import catalogue from '../generated/messages/sign-in-code-sms.js';
import {formatOriginBoundSms} from '../internal/sms-format.js';
import {
  directionOf,
  formatDuration,
  MessageInputError,
  plain,
  requiredCode,
  requiredMinutes,
  requiredText,
  resolveLocale,
  words,
  type MessageLocale,
} from './core.js';
import {countSms, type SmsEncoding} from './sms.js';

export interface SignInCodeSmsInput {
  /** The host's name as customers know it. Required. */
  brand: string;
  /** The one-time code (ASCII letters and digits). Required. */
  code: string;
  /** How long the code works, in minutes. Required. */
  expiresInMinutes: number;
  /** The site where the code is typed (`acme.example` or `https://acme.example`), for the last line. Required. */
  site: string;
  /** When the code prompt runs in a cross-origin iframe: that iframe's host. */
  embeddedSite?: string;
  /** A BCP 47 tag; the closest shipped locale is used. Default `en`. */
  locale?: string;
  /** Wording override (`messages.sign-in-code-sms.text`), with the same placeholders. */
  strings?: Partial<Record<string, string>>;
}

export interface TextMessage {
  /** The text to send, ending with the origin-bound line (`@acme.example #123456`). */
  text: string;
  /** How many SMS segments it takes in its encoding. */
  segments: number;
  /** GSM-7 when every character is in the GSM alphabet, UCS-2 otherwise. */
  encoding: SmsEncoding;
  locale: MessageLocale;
}

const message = 'signInCodeSms';

/**
 * The text message of the second sign-in step: the code, how long it lasts, "do not share it",
 * and the origin-bound last line that lets browsers offer the code only on the host's site.
 */
export function signInCodeSms(input: SignInCodeSmsInput): TextMessage {
  if (!input || typeof input !== 'object') throw new MessageInputError(message, 'brand', 'missing');
  const {locale, tag} = resolveLocale(input.locale);
  const brand = requiredText(input.brand, message, 'brand');
  const code = requiredCode(input.code, message);
  const duration = formatDuration(tag, requiredMinutes(input.expiresInMinutes, message));
  const site = requiredText(input.site, message, 'site');
  const parts = words({locale, strings: input.strings}, catalogue, 'sign-in-code-sms', 'text', {code, brand, duration});
  // In right-to-left text the values go between first-strong isolates (U+2068 … U+2069), as in
  // the emails' text part, so that "Acme" or the code keep their order. Only there: that text is
  // UCS-2 already, while the isolates, outside the GSM-7 alphabet, would turn a left-to-right
  // message from one 160-character segment into 70-character ones.
  const human =
    directionOf(locale) === 'rtl'
      ? parts
          .map((part) => (part.value ? `\u2068${part.text}\u2069` : part.text))
          .join('')
          .trim()
      : plain(parts);
  const embeddedSite =
    input.embeddedSite === undefined ? undefined : requiredText(input.embeddedSite, message, 'embeddedSite');
  // The origin-bound line names hosts only: each one is checked on its own, so the error names it.
  const bound = (origin: string, embedded?: string) =>
    formatOriginBoundSms({text: human, code, origin, embeddedOrigin: embedded});
  try {
    bound(site);
  } catch {
    throw new MessageInputError(message, 'site', 'invalid');
  }
  let text: string;
  try {
    text = bound(site, embeddedSite);
  } catch {
    throw new MessageInputError(message, 'embeddedSite', 'invalid');
  }
  const {encoding, segments} = countSms(text);
  return {text, segments, encoding, locale};
}
