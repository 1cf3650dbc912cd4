// Shared by every message: locales, inputs, errors, the wording lookup and the dates and
// durations. No DOM, no Lit: this runs on servers and edge runtimes.

import {formatDateIn} from '../internal/date-format.js';

/** The locales every message is translated into (the components' locales). */
export const MESSAGE_LOCALES = ['en', 'fr', 'de', 'es', 'ar', 'it', 'pt-BR', 'nl', 'pl', 'ja'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** One catalogue module: for each locale, the text of each unit (its id without the group). */
export type Catalogue = Record<MessageLocale, Record<string, string>>;

const RTL: ReadonlySet<MessageLocale> = new Set(['ar']);

/** Why an input was refused: it is missing, or its value cannot be used. */
export type MessageInputProblem = 'missing' | 'invalid';

/**
 * Thrown when a required input is missing or an input cannot be used (a link that is not
 * `https:`, a colour that is not `#rrggbb`, a date that is not a date). `input` names it
 * (`links.recovery`, `code`…); the message never contains the value.
 */
export class MessageInputError extends TypeError {
  readonly input: string;
  readonly problem: MessageInputProblem;
  constructor(message: string, input: string, problem: MessageInputProblem) {
    super(
      problem === 'missing'
        ? `${message}: the input "${input}" is required.`
        : `${message}: the input "${input}" cannot be used.`,
    );
    this.name = 'MessageInputError';
    this.input = input;
    this.problem = problem;
  }
}

/** The inputs every email takes. */
export interface EmailInput {
  /** The host's name as customers know it ("Acme"). Required. */
  brand: string;
  /** A BCP 47 tag (`fr`, `fr-CA`, `ar-EG`); the closest shipped locale is used. Default `en`. */
  locale?: string;
  /** The customer's name, for the greeting. Without it: "Hello,". */
  customerName?: string;
  /** Where customers get help: an `https:` or `mailto:` URL. Without it, the help sentence is left out. */
  supportHref?: string;
  /** The time zone of the dates (`Europe/Paris`). Default `UTC`, named in the date. */
  timeZone?: string;
  /** The brand's two colour tokens, as `#rrggbb`: the buttons' fill and the text on it. */
  colors?: {accent?: string; onAccent?: string};
  /**
   * Wording overrides by message id (`messages.password-changed.subject`), plain text with the
   * same `{name}` placeholders as the unit they replace.
   */
  strings?: Partial<Record<string, string>>;
  /**
   * For development only: loopback host names (`localhost`, `127.0.0.1`, `[::1]`) whose `http:`
   * links are accepted, so that a server on `http://localhost` can render its emails. Any other
   * host name throws `MessageInputError`. Leave it out in production: every link is then `https:`.
   */
  allowInsecureLinksFor?: readonly string[];
}

/** What an email renders to. */
export interface EmailMessage {
  /** One line, no line breaks. */
  subject: string;
  /** The short text mail clients show after the subject in the inbox. */
  preheader: string;
  /** The plain-text alternative (the `text/plain` part). */
  text: string;
  /** The complete HTML document (the `text/html` part). */
  html: string;
  /** The locale the message was written in, and its direction. */
  locale: MessageLocale;
  dir: 'ltr' | 'rtl';
}

/** The locale of the catalogue for a requested tag, and the tag to format dates with. */
export function resolveLocale(requested: string | undefined): {locale: MessageLocale; tag: string} {
  const tag = typeof requested === 'string' && requested.trim() ? requested.trim().replace(/_/g, '-') : 'en';
  const language = tag.split('-')[0].toLowerCase();
  // `pt`, `pt-PT` and `pt-BR` read the one Portuguese shipped (as the components do).
  const locale = MESSAGE_LOCALES.find((name) => name.split('-')[0].toLowerCase() === language) ?? 'en';
  let formatTag: string = locale;
  try {
    if (locale !== 'en' || language === 'en') formatTag = Intl.getCanonicalLocales(tag)[0] ?? locale;
  } catch {
    formatTag = locale;
  }
  return {locale, tag: formatTag};
}

export const directionOf = (locale: MessageLocale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

// Bidirectional controls (they could reorder the text around a value) and other invisible
// controls: removed from every inserted value. Line breaks become spaces (a subject is a header).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A host value made safe to insert as text: no controls, one line, trimmed. */
export function cleanValue(value: string): string {
  return value
    .replace(CONTROLS, '')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim();
}

/** Reads an optional text input: undefined when absent or empty. */
export function optionalText(value: unknown, message: string, input: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MessageInputError(message, input, 'invalid');
  const clean = cleanValue(value);
  return clean || undefined;
}

/** Reads a required text input. */
export function requiredText(value: unknown, message: string, input: string): string {
  const clean = optionalText(value, message, input);
  if (!clean) throw new MessageInputError(message, input, 'missing');
  return clean;
}

/** The host names `allowInsecureLinksFor` may name: this machine only. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads `allowInsecureLinksFor`: an array of loopback host names (`::1` is written `[::1]`, as in a
 * URL). Anything else throws, so that a production host cannot turn `http:` links on by mistake.
 */
export function insecureLinkHosts(value: unknown, message: string): ReadonlySet<string> {
  if (value === undefined || value === null) return new Set();
  if (!Array.isArray(value)) throw new MessageInputError(message, 'allowInsecureLinksFor', 'invalid');
  const hosts = new Set<string>();
  for (const entry of value as unknown[]) {
    const host =
      typeof entry === 'string' ? (entry.trim().toLowerCase() === '::1' ? '[::1]' : entry.trim().toLowerCase()) : '';
    if (!LOOPBACK_HOSTS.has(host)) throw new MessageInputError(message, 'allowInsecureLinksFor', 'invalid');
    hosts.add(host);
  }
  return hosts;
}

/**
 * Reads a link: absolute `https:` URLs only (and `mailto:` where `mailto` is allowed), without
 * credentials; `http:` too for the loopback hosts in `insecureHosts` (`allowInsecureLinksFor`).
 * Returns the URL as the WHATWG parser serialises it.
 */
export function optionalLink(
  value: unknown,
  message: string,
  input: string,
  mailto = false,
  insecureHosts: ReadonlySet<string> = new Set(),
): string | undefined {
  const text = optionalText(value, message, input);
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MessageInputError(message, input, 'invalid');
  }
  const allowed =
    url.protocol === 'https:' ||
    (mailto && url.protocol === 'mailto:') ||
    (url.protocol === 'http:' && insecureHosts.has(url.hostname));
  if (!allowed || url.username || url.password) throw new MessageInputError(message, input, 'invalid');
  return url.href;
}

export function requiredLink(
  value: unknown,
  message: string,
  input: string,
  insecureHosts: ReadonlySet<string> = new Set(),
): string {
  const link = optionalLink(value, message, input, false, insecureHosts);
  if (!link) throw new MessageInputError(message, input, 'missing');
  return link;
}

/** A one-time code: ASCII letters and digits, spaces and dashes removed. */
export function requiredCode(value: unknown, message: string): string {
  const text = requiredText(value, message, 'code').replace(/[\s-]/g, '');
  if (!/^[A-Za-z0-9]{4,32}$/.test(text)) throw new MessageInputError(message, 'code', 'invalid');
  return text;
}

export function requiredMinutes(value: unknown, message: string): number {
  if (value === undefined || value === null) throw new MessageInputError(message, 'expiresInMinutes', 'missing');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_080) {
    throw new MessageInputError(message, 'expiresInMinutes', 'invalid');
  }
  return value;
}

