// Guessing against the demo server, as an attacker would, over HTTP: parallel guesses, guesses
// from many client addresses (each test client binds its own loopback source address, 127.x.y.z,
// so the server sees real, different addresses), an attacker locking the owner out, the long-run
// ceiling, and recovery timing for known and unknown addresses. The server runs in test mode
// (SEREIN_DEMO_TEST_HOOKS=1), which adds one route: how many passwords it has hashed.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {generate} from 'otplib';
import {addressedClient} from './support/clients.mjs';
import {expectCleanStop, nextTotp, SEED, startDemo} from './support/demo.mjs';

/** @type {import('./support/demo.mjs').Demo} */
let demo;

before(async () => {
  demo = await startDemo({env: {SEREIN_DEMO_TEST_HOOKS: '1'}});
});
after(async () => {
  await demo?.stop();
});

/**
 * A client of the demo with its own loopback source address.
 * @param {string} address
 */
const clientAt = (address) => addressedClient(demo.port, address);

/** How many passwords the server has hashed so far (test mode only). */
async function hashes() {
  const {status, json} = await clientAt('127.0.0.1').request('/api/test/hashes');
  assert.equal(status, 200, 'the test-mode route answers');
  return /** @type {number} */ (json.hashes);
}

/** The recovery codes in the outbox, newest first. */
async function outboxCodes() {
  const {json} = await clientAt('127.0.0.1').request('/api/outbox');
  return /** @type {{subject: string, body: string}[]} */ (json.messages)
    .filter((message) => message.subject === 'Your Serein demo recovery code')
    .map((message) => /recovery page:\s+(\d{6})\s/.exec(message.body)?.[1] ?? '');
}

/** A six-digit code that none of the codes sent so far is. */
async function wrongCode() {
  const sent = new Set(await outboxCodes());
  for (let value = 0; ; value += 1) {
    const code = String(value).padStart(6, '0');
    if (!sent.has(code)) return code;
  }
}

/**
 * Starts a recovery for `identifier` from a client, and asks for the code by email.
 * @param {ReturnType<typeof clientAt>} client
 * @param {string} identifier
 * @param {{send?: boolean}} [options]
 */
async function startRecovery(client, identifier, {send = true} = {}) {
  assert.equal((await client.request('/api/recovery/identify', {identifier})).status, 200);
  if (!send) return undefined;
  return client.request('/api/recovery/send', {method: 'email'});
}

/**
 * Sends `count` requests at once and returns their answers.
 * @param {number} count
 * @param {(index: number) => Promise<{status: number, json: any}>} send
 */
const burst = (count, send) => Promise.all(Array.from({length: count}, (_, index) => send(index)));

/** @param {{status: number}[]} answers */
const countStatus = (answers, /** @type {number} */ status) =>
  answers.filter((answer) => answer.status === status).length;

/** @param {number} seconds */
const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 150));

describe('parallel guesses cannot get past the limits (a guess counts before the hash is computed)', () => {
  test('50 wrong passwords at once from one client: only the first is hashed, and then even the right password waits', async () => {
    const attacker = clientAt('127.0.0.2');
    const before = await hashes();
    const answers = await burst(50, () =>
      attacker.request('/api/session', {email: SEED.email, password: 'not the password at all'}),
    );
    const hashed = (await hashes()) - before;
    // One guess at a time per client, then a pause of 1 s: a second guess could only be hashed
    // if the burst lasted longer than that pause (a generous margin for a slow machine).
    assert.ok(hashed >= 1 && hashed <= 5, `hashed ${hashed} of 50 parallel guesses`);
    assert.equal(countStatus(answers, 400), hashed, 'each hashed guess was answered as wrong');
    assert.equal(countStatus(answers, 429), 50 - hashed, 'the others were refused without hashing');
    const right = await attacker.request('/api/session', {email: SEED.email, password: SEED.password});
    assert.equal(right.status, 429, JSON.stringify(right.json));
    assert.equal(right.json.code, 'rate-limited');
    assert.ok(right.json.retryAfterSeconds >= 1, JSON.stringify(right.json));
    assert.equal(attacker.jar.has('serein_session'), false, 'no session was started');
  });

  test('the same in POST /api/password: 20 wrong current passwords at once, then the right one waits', async () => {
    const owner = clientAt('127.0.0.3');
    assert.equal((await owner.request('/api/session', {email: SEED.email, password: SEED.password})).status, 200);
    const before = await hashes();
    const answers = await burst(20, () =>
      owner.request('/api/password', {currentPassword: 'not my password at all', newPassword: 'a new password here'}),
    );
    const hashed = (await hashes()) - before;
    assert.ok(hashed >= 1 && hashed <= 5, `hashed ${hashed} of 20 parallel guesses`);
    assert.equal(countStatus(answers, 400), hashed);
    const right = await owner.request('/api/password', {
      currentPassword: SEED.password,
      newPassword: 'a new password here',
    });
    assert.equal(right.status, 429, JSON.stringify(right.json));
    assert.equal(right.json.code, 'rate-limited');
  });

  test('a pause that runs out does not clear the failures: it doubles (1 s, 2 s, 4 s)', async () => {
    const client = clientAt('127.0.0.4');
    const attempt = () => client.request('/api/session', {email: 'nobody@example.com', password: 'not it, again'});
    for (const wait of [1, 2, 4]) {
      assert.equal((await attempt()).status, 400);
      const refused = await attempt();
      assert.equal(refused.status, 429, JSON.stringify(refused.json));
      assert.equal(refused.json.retryAfterSeconds, wait);
      if (wait < 4) await pause(wait);
    }
  });
});

