import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/blocks/limits.js';
import { MENTION_SEQUENCES, NASTY_STRINGS } from '../properties/nasty.js';
import { appMention, asMessage, BOT_USER_ID, directMessage, type Json, mockSlackApi, topicOf, useHarness } from '../support/slack-in-process.js';

// A fresh app and database for every test; any Web API request without a mock fails the test.
const h = useHarness();

describe('message.im', () => {
  it('answers a direct message in the DM, not in a thread', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, channel: 'D1', ts: '1700000001.000300' });
    const { acks } = await h.deliver(directMessage('how do I opt out?'));
    expect(acks).toHaveLength(1);
    expect(post.calls).toHaveLength(1);
    const call = post.calls[0];
    expect(call?.channel).toBe('D1');
    expect(call).not.toHaveProperty('thread_ts');
    expect(topicOf(call)).toBe('opt-out-how');
    expect(limitViolations(asMessage(call))).toEqual([]);
  });

  const ignored: [string, Json][] = [
    [
      'an edit (subtype message_changed)',
      {
        subtype: 'message_changed',
        hidden: true,
        message: { type: 'message', user: 'U1', text: 'how do I opt out?', ts: '1700000000.000001' },
        previous_message: { type: 'message', user: 'U1', text: 'how do I opt ot?', ts: '1700000000.000001' },
      },
    ],
    [
      'a deletion (subtype message_deleted)',
      {
        subtype: 'message_deleted',
        hidden: true,
        deleted_ts: '1700000000.000001',
        previous_message: { type: 'message', user: 'U1', text: 'how do I opt out?' },
      },
    ],
    ['a message from another bot (bot_id)', { bot_id: 'B999', app_id: 'A999' }],
    ['a message from the app itself', { user: BOT_USER_ID }],
    ['a message in a channel (channel_type channel)', { channel: 'C1', channel_type: 'channel' }],
  ];

  it.each(ignored)('ignores %s: no Web API call at all', async (_name, extra) => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000001.000300' });
    const { acks } = await h.deliver(directMessage('how do I opt out?', extra));
    expect(acks).toHaveLength(1);
    expect(post.calls).toEqual([]);
  });

  it('answers every nasty DM and mention exactly once, within limits and without live mentions', async () => {
    const post = mockSlackApi('chat.postMessage', { ok: true, ts: '1700000001.000300' });
    // Questions too odd to tell the language of ask for the person's Slack language.
    mockSlackApi('users.info', { ok: true, user: { id: 'U1', locale: 'en-US' } });
    const problems: string[] = [];
    for (const nasty of NASTY_STRINGS) {
      for (const body of [directMessage(nasty), appMention(`<@UBOT> ${nasty}`)]) {
        const before = post.calls.length;
        await h.deliver(body);
        const label = `${String((body.event as Json).type)} ${JSON.stringify(nasty.slice(0, 40))}`;
        if (post.calls.length !== before + 1) {
          problems.push(`${label}: ${post.calls.length - before} posts`);
          continue;
        }
        const call = post.calls[before];
        for (const v of limitViolations(asMessage(call))) problems.push(`${label}: ${v}`);
        for (const m of MENTION_SEQUENCES) if (JSON.stringify(call).includes(m)) problems.push(`${label}: contains ${m}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
