// The screenshot comparison of test/visual.mjs (npm run test:visual): what it lets through, what
// it reports, and what it says when this Chromium major has no baselines; and the geometry checks
// it runs in each story at 320 px (in Chromium, /usr/bin/chromium or CHROME_PATH).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chromium} from 'playwright-core';
import {PNG} from 'pngjs';
import {chromiumArgs, chromiumPath} from '../../scripts/chromium.mjs';
import {auditGeometry, compare, createVisualRun, majorOf, TOLERANCE} from '../visual.mjs';

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

test('the geometry checks find sideways scrolling, small targets and cut text, and let inline links be', async () => {
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs});
  try {
    const page = await browser.newPage({viewport: {width: 320, height: 600}});
    await page.setContent(`<!doctype html><body style="margin:0"><div id="storybook-root">
      <button style="inline-size:60px;block-size:40px">Fine</button>
      <button style="inline-size:20px;block-size:20px;padding:0">x</button>
      <p>Read <a href="#terms">the terms</a> first.</p>
      <a href="#alone" style="display:inline-block;block-size:16px">Alone</a>
      <p style="inline-size:80px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">A sentence far too long</p>
      <p style="block-size:10px;overflow:clip;inline-size:200px">Two lines <br />of text</p>
      <span style="position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%)">Only for screen readers</span>
      <div style="inline-size:400px">Wide</div>
    </div></body>`);
    const problems = await page.evaluate(auditGeometry, {minTarget: 24});
    // Widths of text depend on the fonts: only the sizes set above are matched exactly.
    const expected = [
      /^the page scrolls sideways by 80 px at 320 px$/,
      /^button “x” is a 20 × 20 px target \(under 24 × 24\)$/,
      /^a “Alone” is a [\d.]+ × 16 px target \(under 24 × 24\)$/,
      /^p “A sentence far too long” cuts its text \(\d+ > 80 px wide\)$/,
      /^p “Two lines of text” cuts its text \(\d+ > 10 px high\)$/,
    ];
    assert.equal(problems.length, expected.length, problems.join('\n'));
    problems.forEach((problem, i) => assert.match(problem, expected[i]));
  } finally {
    await browser.close();
  }
});
