// The demo server over HTTP only: start-up, headers, CSRF, SereinError answers, password rules,
// rate limits, the second step and recovery without enumeration. (The browser flows are in the
// other files of this folder.)
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {spawnSync} from 'node:child_process';
import {request as httpRequest} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {generate} from 'otplib';
import {client, expectCleanStop, nextTotp, root, SEED, startDemo} from './support/demo.mjs';

// The codes a host may answer with, read from the library's source of truth.
const errorsSource = readFileSync(join(root, 'src/internal/errors.ts'), 'utf8');
const CODES = new Set(
  [...errorsSource.slice(0, errorsSource.indexOf('] as const')).matchAll(/'([a-z-]+)'/g)].map((match) => match[1]),
);

/** @type {import('./support/demo.mjs').Demo} */
let demo;

const dataDir = mkdtempSync(join(tmpdir(), 'serein-demo-server-'));
const dbPath = join(dataDir, 'data', 'accounts.sqlite');

before(async () => {
  demo = await startDemo({dbPath});
});
after(async () => {
  await demo?.stop();
  rmSync(dataDir, {recursive: true, force: true});
});

/**
 * Asserts a SereinError-shaped failure.
 * @param {{status: number, json: any}} response
 * @param {number} status
 * @param {string} code
 */
function assertError(response, status, code) {
  assert.equal(response.status, status, JSON.stringify(response.json));
  assert.equal(response.json?.code, code);
  assert.ok(CODES.has(response.json.code), `${response.json.code} is a SereinError code`);
  for (const key of Object.keys(response.json)) {
    assert.ok(['code', 'retryAfterSeconds', 'attemptsLeft', 'reference', 'message'].includes(key), `unexpected ${key}`);
  }
}

/** The newest outbox message. */
async function lastMessage() {
  const {json} = await client(demo.origin).request('/api/outbox');
  return json.messages[0];
}

/**
 * Waits out the pause that follows wrong guesses from this address (1 s after the first, 2 s
 * after the second, …), as a person retyping would.
 * @param {number} seconds
 */
const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 150));

/** A client signed in as the demo account with `password`. */
async function signedIn(password = SEED.password) {
  const browser = client(demo.origin);
  const response = await browser.request('/api/session', {body: {email: SEED.email, password}});
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return {browser, response};
}

test('the first start creates the database with the demo account and prints how to sign in', () => {
  assert.ok(existsSync(demo.dbPath), 'the SQLite file exists');
  assert.match(readFileSync(demo.dbPath).subarray(0, 16).toString('latin1'), /^SQLite format 3/);
  const output = demo.output();
  assert.match(output, new RegExp(`Serein demo: ${demo.origin}/`));
  assert.ok(output.includes(SEED.email) && output.includes(SEED.password), output);
  assert.match(output, /created now/);
  assert.ok(CODES.size >= 13, 'the error codes were read');
});

test('pages carry a strict CSP with Trusted Types, no referrer and no caching', async () => {
  const {status, headers} = await client(demo.origin).request('/sign-in');
  assert.equal(status, 200);
  const csp = headers.get('content-security-policy') ?? '';
  for (const directive of [
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html serein',
  ]) {
    assert.ok(csp.split('; ').includes(directive), `${directive} in ${csp}`);
  }
  assert.equal(headers.get('referrer-policy'), 'no-referrer');
  assert.equal(headers.get('cache-control'), 'no-store');
});

test('/.well-known/change-password redirects to the change-password page', async () => {
  const {status, headers} = await client(demo.origin).request('/.well-known/change-password');
  assert.equal(status, 302);
  assert.equal(headers.get('location'), '/account/password');
});

test('account pages send visitors without a session to sign in', async () => {
  const {status, headers} = await client(demo.origin).request('/account/password');
  assert.equal(status, 302);
  assert.equal(headers.get('location'), '/sign-in?next=%2Faccount%2Fpassword');
});

