import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Reminder, ReminderError, ReminderStore } from '../../src/reminders/reminder-store.js';
import { nextOccurrence } from '../../src/reminders/schedule.js';
import { Store } from '../../src/store/store.js';
import { DATABASES, type TestDatabase } from '../support/databases.js';
import { clearReminders, newReminder, utc } from './helpers.js';

/** Sunday 29 November 2026, 10:00 UTC. */
const NOW = utc('2026-11-29T10:00:00Z');

describe.each(DATABASES)('ReminderStore on %s', (_name, create) => {
  let database: TestDatabase;
  let store: Store;
  let reminders: ReminderStore;

  beforeAll(async () => {
    database = await create();
    store = await Store.open(database.url);
    reminders = new ReminderStore(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await clearReminders(store);
  });

  describe('create', () => {
    it('stores the reminder and computes its first occurrence in its zone', async () => {
      const r = await reminders.create(
        newReminder({ schedule: { kind: 'weekdays', time: '09:00' }, timezone: 'Europe/Berlin', mentionHere: true }),
        NOW,
      );
      expect(r).toMatchObject({
        teamId: 'T1',
        channelId: 'C0REMIND1',
        createdBy: 'UCREATOR',
        schedule: { kind: 'weekdays', time: '09:00' },
        timezone: 'Europe/Berlin',
        until: null,
        mentionHere: true,
        status: 'active',
        // Monday 30 November, 09:00 in Berlin.
        nextRunAt: '2026-11-30T08:00:00.000Z',
        lastRunAt: null,
        lastError: null,
        createdAt: '2026-11-29T10:00:00.000Z',
      });
      expect(r.id).toMatch(/^r[0-9a-f]{10}$/);
      expect(await reminders.get(r.id)).toEqual(r);
    });

    it('gives each reminder its own id, lists them in creation order, and per team', async () => {
      const a = await reminders.create(newReminder(), NOW);
      const b = await reminders.create(newReminder({ teamId: 'T2' }), NOW.plus({ minutes: 1 }));
      const c = await reminders.create(newReminder(), NOW.plus({ minutes: 2 }));
      expect(new Set([a.id, b.id, c.id]).size).toBe(3);
      expect((await reminders.list()).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
      expect((await reminders.list('T1')).map((r) => r.id)).toEqual([a.id, c.id]);
      expect((await reminders.list('T2')).map((r) => r.id)).toEqual([b.id]);
    });

    it('counts the first occurrence from notBefore when that is later (the CLI’s --at), including notBefore itself', async () => {
      const at = DateTime.fromISO('2026-12-07T09:00', { zone: 'Europe/Berlin' });
      const r = await reminders.create(newReminder({ schedule: { kind: 'daily', time: '09:00' }, timezone: 'Europe/Berlin', notBefore: at }), NOW);
      expect(r.nextRunAt).toBe('2026-12-07T08:00:00.000Z');
    });

    it('refuses a schedule with nothing left to run', async () => {
      await expect(reminders.create(newReminder({ schedule: { kind: 'once', date: '2026-11-01', time: '09:00' } }), NOW)).rejects.toBeInstanceOf(
        ReminderError,
      );
      await expect(reminders.create(newReminder({ until: '2026-11-28' }), NOW)).rejects.toThrow(/no time left/);
      expect(await reminders.list()).toEqual([]);
    });

    it('keeps an until date and stops after it', async () => {
      const r = await reminders.create(newReminder({ until: '2026-11-30' }), NOW);
      expect(r.until).toBe('2026-11-30');
      expect(r.nextRunAt).toBe('2026-11-30T09:00:00.000Z');
    });
  });

  describe('due', () => {
    it('lists active reminders whose time has come, earliest first', async () => {
      const late = await reminders.create(newReminder({ schedule: { kind: 'daily', time: '09:30' } }), NOW);
      const early = await reminders.create(newReminder({ schedule: { kind: 'daily', time: '09:00' } }), NOW);
      const notYet = await reminders.create(newReminder({ schedule: { kind: 'once', date: '2026-11-30', time: '11:00' } }), NOW);
      const paused = await reminders.create(newReminder({ schedule: { kind: 'daily', time: '08:00' } }), NOW);
      await reminders.pause(paused.id, NOW);
      const due = await reminders.due(utc('2026-11-30T10:00:00Z'));
      expect(due.map((r) => r.id)).toEqual([early.id, late.id]);
      expect(due.map((r) => r.id)).not.toContain(notYet.id);
      expect(due.map((r) => r.id)).not.toContain(paused.id);
      // Exactly at the scheduled instant counts as due.
      expect((await reminders.due(utc('2026-11-30T09:00:00Z'))).map((r) => r.id)).toEqual([early.id]);
      expect(await reminders.due(utc('2026-11-30T08:59:59.999Z'))).toEqual([]);
    });
  });

  describe('pause, resume and remove', () => {
    it('a paused reminder is not due', async () => {
      const r = await reminders.create(newReminder(), NOW);
      const paused = await reminders.pause(r.id, NOW);
      expect(paused.status).toBe('paused');
      expect(await reminders.due(utc('2026-12-05T00:00:00Z'))).toEqual([]);
    });

    it('resume counts the next occurrence from now: nothing missed while paused becomes due', async () => {
      const r = await reminders.create(newReminder({ schedule: { kind: 'weekdays', time: '09:00' } }), NOW);
      expect(r.nextRunAt).toBe('2026-11-30T09:00:00.000Z');
      await reminders.pause(r.id, NOW);
      // Resumed on Thursday 3 December at 12:00: Monday to Thursday's 09:00s were missed.
      const resumedAt = utc('2026-12-03T12:00:00Z');
      const resumed = await reminders.resume(r.id, resumedAt);
      expect(resumed.status).toBe('active');
      expect(resumed.nextRunAt).toBe('2026-12-04T09:00:00.000Z');
      expect(await reminders.due(resumedAt)).toEqual([]);
      expect((await reminders.due(utc('2026-12-04T09:00:00Z'))).map((x) => x.id)).toEqual([r.id]);
    });

    it('resume clears the last error of a failed reminder', async () => {
      const r = await reminders.create(newReminder(), NOW);
      await reminders.markFailed(r.id, 'channel_not_found', NOW);
      expect(await reminders.get(r.id)).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
      expect(await reminders.due(utc('2026-12-05T00:00:00Z'))).toEqual([]);
      const resumed = await reminders.resume(r.id, NOW);
      expect(resumed).toMatchObject({ status: 'active', lastError: null, nextRunAt: '2026-11-30T09:00:00.000Z' });
    });

    it('resuming a one-off whose time passed while paused makes it done, not due', async () => {
      const r = await reminders.create(newReminder({ schedule: { kind: 'once', date: '2026-11-30', time: '09:00' } }), NOW);
      await reminders.pause(r.id, NOW);
      const resumed = await reminders.resume(r.id, utc('2026-12-01T00:00:00Z'));
      expect(resumed).toMatchObject({ status: 'done', nextRunAt: null });
      expect(await reminders.due(utc('2026-12-02T00:00:00Z'))).toEqual([]);
    });

    it('remove deletes it; pause, resume and remove of an unknown id say so', async () => {
      const keep = await reminders.create(newReminder(), NOW);
      const r = await reminders.create(newReminder(), NOW);
      await reminders.remove(r.id);
      expect(await reminders.get(r.id)).toBeNull();
      expect((await reminders.list()).map((x) => x.id)).toEqual([keep.id]);
      expect((await reminders.due(utc('2026-11-30T09:00:00Z'))).map((x) => x.id)).toEqual([keep.id]);
      for (const action of [() => reminders.pause(r.id, NOW), () => reminders.resume(r.id, NOW), () => reminders.remove(r.id)]) {
        await expect(action()).rejects.toThrow(new ReminderError(`There is no reminder ${r.id}.`, 'notFound', { id: r.id }));
      }
    });
  });

  describe('claim and finish', () => {
    async function dueReminder(): Promise<Reminder> {
      return reminders.create(newReminder(), NOW);
    }

    it('claims an occurrence once and moves the reminder on to the next one', async () => {
      const r = await dueReminder();
      const occurrence = r.nextRunAt as string;
      const next = nextOccurrence(r.schedule, r.timezone, r.until, utc(occurrence));
      const at = utc('2026-11-30T09:00:05Z');
      expect(await reminders.claim(r, occurrence, { instanceId: 'A', next, status: 'sending' }, at)).toBe(true);
      expect(await reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: '2026-12-01T09:00:00.000Z', lastRunAt: occurrence });
      // The same occurrence again, from this or another replica, with the stale reminder: refused.
      expect(await reminders.claim(r, occurrence, { instanceId: 'A', next, status: 'sending' }, at)).toBe(false);
      expect(await reminders.claim(r, occurrence, { instanceId: 'B', next, status: 'sending' }, at)).toBe(false);
      expect(await reminders.claim(r, occurrence, { instanceId: 'B', next, status: 'skipped', detail: 'x' }, at)).toBe(false);
      const deliveries = await reminders.deliveries(r.id);
      expect(deliveries).toEqual([
        {
          reminderId: r.id,
          occurrence,
          claimedAt: '2026-11-30T09:00:05.000Z',
          status: 'sending',
          instanceId: 'A',
          channelId: 'C0REMIND1',
          messageTs: null,
          detail: null,
        },
      ]);
      // The next occurrence is a new one.
      const moved = (await reminders.get(r.id)) as Reminder;
      expect(await reminders.claim(moved, moved.nextRunAt as string, { instanceId: 'B', next: null, status: 'sending' }, at.plus({ days: 1 }))).toBe(
        true,
      );
      expect(await reminders.get(r.id)).toMatchObject({ status: 'done', nextRunAt: null });
    });

    it('only one of many claims racing for an occurrence gets it', async () => {
      const r = await dueReminder();
      const occurrence = r.nextRunAt as string;
      const next = nextOccurrence(r.schedule, r.timezone, r.until, utc(occurrence));
      // Several connections only on PostgreSQL: in one process, a second better-sqlite3 connection
      // waiting for SQLite's lock blocks the event loop the first one needs to finish.
      const extra = _name === 'postgres' ? await Promise.all([Store.open(database.url), Store.open(database.url)]) : [];
      try {
        const stores = [store, ...extra].map((s) => new ReminderStore(s.db));
        const claims = await Promise.all(
          stores.flatMap((s, i) =>
            Array.from({ length: 5 }, (_, j) => s.claim(r, occurrence, { instanceId: `replica-${i}-${j}`, next, status: 'sending' }, NOW)),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(extra.map((s) => s.close()));
      }
      expect(await reminders.deliveries(r.id)).toHaveLength(1);
      expect((await reminders.get(r.id))?.nextRunAt).toBe('2026-12-01T09:00:00.000Z');
    });

    it('a skipped claim is finished at once and keeps lastRunAt', async () => {
      const r = await dueReminder();
      const occurrence = r.nextRunAt as string;
      expect(
        await reminders.claim(r, occurrence, { instanceId: 'A', next: utc('2026-12-01T09:00:00Z'), status: 'skipped', detail: 'missed' }, NOW),
      ).toBe(true);
      expect(await reminders.deliveries(r.id)).toEqual([expect.objectContaining({ status: 'skipped', detail: 'missed' })]);
      expect(await reminders.get(r.id)).toMatchObject({ lastRunAt: null, nextRunAt: '2026-12-01T09:00:00.000Z' });
    });

    it('a claim with advance: false (send now) leaves the schedule alone', async () => {
      const r = await dueReminder();
      expect(
        await reminders.claim(r, 'manual:2026-11-29T10:00:00.000Z', { instanceId: 'A', next: null, status: 'sending', advance: false }, NOW),
      ).toBe(true);
      expect(await reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: r.nextRunAt });
    });

    it('refuses to claim (and so to send) a reminder paused or deleted after it was found due', async () => {
      const r = await dueReminder();
      await reminders.pause(r.id, NOW);
      expect(await reminders.claim(r, r.nextRunAt as string, { instanceId: 'A', next: utc('2026-12-01T09:00:00Z'), status: 'sending' }, NOW)).toBe(
        false,
      );
      expect(await reminders.get(r.id)).toMatchObject({ status: 'paused', nextRunAt: r.nextRunAt });
      expect(await reminders.deliveries(r.id)).toEqual([]);
      const gone = await dueReminder();
      await reminders.remove(gone.id);
      expect(await reminders.claim(gone, gone.nextRunAt as string, { instanceId: 'A', next: null, status: 'sending' }, NOW)).toBe(false);
      expect(
        await reminders.claim(gone, 'manual:2026-11-30T09:00:00Z', { instanceId: 'A', next: null, status: 'sending', advance: false }, NOW),
      ).toBe(false);
    });

    it('finish records the outcome, sent with its ts or failed with its reason', async () => {
      const a = await dueReminder();
      const b = await dueReminder();
      for (const r of [a, b]) await reminders.claim(r, r.nextRunAt as string, { instanceId: 'A', next: null, status: 'sending' }, NOW);
      await reminders.finish(a.id, a.nextRunAt as string, { status: 'sent', messageTs: '1790000000.000100' }, NOW);
      await reminders.finish(b.id, b.nextRunAt as string, { status: 'failed', detail: 'x'.repeat(800) }, NOW);
      expect(await reminders.deliveries(a.id)).toEqual([expect.objectContaining({ status: 'sent', messageTs: '1790000000.000100', detail: null })]);
      const [failed] = await reminders.deliveries(b.id);
      expect(failed).toMatchObject({ status: 'failed', messageTs: null });
      expect(failed?.detail).toHaveLength(500);
    });

    it('markInterrupted marks only claims older than the cut-off and still unfinished', async () => {
      const old = await dueReminder();
      const recent = await dueReminder();
      const done = await dueReminder();
      await reminders.claim(old, old.nextRunAt as string, { instanceId: 'dead', next: null, status: 'sending' }, utc('2026-11-30T09:00:00Z'));
      await reminders.claim(recent, recent.nextRunAt as string, { instanceId: 'alive', next: null, status: 'sending' }, utc('2026-11-30T09:08:00Z'));
      await reminders.claim(done, done.nextRunAt as string, { instanceId: 'alive', next: null, status: 'sending' }, utc('2026-11-30T09:00:00Z'));
      await reminders.finish(done.id, done.nextRunAt as string, { status: 'sent', messageTs: '1.1' }, utc('2026-11-30T09:00:01Z'));
      expect(await reminders.markInterrupted(utc('2026-11-30T09:05:00Z'), utc('2026-11-30T09:15:00Z'))).toBe(1);
      expect((await reminders.deliveries(old.id))[0]).toMatchObject({ status: 'interrupted', detail: expect.stringMatching(/not sent again/) });
      expect((await reminders.deliveries(recent.id))[0]?.status).toBe('sending');
      expect((await reminders.deliveries(done.id))[0]?.status).toBe('sent');
      expect(await reminders.markInterrupted(utc('2026-11-30T09:05:00Z'), utc('2026-11-30T09:16:00Z'))).toBe(0);
    });
  });

  describe('the latest message (one live card per reminder)', () => {
    /** Claims an occurrence and finishes it as sent with `ts`; returns the message it replaced. */
    async function sent(r: Reminder, occurrence: string, ts: string, mentionedHere = false) {
      await reminders.claim(r, occurrence, { instanceId: 'x', next: null, status: 'sending', advance: false }, NOW);
      return reminders.finish(r.id, occurrence, { status: 'sent', messageTs: ts, mentionedHere }, NOW);
    }

    it('starts empty, and each message sent replaces the one before, which finish() returns', async () => {
      const r = await reminders.create(newReminder({ mentionHere: true }), NOW);
      expect(r.lastMessage).toBeNull();
      expect(await sent(r, 'manual:1', '1790000000.000100', true)).toBeNull();
      expect((await reminders.get(r.id))?.lastMessage).toEqual({ channelId: 'C0REMIND1', messageTs: '1790000000.000100' });
      expect(await sent(r, 'manual:2', '1790000000.000200')).toEqual({ channelId: 'C0REMIND1', messageTs: '1790000000.000100' });
      expect((await reminders.get(r.id))?.lastMessage?.messageTs).toBe('1790000000.000200');
    });

    it('a failed occurrence leaves the latest message alone', async () => {
      const r = await reminders.create(newReminder(), NOW);
      await sent(r, 'manual:1', '1790000000.000100');
      await reminders.claim(r, 'manual:2', { instanceId: 'x', next: null, status: 'sending', advance: false }, NOW);
      expect(await reminders.finish(r.id, 'manual:2', { status: 'failed', detail: 'is_archived' }, NOW)).toBeNull();
      expect((await reminders.get(r.id))?.lastMessage?.messageTs).toBe('1790000000.000100');
    });

    it('two posts finishing at once replace each other, never the same earlier one twice', async () => {
      const r = await reminders.create(newReminder(), NOW);
      await sent(r, 'manual:0', '1790000000.000100');
      const replaced = await Promise.all(['1', '2', '3'].map((n) => sent(r, `manual:${n}`, `1790000000.00020${n}`)));
      const tss = replaced.map((m) => m?.messageTs);
      expect(new Set(tss).size).toBe(3);
      expect(tss).toContain('1790000000.000100');
    });

    it('remembers which message pinged with @here', async () => {
      const r = await reminders.create(newReminder({ mentionHere: true }), NOW);
      await sent(r, 'manual:1', '1790000000.000100', true);
      await sent(r, 'manual:2', '1790000000.000200', false);
      expect(await reminders.mentionedHere(r.id, 'C0REMIND1', '1790000000.000100')).toBe(true);
      expect(await reminders.mentionedHere(r.id, 'C0REMIND1', '1790000000.000200')).toBe(false);
      expect(await reminders.mentionedHere(r.id, 'C0OTHER', '1790000000.000100')).toBe(false);
    });
  });

  describe('acknowledgements', () => {
    it('counts each person once per message', async () => {
      expect(await reminders.acknowledge('C1', '1790000000.000100', 'U1', NOW)).toBe(true);
      expect(await reminders.acknowledge('C1', '1790000000.000100', 'U1', NOW.plus({ minutes: 5 }))).toBe(false);
      expect(await reminders.acknowledge('C1', '1790000000.000100', 'U2', NOW)).toBe(true);
      // The same person on another message, and on the same ts in another channel, counts there.
      expect(await reminders.acknowledge('C1', '1790000000.000200', 'U1', NOW)).toBe(true);
      expect(await reminders.acknowledge('C2', '1790000000.000100', 'U1', NOW)).toBe(true);
      expect(await reminders.countAcknowledgements('C1', '1790000000.000100')).toBe(2);
      expect(await reminders.countAcknowledgements('C1', '1790000000.000200')).toBe(1);
      expect(await reminders.countAcknowledgements('C2', '1790000000.000100')).toBe(1);
      expect(await reminders.countAcknowledgements('C3', '1790000000.000100')).toBe(0);
    });

    it('counts a person once even when their clicks race', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => reminders.acknowledge('C1', '1790000000.000300', 'U9', NOW)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await reminders.countAcknowledgements('C1', '1790000000.000300')).toBe(1);
    });
  });
});
