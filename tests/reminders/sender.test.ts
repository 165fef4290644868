import { LogLevel, WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlackMessage } from '../../src/blocks/limits.js';
import { LocalChannelSlots, ReminderSender, SendError, type SenderOptions } from '../../src/reminders/sender.js';
import { FakeSlack } from '../support/fake-slack.js';
import { postAttempts, recordDeliveries, recordingSleep, scriptPosts } from './helpers.js';

const MESSAGE: SlackMessage = { text: 'Reminder: check your setting.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Check it.' } }] };
const logger = pino({ level: 'silent' });

let fake: FakeSlack;
let slack: ReturnType<typeof recordDeliveries>;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  slack = recordDeliveries(fake);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A sender as the app builds it: its own client that reports 429s and does not retry by itself. */
function sender(options: Partial<Omit<SenderOptions, 'client' | 'logger'>> = {}, apiUrl = fake.apiUrl): ReminderSender {
  const client = new WebClient('xoxb-test', {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  return new ReminderSender({ client, logger, channelGapMs: 0, backoffMs: 1, sleep: async () => {}, ...options });
}

async function sendError(promise: Promise<unknown>, permanent: boolean): Promise<SendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).permanent).toBe(permanent);
    return error as SendError;
  }
  throw new Error('the post succeeded');
}

describe('ReminderSender pacing', () => {
  it('asks to wait a gap per earlier message in the same channel, and nothing for another channel', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const pauses = recordingSleep();
    const gap = 1100;
    const s = sender({ channelGapMs: gap, sleep: pauses.sleep });
    const waitsFor = async (channel: string) => {
      const before = pauses.waits.length;
      await s.waitForSlot(channel);
      await s.post(channel, MESSAGE);
      return pauses.waits.slice(before);
    };
    expect(await waitsFor('CA')).toEqual([]);
    expect(await waitsFor('CA')).toEqual([gap]);
    expect(await waitsFor('CB')).toEqual([]);
    expect(await waitsFor('CA')).toEqual([2 * gap]);
    expect(await waitsFor('CC')).toEqual([]);
    expect(await waitsFor('CB')).toEqual([gap]);
    expect(slack.delivered.map((p) => p.channel)).toEqual(['CA', 'CA', 'CB', 'CA', 'CC', 'CB']);
  });

  it('uses the real 1.1 s gap by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const pauses = recordingSleep();
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    const s = new ReminderSender({ client, logger, sleep: pauses.sleep });
    for (let i = 0; i < 2; i++) {
      await s.waitForSlot('CA');
      await s.post('CA', MESSAGE);
    }
    expect(pauses.waits).toEqual([1100]);
  });

  it('LocalChannelSlots hands out slots in order, a gap apart, never before notBefore', async () => {
    const slots = new LocalChannelSlots();
    expect(await slots.reserve('C1', 1000, 5000)).toBe(5000);
    expect(await slots.reserve('C1', 1000, 5000)).toBe(6000);
    expect(await slots.reserve('C1', 1000, 5500)).toBe(7000);
    expect(await slots.reserve('C2', 1000, 5000)).toBe(5000);
    // Long after the last one: at notBefore again.
    expect(await slots.reserve('C1', 1000, 60_000)).toBe(60_000);
  });
});