test('POSTs from another site, or without the demo header, are refused', async () => {
  const browser = client(demo.origin);
  const body = JSON.stringify({email: SEED.email, password: SEED.password});
  const json = {'content-type': 'application/json'};
  assertError(
    await browser.request('/api/session', {
      body,
      headers: {...json, 'x-serein-demo': '1', origin: 'http://evil.example'},
    }),
    403,
    'unknown',
  );
  assertError(
    await browser.request('/api/session', {
      body,
      headers: {...json, 'x-serein-demo': '1', 'sec-fetch-site': 'cross-site'},
    }),
    403,
    'unknown',
  );
  assertError(await browser.request('/api/session', {body, headers: json}), 403, 'unknown');
  assert.equal(browser.jar.size, 0, 'no session was started');
});

test('requests for another host name are refused (DNS rebinding)', async () => {
  const status = await new Promise((resolve, reject) => {
    httpRequest(
      {host: '127.0.0.1', port: demo.port, path: '/api/outbox', headers: {host: 'evil.example'}},
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    )
      .on('error', reject)
      .end();
  });
  assert.equal(status, 421);
});

test('an unknown email and a wrong password get the same answer', async () => {
  const unknown = await client(demo.origin).request('/api/session', {
    body: {email: 'nobody@example.com', password: SEED.password},
  });
  const wrong = await client(demo.origin).request('/api/session', {
    body: {email: SEED.email, password: 'wrong password here'},
  });
  assertError(unknown, 400, 'current-password-incorrect');
  assert.deepEqual(unknown.json, wrong.json);
  assertError(await client(demo.origin).request('/api/nothing-here'), 404, 'unknown');
});

test('each wrong password makes the next attempt from that address wait longer (1 s, then 2 s, …)', async () => {
  const browser = client(demo.origin);
  const attempt = () =>
    browser.request('/api/session', {body: {email: 'locked@example.com', password: 'not the password'}});
  assertError(await attempt(), 400, 'current-password-incorrect');
  const waiting = await attempt();
  assertError(waiting, 429, 'rate-limited');
  assert.equal(waiting.json.retryAfterSeconds, 1, JSON.stringify(waiting.json));
  assert.equal(waiting.headers.get('retry-after'), '1');
  await pause(1);
  assertError(await attempt(), 400, 'current-password-incorrect');
  const longer = await attempt();
  assertError(longer, 429, 'rate-limited');
  assert.equal(longer.json.retryAfterSeconds, 2, JSON.stringify(longer.json));
});

describe('changing the password', () => {
  const newPassword = 'seven quiet harbours at dawn';

  test('the server checks every rule again, then notifies by email', async () => {
    // The wrong password of the test above made this address wait a second.
    await pause(1);
    const {browser} = await signedIn();
    const other = (await signedIn()).browser;
    const change = (/** @type {object} */ body) =>
      browser.request('/api/password', {body: {currentPassword: SEED.password, signOutOthers: false, ...body}});
    assertError(await change({currentPassword: 'not my password', newPassword}), 400, 'current-password-incorrect');
    await pause(1);
    const short = await change({newPassword: 'too short'});
    assertError(short, 422, 'password-rejected');
    assert.match(short.json.message, /15/);
    assertError(await change({newPassword: 'Correct Horse Battery Staple'}), 422, 'password-breached');
    assertError(await change({newPassword: SEED.password}), 422, 'password-reused');

    const changed = await change({newPassword, signOutOthers: true});
    assert.equal(changed.status, 200, JSON.stringify(changed.json));
    assert.deepEqual(changed.json, {signedOutOthers: 1});
    assert.equal((await browser.request('/api/me')).status, 200, 'this device stays signed in');
    assertError(await other.request('/api/me'), 401, 'unknown');

    const notice = await lastMessage();
    assert.equal(notice.channel, 'email');
    assert.equal(notice.recipient, SEED.email);
    assert.equal(notice.subject, 'Your Serein demo password was changed');
    assert.ok(!notice.body.includes(newPassword), 'the email never contains the password');
  });

  test('the old password no longer works, the new one does', async () => {
    assertError(
      await client(demo.origin).request('/api/session', {body: {email: SEED.email, password: SEED.password}}),
      400,
      'current-password-incorrect',
    );
    await pause(1);
    const {response} = await signedIn(newPassword);
    assert.deepEqual(response.json, {next: '/account'});
  });

  test('a breach flag sends the customer to the change-password page with reason "breach"', async () => {
    const {browser} = await signedIn(newPassword);
    assert.equal((await browser.request('/api/account/breach', {body: {breached: true}})).status, 200);
    const me = await browser.request('/api/me');
    assert.equal(me.json.passwordChangeReason, 'breach');
    const {response} = await signedIn(newPassword);
    assert.deepEqual(response.json, {next: '/account/password'});
    await browser.request('/api/account/breach', {body: {breached: false}});
  });

  after(async () => {
    // Back to the seeded password for the tests below.
    const {browser} = await signedIn(newPassword);
    const back = await browser.request('/api/password', {
      body: {currentPassword: newPassword, newPassword: SEED.password, signOutOthers: false},
    });
    assert.equal(back.status, 200);
  });
});

