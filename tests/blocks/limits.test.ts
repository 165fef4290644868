import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enforceLimits, LIMITS, limitViolations, type SlackMessage, truncate } from '../../src/blocks/limits.js';
import { escapeMrkdwn } from '../../src/blocks/mrkdwn.js';

type Json = Record<string, unknown>;

const section = (text: string, extra: Json = {}): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text }, ...extra }) as KnownBlock;
const header = (text: string, type: 'plain_text' | 'mrkdwn' = 'plain_text'): KnownBlock =>
  ({ type: 'header', text: { type, text } }) as unknown as KnownBlock;
const context = (...texts: string[]): KnownBlock => ({ type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) });
const button = (text: string, actionId: string, extra: Json = {}): Json => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  ...extra,
});
const actionsBlock = (elements: Json[], extra: Json = {}): KnownBlock => ({ type: 'actions', elements, ...extra }) as unknown as KnownBlock;
const msg = (blocks: KnownBlock[], text = 'fallback'): SlackMessage => ({ text, blocks });
const asJson = (block: KnownBlock | undefined): Json => block as unknown as Json;

/** The one text field of a block or element, however deep. */
function textOf(object: unknown): string {
  const o = object as Json;
  return (o.text as Json).text as string;
}

describe('truncate', () => {
  it('returns text within the limit unchanged', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('', 5)).toBe('');
  });

  it('cuts to exactly max characters ending with …', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 1)).toBe('…');
  });

  it('is never longer than max and always ends with … when it cuts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 1, max: 250 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length > max) expect(out.endsWith('…')).toBe(true);
        else expect(out).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves half an &amp; escape', () => {
    const text = 'abc&amp;def';
    for (let max = 1; max < text.length; max++) {
      const out = truncate(text, max);
      expect(out.slice(0, -1), `max ${max}`).not.toMatch(/&(a|am|amp)?$/);
    }
    expect(truncate(text, 6)).toBe('abc…');
    expect(truncate(text, 9)).toBe('abc&amp;…');
  });

  it('never leaves half of any escape in escaped text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '&', '<', '>', ' ') }), fc.integer({ min: 1, max: 100 }), (raw, max) => {
        const out = truncate(escapeMrkdwn(raw), max);
        const body = out.endsWith('…') ? out.slice(0, -1) : out;
        expect(body.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves half a surrogate pair', () => {
    const text = 'ab😀😀😀😀cd';
    for (let max = 1; max < text.length; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out, `max ${max}`).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(truncate(text, 4)).toBe('ab…');
    expect(truncate(text, 5)).toBe('ab😀…');
  });
});

