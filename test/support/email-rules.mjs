// The rules an HTML email must follow to render in Gmail, Apple Mail and Outlook (and to be
// trusted), as checks. Mail clients are not available to the tests, so what they need is written
// down here and applied to every rendered message: see src/messages/README.md.

/**
 * The problems of one HTML email, as sentences (empty when it follows every rule).
 * @param {string} html
 * @returns {string[]}
 */
export function mailClientProblems(html) {
  const problems = [];
  const fail = (rule) => problems.push(rule);
  const tags = (name) => [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((match) => match[1]);
  const attribute = (attributes, name) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(attributes)?.[1];

  if (!/^<!DOCTYPE html>/i.test(html)) fail('starts with <!DOCTYPE html>');
  const root = tags('html')[0] ?? '';
  if (!/^[a-z]{2}(-[A-Za-z0-9]+)*$/.test(attribute(root, 'lang') ?? '')) fail('<html> has a lang');
  if (!/^(ltr|rtl)$/.test(attribute(root, 'dir') ?? '')) fail('<html> has a dir');
  if (!/<meta charset="utf-8">/i.test(html)) fail('declares UTF-8');
  if (!/<meta name="color-scheme" content="light dark">/.test(html)) fail('declares light and dark colour schemes');
  if (!/<title>[^<]+<\/title>/.test(html)) fail('has a title');

  // Nothing runs, nothing is fetched, nothing tracks.
  if (/<script\b/i.test(html)) fail('no <script>');
  if (/\son[a-z]+\s*=/i.test(html)) fail('no event handler attributes');
  if (/javascript:/i.test(html)) fail('no javascript: URLs');
  if (/<(img|link|iframe|object|embed|video|audio|source|form|input|base)\b/i.test(html)) {
    fail('no images, external style sheets, frames, embeds or forms (nothing remote, no tracking pixel)');
  }
  if (/@import|url\(|\sbackground="|\ssrc="/i.test(html)) fail('no remote resources in styles or attributes');

  // Layout: tables with inline styles; clients drop or ignore flex, grid and positioning.
  if (
    /display\s*:\s*(flex|inline-flex|grid|inline-grid)|position\s*:\s*(absolute|fixed|sticky)|float\s*:/i.test(html)
  ) {
    fail('no flex, grid, positioning or floats in the layout');
  }
  const styles = tags('style');
  const styleBlocks = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]);
  if (styles.length > 1 || styleBlocks.some((css) => !/^@media \(prefers-color-scheme: dark\)\{[^]*\}$/.test(css))) {
    fail('styles are inline; the only <style> is the dark-mode enhancement');
  }
  const tables = tags('table');
  if (tables.length < 2) fail('the layout is made of tables');
  for (const table of tables) {
    if (attribute(table, 'role') !== 'presentation') fail('every layout table has role="presentation"');
    for (const name of ['cellpadding', 'cellspacing', 'border']) {
      if (attribute(table, name) !== '0') fail(`every table has ${name}="0"`);
    }
  }
  const widths = tables.map((table) => attribute(table, 'width')).filter(Boolean);
  if (!widths.includes('100%') || !widths.includes('600')) fail('the wrapper is width="100%", the card width="600"');
  if (!/max-width:600px/.test(html)) fail('the card is at most 600px wide');

  // Semantics.
  if (tags('h1').length !== 1) fail('one <h1>');
  if (!/role="article" aria-roledescription="email"/.test(html))
    fail('the message is an article described as an email');

  // Links: https: (or mailto:) only, each written out as text next to where it is used.
  const links = [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)];
  if (links.length === 0) fail('has links');
  const written = new Set(
    links.map(([, , text]) => text.trim()).filter((text) => /^https:\/\//.test(text) || text.includes('@')),
  );
  for (const [, attributes, text] of links) {
    const href = (attribute(attributes, 'href') ?? '').replace(/&amp;/g, '&');
    if (!/^(https:|mailto:)/.test(href)) fail(`every link is https: or mailto: (${href})`);
    if (!text.replace(/<[^>]+>/g, '').trim()) fail('every link has text');
    const shown = href.replace(/^mailto:/, '').replace(/&/g, '&amp;');
    if (!written.has(shown)) fail(`the address of every link is written out (${href})`);
  }

  if (new TextEncoder().encode(html).length >= 20 * 1024) fail('is under 20 KB');
  return problems;
}