describe('anyone who knows an email address cannot lock its owner out', () => {
  test('wrong passwords from other addresses leave the owner’s right password working', async () => {
    // Ten attackers, one wrong password each, and one attacker trying ten times in a row.
    for (let index = 0; index < 10; index += 1) {
      const wrong = await clientAt(`127.0.3.${index + 1}`).request('/api/session', {
        email: SEED.email,
        password: 'a wrong guess at it',
      });
      assert.equal(wrong.status, 400);
    }
    const persistent = clientAt('127.0.3.100');
    for (let index = 0; index < 10; index += 1) {
      await persistent.request('/api/session', {email: SEED.email, password: 'a wrong guess at it'});
    }
    const owner = await clientAt('127.0.0.5').request('/api/session', {email: SEED.email, password: SEED.password});
    assert.equal(owner.status, 200, JSON.stringify(owner.json));
  });

  test('codes asked for and wrong codes typed by others leave the owner’s code and send budget intact', async () => {
    const owner = clientAt('127.0.0.6');
    const attackers = Array.from({length: 5}, (_, index) => clientAt(`127.0.4.${index + 1}`));
    // An attacker asks first: the owner can still ask (budgets are per client).
    assert.equal((await startRecovery(attackers[0], SEED.email))?.status, 200);
    const sent = await startRecovery(owner, SEED.email);
    assert.equal(sent?.status, 200, JSON.stringify(sent?.json));
    const [ownerCode] = await outboxCodes();
    // Another send by an attacker does not void the owner's code (the last 3 stay valid).
    assert.equal((await startRecovery(attackers[1], SEED.email))?.status, 200);
    assert.notEqual((await outboxCodes())[0], ownerCode, 'a new code was sent');
    // Five wrong codes, from five addresses.
    const wrong = await wrongCode();
    for (const attacker of attackers) {
      if (!attacker.jar.has('serein_recovery')) await startRecovery(attacker, SEED.email, {send: false});
      const answer = await attacker.request('/api/recovery/verify', {method: 'email', code: wrong});
      assert.equal(answer.status, 400, JSON.stringify(answer.json));
      assert.equal(answer.json.code, 'code-incorrect');
    }
    const verified = await owner.request('/api/recovery/verify', {method: 'email', code: ownerCode});
    assert.equal(verified.status, 200, JSON.stringify(verified.json));
  });
});

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('recovery timing does not tell whether an account exists', () => {
  test('80 sends for a known address and 80 for unknown ones, interleaved: the medians differ by at most half or 5 ms', async (t) => {
    /** @type {{known: number[], unknown: number[]}} */
    const times = {known: [], unknown: []};
    const warmUp = 10;
    for (let round = 0; round < warmUp + 80; round += 1) {
      // Known first in even rounds, unknown first in odd ones.
      const order =
        round % 2 ? /** @type {const} */ (['unknown', 'known']) : /** @type {const} */ (['known', 'unknown']);
      for (const kind of order) {
        // A client address of its own for each request: every send is within its budget.
        const client = clientAt(`127.0.${kind === 'known' ? 8 : 9}.${round + 1}`);
        await startRecovery(client, kind === 'known' ? SEED.email : `nobody-${round}@example.com`, {send: false});
        const {status, json, ms} = await client.request('/api/recovery/send', {method: 'email'});
        assert.equal(status, 200, JSON.stringify(json));
        if (round >= warmUp) times[kind].push(ms);
      }
    }
    const known = median(times.known);
    const unknown = median(times.unknown);
    const difference = Math.abs(known - unknown);
    const summary = `medians: known ${known.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms`;
    t.diagnostic(summary);
    // The leak this guards against (per-account work such as hashing or sending before the
    // answer) costs tens of milliseconds; the margin leaves room for a busy two-core machine.
    assert.ok(!(difference > 0.5 * Math.min(known, unknown) && difference > 5), summary);
    // The codes were sent all the same.
    assert.ok((await outboxCodes()).length >= 80);
  });
});

