// The text of an XLIFF element: XML's five entities and numeric character references decoded.
// Shared by the scripts and tests that read locales/*.xlf.

/** Decodes `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#…;`, `&#x…;` and `&amp;` (last). */
export const decodeXml = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&');