describe('recovery never tells whether an account exists', () => {
  test('identify answers an unknown address exactly as a known one', async () => {
    const known = await client(demo.origin).request('/api/recovery/identify', {body: {identifier: 'ada@example.com'}});
    const unknown = await client(demo.origin).request('/api/recovery/identify', {
      body: {identifier: 'amy@example.com'},
    });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, known.status);
    // Masked from what was typed: the same text for ada@ and amy@.
    assert.deepEqual(known.json, {methods: [{id: 'email', channel: 'email', destination: 'a•••@example.com'}]});
    assert.deepEqual(unknown.json, known.json);
    const shape = (/** @type {Headers} */ headers) =>
      headers
        .getSetCookie()
        .map((line) => line.replace(/=[^;]*/, '=…'))
        .join();
    assert.equal(shape(unknown.headers), shape(known.headers));
    assert.match(shape(known.headers), /serein_recovery=…; Path=\/api\/recovery; HttpOnly; SameSite=Strict/);
  });

  test('an unknown address gets no email, the same cooldown and the same "incorrect code"', async () => {
    const before = await lastMessage();
    const browser = client(demo.origin);
    await browser.request('/api/recovery/identify', {body: {identifier: 'amy@example.com'}});
    const sent = await browser.request('/api/recovery/send', {body: {method: 'email'}});
    assert.deepEqual([sent.status, sent.json], [200, {sent: true}]);
    assert.deepEqual(await lastMessage(), before, 'nothing was sent');
    const again = await browser.request('/api/recovery/send', {body: {method: 'email'}});
    assertError(again, 429, 'rate-limited');
    assert.ok(again.json.retryAfterSeconds > 0 && again.json.retryAfterSeconds <= 30);
    const verify = await browser.request('/api/recovery/verify', {body: {method: 'email', code: '123456'}});
    assertError(verify, 400, 'code-incorrect');
    assert.equal(verify.json.attemptsLeft, undefined, 'no fixed number of attempts: a pause grows instead');
  });

  test('a known address gets a code that leads to a new password, without signing in', async () => {
    const browser = client(demo.origin);
    await browser.request('/api/recovery/identify', {body: {identifier: ' Ada@Example.com '}});
    assertError(
      await browser.request('/api/recovery/reset', {body: {newPassword: 'no code was checked yet'}}),
      403,
      'code-expired',
    );
    assert.deepEqual((await browser.request('/api/recovery/send', {body: {method: 'email'}})).json, {sent: true});
    const email = await lastMessage();
    assert.equal(email.recipient, SEED.email);
    assert.equal(email.subject, 'Your Serein demo recovery code');
    const code = /recovery page:\s+(\d{6})\s/.exec(email.body)?.[1];
    assert.ok(code, email.body);
    assert.match(email.body, new RegExp(`${demo.origin}/recover/link#token=[\\w-]{43}`));

    const wrong = code === '000000' ? '111111' : '000000';
    assertError(
      await browser.request('/api/recovery/verify', {body: {method: 'email', code: wrong}}),
      400,
      'code-incorrect',
    );
    await pause(1);
    const verified = await browser.request('/api/recovery/verify', {
      body: {method: 'email', code: ` ${code.slice(0, 3)}-${code.slice(3)} `},
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.json));
    assertError(await browser.request('/api/recovery/reset', {body: {newPassword: 'short'}}), 422, 'password-rejected');
    const reset = await browser.request('/api/recovery/reset', {
      body: {newPassword: 'lanterns over the quiet canal', signOutOthers: true},
    });
    assert.equal(reset.status, 200, JSON.stringify(reset.json));
    assertError(await browser.request('/api/me'), 401, 'unknown');
    assert.equal((await lastMessage()).subject, 'Your Serein demo password was changed');
    // The grant is used up, and the code too.
    assertError(
      await browser.request('/api/recovery/reset', {body: {newPassword: 'one more time please'}}),
      400,
      'code-expired',
    );
    const link = /#token=([\w-]+)/.exec(email.body)?.[1];
    assertError(await client(demo.origin).request('/api/recovery/link', {body: {token: link}}), 400, 'code-expired');

    const {response} = await signedIn('lanterns over the quiet canal');
    assert.deepEqual(response.json, {next: '/account'});
  });
});

