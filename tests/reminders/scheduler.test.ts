import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIONS } from '../../src/blocks/actions.js';

const LINKEDIN_SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

import { limitViolations } from '../../src/blocks/limits.js';
import { registry } from '../../src/metrics.js';
import type { Reminder } from '../../src/reminders/reminder-store.js';
import { nextOccurrence } from '../../src/reminders/schedule.js';
import { MAX_LATENESS, type TickReport } from '../../src/reminders/scheduler.js';
import type { SenderOptions } from '../../src/reminders/sender.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { type FakeCall, type FakeReply, FakeSlack } from '../support/fake-slack.js';
import {
  asMessage,
  blockTexts,
  buttons,
  Clock,
  clearReminders,
  type Json,
  newReminder,
  postAttempts,
  type Rig,
  recordDeliveries,
  recordingSleep,
  schedulerRig,
  scriptPosts,
  toPost,
  utc,
} from './helpers.js';

/** Monday 30 November 2026, 08:00 UTC: a daily 09:00 UTC reminder created now is first due at 09:00. */
const T0 = '2026-11-30T08:00:00Z';
const FIRST = '2026-11-30T09:00:00.000Z';
const SECOND = '2026-12-01T09:00:00.000Z';
const CHANNEL = 'C0REMIND1';
const CREATOR = 'UCREATOR';
const NOTHING: TickReport = { sent: 0, skipped: 0, failed: 0, alreadyClaimed: 0, interrupted: 0 };
const HEADER = 'Check your LinkedIn AI-training setting';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('the reminder scheduler, one app (SQLite)', () => {
  let database: TestDatabase;
  let clock: Clock;
  let rigs: Rig[] = [];
  let slack: ReturnType<typeof recordDeliveries>;

  /** An app on the test database with these sender options (no real pauses by default). */
  async function app(senderOptions?: Partial<Omit<SenderOptions, 'client' | 'logger'>>): Promise<Rig> {
    const rig = await schedulerRig({ databaseUrl: database.url, fake, clock, ...(senderOptions ? { senderOptions } : {}) });
    rigs.push(rig);
    return rig;
  }

  async function reminder(rig: Rig, overrides: Parameters<typeof newReminder>[0] = {}): Promise<Reminder> {
    return rig.deps.reminders.create(newReminder(overrides), clock.now());
  }

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
  });
  afterEach(async () => {
    await Promise.all(rigs.map((r) => r.close()));
    rigs = [];
  });

  describe('a due reminder', () => {
    it('is posted once to its channel as the reminder card, and moves on to its next occurrence', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      expect(r.nextRunAt).toBe(FIRST);

      // Not yet due: nothing happens.
      clock.set('2026-11-30T08:59:59Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(fake.calledMethods('chat.postMessage')).toEqual([]);

      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(await registry.getSingleMetricAsString('linkedin_ai_reminders_total')).toMatch(/outcome="sent"\} [1-9]/);
      expect(slack.delivered).toHaveLength(1);
      const post = slack.delivered[0];
      if (!post) throw new Error('nothing was posted');
      expect(post.channel).toBe(CHANNEL);
      expect(post.reminderId).toBe(r.id);
      expect(post.raw.headers.authorization).toBe('Bearer xoxb-test');
      expect(post.raw.body.unfurl_links).toBe('false');

      // The card: header, the setting's address, the confirm button, Slack's limits.
      const header = post.blocks.find((b) => b.type === 'header');
      expect((header?.text as { text?: string } | undefined)?.text).toBe(HEADER);
      const all = buttons(post.blocks);
      expect(all).toContainEqual(expect.objectContaining({ action_id: ACTIONS.openSetting, url: LINKEDIN_SETTING_URL }));
      expect(LINKEDIN_SETTING_URL).toBe('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
      expect(all).toContainEqual(expect.objectContaining({ action_id: ACTIONS.confirmOptOut }));
      expect(post.blocks.find((b) => b.type === 'actions')?.block_id).toBe(`reminder:${r.id}:0`);
      // Nobody has confirmed yet: no count at all rather than "0 people".
      expect(blockTexts(post.blocks)).not.toMatch(/people have|person has/);
      expect(post.text).toMatch(/Data for Generative AI Improvement/);
      expect(limitViolations(asMessage(post))).toEqual([]);
      // Exactly the card the scheduler builds for this reminder with nobody counted yet.
      expect(post.blocks).toEqual(JSON.parse(JSON.stringify(rig.scheduler.card(r, 0).blocks)));

      const after = await rig.deps.reminders.get(r.id);
      expect(after).toMatchObject({ status: 'active', nextRunAt: SECOND, lastRunAt: FIRST, lastError: null });
      expect(await rig.deps.reminders.deliveries(r.id)).toEqual([
        {
          reminderId: r.id,
          occurrence: FIRST,
          claimedAt: expect.any(String),
          status: 'sent',
          instanceId: rig.scheduler.instanceId,
          channelId: CHANNEL,
          messageTs: post.ts,
          detail: null,
        },
      ]);

      // Ticking again at the same time, or a little later, sends nothing more.
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      clock.set('2026-11-30T09:05:00Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(postAttempts(fake, CHANNEL)).toHaveLength(1);

      // The next day's occurrence goes out as usual.
      clock.set('2026-12-01T09:00:20Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(slack.to(CHANNEL)).toHaveLength(2);
      expect((await rig.deps.reminders.deliveries(r.id)).map((d) => [d.occurrence, d.status])).toEqual([
        [FIRST, 'sent'],
        [SECOND, 'sent'],
      ]);
    });

    it('a one-off is sent once and is then done', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { schedule: { kind: 'once', date: '2026-11-30', time: '09:00' } });
      clock.set('2026-11-30T09:00:01Z');
      expect((await rig.scheduler.tick()).sent).toBe(1);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'done', nextRunAt: null });
      clock.set('2026-12-30T09:00:01Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(slack.to(CHANNEL)).toHaveLength(1);
    });

    it('stops after its until day', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { until: '2026-12-01' });
      for (const at of ['2026-11-30T09:00:00Z', '2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z', '2026-12-03T09:00:00Z']) {
        clock.set(at);
        await rig.scheduler.tick();
      }
      expect(slack.to(CHANNEL)).toHaveLength(2);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'done', nextRunAt: null });
    });

    it('a paused reminder is not sent; resumed, it is sent from its next occurrence on', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      await rig.deps.reminders.pause(r.id, clock.now());
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      clock.set('2026-12-01T10:00:00Z');
      await rig.deps.reminders.resume(r.id, clock.now());
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(slack.delivered).toEqual([]);
      clock.set('2026-12-02T09:00:00Z');
      expect((await rig.scheduler.tick()).sent).toBe(1);
      expect((await rig.deps.reminders.deliveries(r.id)).map((d) => d.occurrence)).toEqual(['2026-12-02T09:00:00.000Z']);
    });

    it('start() checks at once; stop() waits for the recording of a message sent', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T09:00:00Z');
      rig.scheduler.start();
      await fake.waitFor(() => slack.delivered.length === 1);
      await rig.scheduler.stop();
      expect(slack.to(CHANNEL).map((p) => p.reminderId)).toEqual([r.id]);
      expect((await rig.deps.reminders.deliveries(r.id))[0]?.status).toBe('sent');
    });

    it('"send now" posts one extra message, recorded as manual, and leaves the schedule alone', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T08:30:00Z');
      expect(await rig.scheduler.sendNow(r)).toBe('sent');
      expect(slack.to(CHANNEL)).toHaveLength(1);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: FIRST, lastRunAt: null });
      expect(await rig.deps.reminders.deliveries(r.id)).toEqual([
        expect.objectContaining({ occurrence: 'manual:2026-11-30T08:30:00.000Z', status: 'sent', messageTs: slack.to(CHANNEL)[0]?.ts }),
      ]);
      // The scheduled occurrence still goes out.
      clock.set('2026-11-30T09:00:00Z');
      expect((await rig.scheduler.tick()).sent).toBe(1);
      expect(slack.to(CHANNEL)).toHaveLength(2);
    });
  });

  describe('a process that died between claiming and sending', () => {
    it('leaves an occurrence that is never posted, marked interrupted after 10 minutes; the next occurrence is sent normally', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      const occurrence = r.nextRunAt as string;
      clock.set('2026-11-30T09:00:02Z');
      // What a replica does right before posting, then it dies.
      const next = nextOccurrence(r.schedule, r.timezone, r.until, utc(occurrence));
      expect(await rig.deps.reminders.claim(r, occurrence, { instanceId: 'replica-that-died', next, status: 'sending' }, clock.now())).toBe(true);

      // Within 10 minutes the claim may still be in flight: left alone, and not sent by anyone else.
      clock.set('2026-11-30T09:05:00Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect((await rig.deps.reminders.deliveries(r.id))[0]?.status).toBe('sending');

      clock.set('2026-11-30T09:12:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, interrupted: 1 });
      const [interrupted] = await rig.deps.reminders.deliveries(r.id);
      expect(interrupted).toMatchObject({ occurrence, status: 'interrupted', instanceId: 'replica-that-died', messageTs: null });
      expect(interrupted?.detail).toMatch(/not sent again/);
      clock.set('2026-11-30T10:30:00Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(postAttempts(fake, CHANNEL)).toEqual([]);

      // Still active, and the next day's occurrence goes out as usual.
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: SECOND });
      clock.set('2026-12-01T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(slack.to(CHANNEL)).toHaveLength(1);
      expect((await rig.deps.reminders.deliveries(r.id)).map((d) => [d.occurrence, d.status])).toEqual([
        [occurrence, 'interrupted'],
        [SECOND, 'sent'],
      ]);
    });
  });

  describe('rate limits (HTTP 429 with Retry-After)', () => {
    it('waits and sends the same message again: exactly one message delivered', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      scriptPosts(fake, CHANNEL, [{ status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } }]);
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      const attempts = postAttempts(fake, CHANNEL);
      expect(attempts).toHaveLength(2);
      // The same message both times.
      expect(attempts[1]?.body.blocks).toBe(attempts[0]?.body.blocks);
      expect(slack.to(CHANNEL)).toHaveLength(1);
      expect(await rig.deps.reminders.deliveries(r.id)).toEqual([expect.objectContaining({ status: 'sent', messageTs: slack.to(CHANNEL)[0]?.ts })]);
      expect((await rig.deps.reminders.get(r.id))?.status).toBe('active');
    });

    it('waits for as long as Retry-After says (through the sender’s sleep)', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        const pauses = recordingSleep();
        const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: pauses.sleep });
        await reminder(rig);
        scriptPosts(fake, CHANNEL, [{ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }]);
        clock.set('2026-11-30T09:00:00Z');
        expect((await rig.scheduler.tick()).sent).toBe(1);
        expect(pauses.waits).toEqual([7000]);
        expect(slack.to(CHANNEL)).toHaveLength(1);
      } finally {
        vi.useRealTimers();
      }
    });

    it('gives up on the occurrence after maxRateLimitWaits; the reminder stays active with the error noted', async () => {
      const rig = await app({ channelGapMs: 0, backoffMs: 1, maxRateLimitWaits: 3, sleep: async () => {} });
      const r = await reminder(rig);
      fake.respond((call) =>
        call.method === 'chat.postMessage' && call.body.channel === CHANNEL
          ? { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } }
          : undefined,
      );
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(4);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', lastError: expect.stringMatching(/rate limited/) });
    });
  });

  describe('not in the channel', () => {
    it('joins the channel (conversations.join) and posts again', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      scriptPosts(fake, CHANNEL, [{ body: { ok: false, error: 'not_in_channel' } }]);
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      const joins = fake.calledMethods('conversations.join');
      expect(joins.map((c) => c.body.channel)).toEqual([CHANNEL]);
      expect(postAttempts(fake, CHANNEL)).toHaveLength(2);
      expect(slack.to(CHANNEL)).toHaveLength(1);
      // Joining happens between the two attempts.
      const order = fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.method);
      expect(order).toEqual(['chat.postMessage', 'conversations.join', 'chat.postMessage']);
      expect((await rig.deps.reminders.deliveries(r.id))[0]?.status).toBe('sent');
    });

    it('when it cannot join (a private channel), fails the reminder and tells its creator by DM', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { channelId: 'G0PRIVATE1' });
      fake.respond((call) =>
        call.method === 'chat.postMessage' && call.body.channel === 'G0PRIVATE1' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
      );
      fake.respond((call) =>
        call.method === 'conversations.join' ? { body: { ok: false, error: 'method_not_supported_for_channel_type' } } : undefined,
      );
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(fake.calledMethods('conversations.join')).toHaveLength(1);
      // One try, one join, no loop.
      expect(postAttempts(fake, 'G0PRIVATE1')).toHaveLength(1);
      const failed = await rig.deps.reminders.get(r.id);
      expect(failed?.status).toBe('failed');
      expect(failed?.lastError).toMatch(/not_in_channel/);
      expect(failed?.lastError).toMatch(/method_not_supported_for_channel_type/);
      expect(await rig.deps.reminders.deliveries(r.id)).toEqual([expect.objectContaining({ status: 'failed', detail: failed?.lastError })]);
      const dm = slack.to(CREATOR);
      expect(dm).toHaveLength(1);
      expect(dm[0]?.text).toContain(r.id);
      expect(dm[0]?.text).toContain('<#G0PRIVATE1>');
      expect(dm[0]?.text).toMatch(/not_in_channel/);
      // A failed reminder is not tried again.
      clock.set('2026-12-01T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
      expect(postAttempts(fake, 'G0PRIVATE1')).toHaveLength(1);
    });
  });

  describe('errors', () => {
    it.each(['channel_not_found', 'is_archived'])('%s: failed at once, error kept, creator told by DM', async (error) => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      fake.respond((call) => (call.method === 'chat.postMessage' && call.body.channel === CHANNEL ? { body: { ok: false, error } } : undefined));
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(1);
      expect(fake.calledMethods('conversations.join')).toEqual([]);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'failed', lastError: error });
      expect(await rig.deps.reminders.deliveries(r.id)).toEqual([
        expect.objectContaining({ occurrence: FIRST, status: 'failed', detail: error, messageTs: null }),
      ]);
      const dm = slack.to(CREATOR);
      expect(dm).toHaveLength(1);
      expect(dm[0]?.text).toContain(r.id);
      expect(dm[0]?.text).toContain(error);
      expect(dm[0]?.text).toMatch(/resume/);
    });

    it('tells the creator in their Slack language when known, else in the reminder\'s, keeping Slack\'s error as it is', async () => {
      const rig = rigs[0] as Rig;
      const french = await reminder(rig, { language: 'fr' });
      fake.respond((call) => (call.method === 'chat.postMessage' && call.body.channel === CHANNEL ? { body: { ok: false, error: 'channel_not_found' } } : undefined));
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(slack.to(CREATOR)[0]?.text).toBe(rig.deps.kb.say('fr')('reminders.stopped', { id: french.id, channel: `<#${CHANNEL}>`, detail: 'channel_not_found' }));
      expect(slack.to(CREATOR)[0]?.text).toMatch(/^⚠️ Votre rappel .* s'est arrêté : channel_not_found\./);

      vi.spyOn(rig.deps.admins, 'knownLocale').mockImplementation((user) => (user === CREATOR ? 'de-DE' : null));
      clock.set(T0);
      const german = await reminder(rig, { language: 'fr' });
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      expect(slack.to(CREATOR)[1]?.text).toContain(`Ihre Erinnerung zur LinkedIn-KI ${german.id} für <#${CHANNEL}> wurde gestoppt: channel_not_found.`);
    });

    it('a failure is reported even when the creator cannot be told', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      fake.respond((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'channel_not_found' } } : undefined));
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
    });

    it('transient errors (HTTP 500 twice) are retried with growing pauses and the message is sent once', async () => {
      const pauses = recordingSleep();
      const rig = await app({ channelGapMs: 0, backoffMs: 5, sleep: pauses.sleep });
      const r = await reminder(rig);
      scriptPosts(fake, CHANNEL, [
        { status: 500, body: 'oops' },
        { status: 500, body: 'oops' },
      ]);
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(3);
      expect(slack.to(CHANNEL)).toHaveLength(1);
      expect(pauses.waits).toEqual([5, 10]);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', lastError: null, nextRunAt: SECOND });
      expect((await rig.deps.reminders.deliveries(r.id))[0]?.status).toBe('sent');
    });

    it("Slack's own internal_error is retried too", async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig);
      scriptPosts(fake, CHANNEL, [{ body: { ok: false, error: 'internal_error' } }]);
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(2);
      expect(slack.to(CHANNEL)).toHaveLength(1);
    });

    it('a transient error that never clears fails this occurrence after the configured attempts; the schedule goes on', async () => {
      const rig = await app({ channelGapMs: 0, backoffMs: 1, attempts: 3, sleep: async () => {} });
      const r = await reminder(rig);
      fake.respond((call) =>
        call.method === 'chat.postMessage' && call.body.channel === CHANNEL ? { status: 503, body: 'unavailable' } : undefined,
      );
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(3);
      const after = await rig.deps.reminders.get(r.id);
      expect(after?.status).toBe('active');
      expect(after?.nextRunAt).not.toBe(r.nextRunAt);
      expect(after?.lastError).toMatch(/gave up after 3 attempts/);
      expect((await rig.deps.reminders.deliveries(r.id))[0]).toMatchObject({ status: 'failed', detail: after?.lastError });
      expect(slack.to(CREATOR)).toHaveLength(0);
    });

    it('by default a transient error is tried 4 times', async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig);
      fake.respond((call) => (call.method === 'chat.postMessage' && call.body.channel === CHANNEL ? { status: 500, body: 'oops' } : undefined));
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, failed: 1 });
      expect(postAttempts(fake, CHANNEL)).toHaveLength(4);
    });

    it('one failing reminder does not stop the others', async () => {
      const rig = rigs[0] as Rig;
      const bad = await reminder(rig, { channelId: 'C0GONE0001' });
      const good = await reminder(rig, { channelId: 'C0FINE0001' });
      fake.respond((call) =>
        call.method === 'chat.postMessage' && call.body.channel === 'C0GONE0001' ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
      );
      clock.set('2026-11-30T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1, failed: 1 });
      expect((await rig.deps.reminders.get(bad.id))?.status).toBe('failed');
      expect((await rig.deps.reminders.get(good.id))?.status).toBe('active');
      expect(slack.to('C0FINE0001')).toHaveLength(1);
    });
  });

  describe('occurrences missed while no app ran', () => {
    it('90 minutes late: still sent, and the next occurrence is the usual one', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T10:30:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(slack.to(CHANNEL)).toHaveLength(1);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ nextRunAt: SECOND, lastRunAt: FIRST });
      expect((await rig.deps.reminders.deliveries(r.id))[0]).toMatchObject({ occurrence: FIRST, status: 'sent' });
    });

    it(`exactly ${MAX_LATENESS.hours} hours late is still sent`, async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig);
      clock.current = utc(FIRST).plus(MAX_LATENESS);
      expect((await rig.scheduler.tick()).sent).toBe(1);
    });

    it('3 hours late: skipped with a note saying so, nothing posted, moved to the next occurrence after now', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T12:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, skipped: 1 });
      expect(fake.calledMethods('chat.postMessage')).toEqual([]);
      const [skipped] = await rig.deps.reminders.deliveries(r.id);
      expect(skipped).toMatchObject({ occurrence: FIRST, status: 'skipped', messageTs: null });
      expect(skipped?.detail).toMatch(/missed/);
      expect(skipped?.detail).toMatch(/skipped/);
      expect(skipped?.detail).toMatch(/180 minutes/);
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'active', nextRunAt: SECOND, lastRunAt: null });
      expect(await rig.scheduler.tick()).toEqual(NOTHING);
    });

    it('days late: one skipped occurrence (not one per missed day), next occurrence after now', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { schedule: { kind: 'weekdays', time: '09:00' } });
      // Friday 4 December, 12:00: Monday to Friday's 09:00s were all missed.
      clock.set('2026-12-04T12:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, skipped: 1 });
      expect(fake.calledMethods('chat.postMessage')).toEqual([]);
      // Next is Monday 7 December (the weekend skipped).
      expect((await rig.deps.reminders.get(r.id))?.nextRunAt).toBe('2026-12-07T09:00:00.000Z');
      expect(await rig.deps.reminders.deliveries(r.id)).toHaveLength(1);
    });

    it('a one-off missed by hours is skipped and done', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { schedule: { kind: 'once', date: '2026-11-30', time: '09:00' } });
      clock.set('2026-11-30T15:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, skipped: 1 });
      expect(await rig.deps.reminders.get(r.id)).toMatchObject({ status: 'done', nextRunAt: null });
      expect(fake.calledMethods('chat.postMessage')).toEqual([]);
    });
  });

  describe('@here', () => {
    /** The post's first section's text. */
    const firstSection = (post: { blocks: Json[] } | undefined) =>
      (post?.blocks.find((b) => b.type === 'section')?.text as { text: string } | undefined)?.text ?? '';

    it('with mentionHere the text and the first section of the first post start with <!here>', async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig, { mentionHere: true });
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      const post = slack.to(CHANNEL)[0];
      expect(post?.text.startsWith('<!here>')).toBe(true);
      expect(firstSection(post).startsWith('<!here>')).toBe(true);
      // Once only.
      expect(JSON.stringify(post?.raw.body).split('<!here>')).toHaveLength(3);
      expect(limitViolations(asMessage(post as NonNullable<typeof post>))).toEqual([]);
    });

    it('pings on the first post of a series only: later occurrences carry no <!here> in blocks or text', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { mentionHere: true });
      for (const at of ['2026-11-30T09:00:00Z', '2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z']) {
        clock.set(at);
        expect((await rig.scheduler.tick()).sent).toBe(1);
      }
      const [first, ...later] = slack.to(CHANNEL);
      expect(first?.text.startsWith('<!here>')).toBe(true);
      expect(later).toHaveLength(2);
      for (const post of later) expect(JSON.stringify(post.raw.body)).not.toContain('<!here');
      // The reminder keeps its setting; only the posts differ.
      expect((await rig.deps.reminders.get(r.id))?.mentionHere).toBe(true);
    });

    it('a "send now" before the first occurrence is the first post: it pings, the scheduled one does not', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig, { mentionHere: true });
      clock.set('2026-11-30T08:30:00Z');
      expect(await rig.scheduler.sendNow(r)).toBe('sent');
      clock.set('2026-11-30T09:00:00Z');
      expect((await rig.scheduler.tick()).sent).toBe(1);
      expect(slack.to(CHANNEL).map((p) => p.text.startsWith('<!here>'))).toEqual([true, false]);
    });

    it('a first post that failed pinged nobody: the next post that goes out is the one with @here', async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig, { mentionHere: true });
      scriptPosts(fake, CHANNEL, [
        { status: 500, body: 'down' },
        { status: 500, body: 'down' },
        { status: 500, body: 'down' },
        { status: 500, body: 'down' },
      ]);
      clock.set('2026-11-30T09:00:00Z');
      expect((await rig.scheduler.tick()).failed).toBe(1);
      clock.set('2026-12-01T09:00:00Z');
      expect((await rig.scheduler.tick()).sent).toBe(1);
      expect(slack.to(CHANNEL).map((p) => p.text.startsWith('<!here>'))).toEqual([true]);
    });

    it('without it there is no <!here> (nor @channel/@everyone) anywhere', async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig, { mentionHere: false });
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      const post = slack.to(CHANNEL)[0];
      expect(post).toBeDefined();
      const raw = JSON.stringify(post?.raw.body);
      expect(raw).not.toContain('<!here');
      expect(raw).not.toContain('<!channel');
      expect(raw).not.toContain('<!everyone');
    });
  });

  describe('the count on the card is the workspace’s', () => {
    it('counts everyone in the reminder’s workspace who confirmed opting out, with the right plural', async () => {
      const rig = rigs[0] as Rig;
      await reminder(rig);
      await rig.store.confirmOptOut('T1', 'U1', clock.now());
      await rig.store.confirmOptOut('T_OTHER', 'U2', clock.now());
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      expect(blockTexts(slack.to(CHANNEL)[0]?.blocks ?? [])).toContain('1 person has confirmed opting out');
      for (let i = 2; i <= 37; i++) await rig.store.confirmOptOut('T1', `U${i}`, clock.now());
      clock.set('2026-12-01T09:00:00Z');
      await rig.scheduler.tick();
      expect(blockTexts(slack.to(CHANNEL)[1]?.blocks ?? [])).toContain('37 people have confirmed opting out');
    });
  });

  describe('one live card per reminder', () => {
    it('shrinks the previous post to one line linking to the newer one (chat.getPermalink), with no buttons', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      expect(fake.calledMethods('chat.update')).toEqual([]);
      clock.set('2026-12-01T09:00:00Z');
      await rig.scheduler.tick();
      const [first, second] = slack.to(CHANNEL);
      const permalinks = fake.calledMethods('chat.getPermalink');
      expect(permalinks.map((c) => [c.body.channel, c.body.message_ts])).toEqual([[CHANNEL, second?.ts]]);
      const updates = fake.calledMethods('chat.update');
      expect(updates).toHaveLength(1);
      const update = toPost(updates[0] as FakeCall);
      expect(updates[0]?.body).toMatchObject({ channel: CHANNEL, ts: first?.ts });
      expect(update.blocks).toHaveLength(1);
      expect(buttons(update.blocks)).toEqual([]);
      const line = blockTexts(update.blocks);
      expect(line).toContain('replaced by a');
      expect(line).toContain(`<https://example.slack.com/archives/${CHANNEL}/p${second?.ts?.replace('.', '')}|newer reminder>`);
      expect(limitViolations(asMessage(update))).toEqual([]);
      expect((await rig.deps.reminders.get(r.id))?.lastMessage).toEqual({ channelId: CHANNEL, messageTs: second?.ts });
    });

    it('a failure to shrink the old card is logged, never stops the new post; without a permalink the line has no link', async () => {
      const rig = rigs[0] as Rig;
      const r = await reminder(rig);
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      fake.respond((call) => (call.method === 'chat.getPermalink' ? { body: { ok: false, error: 'internal_error' } } : undefined));
      clock.set('2026-12-01T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      const line = blockTexts(toPost(fake.calledMethods('chat.update')[0] as FakeCall).blocks);
      expect(line).toContain('replaced by a newer reminder');
      expect(line).not.toContain('<http');

      fake.respond((call) => (call.method === 'chat.update' ? { body: { ok: false, error: 'message_not_found' } } : undefined));
      clock.set('2026-12-02T09:00:00Z');
      expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 1 });
      expect(slack.to(CHANNEL)).toHaveLength(3);
      expect((await rig.deps.reminders.deliveries(r.id)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
      expect((await rig.deps.reminders.get(r.id))?.lastMessage?.messageTs).toBe(slack.to(CHANNEL)[2]?.ts);
    });
  });

  describe('the count after a burst of clicks, with Slack answering chat.update with 429', () => {
    const BURST = 12;

    /** Holds the first chat.update until the test lets it go, then answers it with `reply`. */
    function holdFirstUpdate(reply: FakeReply): { release(): void } {
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let n = 0;
      fake.respond(async (call) => {
        if (call.method !== 'chat.update' || n++ > 0) return undefined;
        await gate;
        return reply;
      });
      return { release };
    }

    /** The scheduler's part of a click on a posted card: the opt-out recorded, then the count shown. */
    async function burst(rig: Rig, r: Reminder, ts: string, held: { release(): void }): Promise<void> {
      await rig.store.confirmOptOut('T1', 'U1', clock.now());
      const shown: Promise<void>[] = [rig.scheduler.showOptOuts({ channelId: CHANNEL, messageTs: ts }, r.id, 'T1')];
      // The first update is under way (and held) while the others click.
      await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
      for (let i = 2; i <= BURST; i++) {
        await rig.store.confirmOptOut('T1', `U${i}`, clock.now());
        shown.push(rig.scheduler.showOptOuts({ channelId: CHANNEL, messageTs: ts }, r.id, 'T1'));
      }
      held.release();
      await Promise.all(shown);
    }

    const updateTexts = () => fake.calledMethods('chat.update').map((c) => blockTexts(toPost(c).blocks));

    it('429 on the update in flight during the burst: waits Retry-After, then ONE update with the final count', async () => {
      const pauses = recordingSleep();
      const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: pauses.sleep });
      const r = await reminder(rig);
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      const ts = slack.to(CHANNEL)[0]?.ts as string;
      const held = holdFirstUpdate({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
      await burst(rig, r, ts, held);
      expect(pauses.waits).toEqual([7000]);
      const texts = updateTexts();
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain('1 person has');
      expect(texts[1]).toContain(`${BURST} people have`);
      expect(fake.calledMethods('chat.update').every((c) => c.body.ts === ts)).toBe(true);
    });

    it('429 on the update after the burst: the count is sent again after Retry-After and ends at the final count', async () => {
      const pauses = recordingSleep();
      const rig = await app({ channelGapMs: 0, backoffMs: 1, sleep: pauses.sleep });
      const r = await reminder(rig);
      clock.set('2026-11-30T09:00:00Z');
      await rig.scheduler.tick();
      const ts = slack.to(CHANNEL)[0]?.ts as string;
      // The first update is answered ok once released; the one after the burst gets a 429.
      const held = holdFirstUpdate({ body: { ok: true, channel: CHANNEL, ts } });
      let updates = 0;
      fake.respond((call) =>
        call.method === 'chat.update' && ++updates === 2
          ? { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }
          : undefined,
      );
      await burst(rig, r, ts, held);
      expect(pauses.waits).toEqual([3000]);
      const texts = updateTexts();
      expect(texts).toHaveLength(3);
      expect(texts[0]).toContain('1 person has');
      expect(texts[1]).toContain(`${BURST} people have`);
      expect(fake.calledMethods('chat.update')[1]?.status).toBe(429);
      expect(texts[2]).toContain(`${BURST} people have`);
    });
  });

  describe('pacing: about one message a second per channel', () => {
    it('spaces posts to the same channel by the gap; other channels are not held up', async () => {
      // Date frozen (at the real time): every wait the sender asks for is exactly a whole number of gaps.
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        const pauses = recordingSleep();
        const gap = 60_000;
        const rig = await app({ channelGapMs: gap, backoffMs: 1, sleep: pauses.sleep });
        const busy = await Promise.all([1, 2, 3].map(() => reminder(rig, { channelId: 'C0BUSY0001' })));
        await reminder(rig, { channelId: 'C0QUIET001' });
        await reminder(rig, { channelId: 'C0QUIET002' });
        clock.set('2026-11-30T09:00:00Z');
        expect(await rig.scheduler.tick()).toEqual({ ...NOTHING, sent: 5 });
        expect(
          slack
            .to('C0BUSY0001')
            .map((p) => p.reminderId)
            .sort(),
        ).toEqual(busy.map((r) => r.id).sort());
        expect(slack.to('C0QUIET001')).toHaveLength(1);
        expect(slack.to('C0QUIET002')).toHaveLength(1);
        // The busy channel's 2nd and 3rd posts wait one and two gaps; nothing else waits at all
        // (if channels shared a queue there would be four waits, up to four gaps).
        expect([...pauses.waits].sort((a, b) => a - b)).toEqual([gap, 2 * gap]);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});

describe('two app replicas on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: Rig;
  let b: Rig;
  const clock = new Clock(utc(T0));

  beforeAll(async () => {
    database = await postgresDatabase();
    a = await schedulerRig({ databaseUrl: database.url, fake, clock });
    b = await schedulerRig({ databaseUrl: database.url, fake, clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('deliver each of 30 reminders due at once exactly once, each occurrence, while both tick concurrently', async () => {
    fake.reset();
    const slack = recordDeliveries(fake);
    expect(a.scheduler.instanceId).not.toBe(b.scheduler.instanceId);
    const channels = Array.from({ length: 10 }, (_, i) => `C0MANY${String(i).padStart(4, '0')}`);
    const created: Reminder[] = [];
    for (let i = 0; i < 30; i++) {
      // Created through either replica: they share the database.
      const rig = i % 2 ? a : b;
      created.push(await rig.deps.reminders.create(newReminder({ channelId: channels[i % 10] as string, createdBy: `UCREATOR${i}` }), clock.now()));
    }
    const ids = created.map((r) => r.id).sort();

    for (const [day, at] of [
      [FIRST, '2026-11-30T09:00:30Z'],
      [SECOND, '2026-12-01T09:00:30Z'],
    ] as const) {
      clock.set(at);
      const before = slack.delivered.length;
      const reports: Array<[TickReport, TickReport]> = [];
      for (let round = 0; round < 4; round++) reports.push(await Promise.all([a.scheduler.tick(), b.scheduler.tick()]));
      const flat = reports.flat();
      const sentA = reports.reduce((n, [ra]) => n + ra.sent, 0);
      const sentB = reports.reduce((n, [, rb]) => n + rb.sent, 0);
      const alreadyClaimed = flat.reduce((n, r) => n + r.alreadyClaimed, 0);

      expect(sentA + sentB, `sent on ${day}`).toBe(30);
      expect(flat.reduce((n, r) => n + r.failed + r.skipped + r.interrupted, 0)).toBe(0);
      // Both really competed: one found occurrences the other had claimed, or both sent some.
      expect(alreadyClaimed > 0 || (sentA > 0 && sentB > 0), `alreadyClaimed ${alreadyClaimed}, split ${sentA}/${sentB}`).toBe(true);
      // Once they are all claimed, nothing more happens.
      expect(reports.at(-1)).toEqual([NOTHING, NOTHING]);

      // What Slack received: each reminder once, three per channel.
      const posts = slack.delivered.slice(before);
      expect(posts.map((p) => p.reminderId).sort()).toEqual(ids);
      for (const channel of channels)
        expect(
          posts.filter((p) => p.channel === channel),
          channel,
        ).toHaveLength(3);
      expect(fake.calledMethods('chat.postMessage').length).toBe(slack.delivered.length);

      // What the database says: one delivery row per reminder for this occurrence, sent, with the ts Slack gave.
      const rows = (await a.deps.reminders.deliveries()).filter((d) => d.occurrence === day);
      expect(rows).toHaveLength(30);
      expect(rows.every((d) => d.status === 'sent')).toBe(true);
      expect(rows.map((d) => d.reminderId).sort()).toEqual(ids);
      for (const row of rows) {
        const post = posts.find((p) => p.reminderId === row.reminderId);
        expect(row.messageTs).toBe(post?.ts);
        expect([a.scheduler.instanceId, b.scheduler.instanceId]).toContain(row.instanceId);
      }
    }
    expect(await a.deps.reminders.deliveries()).toHaveLength(60);
    for (const r of await b.deps.reminders.list()) expect(r).toMatchObject({ status: 'active', nextRunAt: '2026-12-02T09:00:00.000Z' });
  });

  it('keep one pace per channel between them: the channel slots are shared through the database', async () => {
    fake.reset();
    const slack = recordDeliveries(fake);
    await clearReminders(a.store);
    vi.useFakeTimers({ toFake: ['Date'] });
    const gap = 60_000;
    const pausesA = recordingSleep();
    const pausesB = recordingSleep();
    const pacedA = await schedulerRig({
      databaseUrl: database.url,
      fake,
      clock,
      senderOptions: { channelGapMs: gap, backoffMs: 1, sleep: pausesA.sleep },
    });
    const pacedB = await schedulerRig({
      databaseUrl: database.url,
      fake,
      clock,
      senderOptions: { channelGapMs: gap, backoffMs: 1, sleep: pausesB.sleep },
    });
    try {
      clock.set('2026-12-03T08:00:00Z');
      for (let i = 0; i < 4; i++) await pacedA.deps.reminders.create(newReminder({ channelId: 'C0SHARED01' }), clock.now());
      clock.set('2026-12-03T09:00:00Z');
      const [ra, rb] = await Promise.all([pacedA.scheduler.tick(), pacedB.scheduler.tick()]);
      expect(ra.sent + rb.sent).toBe(4);
      expect(slack.to('C0SHARED01')).toHaveLength(4);
      // Whichever replica sent them, the four posts got four distinct slots, a gap apart. A replica may
      // end up holding one more slot it did not need (the other sent the last reminder in the meantime).
      const waits = [...pausesA.waits, ...pausesB.waits].sort((x, y) => x - y);
      expect(waits.slice(0, 3)).toEqual([gap, 2 * gap, 3 * gap]);
      expect(new Set(waits).size).toBe(waits.length);
      expect(waits.every((w) => w % gap === 0)).toBe(true);
    } finally {
      vi.useRealTimers();
      await pacedA.close();
      await pacedB.close();
      await clearReminders(a.store);
    }
  });

  it('the crash-recovery sweep marks a dead claim interrupted once, whichever replica sees it first', async () => {
    fake.reset();
    const slack = recordDeliveries(fake);
    for (const r of await a.deps.reminders.list()) await a.deps.reminders.remove(r.id);
    clock.set('2026-12-05T08:00:00Z');
    const r = await a.deps.reminders.create(newReminder({ channelId: 'C0CRASH001' }), clock.now());
    clock.set('2026-12-05T09:00:01Z');
    const next = nextOccurrence(r.schedule, r.timezone, r.until, DateTime.fromISO(r.nextRunAt as string));
    await a.deps.reminders.claim(r, r.nextRunAt as string, { instanceId: 'dead', next, status: 'sending' }, clock.now());
    clock.set('2026-12-05T09:30:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(ra.interrupted + rb.interrupted).toBe(1);
    expect(ra.sent + rb.sent).toBe(0);
    expect(slack.to('C0CRASH001')).toEqual([]);
    expect((await b.deps.reminders.deliveries(r.id)).map((d) => d.status)).toEqual(['interrupted']);
  });
});
