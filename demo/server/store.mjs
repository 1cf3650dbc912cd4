// The demo's account store: SQLite compiled to WebAssembly (sql.js), kept in memory and written
// to one file after every change (a temporary file renamed over the old one, so a crash never
// leaves half a database).
import {mkdirSync, readFileSync, renameSync, writeFileSync, existsSync} from 'node:fs';
import {dirname} from 'node:path';
import initSqlJs from 'sql.js';

/** @typedef {import('sql.js').Database} Database */
/** @typedef {import('sql.js').SqlValue} SqlValue */
/** @typedef {Record<string, SqlValue>} Row */

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

/**
 * Opens (or creates) the database file and returns a small synchronous query API. Every
 * statement that changes something is followed by a write of the whole file; the database of a
 * demo is a few kilobytes, so this is cheap and keeps the file always current.
 * @param {string} path
 */
export async function openStore(path) {
  const SQL = await initSqlJs();
  const created = !existsSync(path);
  /** @type {Database} */
  const db = created ? new SQL.Database() : new SQL.Database(readFileSync(path));
  db.run('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  mkdirSync(dirname(path), {recursive: true});
  let pending = 0;

  function persist() {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, db.export());
    renameSync(temporary, path);
    // db.export() turns foreign keys off again (it reopens the database).
    db.run('PRAGMA foreign_keys = ON');
  }

  /**
   * @param {string} sql
   * @param {SqlValue[]} [params]
   * @returns {Row[]}
   */
  function all(sql, params = []) {
    const statement = db.prepare(sql);
    try {
      statement.bind(params);
      /** @type {Row[]} */
      const rows = [];
      while (statement.step()) rows.push(statement.getAsObject());
      return rows;
    } finally {
      statement.free();
    }
  }

  const store = {
    created,
    all,
    /**
     * @param {string} sql
     * @param {SqlValue[]} [params]
     * @returns {Row | undefined}
     */
    get(sql, params = []) {
      return all(sql, params)[0];
    },
    /**
     * Runs a statement that changes data and writes the file (unless inside {@link transaction}).
     * @param {string} sql
     * @param {SqlValue[]} [params]
     * @returns {{changes: number, lastId: number}}
     */
    run(sql, params = []) {
      db.run(sql, params);
      const changes = db.getRowsModified();
      const lastId = Number(db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
      if (pending === 0 && changes > 0) persist();
      return {changes, lastId};
    },
    /**
     * Runs several changes as one: all or nothing, and one write of the file.
     * @template T
     * @param {() => T} work
     * @returns {T}
     */
    transaction(work) {
      db.run('BEGIN');
      pending += 1;
      try {
        const result = work();
        db.run('COMMIT');
        return result;
      } catch (error) {
        db.run('ROLLBACK');
        throw error;
      } finally {
        pending -= 1;
        if (pending === 0) persist();
      }
    },
    close() {
      db.close();
    },
  };
  if (created) persist();
  return store;
}

/** @typedef {Awaited<ReturnType<typeof openStore>>} Store */
