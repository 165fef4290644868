import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listItems } from '../../src/reminders/present.js';
import { ReminderStore } from '../../src/reminders/reminder-store.js';
import { ReminderScheduler } from '../../src/reminders/scheduler.js';
import { ReminderSender } from '../../src/reminders/sender.js';
import { Store } from '../../src/store/store.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeSlack } from '../support/fake-slack.js';
import { Clock, knowledgeBase, newReminder, toPost, utc } from './helpers.js';

/** Bugs the reminder tests found once; each test failed before its fix. */
describe('reminder regressions', () => {
  const fake = new FakeSlack();
  const logger = pino({ level: 'silent' });
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(async () => {
    await store?.close();
    await db?.drop();
    fake.reset();
  });
  const scheduler = (reminders: ReminderStore, clock: Clock, extra: { instanceId?: string; sleep?: () => Promise<void>; gap?: number } = {}) => {
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    const sender = new ReminderSender({
      client,
      logger,
      slots: reminders,
      channelGapMs: extra.gap ?? 0,
      ...(extra.sleep ? { sleep: extra.sleep } : {}),
    });
    return new ReminderScheduler({
      reminders,
      sender,
      client,
      kb: knowledgeBase(),
      logger,
      pollSeconds: 30,
      now: clock.now,
      concurrency: 1,
      optOuts: store,
      ...(extra.instanceId ? { instanceId: extra.instanceId } : {}),
    });
  };

  it('does not post a reminder paused while the tick was busy with an earlier one', async () => {
    db = sqliteDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const clock = new Clock(utc('2026-11-30T08:00:00Z'));
    await reminders.create(newReminder({ channelId: 'C0BUSY0001', schedule: { kind: 'daily', time: '09:00' } }), clock.now());
    const second = await reminders.create(newReminder({ channelId: 'C0OTHER001', schedule: { kind: 'daily', time: '09:01' } }), clock.now());
    await reminders.reserve('C0BUSY0001', 60_000, Date.now());
    // While the first post waits for its channel's slot, an admin pauses the second reminder.
    const s = scheduler(reminders, clock, { gap: 60_000, sleep: async () => void (await reminders.pause(second.id)) });
    clock.set('2026-11-30T09:05:00Z');
    await s.tick();
    expect(fake.calledMethods('chat.postMessage').map((c) => toPost(c).reminderId)).not.toContain(second.id);
    expect(await reminders.get(second.id)).toMatchObject({ status: 'paused' });
  });

  it('works on PostgreSQL with a long host name in the instance id', async () => {
    db = await postgresDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const clock = new Clock(utc('2026-11-30T08:00:00Z'));
    const s = scheduler(reminders, clock, { instanceId: `linkedin-ai-policy-bot-production-eu-west-1-7d9f8b6c5d-x2v9q-1-a1b2c3` });
    await reminders.create(newReminder(), clock.now());
    clock.set('2026-11-30T09:00:00Z');
    expect(await s.tick()).toMatchObject({ sent: 1 });
  });

  it('counts acknowledgements on the latest message, also after a "Send now"', async () => {
    db = sqliteDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const r = await reminders.create(newReminder({ channelId: 'C1' }), utc('2026-11-29T10:00:00Z'));
    await reminders.claim(
      r,
      'manual:2026-11-29T10:00:00.000Z',
      { instanceId: 'x', next: null, status: 'sending', advance: false },
      utc('2026-11-29T10:00:00Z'),
    );
    await reminders.finish(r.id, 'manual:2026-11-29T10:00:00.000Z', { status: 'sent', messageTs: '1.000001' });
    await reminders.acknowledge('C1', '1.000001', 'U1');
    await reminders.claim(
      r,
      r.nextRunAt as string,
      { instanceId: 'x', next: utc('2026-12-01T09:00:00Z'), status: 'sending' },
      utc('2026-11-30T09:00:00Z'),
    );
    await reminders.finish(r.id, r.nextRunAt as string, { status: 'sent', messageTs: '1.000002' });
    for (const u of ['U1', 'U2', 'U3']) await reminders.acknowledge('C1', '1.000002', u);
    const [item] = await listItems(reminders, r.teamId, utc('2026-11-30T12:00:00Z'));
    expect(item?.acknowledged).toBe(3);
  });

  it('keeps the first run date (the CLI’s --at) across pause and resume', async () => {
    db = sqliteDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const now = utc('2026-11-29T10:00:00Z');
    const r = await reminders.create(
      { ...newReminder({ schedule: { kind: 'weekdays', time: '09:00' }, timezone: 'Europe/Berlin' }), notBefore: utc('2031-03-08T08:00:00Z') },
      now,
    );
    expect(r.nextRunAt).toBe('2031-03-10T08:00:00.000Z');
    await reminders.pause(r.id, now);
    expect((await reminders.resume(r.id, now)).nextRunAt).toBe('2031-03-10T08:00:00.000Z');
  });

  it('records how many occurrences an outage skipped, not only the first', async () => {
    db = sqliteDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const clock = new Clock(utc('2026-11-29T12:00:00Z'));
    const r = await reminders.create(newReminder({ schedule: { kind: 'daily', time: '09:00' }, timezone: 'UTC' }), clock.now());
    expect(r.nextRunAt).toBe('2026-11-30T09:00:00.000Z');
    clock.set('2026-12-03T10:00:00Z'); // Monday to Thursday 09:00 passed with no app running
    expect(await scheduler(reminders, clock).tick()).toMatchObject({ skipped: 1, sent: 0 });
    const [delivery] = await reminders.deliveries(r.id);
    expect(delivery).toMatchObject({ status: 'skipped', occurrence: '2026-11-30T09:00:00.000Z' });
    expect(delivery?.detail).toMatch(/^4 occurrences missed/);
    expect((await reminders.get(r.id))?.nextRunAt).toBe('2026-12-04T09:00:00.000Z');
    expect(fake.calledMethods('chat.postMessage')).toEqual([]);
  });

  it('forgets finished deliveries and acknowledgements after the retention period, never an unfinished claim', async () => {
    db = sqliteDatabase();
    store = await Store.open(db.url);
    const reminders = new ReminderStore(store.db);
    const old = utc('2025-01-01T09:00:00Z');
    const a = await reminders.create(newReminder(), old.minus({ days: 1 }));
    const b = await reminders.create(newReminder(), old.minus({ days: 1 }));
    await reminders.claim(a, a.nextRunAt as string, { instanceId: 'x', next: null, status: 'sending' }, old);
    await reminders.finish(a.id, a.nextRunAt as string, { status: 'sent', messageTs: '1.1' }, old);
    await reminders.claim(b, b.nextRunAt as string, { instanceId: 'x', next: null, status: 'sending' }, old);
    await reminders.acknowledge('C0REMIND1', '1.1', 'U1', old);
    expect(await reminders.purgeOlderThan(365, utc('2026-11-29T00:00:00Z'))).toEqual({ deliveries: 1, acknowledgements: 1 });
    expect((await reminders.deliveries()).map((d) => d.status)).toEqual(['sending']);
  });
});
