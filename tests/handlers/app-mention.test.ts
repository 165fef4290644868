import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/blocks/limits.js';
import { appMention, asMessage, mockSlackApi, NOW, TEAM_ID, topicOf, USER_ID, useHarness, visibleText } from '../support/slack-in-process.js';

// A fresh app and database for every test; any Web API request without a mock fails the test.
const h = useHarness();

const QUESTION = '<@UBOT> does this apply to our Toronto office?';

describe('app_mention', () => {
  it('answers in a thread under the mention with the Canada region answer', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, channel: 'C1', ts: '1700000000.000200' });
    const { acks } = await h.deliver(appMention(QUESTION));
    expect(acks).toHaveLength(1);
    expect(post.scope.isDone()).toBe(true);
    expect(post.calls).toHaveLength(1);
    const call = post.calls[0];
    expect(call).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(topicOf(call)).toBe('regions');
    expect(visibleText(call)).toContain('Yes, it applies in Toronto (Canada).');
    expect(visibleText(call)).toContain('Canada');
    expect(limitViolations(asMessage(call))).toEqual([]);
  });

  it('answers in the existing thread when the mention is a reply', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await h.deliver(appMention(QUESTION, { ts: '1700000000.000900', thread_ts: '1699999999.000001' }));
    expect(post.calls).toHaveLength(1);
    expect(post.calls[0]).toMatchObject({ channel: 'C1', thread_ts: '1699999999.000001' });
  });

  it('answers a retried delivery of the same event only once', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const first = await h.deliver(appMention(QUESTION, {}, 'EvSAME1'));
    const retry = await h.deliver(appMention(QUESTION, {}, 'EvSAME1'), { retryNum: 1, retryReason: 'http_timeout' });
    // Both deliveries are acknowledged (so Slack stops retrying), only the first is answered.
    expect(first.acks).toHaveLength(1);
    expect(retry.acks).toHaveLength(1);
    expect(post.calls).toHaveLength(1);
  });

  it('answers two different events with the same text twice', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await h.deliver(appMention(QUESTION, {}, 'EvDIFF1'));
    await h.deliver(appMention(QUESTION, {}, 'EvDIFF2'));
    expect(post.calls).toHaveLength(2);
  });

  it('never posts a live <!channel> from the mention text', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await h.deliver(appMention('<@UBOT> <!channel> <!here> does this apply to our Toronto office? <@U999>'));
    expect(post.calls).toHaveLength(1);
    const raw = JSON.stringify(post.calls[0]);
    for (const mention of ['<!channel', '<!here', '<@U999']) expect(raw).not.toContain(mention);
  });

  it('records an out-of-scope mention without the bot mention in it', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await h.deliver(appMention('<@UBOT> what is a good pizza recipe?'));
    expect(post.calls).toHaveLength(1);
    expect(String(post.calls[0]?.text)).toMatch(/I only know about LinkedIn's use of members' data/);
    const rows = await h.store.recentUnanswered(TEAM_ID, 10, NOW);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question: 'what is a good pizza recipe?', kind: 'out-of-scope', userId: USER_ID });
  });

  it('logs a Web API failure and still resolves processEvent', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: false, error: 'channel_not_found' });
    await expect(h.deliver(appMention(QUESTION))).resolves.toMatchObject({ acks: [undefined] });
    expect(post.calls).toHaveLength(1);
    const errors = h.logs.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('channel_not_found');
    // Handled inside the listener: Bolt's global error handler never saw it.
    expect(h.logs.some((l) => l.msg === 'a listener failed')).toBe(false);
  });
});
