import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { DATABASES, type TestDatabase } from '../support/databases.js';

describe.each(DATABASES)('the store on %s', (_, create) => {
  let database: TestDatabase;
  let store: Store;
  const now = DateTime.fromISO('2026-11-29T10:00:00Z');

  beforeAll(async () => {
    database = await create();
    store = await Store.open(database.url);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('migrates an existing database again without harm', async () => {
    // The database is already migrated (beforeAll); write through a connection of its own, then close it.
    const first = await Store.open(database.url);
    try {
      expect(await first.confirmOptOut('TMigrate', 'U1', now)).toBe(true);
    } finally {
      await first.close();
    }
    // Opening again runs the migrations again: the row is still there, and so is its primary key.
    const again = await Store.open(database.url);
    try {
      expect(await again.optOutConfirmedAt('TMigrate', 'U1')).toBe('2026-11-29T10:00:00.000Z');
      expect(await again.countOptOuts('TMigrate')).toBe(1);
      expect(await again.confirmOptOut('TMigrate', 'U1', now.plus({ hours: 1 }))).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('claims an event id once, however often it is delivered', async () => {
    expect(await store.claimEvent('Ev1', now)).toBe(true);
    expect(await store.claimEvent('Ev1', now)).toBe(false);
    expect(await store.claimEvent('Ev2', now)).toBe(true);
  });

  it('claims an event once across replicas racing for it', async () => {
    const replicas = await Promise.all([Store.open(database.url), Store.open(database.url), Store.open(database.url)]);
    try {
      const claims = await Promise.all(replicas.flatMap((r) => Array.from({ length: 5 }, () => r.claimEvent('EvRace', now))));
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });

  it('counts feedback per topic', async () => {
    await store.recordFeedback({ teamId: 'T1', userId: 'U1', topic: 'opt-out-how', region: null, vote: 'up' }, now);
    await store.recordFeedback({ teamId: 'T1', userId: 'U2', topic: 'opt-out-how', region: 'eea', vote: 'down' }, now);
    await store.recordFeedback({ teamId: 'T1', userId: 'U2', topic: 'minors', region: null, vote: 'up' }, now);
    await store.recordFeedback({ teamId: 'T2', userId: 'U9', topic: 'minors', region: null, vote: 'down' }, now);
    expect(await store.feedbackByTopic('T1')).toEqual([
      { topic: 'opt-out-how', up: 1, down: 1, reasons: {} },
      { topic: 'minors', up: 1, down: 0, reasons: {} },
    ]);
  });

  it('keeps at most 20 unanswered questions a person a day, so one person cannot fill the table', async () => {
    for (let i = 0; i < 25; i++) await store.recordUnanswered({ teamId: 'T9', userId: 'U1', question: `q${i}`, kind: 'out-of-scope' }, now);
    await store.recordUnanswered({ teamId: 'T9', userId: 'U2', question: 'another person', kind: 'out-of-scope' }, now);
    const rows = await store.recentUnanswered('T9', 100, now);
    expect(rows.filter((r) => r.userId === 'U1')).toHaveLength(20);
    expect(rows.filter((r) => r.userId === 'U2')).toHaveLength(1);
    // A day later there is room again.
    await store.recordUnanswered({ teamId: 'T9', userId: 'U1', question: 'next day', kind: 'out-of-scope' }, now.plus({ days: 1, minutes: 1 }));
    expect((await store.recentUnanswered('T9', 100, now.plus({ days: 1, minutes: 1 }))).some((r) => r.question === 'next day')).toBe(true);
  });

  it('keeps the reason for a 👎 with it, or as a 👎 of its own when none came first', async () => {
    await store.recordFeedback({ teamId: 'T7', userId: 'U1', topic: 'minors', region: null, vote: 'down' }, now);
    await store.recordFeedbackReason({ teamId: 'T7', userId: 'U1', topic: 'minors', region: null, reason: 'wrong' }, now);
    await store.recordFeedbackReason({ teamId: 'T7', userId: 'U2', topic: 'minors', region: 'uk', reason: 'unclear' }, now);
    // Another workspace's reason is not counted here.
    await store.recordFeedbackReason({ teamId: 'T8', userId: 'U1', topic: 'minors', region: null, reason: 'wrong' }, now);
    expect(await store.feedbackByTopic('T7')).toEqual([{ topic: 'minors', up: 0, down: 2, reasons: { wrong: 1, unclear: 1 } }]);
  });

  it('records each person’s opt-out once', async () => {
    expect(await store.confirmOptOut('T1', 'U1', now)).toBe(true);
    expect(await store.confirmOptOut('T1', 'U1', now.plus({ hours: 1 }))).toBe(false);
    expect(await store.confirmOptOut('T1', 'U2', now)).toBe(true);
    expect(await store.countOptOuts('T1')).toBe(2);
    expect(await store.countOptOuts('T2')).toBe(0);
    expect(await store.optOutConfirmedAt('T1', 'U1')).toBe('2026-11-29T10:00:00.000Z');
    expect(await store.optOutConfirmedAt('T1', 'U3')).toBeNull();
  });

  it('keeps unanswered questions for 30 days, newest first, then deletes them', async () => {
    await store.recordUnanswered({ teamId: 'T1', userId: 'U1', question: 'old one', kind: 'out-of-scope' }, now.minus({ days: 31 }));
    await store.recordUnanswered({ teamId: 'T1', userId: 'U1', question: 'first', kind: 'did-you-mean' }, now.minus({ days: 2 }));
    await store.recordUnanswered({ teamId: 'T1', userId: 'U2', question: 'second', kind: 'out-of-scope' }, now.minus({ days: 1 }));
    expect((await store.recentUnanswered('T1', 10, now)).map((q) => q.question)).toEqual(['second', 'first']);
    expect((await store.recentUnanswered('T1', 1, now)).map((q) => q.question)).toEqual(['second']);
    const purged = await store.purgeExpired(now);
    expect(purged.questions).toBe(1);
    expect((await store.recentUnanswered('T1', 10, now.plus({ days: 29 }))).map((q) => q.question)).toEqual(['second']);
  });

  it('forgets event ids after a day', async () => {
    await store.claimEvent('EvOld', now.minus({ days: 2 }));
    await store.purgeExpired(now);
    expect(await store.claimEvent('EvOld', now)).toBe(true);
  });
});
