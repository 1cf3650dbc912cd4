// The development outbox: what the demo would have sent, refreshed every few seconds. Each email
// shows its HTML version in a sandboxed frame (its own route, with a sandboxing CSP) beside its
// text version; each text message, its text with the segment count and encoding. Everything is
// built with DOM nodes, never HTML; links to this demo in the text versions become real links.
import {api, link, say} from './demo.js';

/**
 * @typedef {object} OutboxMessage
 * @property {number} id
 * @property {number} createdAt
 * @property {'email' | 'sms'} channel
 * @property {string} recipient
 * @property {string} subject
 * @property {string} body the text version
 * @property {string | null} locale
 * @property {'ltr' | 'rtl' | null} dir
 * @property {string | null} htmlHref the HTML version's route
 * @property {number | null} segments
 * @property {string | null} encoding
 */

const list = /** @type {HTMLOListElement} */ (document.querySelector('#messages'));
const times = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
const languages = new Intl.DisplayNames(['en'], {type: 'language'});
let shown = '';

/**
 * A message body with the links to this site made clickable.
 * @param {string} body
 */
function bodyNodes(body) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return parts.map((part) => {
    return part.startsWith(`${location.origin}/`) ? link(part, part) : document.createTextNode(part);
  });
}

/**
 * A titled part of a message (the HTML version, the text version).
 * @param {string} title
 * @param {Node[]} content
 */
function version(title, content) {
  const section = document.createElement('section');
  section.className = 'version';
  const heading = document.createElement('h3');
  heading.textContent = title;
  section.append(heading, ...content);
  return section;
}

/** @param {OutboxMessage} message */
function textVersion(message) {
  const body = document.createElement('pre');
  body.className = 'body';
  if (message.locale) body.lang = message.locale;
  if (message.dir) body.dir = message.dir;
  body.append(...bodyNodes(message.body));
  return body;
}

/** @param {OutboxMessage} message */
function item(message) {
  const entry = document.createElement('li');
  entry.className = `message ${message.channel}`;
  const article = document.createElement('article');
  article.setAttribute('aria-labelledby', `message-${message.id}`);
  const heading = document.createElement('h2');
  heading.id = `message-${message.id}`;
  heading.textContent = message.channel === 'sms' ? `Text message to ${message.recipient}` : message.subject;
  if (message.channel !== 'sms' && message.locale) {
    heading.lang = message.locale;
    heading.dir = message.dir ?? 'auto';
  }
  const meta = document.createElement('p');
  meta.className = 'meta';
  const language = message.locale ? ` · ${languages.of(message.locale)}` : '';
  meta.textContent = `${message.channel === 'sms' ? 'Text message' : `Email to ${message.recipient}`}${language} · ${times.format(message.createdAt)}`;
  const versions = document.createElement('div');
  versions.className = 'versions';
  if (message.channel === 'sms') {
    const facts = document.createElement('p');
    facts.className = 'sms-facts';
    const segments = message.segments ?? 1;
    facts.textContent = `${segments} ${segments === 1 ? 'segment' : 'segments'} · ${message.encoding ?? 'unknown encoding'}`;
    versions.append(version('Text', [textVersion(message), facts]));
  } else {
    if (message.htmlHref) {
      const frame = document.createElement('iframe');
      // No allow-* token: the email runs in a unique origin, without scripts, forms or navigation.
      frame.setAttribute('sandbox', '');
      frame.title = `HTML version: ${message.subject}`;
      frame.src = message.htmlHref;
      frame.className = 'email-frame';
      versions.append(version('HTML version', [frame]));
    }
    versions.append(version('Text version', [textVersion(message)]));
  }
  article.append(heading, meta, versions);
  entry.append(article);
  return entry;
}

async function refresh() {
  const {messages} = /** @type {{messages: OutboxMessage[]}} */ (await api('/api/outbox'));
  const signature = JSON.stringify(messages.map((message) => message.id));
  if (signature === shown) return;
  shown = signature;
  list.replaceChildren(...messages.map(item));
  say('#outbox-status', messages.length === 0 ? 'Nothing was sent yet.' : `${messages.length} message(s).`);
}

await refresh();
setInterval(() => void refresh().catch(() => say('#outbox-status', 'The demo server is not answering.')), 3000);
