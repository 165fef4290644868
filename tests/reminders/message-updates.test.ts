import { ErrorCode } from '@slack/web-api';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/blocks/limits.js';
import { MessageUpdates } from '../../src/reminders/message-updates.js';

interface Update {
  channel: string;
  ts: string;
  text: string;
}

/** A promise the test settles by hand. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(error: unknown): void } {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const rateLimited = (retryAfter: number) => Object.assign(new Error('ratelimited'), { code: ErrorCode.RateLimitedError, retryAfter });
const message = (text: string): SlackMessage => ({ text, blocks: [] });

/**
 * A stand-in chat.update: each call waits for the test to answer it (`answer(i)` settles the i-th
 * call), so what is in flight when is decided by the test, never by timing.
 */
function rig(options: { maxRateLimitWaits?: number } = {}) {
  const updates: Update[] = [];
  const answers: ReturnType<typeof deferred>[] = [];
  const waits: number[] = [];
  let wake: (() => void) | null = null;
  const client = {
    chat: {
      update: async (args: { channel: string; ts: string; text: string }) => {
        updates.push({ channel: args.channel, ts: args.ts, text: args.text });
        const answer = deferred();
        answers.push(answer);
        wake?.();
        await answer.promise;
        return { ok: true };
      },
    },
  };
  const updater = new MessageUpdates({
    client: client as never,
    logger: pino({ level: 'silent' }),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  /** Resolves once `n` updates have been sent. */
  const sent = async (n: number) => {
    while (updates.length < n) await new Promise<void>((r) => (wake = r));
  };
  return { updater, updates, answers, waits, sent };
}

describe('MessageUpdates', () => {
  it('sends one update, then ONE more for every click during it, rendered at that moment', async () => {
    const { updater, updates, answers, sent } = rig();
    let count = 1;
    const render = async () => message(`${count} people`);
    const done = [updater.request('C1', '1.1', render)];
    await sent(1);
    for (count = 2; count <= 12; count++) done.push(updater.request('C1', '1.1', render));
    count = 12;
    answers[0]?.resolve();
    await sent(2);
    answers[1]?.resolve();
    await Promise.all(done);
    expect(updates.map((u) => u.text)).toEqual(['1 people', '12 people']);
  });

  it('after a 429 waits Retry-After, then sends the latest state, even with no click since', async () => {
    const { updater, updates, answers, waits, sent } = rig();
    let count = 1;
    const done = updater.request('C1', '1.1', async () => message(`${count}`));
    await sent(1);
    count = 5;
    answers[0]?.reject(rateLimited(4));
    await sent(2);
    answers[1]?.resolve();
    await done;
    expect(waits).toEqual([4000]);
    expect(updates.map((u) => u.text)).toEqual(['1', '5']);
  });

  it('gives up after maxRateLimitWaits 429s in a row (logged, never thrown); the next request starts afresh', async () => {
    const { updater: limited, updates, answers, sent } = rig({ maxRateLimitWaits: 2 });
    const done = limited.request('C1', '1.1', async () => message('x'));
    for (let i = 1; i <= 3; i++) {
      await sent(i);
      answers[i - 1]?.reject(rateLimited(0));
    }
    await expect(done).resolves.toBeUndefined();
    expect(updates).toHaveLength(3);
    const again = limited.request('C1', '1.1', async () => message('y'));
    await sent(4);
    answers[3]?.resolve();
    await again;
    expect(updates.map((u) => u.text)).toEqual(['x', 'x', 'x', 'y']);
  });

  it('keeps messages apart: another message is updated at once, not queued behind the first', async () => {
    const { updater, updates, answers, sent } = rig();
    const a = updater.request('C1', '1.1', async () => message('a'));
    const b = updater.request('C1', '2.2', async () => message('b'));
    await sent(2);
    expect(updates.map((u) => `${u.ts} ${u.text}`)).toEqual(['1.1 a', '2.2 b']);
    for (const answer of answers) answer.resolve();
    await Promise.all([a, b]);
  });

  it('the latest request decides what is shown; a render of null leaves the message alone', async () => {
    const { updater, updates, answers, sent } = rig();
    const first = updater.request('C1', '1.1', async () => message('full card'));
    await sent(1);
    const replaced = updater.request('C1', '1.1', async () => message('one line'));
    const stale = updater.request('C1', '2.2', async () => null);
    answers[0]?.resolve();
    await sent(2);
    answers[1]?.resolve();
    await Promise.all([first, replaced, stale]);
    expect(updates.map((u) => `${u.ts} ${u.text}`)).toEqual(['1.1 full card', '1.1 one line']);
  });

  it('skips an update that would show what the message already shows', async () => {
    const { updater, updates, answers, sent } = rig();
    const done = [updater.request('C1', '1.1', async () => message('same'))];
    await sent(1);
    done.push(updater.request('C1', '1.1', async () => message('same')));
    answers[0]?.resolve();
    await Promise.all(done);
    expect(updates).toHaveLength(1);
  });

  it('a failed update (not a 429) or a failed render is logged and ends the run without throwing', async () => {
    const { updater, updates, answers, sent } = rig();
    const failed = updater.request('C1', '1.1', async () => message('x'));
    await sent(1);
    answers[0]?.reject(Object.assign(new Error('message_not_found'), { code: ErrorCode.PlatformError }));
    await expect(failed).resolves.toBeUndefined();
    await expect(
      updater.request('C1', '1.1', async () => {
        throw new Error('database down');
      }),
    ).resolves.toBeUndefined();
    expect(updates).toHaveLength(1);
  });
});
