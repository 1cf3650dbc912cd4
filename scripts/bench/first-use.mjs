// First use of the meter in Chromium, compact against full dictionaries, in one run: a real
// <serein-strength-meter> on a page served locally (dist/), its estimator and dictionaries
// fetched over HTTP on the first focus.
//   - time from the first focus to the first estimate shown, through the worker (the shipped
//     path), on a throttled link (gzip, one round trip per request, shared bandwidth) and on the
//     plain local server;
//   - the main-thread fallback (no worker): the longest main-thread task from the first focus
//     until the first estimate, which covers building the dictionaries (long-task observer and,
//     when tracing works, the CPU of each task in a Chromium trace).
import {chromiumArgs} from '../chromium.mjs';
import {builtChunks, chromePath, mainThreadTasks, METER_BODY, page} from './latency.mjs';
import {startServer} from './server.mjs';

/** A phone on a slow mobile connection: Chromium DevTools' "Slow 4G" preset (1.6 Mbit/s, 150 ms). */
export const SLOW_LINK = {label: '1.6 Mbit/s down, 150 ms round trip, gzip', rttMs: 150, bytesPerSecond: 200_000};
/** Goals (issue: a meter that is ready in a blink on a phone). */
export const FIRST_USE_GOALS = {ratio: 0.4, longTaskMs: 50};
/**
 * How long after the page has settled the customer reaches the field: a second, which is quick
 * (on a password-change page the current password comes first). What the meter fetches ahead while
 * the page is idle (its 1 KB estimator client) is ready by then; the worker and the word lists
 * still wait for the focus, and are what this measures.
 */
const READING_MS = 1000;
/** The password put into the field right after the focus. */
const PASSWORD = 'Tr0ub4dor&3horse';

/**
 * @param {{runs?: number, trace?: boolean, log?: (text: string) => void}} [options] `runs` of each
 *   set on each link (alternating compact and full; the median is reported)
 */
export async function runFirstUse({runs = 3, trace = true, log = () => {}} = {}) {
  const executablePath = chromePath();
  if (!executablePath) return {skipped: 'no Chromium'};
  let chromium;
  try {
    ({chromium} = await import('playwright-core'));
  } catch {
    return {skipped: 'playwright-core is not installed'};
  }
  const chunks = await builtChunks();
  const server = await startServer({'/meter.html': page('serein first use', METER_BODY)});
  const browser = await chromium.launch({executablePath, headless: true, args: chromiumArgs});
  const results = {browser: `Chromium ${browser.version()}`, link: SLOW_LINK, worker: {}, fallback: {}, errors: []};
  try {
    /** One fresh context (nothing cached, a new worker) per measurement. */
    const once = async ({dictionary, fallback, traced}) => {
      const context = await browser.newContext();
      const meterPage = await context.newPage();
      meterPage.on('pageerror', (error) => results.errors.push(`${dictionary}: ${error.message}`));
      try {
        await meterPage.goto(`${server.origin}/meter.html`);
        await meterPage.waitForFunction(() => window.meterBench !== undefined);
        await meterPage.evaluate((options) => window.meterBench.setUp(options), {
          entryUrl: chunks.entry,
          defineUrl: chunks.define,
          fallback,
          dictionary,
        });
        await meterPage.evaluate(
          (ms) => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, ms))),
          READING_MS,
        );
        let tracing = false;
        if (traced) {
          try {
            await browser.startTracing(meterPage, {
              categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
            });
            tracing = true;
          } catch {
            // the long-task observer alone
          }
        }
        const measured = await meterPage.evaluate((password) => window.meterBench.firstUse(password), PASSWORD);
        if (tracing) measured.trace = mainThreadTasks(await browser.stopTracing(), 1)[0];
        measured.usesWorker = await meterPage.evaluate(() => window.meterBench.usesWorker());
        return measured;
      } finally {
        await context.close();
      }
    };

    for (const [key, network] of [
      ['slow', SLOW_LINK],
      ['local', null],
    ]) {
      server.setNetwork(network);
      results.worker[key] = {compact: [], full: []};
      for (let run = 0; run < runs; run++) {
        for (const dictionary of ['compact', 'full']) {
          log(`first use, ${dictionary}, ${network ? 'slow link' : 'local'} (${run + 1}/${runs})`);
          results.worker[key][dictionary].push(await once({dictionary, fallback: false, traced: false}));
        }
      }
    }
    server.setNetwork(null);
    for (const dictionary of ['compact', 'full']) {
      results.fallback[dictionary] = [];
      for (let run = 0; run < runs; run++) {
        log(`main-thread fallback, ${dictionary} (${run + 1}/${runs})`);
        results.fallback[dictionary].push(await once({dictionary, fallback: true, traced: trace}));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
