// The one place that says which Chromium the tests and benchmarks launch, and how. Browser
// downloads are impossible here: Debian's chromium (or CHROME_PATH) is used everywhere.
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless flags for running as root on this network-less machine (see shared TOOLCHAIN.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
