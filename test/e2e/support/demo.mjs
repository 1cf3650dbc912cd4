// End-to-end support: start the demo server (a child process, on a free port, with a database
// in a temporary directory), launch Debian's Chromium, and check every visited page with axe.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdtemp, rm} from 'node:fs/promises';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';
import {generate} from 'otplib';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';

export const root = resolve(import.meta.dirname, '../../..');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');

/** The demo's first account, as its start page shows it. */
export const SEED = {email: 'ada@example.com', password: 'calm river copper lantern'};

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
// Whatever happens to this test process, its servers go with it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Starts `node demo/server/main.mjs --port <port> --db <file>` and waits for the address it
 * prints. Without `dbPath`, the database lives in a temporary directory that `stop()` removes;
 * without `port`, a free port is picked (`0`). `env` adds environment variables (such as
 * `SEREIN_DEMO_TEST_HOOKS: '1'`); `extraArgs` go to the server's command line (such as
 * `--host ::1`).
 * @param {{dbPath?: string, port?: number, env?: Record<string, string>, extraArgs?: string[]}} [options]
 */
export async function startDemo({dbPath: givenPath, port: givenPort = 0, env, extraArgs = []} = {}) {
  const dir = givenPath ? undefined : await mkdtemp(join(tmpdir(), 'serein-demo-'));
  const dbPath = givenPath ?? join(dir ?? '', 'demo.sqlite');
  const child = spawn(
    process.execPath,
    [join(root, 'demo/server/main.mjs'), '--port', String(givenPort), '--db', dbPath, ...extraArgs],
    {
      cwd: root,
      env: {...process.env, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const origin = await new Promise((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo did not start within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /Serein demo: (http:\/\/(?:localhost|\[::1\]):\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveOrigin(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited (${code}) before it listened:\n${output}`));
    });
  });
  const port = Number(new URL(origin).port);
  return {
    origin,
    port,
    dbPath,
    /** What the server printed so far. */
    output: () => output,
    /** True while the server process runs. */
    running: () => child.exitCode === null && child.signalCode === null,
    /** Kills the server at once (SIGKILL: no clean-up, as a crash would) and waits for its end. */
    async crash() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    /** Stops the server (SIGTERM, as Ctrl+C would) and removes its temporary database. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
      if (dir) await rm(dir, {recursive: true, force: true});
      return {code: child.exitCode, signal: child.signalCode};
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startDemo>>} Demo */

/**
 * Resolves true when nothing accepts connections on the port any more.
 * @param {number} port
 */
export function portIsClosed(port) {
  return new Promise((resolvePort) => {
    const socket = connect({host: '127.0.0.1', port});
    socket.once('connect', () => {
      socket.destroy();
      resolvePort(false);
    });
    socket.once('error', () => resolvePort(true));
  });
}

/** Chromium, offline: no host name resolves except localhost. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...chromiumArgs,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
}

/**
 * A browser context for one flow. `bypassCSP` lets the tests inject axe; the pages' CSP itself
 * is checked by pages.test.mjs in contexts without it.
 * @param {import('playwright-core').Browser} browser
 * @param {Demo} demo
 */
export async function newContext(browser, demo) {
  const context = await browser.newContext({baseURL: demo.origin, bypassCSP: true});
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Waits until the Serein elements on the page that are defined have rendered.
 * @param {import('playwright-core').Page} page
 */
export async function componentsReady(page) {
  await page.waitForFunction(() => {
    const usesBundle = document.querySelector('script[src="/dist/bundle/serein.js"]');
    return !usesBundle || customElements.get('serein-password-change') !== undefined;
  });
  await page.evaluate(async () => {
    const elements = [...document.querySelectorAll('*')].filter(
      (element) => element.localName.startsWith('serein-') && customElements.get(element.localName),
    );
    await Promise.all(
      elements.map((element) => /** @type {{updateComplete?: Promise<unknown>}} */ (element).updateComplete),
    );
  });
  // The one-time-code prompt renders its view once its words have loaded.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('serein-otp-prompt')].every(
      (prompt) => !customElements.get('serein-otp-prompt') || prompt.querySelector('h2'),
    ),
  );
}

/**
 * Runs axe-core on the page and fails on any violation (WCAG 2.0–2.2 A/AA and best practices).
 * @param {import('playwright-core').Page} page
 */
export async function expectAccessible(page) {
  await componentsReady(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: axePath});
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const results = await window.axe.run(document, {resultTypes: ['violations']});
    return results.violations.map(
      (/** @type {{id: string, help: string, nodes: {target: unknown}[]}} */ violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
    );
  });
  assert.deepEqual(violations, [], `axe violations on ${page.url()}`);
}

/**
 * Opens a page, waits for its components and checks it with axe.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 */
export async function visit(page, path) {
  const response = await page.goto(path);
  assert.ok(response?.ok(), `${path} answered ${response?.status()}`);
  await expectAccessible(page);
  return response;
}

/**
 * Signs in through the demo's sign-in form, typing like a customer, and waits for the page
 * that follows.
 * @param {import('playwright-core').Page} page
 * @param {{email: string, password: string}} account
 * @param {string} landing the path expected afterwards
 */
export async function signInWithForm(page, {email, password}, landing) {
  await page.locator('#email').pressSequentially(email);
  await page.locator('#password').pressSequentially(password);
  await page.getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.waitForURL(`**${landing}`);
}

/**
 * The last test of each file: the browser closes, the server stops on SIGTERM (as on Ctrl+C)
 * with exit code 0, and nothing listens on its port any more.
 * @param {Demo} demo
 * @param {import('playwright-core').Browser} [browser]
 */
export async function expectCleanStop(demo, browser) {
  await browser?.close();
  const {code} = await demo.stop();
  assert.equal(code, 0);
  assert.equal(demo.running(), false);
  assert.equal(await portIsClosed(demo.port), true);
}

/**
 * Calls the demo API from inside the page, as the page's own scripts do (same cookies, same
 * origin, the CSRF header). Resolves with `{status, body}`.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {unknown} [body]
 */
export function pageApi(page, path, body) {
  return page.evaluate(
    async ({path, body}) => {
      const response = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : {'content-type': 'application/json', 'x-serein-demo': '1'},
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {status: response.status, body: await response.json().catch(() => null)};
    },
    {path, body},
  );
}

/**
 * The TOTP code of the next 30-second step: accepted (one step of tolerance) and never the step
 * an earlier code of the same window already used.
 * @param {string} secret
 */
export function nextTotp(secret) {
  return generate({secret, epoch: Math.floor(Date.now() / 1000) + 30});
}

/**
 * A TOTP code the server accepts now (one 30-second step of tolerance) for a step after
 * `usedStep`, the last one the account used (each code works once). Waits, at most one step, when
 * the clock has to move on first. Returns the code and its step.
 * @param {string} secret
 * @param {number} [usedStep]
 */
export async function totpAfter(secret, usedStep = -Infinity) {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    // Never a past step: it would fall out of the tolerance if the clock moved on meanwhile.
    const step = Math.max(usedStep + 1, current);
    if (step <= current + 1) return {code: await generate({secret, epoch: step * 30}), step};
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Records uncaught page errors, to assert there were none.
 * @param {import('playwright-core').Page} page
 */
export function recordErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * A tiny HTTP client with a cookie jar, for the server-level tests.
 * @param {string} origin
 */
export function client(origin) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  /**
   * @param {string} path
   * @param {{body?: unknown, headers?: Record<string, string>, method?: string}} [options] `headers`
   *   replace the JSON and CSRF headers a body gets by default
   */
  async function request(path, {body, headers, method} = {}) {
    const defaults = body === undefined ? {} : {'content-type': 'application/json', 'x-serein-demo': '1'};
    const response = await fetch(new URL(path, origin), {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      redirect: 'manual',
      headers: {
        ...(headers ?? defaults),
        ...(jar.size ? {cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ')} : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/Max-Age=0/.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    /** @type {any} */
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return {status: response.status, headers: response.headers, text, json};
  }
  return {request, jar};
}

/**
 * Starts a recovery as a customer would with <serein-recovery-wizard>: types the identifier,
 * then has the code sent by email. Leaves the wizard on its code step.
 * @param {import('playwright-core').Page} page
 * @param {string} identifier
 */
export async function startRecovery(page, identifier) {
  await visit(page, '/recover');
  const wizard = page.locator('serein-recovery-wizard');
  await wizard.getByLabel('Email address or username').pressSequentially(identifier);
  await wizard.getByRole('button', {name: 'Continue'}).click();
  await wizard.getByRole('heading', {name: 'How would you like to get a code?'}).waitFor();
  await expectAccessible(page);
  await wizard.getByRole('button', {name: 'Send the code'}).click();
  await wizard.getByRole('heading', {name: 'Check your inbox'}).waitFor();
  await expectAccessible(page);
  return wizard;
}

/**
 * The newest recovery email, read on the outbox page in a tab of its own: its code and its link.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function readRecoveryEmail(context) {
  const outbox = await context.newPage();
  try {
    await visit(outbox, '/outbox');
    const email = outbox.locator('.message').first();
    await email.getByRole('heading', {name: 'Your Serein demo recovery code'}).waitFor();
    const text = (await email.textContent()) ?? '';
    const code = /recovery page:\s+(\d{6})\s/.exec(text)?.[1];
    assert.ok(code, text);
    const link = (await email.getByRole('link', {name: /\/recover\/link#token=/}).getAttribute('href')) ?? '';
    assert.match(link, /\/recover\/link#token=/);
    return {code, link};
  } finally {
    await outbox.close();
  }
}
