import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Generated, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import type { DateTime } from 'luxon';
import pg from 'pg';
import { countDatabaseError } from '../metrics.js';

/** Tables. Times are ISO 8601 UTC strings, so they sort and compare the same in SQLite and PostgreSQL. */
export interface Tables {
  processed_events: { event_id: string; received_at: string };
  feedback: {
    id: Generated<number>;
    team_id: string;
    user_id: string;
    topic: string;
    region: string | null;
    vote: 'up' | 'down';
    /** Why an answer did not help (a FeedbackReason), when the person said. */
    reason: string | null;
    created_at: string;
  };
  opt_out_confirmations: { team_id: string; user_id: string; confirmed_at: string };
  unanswered_questions: { id: Generated<number>; team_id: string; user_id: string; question: string; kind: string; created_at: string };
  reminders: {
    id: string;
    team_id: string;
    channel_id: string;
    created_by: string;
    /** JSON of a Schedule. */
    schedule: string;
    timezone: string;
    until_date: string | null;
    /** No occurrence before this (ISO UTC), also after a pause: the CLI's --at. */
    starts_at: string | null;
    /** 1 to start the message with @here. */
    mention_here: number;
    status: 'active' | 'paused' | 'failed' | 'done';
    next_run_at: string | null;
    last_run_at: string | null;
    last_error: string | null;
    created_at: string;
    updated_at: string;
    /** The latest message posted (channel and ts), or null before the first: the one live card. */
    last_channel_id: string | null;
    last_message_ts: string | null;
    /** The card's language (en, de…), or null for the workspace's. */
    language: string | null;
  };
  reminder_deliveries: {
    reminder_id: string;
    /** The occurrence's scheduled instant (ISO UTC), or "manual:<instant>" for "send now". */
    occurrence: string;
    status: 'sending' | 'sent' | 'skipped' | 'failed' | 'interrupted';
    instance_id: string;
    claimed_at: string;
    finished_at: string | null;
    channel_id: string;
    message_ts: string | null;
    detail: string | null;
    /** 1 when this message started with @here (only a reminder's first post does). */
    mention_here: Generated<number>;
  };
  reminder_acks: { channel_id: string; message_ts: string; user_id: string; acked_at: string };
  /** When each channel may next receive a reminder (epoch ms), shared by every replica. */
  channel_slots: { channel_id: string; next_at_ms: number };
}

export type Db = Kysely<Tables>;

/** How times are stored: ISO 8601 in UTC with milliseconds, so they sort as text in both databases. */
export function toStoredTime(t: DateTime): string {
  return t.toUTC().toISO() ?? '';
}
export type Dialect = 'sqlite' | 'postgres';

/** How long one SQLite statement waits for another process's write lock (it blocks the event loop meanwhile). */
export const SQLITE_BUSY_TIMEOUT_MS = 200;
export const PG_CONNECT_TIMEOUT_MS = 3000;
export const PG_STATEMENT_TIMEOUT_MS = 5000;

/** Opens `sqlite:PATH` (creating the file and its folder) or `postgres://…`. */
export function openDatabase(url: string, onIdleError: (error: Error) => void = () => undefined): { db: Db; dialect: Dialect } {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    // better-sqlite3 waits for a lock synchronously, freezing the event loop: wait only briefly, and
    // let a write that still finds the file busy fail softly (every caller answers anyway).
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }), log: countErrors }), dialect: 'sqlite' };
  }
  // A hung or unreachable server must cost seconds, not minutes: bounded connects and statements,
  // and TCP keepalive to notice a connection that went dark.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    statement_timeout: PG_STATEMENT_TIMEOUT_MS,
    query_timeout: PG_STATEMENT_TIMEOUT_MS + 1000,
    keepAlive: true,
  });
  // A connection the server drops (restart, failover) must not crash the app, whether it was idle in
  // the pool or busy with a query (that query fails on its own); the pool opens a new one next time.
  pool.on('error', onIdleError);
  pool.on('connect', (client) => client.on('error', onIdleError));
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log: countErrors }), dialect: 'postgres' };
}

/** Kysely reports every query here; only failures are counted (for /metrics). */
function countErrors(event: LogEvent): void {
  if (event.level === 'error') countDatabaseError();
}
