import { describe, expect, it, vi } from 'vitest';
import { ACTIONS, decodeCardRequest } from '../../src/blocks/actions.js';
import { LIMITS, limitViolations } from '../../src/blocks/limits.js';
import { MENTION_SEQUENCES, NASTY_STRINGS } from '../properties/nasty.js';
import {
  asMessage,
  blocksOf,
  buttonsOf,
  headerOf,
  type Json,
  NOW,
  slashCommand,
  TEAM_ID,
  topicOf,
  USER_ID,
  useHarness,
  visibleText,
} from '../support/slack-in-process.js';

// A fresh app and database for every test. The command answers in its acknowledgement: any request
// to the Web API or response_url fails the test.
const h = useHarness();

/** Runs the command and returns the one acknowledgement body. */
async function run(text: string): Promise<Json> {
  const { acks } = await h.deliver(slashCommand(text));
  expect(acks).toHaveLength(1);
  const body = acks[0];
  expect(body).toBeTypeOf('object');
  return body as Json;
}

function expectEphemeralCard(body: Json): void {
  expect(body.response_type).toBe('ephemeral');
  expect(typeof body.text === 'string' && body.text.trim().length > 0).toBe(true);
  expect(blocksOf(body).length).toBeGreaterThan(0);
  expect(limitViolations(asMessage(body))).toEqual([]);
}

function shareRequest(body: Json) {
  const share = buttonsOf(body).filter((b) => b.action_id === ACTIONS.share);
  expect(share).toHaveLength(1);
  return decodeCardRequest(share[0]?.value as string | undefined);
}

