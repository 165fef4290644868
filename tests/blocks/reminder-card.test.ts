import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/actions.js';
import { limitViolations } from '../../src/blocks/limits.js';
import { buildReminderCard, buildReplacedReminderCard, type ReminderCardInput } from '../../src/blocks/reminder-card.js';
import { createSay } from '../../src/format/messages.js';
import { loadKnowledgeData } from '../../src/knowledge/load.js';
import { say } from '../support/say.js';

type Json = Record<string, unknown>;

const INPUT: ReminderCardInput = {
  reminderId: 'r0123456789',
  newRegions: ['the EU/EEA', 'Switzerland', 'the UK', 'Canada', 'Hong Kong'],
  since: '3 November 2025 (about a year ago)',
  elsewhereSince: '2024',
  optOutSteps: ['Open LinkedIn → **Me → Settings & Privacy → Data privacy**.', 'Turn off **the switch**.'],
  settingUrl: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
  optedOut: 0,
  mentionHere: false,
  language: 'en',
  say,
};

/** Every text in the blocks, in order. */
function texts(blocks: KnownBlock[]): string[] {
  return (blocks as unknown as Json[]).flatMap((b) =>
    [b.text, ...((b.elements as Json[] | undefined) ?? [])].flatMap((t) =>
      t && typeof (t as Json).text === 'string' ? [(t as Json).text as string] : [],
    ),
  );
}

describe('buildReminderCard', () => {
  it('names the regions by their short names and keeps the dates it is given', () => {
    const all = texts(buildReminderCard(INPUT).blocks).join('\n');
    expect(all).toContain('members in the EU/EEA, Switzerland, the UK, Canada and Hong Kong');
    expect(all).toContain('Since *3 November 2025 (about a year ago)*');
    expect(all).toContain('covered since 2024');
  });

  it('has no directional words: it names the button to press', () => {
    const all = texts(buildReminderCard({ ...INPUT, optedOut: 3 }).blocks).join('\n');
    expect(all).not.toMatch(/\b(below|above)\b/i);
    expect(all).toContain('press *Open LinkedIn setting*');
    const button = (buildReminderCard(INPUT).blocks as unknown as Json[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as Json[])
      .find((e) => e.action_id === ACTIONS.openSetting);
    expect(button?.text).toMatchObject({ text: 'Open LinkedIn setting' });
  });

  it('has a plain header, no decorative emoji', () => {
    const header = buildReminderCard(INPUT).blocks.find((b) => b.type === 'header') as unknown as { text: { text: string } };
    expect(header.text.text).toBe('Check your LinkedIn AI-training setting');
    expect(header.text.text).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('hides the count while nobody has confirmed, then shows it with the right plural', () => {
    const count = (n: number) => texts(buildReminderCard({ ...INPUT, optedOut: n }).blocks).join('\n');
    expect(count(0)).not.toMatch(/\b0\b|people have|person has|nobody/i);
    expect(count(1)).toContain('✅ *1 person has confirmed opting out* across the workspace');
    expect(count(2)).toContain('2 people have confirmed');
    expect(count(37)).toContain('37 people have confirmed');
    expect(count(1234)).toContain('1,234 people have confirmed');
  });

  it('changes the actions block_id with the count, as Slack asks of an updated message', () => {
    const id = (n: number) => (buildReminderCard({ ...INPUT, optedOut: n }).blocks as unknown as Json[]).find((b) => b.type === 'actions')?.block_id;
    expect(id(0)).toBe('reminder:r0123456789:0');
    expect(id(5)).toBe('reminder:r0123456789:5');
  });

  it('pings with @here only when asked, at the start of the text and the first section, once each', () => {
    const pinged = buildReminderCard({ ...INPUT, mentionHere: true });
    expect(pinged.text.startsWith('<!here> ')).toBe(true);
    expect(texts(pinged.blocks).filter((t) => t.includes('<!here>'))).toHaveLength(1);
    expect(
      texts(pinged.blocks)
        .find((t) => t.includes('<!here>'))
        ?.startsWith('<!here> Since'),
    ).toBe(true);
    expect(JSON.stringify(buildReminderCard(INPUT))).not.toContain('<!here');
  });

  it('has one complete sentence of at most 200 characters as fallback text', () => {
    for (const mentionHere of [false, true]) {
      const { text } = buildReminderCard({ ...INPUT, mentionHere });
      expect(text.length).toBeLessThanOrEqual(200);
      expect(text).toMatch(/^(<!here> )?[A-Z][^.!?]*\.$/);
    }
  });

  it('stays within Slack’s limits and escapes what it is given', () => {
    const card = buildReminderCard({ ...INPUT, since: '<!channel> & co', optedOut: 9 });
    expect(limitViolations(card)).toEqual([]);
    expect(JSON.stringify(card.blocks)).not.toContain('<!channel>');
    expect(texts(card.blocks).join('\n')).toContain('&lt;!channel&gt; &amp; co');
  });
});

describe('the count', () => {
  it('is singular for one, plural otherwise, and in the reminder\'s language', () => {
    const count = (n: number, input = INPUT) => texts(buildReminderCard({ ...input, optedOut: n }).blocks).find((t) => t.startsWith('✅')) ?? '';
    expect(count(1)).toContain('1 person has confirmed');
    expect(count(37)).toContain('37 people have confirmed');
    const data = loadKnowledgeData();
    const german = { ...INPUT, language: 'de' as const, say: createSay('de', data.translations.de?.messages ?? {}, data.messages) };
    expect(count(1, german)).toContain('1 Person hat');
    expect(count(37, german)).toContain('37 Personen haben');
    expect(texts(buildReminderCard(german).blocks)[0]).toBe('Prüfen Sie Ihre LinkedIn-Einstellung zum KI-Training');
  });
});

describe('buildReplacedReminderCard', () => {
  it('is one short line with no buttons, linking to the newer message', () => {
    const card = buildReplacedReminderCard('https://acme.slack.com/archives/C1/p1790000000000100', say);
    expect(card.blocks).toHaveLength(1);
    expect(card.blocks[0]?.type).toBe('context');
    expect(texts(card.blocks)[0]).toBe(
      'This reminder was replaced by a <https://acme.slack.com/archives/C1/p1790000000000100|newer reminder> about the LinkedIn AI-training setting.',
    );
    expect(card.text).toBe('This LinkedIn AI-training reminder was replaced by a newer one.');
    expect(limitViolations(card)).toEqual([]);
  });

  it('leaves the link out when there is none, or when it is not a plain https address', () => {
    for (const url of [null, 'javascript:alert(1)', 'https://x.slack.com/a|<!channel>', 'https://x.slack.com/a b']) {
      const [line] = texts(buildReplacedReminderCard(url, say).blocks);
      expect(line).toBe('This reminder was replaced by a newer reminder about the LinkedIn AI-training setting.');
    }
  });
});