describe('enforceLimits', () => {
  const manySections = (n: number) => Array.from({ length: n }, (_, i) => section(`s${i}`));

  it('keeps at most 50 blocks in a message, the first ones', () => {
    const out = enforceLimits(msg(manySections(60)));
    expect(out.blocks).toHaveLength(50);
    expect(textOf(out.blocks[49])).toBe('s49');
  });

  it('keeps up to 100 blocks on the Home tab', () => {
    expect(enforceLimits(msg(manySections(60)), 'home').blocks).toHaveLength(60);
    expect(enforceLimits(msg(manySections(120)), 'home').blocks).toHaveLength(100);
  });

  it('cuts a 5000-character section to at most 3000', () => {
    const out = enforceLimits(msg([section('x'.repeat(5000))]));
    const text = textOf(out.blocks[0]);
    expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(text.length).toBeGreaterThan(2900);
    expect(text.endsWith('…')).toBe(true);
  });

  it('cuts section fields: at most 10, each at most 2000', () => {
    const fields = Array.from({ length: 12 }, () => ({ type: 'mrkdwn', text: 'f'.repeat(2500) }));
    const out = enforceLimits(msg([{ type: 'section', fields } as KnownBlock]));
    const outFields = asJson(out.blocks[0]).fields as Json[];
    expect(outFields).toHaveLength(10);
    for (const f of outFields) expect((f.text as string).length).toBeLessThanOrEqual(LIMITS.sectionField);
  });

  it('cuts a 300-character header to at most 150', () => {
    const out = enforceLimits(msg([header('h'.repeat(300))]));
    expect(textOf(out.blocks[0]).length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(textOf(out.blocks[0]).endsWith('…')).toBe(true);
  });

  it('cuts 100-character button text to at most 75', () => {
    const out = enforceLimits(msg([actionsBlock([button('b'.repeat(100), 'a')])]));
    const el = (asJson(out.blocks[0]).elements as Json[])[0];
    expect(textOf(el).length).toBeLessThanOrEqual(LIMITS.buttonText);
  });

  it('cuts a confirmation dialog to Slack’s limits: title 100, text 300, confirm and deny 30', () => {
    const confirm = {
      title: { type: 'plain_text', text: 't'.repeat(150) },
      text: { type: 'mrkdwn', text: 'x'.repeat(500) },
      confirm: { type: 'plain_text', text: 'c'.repeat(40) },
      deny: { type: 'plain_text', text: 'd'.repeat(40) },
    };
    const oversized = msg([actionsBlock([button('b', 'a', { confirm })])]);
    expect(limitViolations(oversized)).toEqual([
      'blocks[0] (actions): confirm title empty or over 100',
      'blocks[0] (actions): confirm text empty or over 300',
      'blocks[0] (actions): confirm confirm empty or over 30',
      'blocks[0] (actions): confirm deny empty or over 30',
    ]);
    const out = enforceLimits(oversized);
    const cut = (asJson(out.blocks[0]).elements as Json[])[0]?.confirm as Record<'title' | 'text' | 'confirm' | 'deny', Json>;
    expect([cut.title, cut.text, cut.confirm, cut.deny].map((t) => String(t.text).length)).toEqual([100, 300, 30, 30]);
    expect(limitViolations(out)).toEqual([]);
  });

  it('reports a confirmation dialog missing a part Slack requires', () => {
    const confirm = {
      title: { type: 'plain_text', text: 'Sure?' },
      text: { type: 'mrkdwn', text: 'It goes.' },
      confirm: { type: 'plain_text', text: 'Yes' },
    };
    expect(limitViolations(msg([actionsBlock([button('b', 'a', { confirm })])]))).toEqual(['blocks[0] (actions): confirm deny empty or over 30']);
  });

  it('cuts a section accessory button too', () => {
    const out = enforceLimits(msg([section('s', { accessory: button('b'.repeat(100), 'a'.repeat(300)) })]));
    const acc = asJson(out.blocks[0]).accessory as Json;
    expect(textOf(acc).length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect((acc.action_id as string).length).toBe(LIMITS.actionId);
  });

  it('cuts 300-character action_id and block_id to 255', () => {
    const out = enforceLimits(msg([actionsBlock([button('ok', 'a'.repeat(300))], { block_id: 'b'.repeat(300) })]));
    const block = asJson(out.blocks[0]);
    expect(block.block_id).toBe('b'.repeat(255));
    expect((block.elements as Json[])[0]?.action_id).toBe('a'.repeat(255));
  });

  it('cuts a 3000-character button value to at most 2000', () => {
    const out = enforceLimits(msg([actionsBlock([button('ok', 'a', { value: 'v'.repeat(3000) })])]));
    const value = (asJson(out.blocks[0]).elements as Json[])[0]?.value as string;
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(value.length).toBeGreaterThan(1900);
  });

  it('drops a button url over 3000 characters but keeps one within', () => {
    const long = `https://x.com/${'p'.repeat(3000)}`;
    const out = enforceLimits(msg([actionsBlock([button('long', 'a', { url: long }), button('short', 'b', { url: 'https://x.com' })])]));
    const [a, b] = asJson(out.blocks[0]).elements as Json[];
    expect(a?.url).toBeUndefined();
    expect(b?.url).toBe('https://x.com');
  });

  it('keeps at most 10 context elements and 25 action elements', () => {
    const out = enforceLimits(
      msg([context(...Array.from({ length: 15 }, (_, i) => `c${i}`)), actionsBlock(Array.from({ length: 30 }, (_, i) => button(`b${i}`, `a${i}`)))]),
    );
    expect(asJson(out.blocks[0]).elements as Json[]).toHaveLength(10);
    expect(asJson(out.blocks[1]).elements as Json[]).toHaveLength(25);
  });

  it.each(['', '   ', '\n\t'])('gives empty fallback text %j a default', (text) => {
    const out = enforceLimits(msg([section('s')], text));
    expect(out.text.trim().length).toBeGreaterThan(0);
  });

  it('cuts fallback text to 40,000 characters', () => {
    const out = enforceLimits(msg([section('s')], 't'.repeat(50_000)));
    expect(out.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('replaces empty header and section text with a single space', () => {
    const out = enforceLimits(msg([header(''), section('')]));
    expect(textOf(out.blocks[0])).toBe(' ');
    expect(textOf(out.blocks[1])).toBe(' ');
  });

  it('does not change the message it was given', () => {
    const original = msg([section('x'.repeat(5000)), header('h'.repeat(300))], '');
    const copy = structuredClone(original);
    enforceLimits(original);
    expect(original).toEqual(copy);
  });

  it('leaves a valid message as it was', () => {
    const valid = msg(
      [header('Title'), section('Body'), context('ctx'), actionsBlock([button('Go', 'go', { value: 'v' })], { block_id: 'b1' })],
      'Fallback',
    );
    expect(enforceLimits(valid)).toEqual(valid);
  });

  it('makes an oversized message pass limitViolations', () => {
    const oversized = msg(
      [
        header('h'.repeat(300)),
        section('x'.repeat(5000), { block_id: 'b'.repeat(300) }),
        context(...Array.from({ length: 15 }, () => 'c'.repeat(4000))),
        actionsBlock(Array.from({ length: 30 }, (_, i) => button('b'.repeat(100), `${i}${'a'.repeat(300)}`, { value: 'v'.repeat(3000) }))),
        ...manySections(60),
      ],
      '',
    );
    expect(limitViolations(oversized).length).toBeGreaterThan(5);
    expect(limitViolations(enforceLimits(oversized))).toEqual([]);
  });
});

describe('limitViolations', () => {
  const valid = (): SlackMessage =>
    msg(
      [
        header('Title'),
        section('Body', { block_id: 'body' }),
        { type: 'section', fields: [{ type: 'mrkdwn', text: 'f' }] } as KnownBlock,
        context('ctx'),
        actionsBlock([button('Go', 'go', { value: 'v', url: 'https://x.com' }), button('Stop', 'stop')], { block_id: 'acts' }),
      ],
      'Fallback',
    );

  it('returns [] for a valid message', () => {
    expect(limitViolations(valid())).toEqual([]);
  });

  it('accepts 100 blocks on the Home tab but not in a message', () => {
    const m = msg(Array.from({ length: 100 }, (_, i) => section(`s${i}`)));
    expect(limitViolations(m, 'home')).toEqual([]);
    expect(limitViolations(m)).toEqual(['100 blocks']);
    expect(limitViolations(msg(Array.from({ length: 101 }, (_, i) => section(`s${i}`))), 'home')).toEqual(['101 blocks']);
  });

  it('reports missing or blank fallback text', () => {
    expect(limitViolations({ ...valid(), text: '' })).toEqual(['no fallback text']);
    expect(limitViolations({ ...valid(), text: '  \n' })).toEqual(['no fallback text']);
  });

  it('reports fallback text over 40,000 characters', () => {
    expect(limitViolations({ ...valid(), text: 't'.repeat(40_001) })).toEqual(['fallback text too long']);
    expect(limitViolations({ ...valid(), text: 't'.repeat(40_000) })).toEqual([]);
  });

  /** One block in an otherwise valid message. */
  const only = (block: KnownBlock) => limitViolations(msg([block]));

  it('reports block_id too long and duplicate block_id', () => {
    expect(only(section('s', { block_id: 'b'.repeat(256) }))).toEqual([expect.stringContaining('block_id too long')]);
    expect(only(section('s', { block_id: 'b'.repeat(255) }))).toEqual([]);
    expect(limitViolations(msg([section('a', { block_id: 'same' }), section('b', { block_id: 'same' })]))).toEqual([
      expect.stringMatching(/^blocks\[1\].*duplicate block_id/),
    ]);
  });

  it('reports header text empty, over 150, or not plain_text', () => {
    expect(only(header(''))).toEqual([expect.stringContaining('header text empty or over 150')]);
    expect(only(header('h'.repeat(151)))).toEqual([expect.stringContaining('header text empty or over 150')]);
    expect(only(header('h'.repeat(150)))).toEqual([]);
    expect(only(header('Title', 'mrkdwn'))).toEqual([expect.stringContaining('must be plain_text')]);
  });

  it('reports section text empty or over 3000, and a section with neither text nor fields', () => {
    expect(only(section(''))).toEqual([expect.stringContaining('section text empty or over 3000')]);
    expect(only(section('x'.repeat(3001)))).toEqual([expect.stringContaining('section text empty or over 3000')]);
    expect(only(section('x'.repeat(3000)))).toEqual([]);
    expect(only({ type: 'section' } as KnownBlock)).toEqual([expect.stringContaining('section without text or fields')]);
  });

  it('reports empty or too many context elements and empty context text', () => {
    expect(only({ type: 'context', elements: [] })).toEqual([expect.stringContaining('0 context elements')]);
    expect(only(context(...Array.from({ length: 11 }, () => 'c')))).toEqual([expect.stringContaining('11 context elements')]);
    expect(only(context(...Array.from({ length: 10 }, () => 'c')))).toEqual([]);
    expect(only(context('ok', ''))).toEqual([expect.stringContaining('empty context text')]);
  });

  it('reports empty or too many action elements', () => {
    expect(only(actionsBlock([]))).toEqual([expect.stringContaining('0 action elements')]);
    expect(only(actionsBlock(Array.from({ length: 26 }, (_, i) => button('b', `a${i}`))))).toEqual([expect.stringContaining('26 action elements')]);
    expect(only(actionsBlock(Array.from({ length: 25 }, (_, i) => button('b', `a${i}`))))).toEqual([]);
  });

  it('reports button text empty or over 75', () => {
    expect(only(actionsBlock([button('', 'a')]))).toEqual([expect.stringContaining('button text empty or over 75')]);
    expect(only(actionsBlock([button('b'.repeat(76), 'a')]))).toEqual([expect.stringContaining('button text empty or over 75')]);
    expect(only(actionsBlock([button('b'.repeat(75), 'a')]))).toEqual([]);
  });

  it('reports action_id empty or over 255, and duplicate action_ids in a block', () => {
    expect(only(actionsBlock([button('b', '')]))).toEqual([expect.stringContaining('action_id length')]);
    expect(only(actionsBlock([button('b', 'a'.repeat(256))]))).toEqual([expect.stringContaining('action_id length')]);
    expect(only(actionsBlock([button('b', 'a'.repeat(255))]))).toEqual([]);
    expect(only(actionsBlock([button('b', 'same'), button('c', 'same')]))).toEqual([expect.stringContaining('duplicate action_id same')]);
  });

  it('reports a button value over 2000 and a url over 3000', () => {
    expect(only(actionsBlock([button('b', 'a', { value: 'v'.repeat(2001) })]))).toEqual([expect.stringContaining('button value over 2000')]);
    expect(only(actionsBlock([button('b', 'a', { value: 'v'.repeat(2000) })]))).toEqual([]);
    expect(only(actionsBlock([button('b', 'a', { url: `https://x.com/${'p'.repeat(3000)}` })]))).toEqual([
      expect.stringContaining('button url too long'),
    ]);
  });

  it('reports every breach of a message at once, naming the block', () => {
    const problems = limitViolations(msg([header('h'.repeat(200)), section('x'.repeat(4000)), actionsBlock([button('', 'a')])], ''));
    expect(problems).toEqual([
      'no fallback text',
      expect.stringMatching(/^blocks\[0\] \(header\)/),
      expect.stringMatching(/^blocks\[1\] \(section\)/),
      expect.stringMatching(/^blocks\[2\] \(actions\)/),
    ]);
  });
});
