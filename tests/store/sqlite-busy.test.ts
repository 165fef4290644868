import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/handlers/deps.js';
import { claim } from '../../src/handlers/events/claim.js';
import { Store } from '../../src/store/store.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';

// The reliability review: with another process holding SQLite's write lock, better-sqlite3 waited out
// a 5 s busy_timeout synchronously and froze every answer. A locked file is now a soft failure.

describe('SQLite locked by another process', () => {
  let database: TestDatabase;
  let store: Store;
  let other: Database.Database;

  beforeEach(async () => {
    database = sqliteDatabase();
    store = await Store.open(database.url);
    other = new Database(database.url.slice('sqlite:'.length));
    other.exec('BEGIN IMMEDIATE');
  });

  afterEach(async () => {
    other.exec('ROLLBACK');
    other.close();
    await store.close();
    await database.drop();
  });

  it('fails a write with SQLITE_BUSY instead of waiting seconds for the lock (better-sqlite3 waits synchronously)', async () => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
    expect(rows[0]?.timeout).toBeLessThanOrEqual(500);
    await expect(store.recordFeedback({ teamId: 'T1', userId: 'U1', topic: 'minors', region: null, vote: 'up' })).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
  });

  it('still answers an event: the claim is treated as a first delivery', async () => {
    const logs: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
    const deps = { store, logger, now: () => undefined } as unknown as Deps;
    await expect(claim(deps, { event_id: 'Ev1' })).resolves.toBe(true);
    expect(logs.join('')).toContain('answering anyway');
  });
});