export function requiredDate(value: unknown, message: string, input: string): Date {
  if (value === undefined || value === null || value === '') throw new MessageInputError(message, input, 'missing');
  return toDate(value, message, input);
}

export function optionalDate(value: unknown, message: string, input: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return toDate(value, message, input);
}

function toDate(value: unknown, message: string, input: string): Date {
  const date =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new MessageInputError(message, input, 'invalid');
  return date;
}

/** One of the listed values. */
export function requiredChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  message: string,
  input: string,
): T {
  if (value === undefined || value === null || value === '') throw new MessageInputError(message, input, 'missing');
  if (!choices.includes(value as T)) throw new MessageInputError(message, input, 'invalid');
  return value as T;
}

const HEX = /^#[0-9a-f]{6}$/i;

function colour(value: unknown, message: string, input: string, fallback: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string' || !HEX.test(value.trim())) throw new MessageInputError(message, input, 'invalid');
  return value.trim().toLowerCase();
}

/** Everything a message needs to write itself, resolved from an {@link EmailInput}. */
export interface Context {
  message: string;
  locale: MessageLocale;
  dir: 'ltr' | 'rtl';
  tag: string;
  timeZone: string;
  brand: string;
  customerName?: string;
  supportHref?: string;
  /** The loopback hosts whose `http:` links are accepted (`allowInsecureLinksFor`). */
  insecureHosts: ReadonlySet<string>;
  accent: string;
  onAccent: string;
  strings?: Partial<Record<string, string>>;
}

