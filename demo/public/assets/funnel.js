// The journey funnel, live: the server pushes a new summary (Server-Sent Events) whenever a page
// reports journey events.
import {api, say} from './demo.js';

const NAMES = /** @type {Record<string, string>} */ ({
  'strength-meter': '<serein-strength-meter>',
  'password-change': '<serein-password-change>',
  'otp-prompt': '<serein-otp-prompt>',
  'passkey-button': '<serein-passkey-button>',
  'recovery-wizard': '<serein-recovery-wizard>',
});
const container = /** @type {HTMLElement} */ (document.querySelector('#funnel'));
const recent = /** @type {HTMLElement} */ (document.querySelector('#recent'));
const percent = new Intl.NumberFormat(undefined, {style: 'percent'});
const times = new Intl.DateTimeFormat(undefined, {timeStyle: 'medium'});

/** @param {number | null} ms */
const seconds = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/**
 * @param {{stages: {stage: string, medianMsSinceShown: number | null}[]}} component
 * @param {string} stage
 */
const reachTime = (component, stage) =>
  component.stages.find((item) => item.stage === stage)?.medianMsSinceShown ?? null;

/**
 * @param {string} tag
 * @param {string | number} text
 * @param {Record<string, string>} [attributes]
 */
function element(tag, text = '', attributes = {}) {
  const node = document.createElement(tag);
  node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * A table with a caption, one header row and body rows.
 * @param {string} caption
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 */
function table(caption, headers, rows) {
  const result = element('table');
  result.append(element('caption', caption));
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(...headers.map((header) => element('th', header, {scope: 'col'})));
  head.append(headRow);
  const body = element('tbody');
  for (const row of rows) {
    const line = element('tr');
    line.append(element('th', row[0], {scope: 'row'}), ...row.slice(1).map((cell) => element('td', cell)));
    body.append(line);
  }
  result.append(head, body);
  return result;
}

/** @param {any} summary */
function render(summary) {
  const sections = summary.components.map((/** @type {any} */ component) => {
    const section = element('section', '', {'aria-labelledby': `funnel-${component.component}`, class: 'card'});
    section.append(
      element('h2', NAMES[component.component] ?? component.component, {id: `funnel-${component.component}`}),
    );
    if (component.shown === 0) {
      section.append(element('p', 'No journey yet.'));
      return section;
    }
    const share = (/** @type {number} */ value) => (component.shown ? percent.format(value / component.shown) : '—');
    section.append(
      table(
        'Journeys',
        ['Stage', 'Journeys', 'Share of shown'],
        [
          ['Shown', component.shown, share(component.shown)],
          ['Shown, not started', component.shownNotStarted, share(component.shownNotStarted)],
          ['Started', component.started, share(component.started)],
          ['Succeeded', component.succeeded, share(component.succeeded)],
          ['Abandoned', component.abandoned, share(component.abandoned)],
          ['Deferred', component.deferred, share(component.deferred)],
        ],
      ),
    );
    // An element seen and left alone is not an abandonment: only started journeys can be abandoned.
    section.append(
      element(
        'p',
        component.started === 0
          ? 'Abandoned counts only started journeys; none was started yet.'
          : `Abandoned counts only started journeys: ${percent.format(component.abandoned / component.started)} of the ${component.started} started.`,
        {class: 'note'},
      ),
    );
    if (component.timePerStep.length > 0) {
      section.append(
        table(
          'Time per step (medians)',
          ['Step', 'Time on it', 'Time to reach it'],
          component.timePerStep.map((/** @type {{stage: string, medianMs: number | null}} */ step) => [
            step.stage,
            seconds(step.medianMs),
            seconds(step.stage === 'shown' ? 0 : reachTime(component, step.stage)),
          ]),
        ),
      );
    }
    const failures = Object.entries(component.failures);
    if (failures.length > 0) {
      section.append(table('Failures by error code', ['Code', 'Times'], failures));
    }
    const reasons = Object.entries(component.reasons);
    if (reasons.length > 0) section.append(table('Why it was shown', ['Reason', 'Journeys'], reasons));
    section.append(
      element(
        'p',
        component.feedback.count === 0
          ? 'Feedback: no answer yet.'
          : `Feedback (“How easy was it to change your password?”): ${component.feedback.average} out of 5, from ${component.feedback.count} ${component.feedback.count === 1 ? 'answer' : 'answers'}.`,
        {class: 'feedback'},
      ),
    );
    return section;
  });
  container.replaceChildren(...sections);
  recent.replaceChildren(
    ...summary.recent.map((/** @type {any} */ event) =>
      element(
        'li',
        `${times.format(event.at)} · ${event.component} · ${event.action}${event.step ? ` (${event.step})` : ''}${
          event.errorCode ? ` [${event.errorCode}]` : ''
        }${event.elapsedMs === null || event.elapsedMs === undefined ? '' : ` · ${seconds(event.elapsedMs)}`}`,
      ),
    ),
  );
}

render(await api('/api/funnel'));
const stream = new EventSource('/api/funnel/stream');
stream.addEventListener('open', () => say('#funnel-live', 'Live: updates as events arrive.'));
stream.addEventListener('message', (event) => render(JSON.parse(event.data)));
stream.addEventListener('error', () =>
  // A refused stream (the server allows 50 at once) is not retried by the browser.
  say(
    '#funnel-live',
    stream.readyState === EventSource.CLOSED
      ? 'Live updates are not available now (too many funnel pages are open). Reload to try again.'
      : 'Reconnecting…',
  ),
);
addEventListener('pagehide', () => stream.close());

document.querySelector('#funnel-reset')?.addEventListener('click', async () => {
  await api('/api/funnel/reset', {});
  render(await api('/api/funnel'));
});
