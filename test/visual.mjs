// Visual regression and geometry checks of the stories. test/stories.mjs opens the stories and
// calls these in the same page visit as its smoke checks:
//
//   npm run test:visual                    every story in English light at 700 px and Arabic dark at
//                                          320 px, compared with the committed baselines
//   npm run test:visual -- --update        records (overwrites) the baselines of this Chromium major
//   npm run test:visual -- --update otp    only the stories whose id contains "otp"
//   node test/stories.mjs --visual         the smoke test (npm test) with the same screenshots
//
// Baselines live in test/visual/baselines/chromium-<major>/ (Chromium draws text and borders
// slightly differently from one major version to the next). A major with no baselines fails with
// a message saying how to record them, unless SEREIN_VISUAL_RECORD=1 is set: then every missing
// baseline is recorded during the run (review the images before committing them). On a
// difference, the actual, expected and diff images are written to test/visual/results/ (ignored
// by git) and their paths printed.
//
// The geometry checks run in every visit at 320 px (Arabic dark in npm test), screenshots or not:
// no horizontal scrolling of the document, no control under 24 × 24 px (links inside a sentence
// aside, as WCAG 2.2's target-size criterion allows), no text cut off by overflow hidden/clip or
// an ellipsis. test/browser/plain-page-320.test.ts checks the same on a plain page without
// Storybook's padding, in every locale.

import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {join, relative, resolve} from 'node:path';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';

/**
 * How different a screenshot may be from its baseline, in one place. On one machine Chromium
 * draws a story the same way every time (the clock is fixed and animations are off), so any
 * tolerance only covers another build of the same Chromium major, another CPU's rasteriser and
 * font hinting.
 */
export const TOLERANCE = {
  // pixelmatch's per-pixel colour threshold (0 to 1, a weighted YIQ distance; 0.1 is its default):
  // smaller shade changes at glyph and border edges are not counted, while a token colour that
  // changes (text, border, background, focus ring) is far beyond it.
  threshold: 0.1,
  // The share of pixels that may still differ beyond the threshold. Anti-aliased pixels that
  // pixelmatch recognises are never counted (includeAA: false); 0.05 % allows a few dozen stray
  // edge pixels (about 110 in a 288 × 760 px screenshot at 320 px), fewer than a changed word, a
  // 1 px shift of a box or a focus ring that appears or disappears would give.
  maxDiffRatio: 0.0005,
};

/** The combinations the screenshots are taken in, with their viewport width. */
export const VISUAL_COMBINATIONS = [
  {locale: 'en', scheme: 'light', width: 700},
  {locale: 'ar', scheme: 'dark', width: 320},
];
/** The width at which the geometry checks run. */
export const GEOMETRY_WIDTH = 320;
/** The time the pages see while screenshots are taken, so countdowns and dates never move. */
export const FIXED_TIME = Date.parse('2026-12-02T09:00:00Z');

/**
 * Runs in every frame before its scripts (an init script, given FIXED_TIME): `Date.now()` and
 * `new Date()` always return that instant; timers still run. (Playwright's clock does the same,
 * but its script is refused, with a console error, in the sandboxed frames of the message
 * previews.)
 */
export function fixClock(time) {
  const RealDate = Date;
  function FixedDate(...args) {
    if (!new.target) return new RealDate(time).toString();
    return args.length ? new RealDate(...args) : new RealDate(time);
  }
  FixedDate.prototype = RealDate.prototype;
  Object.assign(FixedDate, {now: () => time, parse: RealDate.parse, UTC: RealDate.UTC});
  globalThis.Date = FixedDate;
}

const VISUAL_DIR = resolve(import.meta.dirname, 'visual');
const RECORD_VARIABLE = 'SEREIN_VISUAL_RECORD';

/** "156.0.8078.114" → 156 */
export const majorOf = (version) => Number(String(version).split('.')[0]);

/**
 * The screenshot side of a run: `mode` is 'check' (compare with the baselines) or 'update'
 * (overwrite them). Create it once the browser is up (its version picks the baselines).
 */
