// The one email layout every message shares, as HTML that mail clients render (Gmail, Apple Mail,
// Outlook: tables for layout, inline styles, width attributes) and as plain text.
import common from '../generated/messages/common.js';
import {MessageInputError, plain, words, type Context, type EmailMessage, type Part} from './core.js';

/** One piece of an email's body, in reading order. */
export type Block =
  | {kind: 'heading'; parts: Part[]}
  | {kind: 'paragraph'; parts: Part[]; muted?: boolean}
  | {kind: 'code'; code: string}
  /** A button, followed by its address written out so the customer can check where it leads. */
  | {kind: 'button'; label: Part[]; href: string}
  /** A sentence followed by its link, written out. */
  | {kind: 'link'; parts: Part[]; href: string};

export interface EmailContent {
  subject: Part[];
  preheader: Part[];
  title: Part[];
  blocks: Block[];
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = '#1f2937';
const MUTED = '#4b5563';
const LINK = '#1d4ed8';

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text made safe for HTML text and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Parts as HTML: values escaped and isolated from the text around them (`<bdi>`). */
function html(parts: Part[]): string {
  return parts.map((part) => (part.value ? `<bdi>${escapeHtml(part.text)}</bdi>` : escapeHtml(part.text))).join('');
}

/** Parts as plain text: in right-to-left text, values go between first-strong isolates. */
function text(parts: Part[], dir: 'ltr' | 'rtl'): string {
  return parts.map((part) => (part.value && dir === 'rtl' ? `\u2068${part.text}\u2069` : part.text)).join('');
}

/** The relative luminance of a `#rrggbb` colour (WCAG 2.2 definition). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The brand's button colours, refused when their contrast is below 4.5:1 (WCAG 1.4.3). */
function buttonColours(context: Context): void {
  const [light, dark] = [luminance(context.accent), luminance(context.onAccent)].sort((a, b) => b - a);
  if ((light + 0.05) / (dark + 0.05) < 4.5) throw new MessageInputError(context.message, 'colors.onAccent', 'invalid');
}

const p = (style: string, className: string, content: string) =>
  `<p class="${className}" style="${style.startsWith('margin:') ? '' : 'margin:0 0 16px;'}${style}">${content}</p>`;

function blockHtml(block: Block, context: Context): string {
  switch (block.kind) {
    case 'heading':
      return `<h2 class="sr-text" style="margin:24px 0 8px;font-size:18px;line-height:26px;color:${TEXT};">${html(block.parts)}</h2>`;
    case 'paragraph':
      return block.muted ? p(`color:${MUTED};`, 'sr-muted', html(block.parts)) : p('', 'sr-text', html(block.parts));
    case 'code':
      return p(
        `padding:12px 16px;background-color:#f3f4f6;border-radius:6px;font-family:Menlo,Consolas,'Courier New',monospace;font-size:28px;line-height:36px;letter-spacing:4px;font-weight:bold;text-align:center;color:${TEXT};`,
        'sr-code',
        `<span dir="ltr">${escapeHtml(block.code)}</span>`,
      );
    case 'button': {
      const href = escapeHtml(block.href);
      const label = html(block.label);
      const intro = html(words(context, common, 'common', 'link-intro'));
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px;border-collapse:separate;"><tbody>` +
        `<tr><td bgcolor="${context.accent}" style="border-radius:6px;background-color:${context.accent};">` +
        `<a href="${href}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;line-height:24px;font-weight:bold;color:${context.onAccent};text-decoration:none;border-radius:6px;">${label}</a>` +
        `</td></tr></tbody></table>` +
        p(`font-size:14px;line-height:22px;color:${MUTED};`, 'sr-muted', `${intro} ${link(block.href)}`)
      );
    }
    case 'link':
      return p('', 'sr-text', `${html(block.parts)} ${link(block.href)}`);
  }
}

/** A link whose text is its own address, so what is read is where it leads. */
const link = (href: string) =>
  `<a class="sr-link" href="${escapeHtml(href)}" style="color:${LINK};text-decoration:underline;overflow-wrap:break-word;word-wrap:break-word;" dir="ltr">${escapeHtml(href.replace(/^mailto:/, ''))}</a>`;

function blockText(block: Block, context: Context): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return text(block.parts, context.dir);
    case 'code':
      return `    ${block.code}`;
    case 'button':
      return `${text(block.label, context.dir)}\n${block.href}`;
    case 'link':
      return `${text(block.parts, context.dir)}\n${block.href.replace(/^mailto:/, '')}`;
  }
}

const DARK = [
  '.sr-bg{background-color:#111827 !important}',
  '.sr-card{background-color:#1f2937 !important;border-color:#374151 !important}',
  '.sr-text{color:#f3f4f6 !important}',
  '.sr-muted{color:#d1d5db !important}',
  '.sr-code{background-color:#374151 !important;color:#f9fafb !important}',
  '.sr-link{color:#93c5fd !important}',
].join('');

/** Writes the email: the shared greeting, sign-off and footer around the message's blocks. */
export function renderEmail(context: Context, content: EmailContent): EmailMessage {
  buttonColours(context);
  const brand = {brand: context.brand};
  const greeting = context.customerName
    ? words(context, common, 'common', 'greeting-name', {name: context.customerName})
    : words(context, common, 'common', 'greeting');
  const blocks: Block[] = [{kind: 'paragraph', parts: greeting}, ...content.blocks];
  if (context.supportHref) {
    blocks.push({kind: 'link', parts: words(context, common, 'common', 'help'), href: context.supportHref});
  }
  blocks.push({kind: 'paragraph', parts: words(context, common, 'common', 'sign-off', brand)});
  const footer = words(context, common, 'common', 'footer', brand);
  const subject = plain(content.subject);
  const preheader = plain(content.preheader);
  const align = context.dir === 'rtl' ? 'right' : 'left';

  const body = blocks.map((block) => blockHtml(block, context)).join('\n');
  const documentHtml = `<!DOCTYPE html>
<html lang="${context.locale}" dir="${context.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(subject)}</title>
<style>@media (prefers-color-scheme: dark){${DARK}}</style>
</head>
<body class="sr-bg" style="margin:0;padding:0;background-color:#f3f4f6;">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(subject)}" lang="${context.locale}" dir="${context.dir}">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="sr-bg" style="background-color:#f3f4f6;"><tbody>
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" class="sr-card" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;"><tbody>
<tr><td align="${align}" class="sr-text" style="padding:32px 28px;font-family:${FONT};font-size:16px;line-height:24px;color:${TEXT};text-align:${align};">
${p(`font-size:14px;font-weight:bold;color:${MUTED};`, 'sr-muted', `<bdi>${escapeHtml(context.brand)}</bdi>`)}
<h1 class="sr-text" style="margin:0 0 16px;font-size:24px;line-height:32px;color:${TEXT};">${html(content.title)}</h1>
${body}
${p(`margin:24px 0 0;font-size:13px;line-height:20px;color:${MUTED};`, 'sr-muted', html(footer))}
</td></tr>
</tbody></table>
</td></tr>
</tbody></table>
</div>
</body>
</html>
`;

  const textBody = [
    text(content.title, context.dir),
    ...blocks.map((block) => blockText(block, context)),
    `--\n${text(footer, context.dir)}`,
  ].join('\n\n');

  return {subject, preheader, text: `${textBody}\n`, html: documentHtml, locale: context.locale, dir: context.dir};
}