describe('two-step verification', () => {
  const password = 'lanterns over the quiet canal';
  /** @type {string} */
  let secret;
  /** The code that passed the second step. */
  let usedCode = '';

  test('enrolment gives a secret, its otpauth URI and a QR code, confirmed with a code', async () => {
    const {browser} = await signedIn(password);
    const enrolment = await browser.request('/api/totp/enrolment', {body: {}});
    assert.equal(enrolment.status, 200);
    secret = enrolment.json.secret;
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(
      enrolment.json.uri,
      `otpauth://totp/Serein%20demo:ada%40example.com?secret=${secret}&issuer=Serein%20demo`,
    );
    assert.match(Buffer.from(enrolment.json.qr.split(',')[1], 'base64').toString(), /^<svg /);
    const wrong = await browser.request('/api/totp/enrolment/confirm', {body: {code: '12345'}});
    assertError(wrong, 400, 'code-incorrect');
    await pause(1);
    const confirmed = await browser.request('/api/totp/enrolment/confirm', {body: {code: await generate({secret})}});
    assert.deepEqual(confirmed.json, {twoStep: true});
    assert.equal((await browser.request('/api/me')).json.twoStep, true);
  });

  test('signing in then asks for a code; a computed one passes, and the device can be remembered', async () => {
    const {browser, response} = await signedIn(password);
    assert.deepEqual(response.json, {next: '/two-factor', secondFactor: true});
    assertError(await browser.request('/api/me'), 401, 'unknown');
    assert.equal((await browser.request('/two-factor')).status, 200);
    usedCode = await nextTotp(secret);
    const passed = await browser.request('/api/two-factor', {
      body: {code: usedCode, channel: 'app', rememberDevice: true},
    });
    assert.deepEqual(passed.json, {next: '/account'});
    assert.equal((await browser.request('/api/me')).json.signedInWith, 'password+app');
    assert.ok(browser.jar.has('serein_device'));
    await browser.request('/api/sign-out', {body: {}});
    const again = await browser.request('/api/session', {body: {email: SEED.email, password}});
    assert.deepEqual(again.json, {next: '/account'}, 'a remembered device skips the second step');
  });

  test('a text message is the other way: origin-bound format, resend cooldown', async () => {
    const {browser} = await signedIn(password);
    const alternatives = await browser.request('/api/two-factor');
    assert.deepEqual(alternatives.json, {channel: 'app', alternatives: [{channel: 'sms', destination: '•••• 42'}]});
    const sent = await browser.request('/api/two-factor/send', {body: {channel: 'sms'}});
    assert.deepEqual(sent.json, {channel: 'sms', destination: '•••• 42'});
    const sms = await lastMessage();
    assert.equal(sms.channel, 'sms');
    assert.equal(sms.recipient, '+44 7700 900142');
    const code = /#(\d{6})$/.exec(sms.body)?.[1];
    assert.ok(sms.body.endsWith(`\n\n@localhost #${code}`), sms.body);
    assertError(await browser.request('/api/two-factor/send', {body: {channel: 'sms'}}), 429, 'rate-limited');
    const passed = await browser.request('/api/two-factor', {body: {code, channel: 'sms', rememberDevice: false}});
    assert.deepEqual(passed.json, {next: '/account'});
  });

  test('a used code is refused, and each wrong code makes the second step wait longer', async () => {
    const {browser} = await signedIn(password);
    const submit = (/** @type {string} */ code) => browser.request('/api/two-factor', {body: {code, channel: 'app'}});
    // The code that passed above: used already (and never accepted twice, whatever the time).
    const reused = await submit(usedCode);
    assertError(reused, 400, 'code-incorrect');
    const waiting = await submit('000000');
    assertError(waiting, 429, 'too-many-attempts');
    assert.equal(waiting.json.retryAfterSeconds, 1);
    await pause(1);
    assertError(await submit('000000'), 400, 'code-incorrect');
    // Even the right code waits: 2 s after the second failure.
    const right = await submit(await generate({secret}));
    assertError(right, 429, 'too-many-attempts');
    assert.equal(right.json.retryAfterSeconds, 2);
  });
});