export async function createVisualRun({mode, browserVersion, filtered}) {
  const major = majorOf(browserVersion);
  const name = `chromium-${major}`;
  const baselines = join(VISUAL_DIR, 'baselines', name);
  const results = join(VISUAL_DIR, 'results', name);
  const record = mode === 'update' || process.env[RECORD_VARIABLE] === '1';
  await rm(results, {recursive: true, force: true});

  const existing = new Set(await readdir(baselines).catch(() => []));
  if (!existing.size && !record) {
    const others = await readdir(join(VISUAL_DIR, 'baselines')).catch(() => []);
    throw new Error(
      [
        `No screenshot baselines for Chromium ${major} (${browserVersion}) in ${relative('.', baselines)}.`,
        others.length ? `Baselines exist for: ${others.join(', ')}.` : 'No baselines exist yet.',
        'Record them with `npm run test:visual -- --update`, look at them, and commit them;',
        `or set ${RECORD_VARIABLE}=1 to record the missing ones during this run.`,
      ].join('\n'),
    );
  }
  await mkdir(baselines, {recursive: true});

  const written = new Set();
  const stats = {compared: 0, recorded: 0, different: 0, ms: 0};

  /** Screenshot of the story root, then compared or recorded. Returns the problems found. */
  async function screenshot(page, story, combination) {
    const started = Date.now();
    const file = `${story.id}.${combination.locale}-${combination.scheme}.png`;
    const actual = await shoot(page);
    written.add(file);
    try {
      if (record && (mode === 'update' || !existing.has(file))) {
        await writeFile(join(baselines, file), actual);
        stats.recorded += 1;
        return [];
      }
      const expected = await readFile(join(baselines, file)).catch(() => null);
      if (!expected)
        return [`no baseline ${relative('.', join(baselines, file))}: record it with ${updateHint(story)}`];
      stats.compared += 1;
      const difference = compare(PNG.sync.read(expected), PNG.sync.read(actual));
      if (!difference) return [];
      stats.different += 1;
      await mkdir(results, {recursive: true});
      const base = join(results, file.replace(/\.png$/, ''));
      await Promise.all([
        writeFile(`${base}.actual.png`, actual),
        writeFile(`${base}.expected.png`, expected),
        writeFile(`${base}.diff.png`, PNG.sync.write(difference.diff)),
      ]);
      return [
        `screenshot differs from its baseline: ${difference.summary}`,
        `  actual   ${relative('.', `${base}.actual.png`)}`,
        `  expected ${relative('.', `${base}.expected.png`)}`,
        `  diff     ${relative('.', `${base}.diff.png`)}`,
      ];
    } finally {
      stats.ms += Date.now() - started;
    }
  }

  /** After the run: with --update over every story, baselines of stories that are gone go too. */
  async function finish(stories) {
    const lines = [];
    if (mode === 'update' && !filtered) {
      const kept = new Set(
        stories.flatMap((story) =>
          VISUAL_COMBINATIONS.map(({locale, scheme}) => `${story.id}.${locale}-${scheme}.png`),
        ),
      );
      const stale = [...existing].filter((file) => file.endsWith('.png') && !kept.has(file));
      await Promise.all(stale.map((file) => rm(join(baselines, file))));
      if (stale.length) lines.push(`Removed ${stale.length} baselines of stories that no longer exist.`);
    }
    lines.push(
      `Screenshots (${name}): ${stats.compared} compared, ${stats.different} different, ` +
        `${stats.recorded} recorded in ${relative('.', baselines)}; ` +
        `${(stats.ms / 1000).toFixed(1)} s taking and comparing them (summed over the parallel pages)`,
    );
    return lines;
  }

  return {screenshot, finish};
}

/**
 * The story root, once it has settled. One that draws nothing (no size) gives its first pixel, so
 * that the baseline records "nothing" and anything the story draws later shows as a difference.
 */
