import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/actions.js';
import { measureCard } from '../../src/blocks/glance.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { detailsFor, replyTo } from '../../src/replies/reply.js';
import { allEvalQuestions } from '../support/eval-questions.js';

// The answer-first rules (issue 10), checked on the card the app gives for every question in every
// question file we have: thousands of ways people ask, in seven languages, with places and without.

const kb = loadKnowledgeBase();
const now = DateTime.fromISO('2026-12-03', { zone: 'utc' });
const questions = allEvalQuestions().map((q) => q.q);

/** What breaks the rules on one card; empty when it keeps them. */
function brokenRules(question: string): string[] {
  const { result, message } = replyTo(kb, question, now);
  const broken: string[] = [...limitViolations(message)];
  if (message.text.length > 200) broken.push(`fallback ${message.text.length} chars`);
  if (/\b(below|above)\b/i.test(message.text)) broken.push('directional fallback');
  if (result.kind !== 'answer') return broken;
  const m = measureCard(message);
  if (m.leadChars > 350) broken.push(`lead ${m.leadChars} chars`);
  if (m.textChars > 900) broken.push(`text ${m.textChars} chars`);
  if (m.controls > 6) broken.push(`${m.controls} buttons or menus`);
  if (m.links > 3) broken.push(`${m.links} links`);
  if (!detailsFor(kb, { kind: 'question', question }, now)) broken.push('no details');
  if (result.topic && kb.topic(result.topic).settingButton && firstAction(message) !== ACTIONS.openSetting) broken.push('setting not first');
  return broken;
}

function firstAction(message: SlackMessage): string | undefined {
  const actions = message.blocks.find((b) => b.type === 'actions');
  return actions?.type === 'actions' ? actions.elements[0]?.action_id : undefined;
}

describe('every card the app gives for the questions we have', () => {
  it('keeps the answer-first rules', () => {
    expect(questions.length).toBeGreaterThan(1000);
    const problems = questions.flatMap((q) => brokenRules(q).map((p) => `${p}: ${q}`));
    expect(problems).toEqual([]);
  });

  it('puts the setting first on every opt-out answer', () => {
    for (const q of ['how do I opt out', 'wie kann ich widersprechen?', 'comment refuser ?', 'Is it too late to opt out? I am in Singapore']) {
      expect(firstAction(replyTo(kb, q, now).message), q).toBe(ACTIONS.openSetting);
    }
  });
});