describe('/linkedin-ai', () => {
  it('with no text acknowledges with the ephemeral overview card and a "Share in channel" button', async () => {
    const body = await run('');
    expectEphemeralCard(body);
    expect(topicOf(body)).toBe('overview');
    const share = buttonsOf(body).find((b) => b.action_id === ACTIONS.share);
    expect((share?.text as Json | undefined)?.text).toMatch(/Share in channel/);
    expect(shareRequest(body)).toEqual({ kind: 'overview' });
  });

  it('"help" acknowledges with the help card', async () => {
    const body = await run('help');
    expectEphemeralCard(body);
    expect(headerOf(body)).toBe('What I can answer');
    expect(buttonsOf(body).filter((b) => String(b.action_id).startsWith(ACTIONS.ask)).length).toBeGreaterThanOrEqual(3);
    expect(shareRequest(body)).toEqual({ kind: 'help' });
  });

  it('"region Zürich" acknowledges with the region card for Switzerland', async () => {
    const body = await run('region Zürich');
    expectEphemeralCard(body);
    expect(topicOf(body)).toBe('regions');
    expect(visibleText(body)).toContain('Yes, it applies in Zürich (Switzerland).');
    expect(shareRequest(body)).toMatchObject({ kind: 'region', region: 'ch', country: 'CH' });
  });

  it('"region Atlantis" says, kindly, that it does not know the place', async () => {
    const body = await run('region Atlantis');
    expectEphemeralCard(body);
    expect(body.text).toMatch(/I don't know a place called “Atlantis”/);
    expect(visibleText(body)).toMatch(/I don't know a place called _“Atlantis”_/);
    expect(buttonsOf(body).some((b) => b.action_id === ACTIONS.share)).toBe(false);
  });

  it('"region Atlantis" says so in the person\'s Slack language when it is known, with the help card in it too', async () => {
    vi.spyOn(h.deps.admins, 'knownLocale').mockReturnValue('de-DE');
    const body = await run('region Atlantis');
    expectEphemeralCard(body);
    expect(body.text).toMatch(/^Einen Ort namens “Atlantis” kenne ich nicht/);
    expect(visibleText(body)).toContain('`/linkedin-ai region Toronto`');
    expect(headerOf(body)).toBe(h.kb.say('de')('help.header'));
  });

  it('keeps the person\'s language on the overview, help and region cards it makes shareable', async () => {
    vi.spyOn(h.deps.admins, 'knownLocale').mockReturnValue('fr-FR');
    expect(shareRequest(await run(''))).toEqual({ kind: 'overview', language: 'fr' });
    const help = await run('help');
    expect(headerOf(help)).toBe(h.kb.say('fr')('help.header'));
    expect(shareRequest(help)).toEqual({ kind: 'help', language: 'fr' });
    const region = await run('region Zürich');
    expect(visibleText(region)).toContain('Zürich (Suisse)');
    expect(shareRequest(region)).toMatchObject({ kind: 'region', region: 'ch', language: 'fr' });
  });

  it.each([
    ['optout', 'opt-out-how'],
    ['data', 'data-used'],
    ['limits', 'opt-out-effect'],
    ['OptOut', 'opt-out-how'],
  ])('the shortcut "%s" opens the %s card', async (text, topic) => {
    const body = await run(text);
    expectEphemeralCard(body);
    expect(topicOf(body)).toBe(topic);
    expect(shareRequest(body)).toEqual({ kind: 'topic', topic: topic });
  });

  it('a free question gets the answer card, and nothing is recorded as unanswered', async () => {
    const body = await run('how do I opt out?');
    expectEphemeralCard(body);
    expect(topicOf(body)).toBe('opt-out-how');
    expect(blocksOf(body).some((b) => b.type === 'context_actions')).toBe(true);
    expect(shareRequest(body)).toEqual({ kind: 'question', question: 'how do I opt out?' });
    expect(await h.store.recentUnanswered(TEAM_ID, 10, NOW)).toEqual([]);
  });

  it('an out-of-scope question gets the out-of-scope card and is recorded for the admins', async () => {
    const body = await run('what is a good pizza recipe?');
    expectEphemeralCard(body);
    expect(headerOf(body)).toBeUndefined();
    expect(body.text).toMatch(/I only know about LinkedIn's use of members' data/);
    expect(visibleText(body)).toContain('_“what is a good pizza recipe?”_');
    const rows = await h.store.recentUnanswered(TEAM_ID, 10, NOW);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question: 'what is a good pizza recipe?', kind: 'out-of-scope', userId: USER_ID });
  });

  it.each([
    '<!channel> <!here> <@U999>',
    'how do I opt out? <!channel> <!here> <@U999>',
    'pizza recipe please <!channel> <!here> <@U999>',
    'region <!channel> <!here> <@U999>',
    '<!channel|channel> <!here|here> <@U999|bob> <!everyone>',
  ])('never echoes a live mention: %s', async (text) => {
    const body = await run(text);
    expectEphemeralCard(body);
    const raw = JSON.stringify(body);
    for (const mention of ['<!channel', '<!here', '<@U999', '<!everyone']) expect(raw).not.toContain(mention);
  });

  it('keeps a very long question within limits, with a share value Slack accepts', async () => {
    const body = await run(`how do I opt out? ${'<!channel> & more words '.repeat(400)}`);
    expectEphemeralCard(body);
    const share = buttonsOf(body).find((b) => b.action_id === ACTIONS.share);
    expect(String(share?.value).length).toBeLessThanOrEqual(LIMITS.optionValue);
    // Too long for a menu option's value: the card's topic is shared instead.
    expect(decodeCardRequest(share?.value as string)).toMatchObject({ kind: 'topic', topic: 'opt-out-how' });
    expect(JSON.stringify(body)).not.toContain('<!channel');
  });

  it('acknowledges every nasty input exactly once with a valid card and no live mention', async () => {
    const problems: string[] = [];
    for (const nasty of NASTY_STRINGS) {
      for (const text of [nasty, `region ${nasty}`]) {
        const { acks } = await h.deliver(slashCommand(text));
        const raw = JSON.stringify(acks[0]);
        const label = JSON.stringify(text.slice(0, 40));
        if (acks.length !== 1) problems.push(`${label}: ${acks.length} acks`);
        for (const v of limitViolations(asMessage(acks[0]))) problems.push(`${label}: ${v}`);
        for (const m of MENTION_SEQUENCES) if (raw.includes(m)) problems.push(`${label}: contains ${m}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('text as Slack sends it', () => {
  it('reads &amp; &lt; &gt; as the characters the person typed, and shows them escaped once', async () => {
    const region = await run('region Bosnia &amp; Herzegovina');
    expect(topicOf(region)).toBe('regions');
    expect(visibleText(region)).toContain('Yes, it applies in Bosnia');
    expect(visibleText(region)).not.toContain('&amp;amp;');
    const unsure = await run('linkedin ai data Q&amp;A?');
    expect(visibleText(unsure)).not.toContain('&amp;amp;');
  });

  it('treats "remind me…" as a question, and "remind #channel…" as a reminder command', async () => {
    const body = await run('remind me how to opt out of the AI training');
    expect(topicOf(body)).toBe('opt-out-how');
  });
});
