import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../src/reminders/reminder-store.js';
import type { SenderOptions } from '../../src/reminders/sender.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { type FakeReply, FakeSlack } from '../support/fake-slack.js';
import { Clock, clearReminders, newReminder, type Rig, recordDeliveries, schedulerRig, utc } from './helpers.js';

/** What a crash, a deploy or a database outage in the middle of a broadcast does to reminders. */
const T0 = '2026-11-30T08:00:00Z';
const FIRST = '2026-11-30T09:00:00.000Z';
const DUE = '2026-11-30T09:00:00Z';
const never = () => new Promise<void>(() => {});

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake.stop();
});

/** Waits until `check` holds; fails after `timeoutMs` (a guard, never a measurement). */
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Holds chat.postMessage answers until the test lets them go: a post "in the air". */
function holdPosts(): { held: number; release(reply?: FakeReply): void } {
  const waiting: Array<(reply: FakeReply | undefined) => void> = [];
  const control = {
    held: 0,
    release(reply?: FakeReply) {
      for (const answer of waiting.splice(0)) answer(reply);
    },
  };
  fake.respond((call) => {
    if (call.method !== 'chat.postMessage') return undefined;
    control.held++;
    return new Promise((resolve) => waiting.push(resolve));
  });
  return control;
}

describe('reminders across crashes, deploys and database outages (SQLite)', () => {
  let database: TestDatabase;
  let clock: Clock;
  let rigs: Rig[] = [];
  let slack: ReturnType<typeof recordDeliveries>;

  async function app(senderOptions?: Partial<Omit<SenderOptions, 'client' | 'logger'>>): Promise<Rig> {
    const rig = await schedulerRig({ databaseUrl: database.url, fake, clock, ...(senderOptions ? { senderOptions } : {}) });
    rigs.push(rig);
    return rig;
  }
  async function reminders(rig: Rig, channels: string[]): Promise<Reminder[]> {
    const created: Reminder[] = [];
    for (const channelId of channels) created.push(await rig.deps.reminders.create(newReminder({ channelId }), clock.now()));
    return created;
  }
  const statuses = async (rig: Rig) => (await rig.deps.reminders.deliveries()).map((d) => d.status);

  beforeAll(() => {
    database = sqliteDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    fake.reset();
    slack = recordDeliveries(fake);
    clock = new Clock(utc(T0));
    const rig = await app();
    await clearReminders(rig.store);
    rigs = [];
    await rig.close();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(rigs.map((r) => r.close()));
    rigs = [];
  });

  it('claims an occurrence only once its channel slot has come, right before posting it', async () => {
    const sendingAtWait: number[] = [];
    const sendingAtPost: number[] = [];
    let rig: Rig | undefined;
    const count = async () => (await statuses(rig as Rig)).filter((s) => s === 'sending').length;
    rig = await app({ channelGapMs: 60_000, backoffMs: 1, sleep: async () => void sendingAtWait.push(await count()) });
    await reminders(rig, ['C0BUSY0001', 'C0BUSY0001', 'C0BUSY0001', 'C0BUSY0001']);
    fake.respond(async (call) => {
      if (call.method === 'chat.postMessage') sendingAtPost.push(await count());
      return undefined;
    });
    clock.set(DUE);
    expect((await rig.scheduler.tick()).sent).toBe(4);
    // While the channel's next slot is awaited nothing of it is claimed, so a crash then loses nothing;
    // when Slack gets a post, its claim is the only one without an answer.
    expect(sendingAtWait).toEqual([0, 0, 0]);
    expect(sendingAtPost).toEqual([1, 1, 1, 1]);
    expect(await statuses(rig)).toEqual(Array(4).fill('sent'));
  });

  it('stop() claims nothing more, ends the waits for channel slots at once, and lets the post in the air finish', async () => {
    const rig = await app({ channelGapMs: 60_000, backoffMs: 1, sleep: never });
    const created = await reminders(rig, ['C0BUSY0001', 'C0BUSY0001', 'C0BUSY0001']);
    const posts = holdPosts();
    clock.set(DUE);
    rig.scheduler.start();
    await until(() => posts.held === 1);
    const stopped = rig.scheduler.stop();
    posts.release();
    await stopped;
    expect(slack.delivered).toHaveLength(1);
    expect(await statuses(rig)).toEqual(['sent']);
    const left = (await rig.deps.reminders.list()).filter((r) => r.nextRunAt === FIRST);
    expect(left).toHaveLength(2);

    // Another replica (or the next start) sends the rest, once each.
    fake.reset();
    slack = recordDeliveries(fake);
    const next = await app();
    expect((await next.scheduler.tick()).sent).toBe(2);
    expect(slack.delivered.map((p) => p.reminderId).sort()).toEqual(left.map((r) => r.id).sort());
    expect(new Set(created.map((r) => r.id))).toEqual(new Set((await next.deps.reminders.deliveries()).map((d) => d.reminderId)));
  });

  it('stop() hands back a claim whose post is waiting out a 429, so another replica sends it', async () => {
    const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: never });
    const [r] = await reminders(rig, ['C0LIMITED1']);
    fake.respond((call) =>
      call.method === 'chat.postMessage' ? { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } } : undefined,
    );
    clock.set(DUE);
    rig.scheduler.start();
    await until(() => fake.calledMethods('chat.postMessage').length === 1);
    await rig.scheduler.stop();
    expect(await rig.deps.reminders.deliveries()).toEqual([]);
    expect(await rig.deps.reminders.get(r?.id as string)).toMatchObject({ status: 'active', nextRunAt: FIRST, lastRunAt: null });

    fake.reset();
    slack = recordDeliveries(fake);
    const next = await app();
    expect((await next.scheduler.tick()).sent).toBe(1);
    expect(slack.delivered.map((p) => p.reminderId)).toEqual([r?.id]);
    expect(await statuses(next)).toEqual(['sent']);
  });

  it('a one-off handed back on stop is active again, not done', async () => {
    const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: never });
    const r = await rig.deps.reminders.create(newReminder({ schedule: { kind: 'once', date: '2026-11-30', time: '09:00' } }), clock.now());
    fake.respond((call) => (call.method === 'chat.postMessage' ? { status: 500, body: 'down' } : undefined));
    clock.set(DUE);
    rig.scheduler.start();
    await until(() => fake.calledMethods('chat.postMessage').length === 1);
    await rig.scheduler.stop();
    expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: FIRST });
    expect(await rig.deps.reminders.deliveries()).toEqual([]);
  });

  it('a message posted while the database could not record it is recorded as sent once the database answers', async () => {
    const rig = await app();
    const [r] = await reminders(rig, ['C0OUTAGE01']);
    clock.set(DUE);
    expect((await rig.scheduler.tick()).sent).toBe(1);
    const firstTs = slack.delivered[0]?.ts;

    // The next day the database fails right after Slack accepted the post, three times in a row.
    const finish = vi.spyOn(rig.deps.reminders, 'finish');
    finish.mockRejectedValueOnce(new Error('connect ECONNREFUSED')).mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    finish.mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    clock.set('2026-12-01T09:00:00Z');
    expect((await rig.scheduler.tick()).sent).toBe(1);
    const secondTs = slack.delivered[1]?.ts;
    await until(async () => (await statuses(rig)).join() === 'sent,sent');
    expect(finish).toHaveBeenCalledTimes(4);
    expect((await rig.deps.reminders.deliveries(r?.id)).map((d) => d.messageTs)).toEqual([firstTs, secondTs]);
    expect((await rig.deps.reminders.get(r?.id as string))?.lastMessage).toEqual({ channelId: 'C0OUTAGE01', messageTs: secondTs });
    // Recorded late, it still shrinks the message it replaced, and is never labelled interrupted.
    await until(() => fake.calledMethods('chat.update').some((c) => c.body.ts === firstTs));
    clock.set('2026-12-01T09:30:00Z');
    expect((await rig.scheduler.tick()).interrupted).toBe(0);
  });

  it('on stop, an outcome the database has not taken yet is tried once more', async () => {
    const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: never });
    await reminders(rig, ['C0OUTAGE02']);
    let down = true;
    const finish = rig.deps.reminders.finish.bind(rig.deps.reminders);
    vi.spyOn(rig.deps.reminders, 'finish').mockImplementation((...args) => (down ? Promise.reject(new Error('connection terminated')) : finish(...args)));
    clock.set(DUE);
    expect((await rig.scheduler.tick()).sent).toBe(1);
    expect(await statuses(rig)).toEqual(['sending']);
    down = false;
    await rig.scheduler.stop();
    expect(await statuses(rig)).toEqual(['sent']);
    expect((await rig.deps.reminders.deliveries())[0]?.messageTs).toBe(slack.delivered[0]?.ts);
  });
});