async function shoot(page) {
  await settled(page);
  const take = async () => {
    const root = page.locator('#storybook-root');
    const options = {animations: 'disabled', caret: 'hide'};
    const box = await root.boundingBox();
    if (box && box.width >= 1 && box.height >= 1) return root.screenshot(options);
    const {x = 0, y = 0} = box ?? {};
    return page.screenshot({...options, clip: {x, y, width: 1, height: 1}});
  };
  // Two screenshots in a row that are the same, as Playwright's toHaveScreenshot() waits for: what
  // arrives late (a frame painted after its load event, an answer of a stubbed backend, a view
  // chunk) changes the second one and the loop takes another.
  let previous = await take();
  for (let attempt = 0; attempt < STABLE_ATTEMPTS; attempt += 1) {
    await page.waitForTimeout(STABLE_INTERVAL_MS);
    const next = await take();
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

/** Screenshots taken until two in a row are the same, and the pause between them. */
const STABLE_ATTEMPTS = 20;
const STABLE_INTERVAL_MS = 150;

/**
 * What the stories wait for before their screenshot: every strength meter (in the page or in a
 * shadow root) holding a value has its estimate for that value (the first one needs the word
 * lists, which take a while on a busy machine; the level may say `too-short` before it while the
 * feedback line arrives with it; no story shows `checking` on purpose), then the frames inside
 * the story.
 */
async function settled(page) {
  await page
    .waitForFunction(
      () => {
        const meters = [];
        const walk = (root) => {
          for (const element of root.querySelectorAll('*')) {
            if (element.localName === 'serein-strength-meter') meters.push(element);
            if (element.shadowRoot) walk(element.shadowRoot);
          }
        };
        walk(document);
        return meters.every((meter) => !meter.value || meter.currentResult);
      },
      null,
      {timeout: 20_000, polling: 100},
    )
    .catch(() => undefined);
  await framesDrawn(page);
}

/**
 * Waits for the frames inside the story (the message previews' sandboxed iframes) to have loaded
 * their document, then for two frames of the page: a screenshot taken while a frame still shows
 * its initial blank document would record a preview with nothing in it.
 */
async function framesDrawn(page) {
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  await Promise.all(
    frames.map(async (frame) => {
      const element = await frame.frameElement().catch(() => null);
      const filled = await element?.evaluate((node) => Boolean(node.srcdoc || node.getAttribute('src')));
      if (filled) await frame.waitForURL((url) => url.href !== 'about:blank', {timeout: 10_000}).catch(() => undefined);
      await frame.waitForLoadState('load', {timeout: 10_000}).catch(() => undefined);
    }),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const updateHint = (story) => `\`npm run test:visual -- --update ${story.id}\``;

/** Pads an image to a larger size with transparent pixels (a story that grew or shrank). */
function padded(image, width, height) {
  if (image.width === width && image.height === height) return image;
  const out = new PNG({width, height});
  PNG.bitblt(image, out, 0, 0, image.width, image.height, 0, 0);
  return out;
}

/** null when within the tolerance, else the diff image and a summary. */
export function compare(expected, actual) {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const diff = new PNG({width, height});
  const differing = pixelmatch(
    padded(expected, width, height).data,
    padded(actual, width, height).data,
    diff.data,
    width,
    height,
    {threshold: TOLERANCE.threshold, includeAA: false},
  );
  const sizeChanged = expected.width !== actual.width || expected.height !== actual.height;
  const ratio = differing / (width * height);
  if (!sizeChanged && ratio <= TOLERANCE.maxDiffRatio) return null;
  const size = sizeChanged
    ? `size ${expected.width} × ${expected.height} → ${actual.width} × ${actual.height} px, `
    : '';
  const share = `${(ratio * 100).toFixed(3)} % > ${(TOLERANCE.maxDiffRatio * 100).toFixed(3)} %`;
  return {diff, summary: `${size}${differing} pixels differ (${share})`};
}

/**
 * Runs in the page (self-contained: it is serialised by Playwright). Measures the story root and
 * the document at the current viewport width and returns one line per problem.
 */
export function auditGeometry({minTarget}) {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) {
    problems.push(`the page scrolls sideways by ${page.scrollWidth - page.clientWidth} px at ${page.clientWidth} px`);
  }
  const elements = [];
  const visit = (node) => {
    for (const child of node.children) {
      elements.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(document.querySelector('#storybook-root') ?? document.body);

  const describe = (element) => {
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
    const type = element.localName === 'input' ? `[type=${element.type}]` : '';
    const className =
      typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0]}` : '';
    const host = element.getRootNode().host;
    return `${host ? `${host.localName} › ` : ''}${element.localName}${type}${className}${label ? ` “${label.slice(0, 40)}”` : ''}`;
  };
  const round = (value) => Math.round(value * 10) / 10;
  const interactive =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
  // A link inside a sentence: WCAG 2.2's "inline" exception to the target size.
  const inSentence = (element) =>
    element.localName === 'a' &&
    getComputedStyle(element).display === 'inline' &&
    [...(element.parentElement?.childNodes ?? [])].some(
      (node) => node !== element && node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '',
    );

  for (const element of elements) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || !element.checkVisibility({visibilityProperty: true})) continue;
    const style = getComputedStyle(element);
    // Text for screen readers only, clipped to a pixel.
    if (style.position === 'absolute' && rect.width <= 1 && rect.height <= 1) continue;
    const isField = ['input', 'textarea', 'select'].includes(element.localName);
    if (!isField && element.textContent.trim()) {
      const clips = (value) => value === 'hidden' || value === 'clip';
      const cutWide = element.scrollWidth > element.clientWidth + 1;
      const cutHigh = element.scrollHeight > element.clientHeight + 1;
      if ((clips(style.overflowX) || style.textOverflow === 'ellipsis') && cutWide) {
        problems.push(`${describe(element)} cuts its text (${element.scrollWidth} > ${element.clientWidth} px wide)`);
      } else if (clips(style.overflowY) && cutHigh) {
        problems.push(`${describe(element)} cuts its text (${element.scrollHeight} > ${element.clientHeight} px high)`);
      }
    }
    if (!element.matches(interactive) || element.disabled || inSentence(element)) continue;
    if (rect.width < minTarget - 0.01 || rect.height < minTarget - 0.01) {
      problems.push(`${describe(element)} is a ${round(rect.width)} × ${round(rect.height)} px target (under 24 × 24)`);
    }
  }
  return problems;
}
