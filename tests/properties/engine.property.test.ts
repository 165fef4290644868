import fc from 'fast-check';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/blocks/actions.js';
import { limitViolations } from '../../src/blocks/limits.js';
import { withoutSlackMarkup } from '../../src/blocks/mrkdwn.js';
import { MAX_QUESTION_LENGTH } from '../../src/engine/engine.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { REGION_IDS } from '../../src/knowledge/schema.js';
import { type Reply, replyTo } from '../../src/replies/reply.js';
import { MENTION_SEQUENCES, mrkdwnTexts, NASTY_STRINGS, questionText, withoutLinks } from './nasty.js';

const NOW = DateTime.fromISO('2026-11-29');
const KINDS = ['answer', 'did-you-mean', 'out-of-scope', 'empty'];

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

/** Everything that must hold for any question, whatever the engine made of it. */
function expectSound(question: string, { result, message }: Reply): void {
  expect(result.question).toBe(question);
  expect(KINDS).toContain(result.kind);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(Number.isNaN(result.confidence)).toBe(false);

  if (result.kind === 'answer') expect(kb.topics.has(result.topic ?? '')).toBe(true);
  else expect(result.topic).toBeNull();
  for (const id of result.suggestions) expect(kb.topics.has(id)).toBe(true);
  if (result.kind === 'did-you-mean') expect(result.suggestions.length).toBeGreaterThan(0);
  if (result.region !== null) expect(REGION_IDS).toContain(result.region);
  // Mentions and links are not words: a message of nothing else is as good as empty.
  if (result.kind === 'empty') expect(withoutSlackMarkup(question).slice(0, MAX_QUESTION_LENGTH).trim()).toBe('');
  if (!withoutSlackMarkup(question).trim()) expect(result.kind).toBe('empty');

  expect(message.text.trim()).not.toBe('');
  expect(limitViolations(message)).toEqual([]);

  // No mention or special command, whether from the question or anywhere else.
  const json = JSON.stringify(message);
  for (const m of MENTION_SEQUENCES) expect(json).not.toContain(m);
  for (const text of mrkdwnTexts(message)) expect(withoutLinks(text)).not.toContain('<');

  // Every topic and feedback button decodes back to a topic of the knowledge base.
  for (const block of message.blocks) {
    if (block.type !== 'actions') continue;
    for (const el of block.elements) {
      if (el.type !== 'button' || el.value === undefined || !/^(topic|feedback):/.test(el.action_id ?? '')) continue;
      const value = decodeButtonValue(el.value);
      expect(value).not.toBeNull();
      expect(kb.topics.has(value?.topic ?? '')).toBe(true);
    }
  }
}

describe('replyTo() with arbitrary and nasty questions', () => {
  it('never throws and always gives a sound result and a valid card', () => {
    fc.assert(
      fc.property(questionText, (question) => {
        expectSound(question, replyTo(kb, question, NOW));
      }),
      { numRuns: 200 },
    );
  });

  it.each(NASTY_STRINGS.map((s) => [JSON.stringify(s).slice(0, 60), s]))('handles %s', (_label, question) => {
    expectSound(question, replyTo(kb, question, NOW));
  });

  it('answers a real question with a mention in it without echoing the mention', () => {
    const question = 'How do I opt out? <!channel> <@U123ABC>';
    const response = replyTo(kb, question, NOW);
    expectSound(question, response);
    expect(response.result.kind).toBe('answer');
  });

  it('quotes an out-of-scope question escaped', () => {
    const question = '<!everyone> what is for lunch today?';
    const response = replyTo(kb, question, NOW);
    expectSound(question, response);
    expect(response.result.kind).toBe('out-of-scope');
    expect(JSON.stringify(response.message)).toContain('&lt;!everyone&gt; what is for lunch today?');
  });

  it('reads only the first MAX_QUESTION_LENGTH characters of a huge question but still answers', () => {
    const question = `How do I opt out? ${'<!here> '.repeat(5_000)}`;
    expect(question.length).toBeGreaterThan(MAX_QUESTION_LENGTH);
    const response = replyTo(kb, question, NOW);
    expectSound(question, response);
    expect(response.result.kind).not.toBe('empty');
  });
});
