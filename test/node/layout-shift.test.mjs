// The layout-shift bench (scripts/bench/layout-shift.mjs) must be able to see a wrong
// reservation: its page logic is run in Chromium on the two smallest elements (the hardest to
// see), each with its own reservation and with one broken to BROKEN_RESERVATION. Only the broken
// run is held to a score; the real one reads what it reads (its figures belong to `npm run bench`).
// Runs after `npm run build`; needs Chromium (CHROME_PATH or /usr/bin/chromium).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
  BROKEN_RESERVATION,
  CLS_TARGET,
  runLayoutShift,
  SCENARIOS,
  VIEW_DELAY_MS,
} from '../../scripts/bench/layout-shift.mjs';

const scenarios = SCENARIOS.filter(
  (scenario) =>
    scenario.component === 'strength-meter' ||
    (scenario.component === 'passkey-button' && scenario.state === 'sign-in, WebAuthn supported'),
);
const brokenPx = Number.parseFloat(BROKEN_RESERVATION) * 16;

test(`a reservation broken to ${BROKEN_RESERVATION} reads more than ${CLS_TARGET} with the view ${VIEW_DELAY_MS} ms late`, async () => {
  assert.equal(scenarios.length, 2);
  const result = await runLayoutShift({scenarios});
  assert.equal(result.skipped, undefined, result.skipped);
  assert.equal(result.rows.length, 2);
  for (const {component, state, real, broken, valid, checked, detected} of result.rows) {
    const name = `${component} (${state})`;
    for (const run of [real, broken]) {
      assert.equal(run.error, undefined, `${name}: ${run.error}`);
      // The marker was taken while the reserved space was painted, before anything lazy arrived.
      assert.equal(run.loadingAtMarker, true, `${name}: the marker came after the view`);
      assert.ok(run.held > 0, `${name}: nothing was held back`);
      // The block below moved exactly as much as the element's height changed.
      assert.ok(Math.abs(run.moved - (run.arrived - run.reserved)) < 1, `${name}: ${JSON.stringify(run)}`);
      assert.ok(Number.isFinite(run.cls) && run.cls >= 0 && run.total >= run.cls, `${name}: ${JSON.stringify(run)}`);
    }
    // The broken stylesheet took effect, and the view made the element taller than that.
    assert.equal(broken.reserved, brokenPx, `${name}: reserved ${broken.reserved} px with the broken stylesheet`);
    assert.ok(broken.arrived > 2 * brokenPx, `${name}: arrived ${broken.arrived} px`);
    assert.ok(broken.cls > CLS_TARGET, `${name}: the broken reservation read ${broken.cls}`);
    assert.equal(valid, true);
    assert.equal(checked, true);
    assert.equal(detected, true);
  }
  assert.equal(result.selfCheck.ok, true);
});
