// The demo's account store: SQLite through better-sqlite3. One connection, in WAL mode (a change
// costs a short append to the write-ahead log, whatever the size of the database, written
// before its request is answered), holding an exclusive lock on the file for as long as the
// server runs: a second server started on the same file refuses to start instead of silently
// losing writes. A database written by an earlier version of the demo (sql.js) is an ordinary
// SQLite file and opens as it is.
import {existsSync, mkdirSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';

/** @typedef {string | number | bigint | Buffer | null} SqlValue */
/** @typedef {Record<string, SqlValue>} Row */
/** A bound parameter: booleans are stored as 1 or 0, `undefined` as NULL. */
/** @typedef {SqlValue | boolean | undefined | Uint8Array} SqlParam */

/** The database file is held by another process (most likely another demo server). */
export class StoreLockedError extends Error {
  /** @param {string} path */
  constructor(path) {
    super(
      `The database ${path} is in use by another process (is another demo server still running on it?).\n` +
        'Stop that server, or start this one on another file: npm start -- --db <file>',
    );
    this.name = 'StoreLockedError';
    this.path = path;
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT,
  password_hash TEXT NOT NULL,
  password_changed_at INTEGER NOT NULL,
  breach_flag INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_pending_secret TEXT,
  totp_last_step INTEGER,
  webauthn_user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  method TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS remembered_devices (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS passkeys (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT NOT NULL,
  backed_up INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
CREATE TABLE IF NOT EXISTS one_time_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  link_hash TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS recovery_flows (
  token_hash TEXT PRIMARY KEY,
  identifier TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  code_expires_at INTEGER,
  grant_expires_at INTEGER,
  expires_at INTEGER NOT NULL
);
-- A recovery flow whose first code was right, for an account with two-step verification: the
-- new password waits for the second step (the flow's grant is given only then).
CREATE TABLE IF NOT EXISTS recovery_second_steps (
  token_hash TEXT PRIMARY KEY REFERENCES recovery_flows(token_hash) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS journey_events (
  id INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  view TEXT NOT NULL,
  seq INTEGER NOT NULL,
  page TEXT NOT NULL,
  type TEXT NOT NULL,
  component TEXT NOT NULL,
  action TEXT,
  step TEXT,
  reason TEXT,
  error_code TEXT,
  elapsed_ms INTEGER,
  attempt INTEGER,
  score INTEGER
);
CREATE INDEX IF NOT EXISTS journey_events_received_at ON journey_events (received_at);

-- Recent authentication: when each session last proved who is using it (signing in, or asking
-- again before a sensitive change), and how. A separate table, so that it can be added to a
-- database made before it existed.
CREATE TABLE IF NOT EXISTS session_auth (
  token_hash TEXT PRIMARY KEY REFERENCES sessions(token_hash) ON DELETE CASCADE,
  auth_at INTEGER NOT NULL,
  auth_method TEXT NOT NULL
);

-- Messages (mail.mjs): each account's language for its emails and text messages, and what
-- serein/messages.js rendered for each outbox message (outbox.body holds the text version).
-- Separate tables, so that they can be added to a database made before they existed.
CREATE TABLE IF NOT EXISTS account_languages (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  locale TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox_rendered (
  outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
  locale TEXT NOT NULL,
  dir TEXT NOT NULL,
  html TEXT,
  segments INTEGER,
  encoding TEXT
);
`;

/** Prepared statements kept per SQL text (the demo's statements are constants: a few dozen). */
const STATEMENT_CACHE_SIZE = 256;

/** @param {unknown} error */
const isBusy = (error) =>
  typeof error === 'object' &&
  error !== null &&
  /^SQLITE_(BUSY|LOCKED)/.test(String(/** @type {{code?: unknown}} */ (error).code ?? ''));

/** @param {SqlParam[]} params */
const bindable = (params) =>
  params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? Number(value) : value));

/**
 * Opens (or creates) the database file and returns a small synchronous query API. Throws a
 * {@link StoreLockedError} when another process holds the file.
 * @param {string} path
 */
export async function openStore(path) {
  mkdirSync(dirname(path), {recursive: true});
  const created = !existsSync(path) || statSync(path).size === 0;
  /** @type {import('better-sqlite3').Database | undefined} */
  let db;
  try {
    // No waiting for a lock: a held file is an error to report, not a queue to join.
    db = new Database(path, {timeout: 0});
    // Exclusive locking mode: the lock taken by the first transaction below is kept until the
    // connection closes (or the process dies, which also releases it: a restart after a crash
    // opens the file and replays its log). In this mode WAL needs no shared-memory file.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit is in the log (the operating system's copy of the file) before the request
    // that made it is answered, so a crash of the process (even kill -9) loses nothing that was
    // acknowledged; the log is flushed to the disk at each checkpoint, so a power cut may lose
    // the last moments but never leaves a damaged file. (FULL would add a flush per commit:
    // about 10 ms on a virtual disk, during which the whole server waits.)
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN EXCLUSIVE');
    db.exec(SCHEMA);
    db.exec('COMMIT');
  } catch (error) {
    db?.close();
    if (isBusy(error)) throw new StoreLockedError(path);
    throw error;
  }
  const connection = db;

  /** @type {Map<string, import('better-sqlite3').Statement<unknown[], Row>>} */
  const statements = new Map();
  /** @param {string} sql */
  function prepare(sql) {
    let statement = statements.get(sql);
    if (!statement) {
      statement = /** @type {import('better-sqlite3').Statement<unknown[], Row>} */ (connection.prepare(sql));
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value ?? '');
      statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * @param {string} sql
   * @param {SqlParam[]} [params]
   * @returns {Row[]}
   */
  function all(sql, params = []) {
    const statement = prepare(sql);
    if (statement.reader) return statement.all(...bindable(params));
    statement.run(...bindable(params));
    return [];
  }

  const store = {
    created,
    all,
    /**
     * @param {string} sql
     * @param {SqlParam[]} [params]
     * @returns {Row | undefined}
     */
    get(sql, params = []) {
      const statement = prepare(sql);
      if (statement.reader) return statement.get(...bindable(params));
      statement.run(...bindable(params));
      return undefined;
    },
    /**
     * Runs a statement that changes data; outside a {@link transaction} it is committed (and on
     * disk) when this returns.
     * @param {string} sql
     * @param {SqlParam[]} [params]
     * @returns {{changes: number, lastId: number}}
     */
    run(sql, params = []) {
      const {changes, lastInsertRowid} = prepare(sql).run(...bindable(params));
      return {changes, lastId: Number(lastInsertRowid)};
    },
    /**
     * Runs several changes as one: all or nothing, one commit. `work` is synchronous (an
     * `await` inside would end the transaction early, so a promise is refused); transactions
     * may nest.
     * @template T
     * @param {() => T} work
     * @returns {T}
     */
    transaction(work) {
      return connection.transaction(work)();
    },
    /** True while the connection is open. */
    get open() {
      return connection.open;
    },
    /** Writes the log into the database file and releases the file. */
    close() {
      if (!connection.open) return;
      try {
        connection.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        connection.close();
      }
    },
  };
  return store;
}

/** @typedef {Awaited<ReturnType<typeof openStore>>} Store */
