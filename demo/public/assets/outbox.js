// The development outbox: what the demo would have sent, refreshed every few seconds. Message
// bodies are shown as text; links to this demo become real links.
import {api, link, say} from './demo.js';

const list = /** @type {HTMLOListElement} */ (document.querySelector('#messages'));
const times = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
let shown = '';

/**
 * A message body with the links to this site made clickable (built with DOM nodes, never HTML).
 * @param {string} body
 */
function bodyNodes(body) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return parts.map((part) => {
    return part.startsWith(`${location.origin}/`) ? link(part, part) : document.createTextNode(part);
  });
}

async function refresh() {
  const {messages} = await api('/api/outbox');
  const signature = JSON.stringify(messages.map((/** @type {{id: number}} */ message) => message.id));
  if (signature === shown) return;
  shown = signature;
  list.replaceChildren(
    ...messages.map(
      (
        /** @type {{id: number, createdAt: number, channel: string, recipient: string, subject: string, body: string}} */ message,
      ) => {
        const item = document.createElement('li');
        item.className = `message ${message.channel}`;
        const article = document.createElement('article');
        article.setAttribute('aria-labelledby', `message-${message.id}`);
        const heading = document.createElement('h2');
        heading.id = `message-${message.id}`;
        heading.textContent = message.channel === 'sms' ? `Text message to ${message.recipient}` : message.subject;
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = `${message.channel === 'sms' ? 'Text message' : `Email to ${message.recipient}`} · ${times.format(message.createdAt)}`;
        const body = document.createElement('pre');
        body.className = 'body';
        body.append(...bodyNodes(message.body));
        article.append(heading, meta, body);
        item.append(article);
        return item;
      },
    ),
  );
  say('#outbox-status', messages.length === 0 ? 'Nothing was sent yet.' : `${messages.length} message(s).`);
}

await refresh();
setInterval(() => void refresh().catch(() => say('#outbox-status', 'The demo server is not answering.')), 3000);
