// The demo funnel's summary: a journey seen and left alone is "shown, not started", never an
// abandonment, so the funnel never shows more abandonments than starts.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {createFunnel, COMPONENTS} from '../../demo/server/funnel.mjs';
import {openStore} from '../../demo/server/store.mjs';

const dir = mkdtempSync(join(tmpdir(), 'serein-funnel-'));
after(() => rmSync(dir, {recursive: true, force: true}));

/** A fresh funnel on an empty database. */
async function funnel(name) {
  return createFunnel(await openStore(join(dir, `${name}.sqlite`)));
}

/**
 * What one page view sends.
 * @param {string} view
 * @param {string} component
 * @param {string[]} actions
 */
const batch = (view, component, actions) => ({
  view: `view-${view.padStart(6, '0')}`,
  page: '/test',
  events: actions.map((action, index) => ({
    type: 'journey',
    seq: index + 1,
    detail: {component, action, elapsedMs: index * 100, attempt: 1},
  })),
});

const summaryOf = (funnelApi, component) =>
  funnelApi.summary().components.find((/** @type {{component: string}} */ item) => item.component === component);

test('counts a journey shown and left alone apart from an abandoned one', async () => {
  const subject = await funnel('apart');
  subject.ingest(batch('done', 'password-change', ['shown', 'started', 'submitted', 'succeeded']));
  subject.ingest(batch('looked', 'password-change', ['shown']));
  subject.ingest(batch('left', 'password-change', ['shown', 'started', 'abandoned']));
  // An older page reported `abandoned` for an element nobody touched: not an abandonment.
  subject.ingest(batch('old', 'password-change', ['shown', 'abandoned']));
  subject.ingest(batch('notnow', 'passkey-button', ['shown', 'deferred']));
  const form = summaryOf(subject, 'password-change');
  assert.deepEqual(
    {
      shown: form.shown,
      shownNotStarted: form.shownNotStarted,
      started: form.started,
      succeeded: form.succeeded,
      abandoned: form.abandoned,
    },
    {shown: 4, shownNotStarted: 2, started: 2, succeeded: 1, abandoned: 1},
  );
  // "Not now" is a choice the customer made, not a journey left untouched.
  const passkey = summaryOf(subject, 'passkey-button');
  assert.deepEqual(
    {shown: passkey.shown, shownNotStarted: passkey.shownNotStarted, deferred: passkey.deferred},
    {shown: 1, shownNotStarted: 0, deferred: 1},
  );
});

test('never shows more abandonments than starts, whatever the pages send', async () => {
  const subject = await funnel('random');
  const actions = ['shown', 'started', 'step', 'submitted', 'failed', 'succeeded', 'deferred', 'abandoned'];
  // A fixed pseudo-random sequence (the test is the same on every run).
  let state = 12345;
  const next = (limit) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 2 ** 16) % limit;
  };
  for (let view = 0; view < 120; view += 1) {
    const component = COMPONENTS[next(COMPONENTS.length)];
    const sequence = Array.from({length: 1 + next(6)}, () => actions[next(actions.length)]);
    subject.ingest(batch(String(view), component, sequence));
  }
  for (const item of subject.summary().components) {
    assert.ok(
      item.abandoned <= item.started,
      `${item.component}: ${item.abandoned} abandoned, ${item.started} started`,
    );
    assert.ok(item.shownNotStarted <= item.shown, `${item.component}: shown, not started ≤ shown`);
  }
  const total = subject.summary().components.reduce((sum, item) => sum + item.abandoned, 0);
  assert.ok(total > 0, 'the sample has abandonments to count');
});