export function emailContext(message: string, input: EmailInput): Context {
  if (!input || typeof input !== 'object') throw new MessageInputError(message, 'brand', 'missing');
  const {locale, tag} = resolveLocale(input.locale);
  const timeZone = optionalText(input.timeZone, message, 'timeZone') ?? 'UTC';
  const insecureHosts = insecureLinkHosts(input.allowInsecureLinksFor, message);
  try {
    new Intl.DateTimeFormat('en', {timeZone});
  } catch {
    throw new MessageInputError(message, 'timeZone', 'invalid');
  }
  return {
    message,
    locale,
    dir: directionOf(locale),
    tag,
    timeZone,
    brand: requiredText(input.brand, message, 'brand'),
    customerName: optionalText(input.customerName, message, 'customerName'),
    supportHref: optionalLink(input.supportHref, message, 'supportHref', true, insecureHosts),
    insecureHosts,
    accent: colour(input.colors?.accent, message, 'colors.accent', '#1d4ed8'),
    onAccent: colour(input.colors?.onAccent, message, 'colors.onAccent', '#ffffff'),
    strings: input.strings,
  };
}

/**
 * A piece of a sentence: literal wording, or a value inserted from the inputs (escaped, and
 * isolated from the text around it in right-to-left text).
 */
export type Part = {text: string; value?: true};

/**
 * The wording of unit `key` of `group` in the context's locale, with its `{name}` placeholders
 * filled. `strings` overrides by id come first.
 */
export function words(
  context: Pick<Context, 'locale' | 'strings'>,
  catalogue: Catalogue,
  group: string,
  key: string,
  values: Record<string, string> = {},
): Part[] {
  const id = `messages.${group}.${key}`;
  const override = context.strings?.[id];
  const template =
    typeof override === 'string' ? cleanValue(override) : (catalogue[context.locale][key] ?? catalogue.en[key]);
  if (template === undefined) throw new Error(`No text for ${id}`);
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1];
    if (!(name in values)) continue;
    if (match.index > last) parts.push({text: template.slice(last, match.index)});
    parts.push({text: values[name], value: true});
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({text: template.slice(last)});
  return parts;
}

/** The parts as plain text (for subjects, preheaders and text messages). */
export const plain = (parts: Part[]): string => cleanValue(parts.map((part) => part.text).join(''));

export function formatDate(context: Pick<Context, 'tag' | 'timeZone'>, date: Date): string {
  return formatDateIn(context.tag, date, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: context.timeZone,
    timeZoneName: 'short',
  });
}

/** "10 minutes", "1 hour", "2 days", in the locale's words and plural rules. */
export function formatDuration(tag: string, minutes: number): string {
  const [amount, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(tag, {style: 'unit', unit, unitDisplay: 'long'}).format(amount);
}