describe('guessing is capped in the long run', () => {
  test('one address guessing codes for many accounts is stopped after 20 failures an hour', async () => {
    const client = clientAt('127.0.0.7');
    const code = await wrongCode();
    for (let index = 0; index < 20; index += 1) {
      await startRecovery(client, `someone-${index}@example.com`, {send: false});
      const answer = await client.request('/api/recovery/verify', {method: 'email', code});
      assert.equal(answer.status, 400, `guess ${index + 1}: ${JSON.stringify(answer.json)}`);
    }
    await startRecovery(client, 'someone-else@example.com', {send: false});
    const refused = await client.request('/api/recovery/verify', {method: 'email', code});
    assert.equal(refused.status, 429, JSON.stringify(refused.json));
    assert.equal(refused.json.code, 'too-many-attempts');
    assert.ok(refused.json.retryAfterSeconds > 0 && refused.json.retryAfterSeconds <= 3600);
  });

  test('one account: at most 100 wrong passwords from any number of addresses, even all at once; the owner’s remembered device still signs in', async () => {
    // The owner remembers a device first: two-step verification on, then "don't ask again".
    const owner = clientAt('127.0.0.8');
    assert.equal((await owner.request('/api/session', {email: SEED.email, password: SEED.password})).status, 200);
    const {json: enrolment} = await owner.request('/api/totp/enrolment', {});
    const confirmed = await owner.request('/api/totp/enrolment/confirm', {
      code: await generate({secret: enrolment.secret}),
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
    await owner.request('/api/sign-out', {});
    assert.deepEqual((await owner.request('/api/session', {email: SEED.email, password: SEED.password})).json, {
      next: '/two-factor',
      secondFactor: true,
    });
    const second = await owner.request('/api/two-factor', {
      code: await nextTotp(enrolment.secret),
      channel: 'app',
      rememberDevice: true,
    });
    assert.equal(second.status, 200, JSON.stringify(second.json));
    assert.ok(owner.jar.has('serein_device'));
    await owner.request('/api/sign-out', {});

    // 120 guesses at once, each from an address of its own.
    const before = await hashes();
    const answers = await burst(120, (index) =>
      clientAt(`127.0.5.${index + 1}`).request('/api/session', {email: SEED.email, password: `wrong guess ${index}`}),
    );
    const hashed = (await hashes()) - before;
    // Each guess counts from the moment it arrives: exactly the ceiling was checked.
    assert.equal(hashed, 100, `hashed ${hashed} guesses against one account`);
    assert.equal(countStatus(answers, 400), 100);
    assert.equal(countStatus(answers, 429), 20);
    // Whoever comes next without the owner's device is refused, even with the right password.
    const stranger = await clientAt('127.0.6.1').request('/api/session', {email: SEED.email, password: SEED.password});
    assert.equal(stranger.status, 429, JSON.stringify(stranger.json));
    assert.equal(stranger.json.retryAfterSeconds, undefined, 'no wait helps: the account needs recovery');
    // The owner's remembered device is not: it signs in.
    const mine = await owner.request('/api/session', {email: SEED.email, password: SEED.password});
    assert.deepEqual(mine.json, {next: '/account'});
  });

  test('the whole server takes at most 500 wrong recovery codes an hour', async () => {
    const code = await wrongCode();
    let guesses = 0;
    let refused;
    // 26 addresses (each under its own limit of 20 an hour), 20 accounts each: 520 guesses.
    for (let address = 0; address < 26 && !refused; address += 1) {
      const client = clientAt(`127.0.7.${address + 1}`);
      for (let index = 0; index < 20; index += 1) {
        await startRecovery(client, `global-${address}-${index}@example.com`, {send: false});
        const answer = await client.request('/api/recovery/verify', {method: 'email', code});
        if (answer.status === 429) {
          refused = answer.json;
          break;
        }
        assert.equal(answer.status, 400, JSON.stringify(answer.json));
        guesses += 1;
      }
    }
    assert.equal(refused?.code, 'too-many-attempts', 'the server-wide limit refused a guess');
    assert.ok(refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 3600);
    // The tests above spent 25 of the server's wrong codes already.
    assert.equal(guesses, 500 - 25);
  });
});

test('the demo server stops and leaves nothing running', () => expectCleanStop(demo));
