/** The schemes a host's URL may use in a link or a form's `action`; a relative URL has none. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Any base will do: it only lets relative URLs parse; their scheme is then the page's own. */
const PROBE_BASE = 'https://serein.invalid/';

/** Elements and attributes already warned about, so that each bad URL is reported once. */
const warned = new WeakMap<Element, Set<string>>();

export interface SafeUrlContext {
  /** The attribute the URL came from (`support-href`, `action`…), named in the warning. */
  attribute: string;
  /** The element that has the attribute. */
  element: Element;
}

/**
 * The scheme a browser would give `value` in an `href` or an `action`, or `undefined` when it
 * cannot be parsed. The WHATWG URL parser does what the browser does first: leading and trailing
 * C0 controls and spaces are dropped, tabs and newlines anywhere are removed, the scheme is
 * lower-cased. A relative URL takes the scheme of its base.
 */
function schemeOf(value: string): string | undefined {
  try {
    return new URL(value, PROBE_BASE).protocol;
  } catch {
    return undefined;
  }
}

/**
 * A URL from a host's attribute, safe to render as a link or a form's `action`: relative URLs and
 * `http:`, `https:`, `mailto:` and `tel:` pass unchanged; anything else (`javascript:`, `data:`,
 * `vbscript:`, `blob:`, a URL that does not parse…) gives `''`, meaning no link and no action, with
 * one console warning per element and attribute. An empty value gives `''` without a warning.
 */
export function safeUrl(value: string | null | undefined, context: SafeUrlContext): string {
  if (value == null || value.trim() === '') return '';
  const scheme = schemeOf(value);
  if (scheme !== undefined && ALLOWED_SCHEMES.has(scheme)) return value;
  const {element, attribute} = context;
  let attributes = warned.get(element);
  if (!attributes) warned.set(element, (attributes = new Set()));
  if (!attributes.has(attribute)) {
    attributes.add(attribute);
    console.warn(
      `${element.localName}: ${attribute} must be a relative URL or use http:, https:, mailto: or tel:; ` +
        `${scheme ? `the ${scheme} URL` : 'the value'} is ignored.`,
    );
  }
  return '';
}