test('journey beacons: same-origin only, and only the fields of the contract, for known components, are kept', async () => {
  const http = client(demo.origin);
  const beacon = (/** @type {string} */ site, /** @type {object[]} */ events) =>
    http.request('/api/events', {
      body: JSON.stringify({view: 'view-0123456789', page: '/two-factor', events}),
      headers: {'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': site},
    });
  const shown = {type: 'journey', seq: 1, detail: {component: 'otp-prompt', action: 'shown', elapsedMs: 0, attempt: 1}};
  assertError(await beacon('cross-site', [shown]), 403, 'unknown');
  const accepted = await beacon('same-origin', [
    shown,
    {
      type: 'journey',
      seq: 2,
      detail: {
        component: 'otp-prompt',
        action: 'failed',
        errorCode: 'code-incorrect',
        code: '123456',
        elapsedMs: 5200,
        attempt: 1,
      },
    },
    {type: 'journey', seq: 3, detail: {component: 'not-serein', action: 'shown', elapsedMs: 0, attempt: 1}},
    {type: 'journey', seq: 4, detail: {component: 'otp-prompt', action: 'teleported', elapsedMs: 0, attempt: 1}},
    {type: 'feedback', seq: 5, detail: {component: 'otp-prompt', score: 9}},
  ]);
  assert.equal(accepted.status, 204);
  const {json} = await http.request('/api/funnel');
  const otp = json.components.find((/** @type {{component: string}} */ item) => item.component === 'otp-prompt');
  assert.equal(otp.shown, 1);
  assert.deepEqual(otp.failures, {'code-incorrect': 1});
  assert.deepEqual(otp.feedback, {count: 0, average: null});
  assert.equal(json.events, 2);
  assert.ok(!JSON.stringify(json).includes('123456'), 'nothing outside the contract is stored');
});

test('a busy port is reported clearly', async () => {
  const second = spawnSync(
    process.execPath,
    [join(root, 'demo/server/main.mjs'), '--port', String(demo.port), '--db', join(dataDir, 'other.sqlite')],
    {encoding: 'utf8', timeout: 30_000},
  );
  assert.equal(second.status, 1);
  assert.match(second.stderr, new RegExp(`Port ${demo.port} is already in use`));
  assert.match(second.stderr, /npm start -- --port \d+/);
});

test('the server stops on SIGTERM and leaves nothing running', () => expectCleanStop(demo));

test('the accounts are still there after a restart', async () => {
  demo = await startDemo({dbPath});
  assert.doesNotMatch(demo.output(), /created now/);
  const signIn = await client(demo.origin).request('/api/session', {
    body: {email: SEED.email, password: 'lanterns over the quiet canal'},
  });
  assert.deepEqual(signIn.json, {next: '/two-factor', secondFactor: true});
  await expectCleanStop(demo);
});