describe('ReminderSender and Slack’s answers', () => {
  it('429 with Retry-After: waits that long, then posts the same message; one message delivered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const pauses = recordingSleep();
    scriptPosts(fake, 'CA', [{ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }]);
    const ts = await sender({ sleep: pauses.sleep }).post('CA', MESSAGE);
    expect(pauses.waits).toEqual([3000]);
    expect(postAttempts(fake, 'CA')).toHaveLength(2);
    expect(slack.delivered).toHaveLength(1);
    expect(ts).toBe(slack.delivered[0]?.ts);
  });

  it('429 again and again: gives up on this message after maxRateLimitWaits (not a verdict on the channel)', async () => {
    fake.respond((call) =>
      call.method === 'chat.postMessage' ? { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } } : undefined,
    );
    const error = await sendError(sender({ maxRateLimitWaits: 2 }).post('CA', MESSAGE), false);
    expect(error.code).toBe('ratelimited');
    expect(error.message).toMatch(/still rate limited after 2 waits/);
    expect(postAttempts(fake, 'CA')).toHaveLength(3);
  });

  it('not_in_channel: joins once; still not in after joining is a permanent error, not a loop', async () => {
    fake.respond((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined));
    const error = await sendError(sender().post('CA', MESSAGE), true);
    expect(error.code).toBe('not_in_channel');
    expect(fake.calledMethods('conversations.join')).toHaveLength(1);
    expect(postAttempts(fake, 'CA')).toHaveLength(2);
  });

  it('not_in_channel and the join refused: a permanent error naming both reasons and the fix', async () => {
    fake.respond((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined));
    fake.respond((call) =>
      call.method === 'conversations.join' ? { body: { ok: false, error: 'method_not_supported_for_channel_type' } } : undefined,
    );
    const error = await sendError(sender().post('GPRIVATE', MESSAGE), true);
    expect(error.code).toBe('not_in_channel');
    expect(error.message).toMatch(/not_in_channel.*method_not_supported_for_channel_type.*\/invite/);
    expect(postAttempts(fake, 'GPRIVATE')).toHaveLength(1);
  });

  it.each(['channel_not_found', 'is_archived', 'invalid_blocks', 'msg_too_long', 'token_revoked', 'some_error_nobody_knows'])(
    '%s is permanent: one try, no pause',
    async (code) => {
      const pauses = recordingSleep();
      scriptPosts(fake, 'CA', [{ body: { ok: false, error: code } }]);
      const error = await sendError(sender({ sleep: pauses.sleep }).post('CA', MESSAGE), true);
      expect(error.code).toBe(code);
      expect(postAttempts(fake, 'CA')).toHaveLength(1);
      expect(pauses.waits).toEqual([]);
    },
  );

  it.each([
    ['HTTP 500', { status: 500, body: 'oops' }],
    ['HTTP 503', { status: 503, body: 'unavailable' }],
    ['internal_error', { body: { ok: false, error: 'internal_error' } }],
    ['service_unavailable', { body: { ok: false, error: 'service_unavailable' } }],
    ['ratelimited in a 200 answer', { body: { ok: false, error: 'ratelimited' } }],
  ])('%s is transient: retried after a pause, sent once', async (_name, reply) => {
    const pauses = recordingSleep();
    scriptPosts(fake, 'CA', [reply]);
    await sender({ backoffMs: 250, sleep: pauses.sleep }).post('CA', MESSAGE);
    expect(postAttempts(fake, 'CA')).toHaveLength(2);
    expect(slack.delivered).toHaveLength(1);
    expect(pauses.waits).toEqual([250]);
  });

  it('transient for good: pauses double, and it gives up after `attempts` tries', async () => {
    const pauses = recordingSleep();
    fake.respond((call) => (call.method === 'chat.postMessage' ? { status: 500, body: 'oops' } : undefined));
    const error = await sendError(sender({ attempts: 4, backoffMs: 100, sleep: pauses.sleep }).post('CA', MESSAGE), false);
    expect(error.message).toMatch(/gave up after 4 attempts/);
    expect(postAttempts(fake, 'CA')).toHaveLength(4);
    expect(pauses.waits).toEqual([100, 200, 400]);
  });

  it('network failures (nothing listening) are retried, then given up with a message', async () => {
    const pauses = recordingSleep();
    const idle = await new FakeSlack().start();
    const deadUrl = idle.apiUrl;
    await idle.stop();
    const error = await sendError(sender({ attempts: 3, backoffMs: 10, sleep: pauses.sleep }, deadUrl).post('CA', MESSAGE), false);
    expect(error.message).toMatch(/gave up after 3 attempts/);
    expect(pauses.waits).toEqual([10, 20]);
  });
});

describe('a join that fails for a passing reason', () => {
  it('is retried, and is not a permanent verdict on the channel', async () => {
    fake.respond((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined));
    fake.respond((call) =>
      call.method === 'conversations.join' ? { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } } : undefined,
    );
    const error = await sendError(sender({ attempts: 3 }).post('CPUBLIC', MESSAGE), false);
    expect(error.code).toBe('not_in_channel');
    expect(fake.calledMethods('conversations.join').length).toBeGreaterThan(1);
  });
});
