// The screenshot comparison of test/visual.mjs (npm run test:visual): what it lets through, what
// it reports, and what it says when this Chromium major has no baselines.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PNG} from 'pngjs';
import {compare, createVisualRun, majorOf, TOLERANCE} from '../visual.mjs';

/** A white image with `dark` pixels painted black from the top left, row by row. */
function image(width, height, dark = 0) {
  const png = new PNG({width, height});
  png.data.fill(255);
  for (let pixel = 0; pixel < dark; pixel++) png.data.fill(0, pixel * 4, pixel * 4 + 3);
  return png;
}

test('identical screenshots match', () => {
  assert.equal(compare(image(200, 100), image(200, 100)), null);
});

test('a few stray pixels stay within the tolerance, a changed area does not', () => {
  const total = 400 * 300;
  const allowed = Math.floor(total * TOLERANCE.maxDiffRatio);
  assert.ok(allowed > 0 && allowed < 100, `${allowed} pixels allowed`);
  // Isolated pixels in the middle of white: not anti-aliasing, so counted.
  const stray = image(400, 300);
  for (let i = 0; i < allowed; i++) stray.data.fill(0, (150 * 400 + i * 3) * 4, (150 * 400 + i * 3) * 4 + 3);
  assert.equal(compare(image(400, 300), stray), null);

  const changed = image(400, 300, 400 * 2);
  const difference = compare(image(400, 300), changed);
  assert.ok(difference, 'two black rows are reported');
  assert.match(difference.summary, /^800 pixels differ \(0\.667 % > 0\.050 %\)$/);
  assert.equal(difference.diff.width, 400);
});

test('a colour shift below the per-pixel threshold is not counted, a token change is', () => {
  const tinted = (value) => {
    const png = image(100, 100);
    for (let i = 0; i < png.data.length; i += 4) png.data.fill(value, i, i + 3);
    return png;
  };
  assert.equal(compare(tinted(255), tinted(253)), null);
  assert.ok(compare(tinted(255), tinted(200)));
});

test('a screenshot that changed size is reported with both sizes, even when the rest matches', () => {
  const difference = compare(image(200, 100), image(200, 104));
  assert.ok(difference);
  assert.match(difference.summary, /^size 200 × 100 → 200 × 104 px, /);
  assert.equal(difference.diff.height, 104);
});

test('a Chromium major without baselines fails with how to record them', async () => {
  assert.equal(majorOf('156.0.8078.114'), 156);
  const saved = process.env.SEREIN_VISUAL_RECORD;
  delete process.env.SEREIN_VISUAL_RECORD;
  try {
    await assert.rejects(createVisualRun({mode: 'check', browserVersion: '3.0.1.2', filtered: false}), (error) => {
      assert.match(error.message, /No screenshot baselines for Chromium 3 \(3\.0\.1\.2\)/);
      assert.match(error.message, /npm run test:visual -- --update/);
      assert.match(error.message, /SEREIN_VISUAL_RECORD=1/);
      return true;
    });
  } finally {
    if (saved !== undefined) process.env.SEREIN_VISUAL_RECORD = saved;
  }
});
