import { describe, expect, it } from 'vitest';
import type { ComposedAnswer, RegionView, TopicLink } from '../../src/answers/compose.js';
import { ACTIONS, decodeButtonValue, decodeCardRequest, encodeButtonValue, encodeCardRequest } from '../../src/blocks/actions.js';
import { buildAnswerCard } from '../../src/blocks/answer-card.js';
import { buildDetailsModal } from '../../src/blocks/details-modal.js';
import { buildDidYouMeanCard } from '../../src/blocks/did-you-mean-card.js';
import { buildErrorCard } from '../../src/blocks/error-card.js';
import { measureCard } from '../../src/blocks/glance.js';
import { buildHelpCard } from '../../src/blocks/help-card.js';
import { LIMITS, limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { buildOutOfScopeCard } from '../../src/blocks/out-of-scope-card.js';
import { buildUnknownPlaceCard } from '../../src/blocks/unknown-place-card.js';
import { say } from '../support/say.js';

// ---------- fixtures (hand-made; the knowledge base is not loaded here) ----------

const LINKEDIN_SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

type Json = Record<string, unknown>;

const link = (id: string, title: string, summary = `Summary of ${title}.`): TopicLink => ({ id, title, label: title, summary });

function regionView(overrides: Partial<RegionView> = {}): RegionView {
  return {
    id: 'ca',
    name: 'Canada',
    shortName: 'Canada',
    changedOn: '3 November 2025',
    place: 'Toronto',
    countryName: 'Canada',
    status: "LinkedIn uses members' data here **since 2024**, unless they opt out.",
    since: 'since 2024',
    used: true,
    startedOn: '2024',
    approximate: true,
    pausedFrom: null,
    change: 'The terms were *clarified*.',
    legalBasis: 'Consent & notice',
    notes: ['PIPEDA applies to [privacy](https://www.priv.gc.ca/en/).'],
    sources: [{ title: 'Regional help page', url: 'https://www.linkedin.com/help/region' }],
    lastChecked: '1 November 2026 (4 weeks ago)',
    ...overrides,
  };
}

function answer(overrides: Partial<ComposedAnswer> = {}): ComposedAnswer {
  const a: Omit<ComposedAnswer, 'regionIsTheAnswer'> & { regionIsTheAnswer?: boolean } = {
    question: 'How do I opt out in Toronto?',
    language: 'en',
    translated: true,
    say,
    topic: link('opt-out-how', 'How to opt out'),
    markdown: 'Go to **Settings** and turn off [Data for Generative AI Improvement](https://www.linkedin.com/help/opt).\n\n- Step one\n- Step two',
    unconfirmed: ['Whether *old* data is deleted.'],
    region: regionView(),
    regionNote: 'In Canada the setting is **on** by default.',
    otherRegions: [],
    organisation: { organisation: 'Acme & Co', note: 'Ask **IT** first.' },
    sources: [
      { title: 'Help | opt out', url: 'https://www.linkedin.com/help/opt' },
      { title: 'Terms & Privacy', url: 'https://www.linkedin.com/legal/privacy' },
    ],
    keySources: [{ title: 'Help | opt out', url: 'https://www.linkedin.com/help/opt' }],
    lastChecked: '20 November 2026 (9 days ago)',
    settingButton: true,
    related: [link('data-used', 'Which data is used'), link('opt-out-effect', 'What opting out does')],
    alsoAsked: [link('timeline', 'When it started')],
    context: { region: 'ca', country: 'CA' },
    settingUrl: LINKEDIN_SETTING_URL,
    ...overrides,
  };
  // As composeAnswer decides it: the regions topic with a place is answered by the region's story.
  return { ...a, regionIsTheAnswer: a.regionIsTheAnswer ?? (a.region !== null && a.topic.id === 'regions') };
}

// ---------- helpers ----------

const asJson = (b: unknown) => b as Json;
const blocksOf = (card: SlackMessage, type: string) => card.blocks.filter((b) => b.type === type).map(asJson);
const textOf = (b: Json | undefined) => ((b?.text as Json | undefined)?.text as string | undefined) ?? '';
const sectionTexts = (card: SlackMessage) => blocksOf(card, 'section').map(textOf);
const contextTexts = (card: SlackMessage) => blocksOf(card, 'context').flatMap((b) => (b.elements as Json[]).map((e) => e.text as string));
const actionBlock = (card: SlackMessage, blockId: string) => blocksOf(card, 'actions').find((b) => b.block_id === blockId);
const buttonsOf = (block: Json | undefined) => ((block?.elements as Json[] | undefined) ?? []).map((e) => e);
const allButtons = (card: SlackMessage) => blocksOf(card, 'actions').flatMap(buttonsOf);
const buttonTexts = (block: Json | undefined) => buttonsOf(block).map(textOf);

function expectValid(card: SlackMessage): void {
  expect(card.text.trim().length).toBeGreaterThan(0);
  expect(limitViolations(card)).toEqual([]);
}

// ---------- buildAnswerCard ----------

/** The rules a busy reader's card keeps (issue 10), checked on every card below. */
function expectGlanceable(card: SlackMessage): void {
  expectValid(card);
  const m = measureCard(card);
  expect(m.leadChars, 'lead').toBeLessThanOrEqual(350);
  expect(m.textChars, 'text').toBeLessThanOrEqual(900);
  expect(m.controls, 'buttons and menus').toBeLessThanOrEqual(6);
  expect(m.links, 'links').toBeLessThanOrEqual(3);
  expect(card.text.length, 'fallback').toBeLessThanOrEqual(200);
  expect(card.text).not.toMatch(/\b(below|above)\b/i);
  expect(card.blocks.some((b) => b.type === 'header')).toBe(false);
}

const menuOf = (card: SlackMessage) =>
  allButtons(card).find((e) => e.type === 'overflow')?.options as { text: { text: string }; value: string }[] | undefined;

describe('buildAnswerCard', () => {
  const card = buildAnswerCard(answer());

  it('leads with the direct answer: the topic\'s short answer, then how things stand where the person asked', () => {
    expectGlanceable(card);
    const [lead] = sectionTexts(card);
    expect(lead).toMatch(/^Summary of How to opt out\. In Toronto \(Canada\), LinkedIn was already using members' data to train its AI by 2024\./);
  });

  it('puts the setting first in the actions, then "I\'ve opted out", Details and one menu', () => {
    const [first] = blocksOf(card, 'actions');
    const kinds = buttonsOf(first).map((e) => (e.type === 'button' ? textOf(e) : e.type));
    expect(kinds).toEqual(['Open LinkedIn setting', "I've opted out", 'Details', 'overflow']);
    expect(buttonsOf(first)[0]).toMatchObject({ url: LINKEDIN_SETTING_URL, style: 'primary' });
  });

  it('has no setting or opted-out button when the topic is not about the setting', () => {
    const c = buildAnswerCard(answer({ settingButton: false }));
    expect(buttonTexts(blocksOf(c, 'actions')[0])).toEqual(['Details', '']);
  });

  it('keeps related topics, the second question asked and "Report a problem" in the menu, keeping the place', () => {
    const options = menuOf(card) ?? [];
    expect(options.map((o) => o.text.text)).toEqual(['Also: When it started', 'Which data is used', 'What opting out does', 'Report a problem']);
    const [actionId, value] = (options[1]?.value ?? '').split(/ (.*)/s);
    expect(actionId).toBe(`${ACTIONS.topic}data-used`);
    expect(decodeButtonValue(value)).toEqual({ topic: 'data-used', region: 'ca', country: 'CA' });
    expect(options.every((o) => o.value.length <= LIMITS.optionValue)).toBe(true);
  });

  it('shows at most two sources, says how many more Details has, and when they were checked', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ title: `Source ${i}`, short: `S${i}`, url: `https://example.com/${i}` }));
    const c = buildAnswerCard(answer({ sources: many, keySources: many.slice(0, 2) }));
    const line = contextTexts(c).find((t) => t.startsWith('*Sources:*')) ?? '';
    expect(line).toBe('*Sources:* <https://example.com/0|S0> · <https://example.com/1|S1> · 3 more in Details · checked 20 November 2026 (9 days ago)');
  });

  it('keeps the honesty signal: a one-line count of what the sources leave unconfirmed', () => {
    expect(contextTexts(card)).toContain('⚠️ One point here is not confirmed by the sources; Details lists it.');
    expect(contextTexts(buildAnswerCard(answer({ unconfirmed: [] }))).some((t) => t.includes('not confirmed'))).toBe(false);
  });

  it('shows the region note and the organisation note while the card stays within 900 characters', () => {
    expect(sectionTexts(card)).toContain('*In Canada:* In Canada the setting is *on* by default.');
    expect(contextTexts(card).join('\n')).toContain('*Acme &amp; Co:* Ask *IT* first.');
    const long = buildAnswerCard(answer({ regionNote: 'x '.repeat(400), organisation: { organisation: 'Acme', note: 'y '.repeat(290) } }));
    expectGlanceable(long);
    expect(contextTexts(long)).toContain('Details has more on what applies in Canada.');
    expect(contextTexts(long)).toContain('*Acme* has a note on this in Details.');
  });

  it('drops related topics from the menu before the card passes 900 characters, keeping "Report a problem"', () => {
    const long = link('opt-out-how', 'How to opt out', `${'Long answer words. '.repeat(18)}`);
    const related = ['a', 'b', 'c'].map((id) => link(`topic-${id}`, `Related topic with a label of thirty ${id}`));
    const c = buildAnswerCard(answer({ topic: long, related, lastChecked: 'x'.repeat(300), organisation: null, regionNote: null }));
    expectGlanceable(c);
    const options = (menuOf(c) ?? []).map((o) => o.text.text);
    expect(options.length).toBeLessThan(5);
    expect(options.at(-1)).toBe('Report a problem');
  });

  it('ends with compact 👍/👎 carrying the topic and place, with labels for screen readers', () => {
    const feedback = asJson(card.blocks.at(-1));
    expect(feedback.type).toBe('context_actions');
    const [pair] = feedback.elements as Json[];
    const up = pair?.positive_button as Json;
    expect(up.accessibility_label).toBe('This answer helped');
    const [actionId, value] = String(up.value).split(/ (.*)/s);
    expect(actionId).toBe(ACTIONS.feedbackUp);
    expect(decodeButtonValue(value)).toEqual({ topic: 'opt-out-how', region: 'ca', country: 'CA' });
  });

  it('offers Details carrying the question, so Details answers exactly what was asked', () => {
    const details = allButtons(card).find((b) => b.action_id === ACTIONS.details);
    expect(decodeCardRequest(details?.value as string)).toEqual({ kind: 'question', question: 'How do I opt out in Toronto?' });
    const fromButton = allButtons(buildAnswerCard(answer({ question: '' }))).find((b) => b.action_id === ACTIONS.details);
    expect(decodeCardRequest(fromButton?.value as string)).toEqual({ kind: 'topic', topic: 'opt-out-how', region: 'ca', country: 'CA' });
  });

  it('has a fallback that is one whole sentence answering the question', () => {
    expect(card.text).toBe('Summary of How to opt out.');
  });

  it('escapes the place as asked, in the lead and the fallback text', () => {
    const c = buildAnswerCard(answer({ region: regionView({ place: '<!channel> & co' }), topic: link('regions', 'Does it apply where I am?'), regionIsTheAnswer: true }));
    expectGlanceable(c);
    expect(JSON.stringify(c)).not.toContain('<!channel>');
    expect(sectionTexts(c)[0]).toContain('&lt;!channel&gt; &amp; co (Canada)');
  });
});

describe('buildAnswerCard for "does it apply here?"', () => {
  const regions = (r: Partial<RegionView>, others: Partial<RegionView>[] = []) =>
    buildAnswerCard(
      answer({
        topic: link('regions', 'Does it apply where I am?'),
        region: regionView(r),
        otherRegions: others.map((o) => ({ region: regionView(o), note: null })),
        regionNote: null,
        regionIsTheAnswer: true,
      }),
    );
  const base = { used: true, startedOn: '3 November 2025', approximate: false, pausedFrom: null } as const;

  it.each([
    [{ ...base }, /^\*Yes, it applies in Toronto \(Canada\)\.\* Since 3 November 2025 LinkedIn has used members' data there/, /^Yes, it applies in Toronto \(Canada\) since 3 November 2025: /],
    [{ ...base, pausedFrom: 'December 2024' }, /has again used .* \(it had paused this from December 2024\)\./, /^Yes, /],
    [{ ...base, startedOn: 'September 2024', approximate: true, place: 'NYC', countryName: 'United States', name: 'United States', shortName: 'the US' }, /^\*Yes, it applies in the US, and it did before 3 November 2025 too\.\* LinkedIn was already using .* by September 2024/, /already by September 2024/],
    [{ ...base, used: false }, /^\*No, it doesn't apply in Toronto \(Canada\)\.\*/, /^It does not apply in Toronto \(Canada\)\.$/],
    [{ ...base, used: null, startedOn: null, place: 'Jersey', countryName: 'Jersey' }, /^\*Our sources don't say whether it applies in Jersey\.\*/, /^Our sources don't say whether LinkedIn's AI training applies in Jersey; assume the setting is on\.$/],
  ])('says yes, no or "not known" in words: %#', (r, lead, fallback) => {
    const c = regions(r);
    expectGlanceable(c);
    expect(sectionTexts(c)[0]).toMatch(lead);
    expect(c.text).toMatch(fallback);
  });

  it('answers several places together when they are alike, and each when they differ', () => {
    const alike = regions({ ...base }, [{ ...base, id: 'hk', place: 'Hong Kong', countryName: 'Hong Kong', name: 'Hong Kong' }]);
    expectGlanceable(alike);
    expect(sectionTexts(alike)[0]).toMatch(/^\*Yes, it applies in Toronto \(Canada\) and Hong Kong\.\*/);
    const mixed = regions({ ...base }, [{ ...base, id: 'not-covered', used: null, startedOn: null, place: 'Jersey', countryName: 'Jersey' }]);
    expectGlanceable(mixed);
    expect(sectionTexts(mixed)[0]).toBe("*Yes in Toronto (Canada):* since 3 November 2025. *Our sources don't say for Jersey*; assume the setting is on there.");
  });

  it('stays within the limits with four long place names', () => {
    const long = (i: number) => ({ ...base, place: `${'Llanfairpwllgwyngyll'.repeat(3)}${i}`, startedOn: i % 2 ? '3 November 2025' : 'September 2024', approximate: i % 2 === 0 });
    expectGlanceable(regions(long(1), [long(2), long(3), long(4)]));
  });
});

// ---------- buildDidYouMeanCard ----------

describe('buildDidYouMeanCard', () => {
  const suggestions = [link('regions', 'Does it apply where I am?'), link('minors', 'Under-18s')];
  const starters = [link('opt-out-how', 'How to opt out'), link('regions', 'Does it apply where I am?')];
  const place = { region: 'eea' as const, country: 'DE' };
  const card = buildDidYouMeanCard({ question: 'ai <!channel> thing?', suggestions, starters, place, organisation: null, say });

  it('offers the best guess as a one-click confirmation, with its short answer', () => {
    expectValid(card);
    const [lead] = sectionTexts(card);
    expect(lead).toContain('Did you mean *Does it apply where I am?*?');
    expect(lead).toContain('> Summary of Does it apply where I am?.');
    const yes = allButtons(card).find((b) => b.type === 'button');
    expect(yes).toMatchObject({ action_id: `${ACTIONS.topic}regions`, style: 'primary' });
    expect(decodeButtonValue(yes?.value as string)).toEqual({ topic: 'regions', region: 'eea', country: 'DE' });
  });

  it('puts the other guesses, then the common topics, in one menu without repeating the best guess', () => {
    const menu = allButtons(card).find((b) => b.type === 'static_select');
    const options = ((menu?.options as { text: { text: string } }[] | undefined) ?? []).map((o) => o.text.text);
    expect(options).toEqual(['Under-18s', 'How to opt out']);
  });

  it('quotes the question escaped, in the card and in a one-sentence fallback within 200 characters', () => {
    expect(JSON.stringify(card)).not.toContain('<!channel>');
    expect(card.text).toBe('Not sure what “ai &lt;!channel&gt; thing?” means: did you mean Does it apply where I am??');
    expect(card.text.length).toBeLessThanOrEqual(200);
  });

  it('is still a valid message with no suggestions', () => {
    expect(buildDidYouMeanCard({ question: 'x', suggestions: [], starters: [], place, organisation: null, say }).text).toMatch(/not sure/);
  });
});

// ---------- buildOutOfScopeCard ----------

describe('buildOutOfScopeCard', () => {
  const examples = [link('regions', 'Where it applies'), link('opt-out-how', 'How to opt out'), link('data-used', 'Which data is used')];

  it('is a valid message with a fixed fallback text', () => {
    const card = buildOutOfScopeCard({ question: 'What is the lunch menu?', examples, changeDate: '3 November 2025', say });
    expectValid(card);
    expect(card.text).toBe("I can't answer that: I only know about LinkedIn's use of members' data to train its AI.");
    expect(sectionTexts(card)[0]).toMatch(/^I only know about \*LinkedIn's use of members' data to train its AI\* \(the change of 3 November 2025\), so I can't answer _“What is the lunch menu\?”_\./);
  });

  it('escapes "<!channel> hi" so that "<!channel>" appears nowhere', () => {
    const card = buildOutOfScopeCard({ question: '<!channel> hi', examples, changeDate: '3 November 2025', say });
    const json = JSON.stringify(card);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!channel');
    expect(sectionTexts(card)[0]).toContain('_“&lt;!channel&gt; hi”_');
  });

  it('says "that" when the question is empty after cleaning', () => {
    const card = buildOutOfScopeCard({ question: ' \u0000\u202e ', examples, changeDate: '3 November 2025', say });
    expect(sectionTexts(card)[0]).toContain("so I can't answer that.");
  });

  it('cuts a long question to 120 characters', () => {
    const card = buildOutOfScopeCard({ question: 'q'.repeat(500), examples, changeDate: '3 November 2025', say });
    expect(sectionTexts(card)[0]).toContain(`_“${'q'.repeat(119)}…”_`);
    expect(sectionTexts(card)[0]).not.toContain('q'.repeat(120));
  });

  it('offers the examples as buttons with no place', () => {
    const card = buildOutOfScopeCard({ question: 'x', examples, changeDate: '3 November 2025', say });
    const block = actionBlock(card, 'out-of-scope');
    expect(buttonTexts(block)).toEqual(['Where it applies', 'How to opt out', 'Which data is used']);
    expect(decodeButtonValue(buttonsOf(block)[0]?.value as string)).toEqual({ topic: 'regions', region: null, country: null });
  });
});

// ---------- buildHelpCard ----------

describe('buildHelpCard', () => {
  const topics = [link('regions', 'Does it apply where I am?'), link('opt-out-how', 'How to opt out')];
  const card = buildHelpCard({ examples: ['How do I opt out?', 'Does this apply to our <Toronto> office?'], topics, organisation: null, say });

  it('is a valid message with a header and fallback text', () => {
    expectValid(card);
    expect(blocksOf(card, 'header')).toHaveLength(1);
  });

  it('offers the common questions as buttons that ask them', () => {
    const asks = allButtons(card).filter((b) => String(b.action_id).startsWith(ACTIONS.ask));
    expect(asks.map(textOf)).toEqual(['How do I opt out?', 'Does this apply to our <Toronto> office?']);
    expect(decodeCardRequest(asks[1]?.value as string)).toEqual({ kind: 'question', question: 'Does this apply to our <Toronto> office?' });
  });

  it('lists every topic in one menu, in the order given', () => {
    const menu = allButtons(card).find((b) => b.type === 'static_select');
    expect(((menu?.options as { text: { text: string } }[] | undefined) ?? []).map((o) => o.text.text)).toEqual(['Does it apply where I am?', 'How to opt out']);
  });

  it('is still valid with no topics', () => {
    expectValid(buildHelpCard({ examples: ['x?'], topics: [], organisation: null, say }));
  });
});

describe('buildUnknownPlaceCard', () => {
  it('names the place escaped, gives examples, keeps at most ten help blocks, and is a valid message', () => {
    const help = buildHelpCard({ examples: ['How do I opt out?'], topics: Array.from({ length: 30 }, (_, i) => link(`t${i}`, `Topic ${i}`)), organisation: null, say });
    const c = buildUnknownPlaceCard({ place: 'Atlantis <!channel> & co', command: '/linkedin-ai', help, say });
    expect(c.text).toContain('Atlantis');
    expect(JSON.stringify(c)).not.toContain('<!channel>');
    expect(textOf(asJson(c.blocks[0]))).toContain('`/linkedin-ai region Toronto`');
    expect(c.blocks).toHaveLength(1 + Math.min(10, help.blocks.length));
    expectValid(c);
  });
});

describe('buildErrorCard', () => {
  it('apologises without details and is a valid message', () => {
    const c = buildErrorCard(say);
    expect(c.text).toMatch(/^😕 Sorry, something went wrong/);
    expectValid(c);
  });
});

describe('button values', () => {
  it('read with readable keys, travel with one-letter keys, so buttons on older messages still work', () => {
    expect(encodeButtonValue({ topic: 'data-used', region: 'ca', country: 'CA' })).toBe('{"t":"data-used","r":"ca","c":"CA"}');
    expect(decodeButtonValue('{"t":"data-used","r":"ca","c":"CA"}')).toEqual({ topic: 'data-used', region: 'ca', country: 'CA' });
    expect(encodeCardRequest({ kind: 'region', region: 'ch', place: 'Zürich', country: 'CH' })).toBe('{"k":"region","r":"ch","p":"Zürich","c":"CH"}');
    expect(decodeCardRequest('{"k":"question","q":"is it on &lt;here&gt;?"}')).toEqual({ kind: 'question', question: 'is it on <here>?' });
    expect(decodeCardRequest('{"k":"topic"}')).toBeNull();
  });

  it('keep the language of a region, overview and help card, and leave English out', () => {
    for (const request of [
      { kind: 'region', region: 'ch', place: 'Zürich', country: 'CH', language: 'de' },
      { kind: 'overview', language: 'pt' },
      { kind: 'help', language: 'nl' },
    ] as const) {
      expect(decodeCardRequest(encodeCardRequest(request))).toEqual(request);
    }
    expect(encodeCardRequest({ kind: 'help', language: 'en' })).toBe('{"k":"help"}');
    expect(decodeCardRequest('{"k":"overview","l":"xx"}')).toBeNull();
  });
});

describe('buildDetailsModal', () => {
  const modal = buildDetailsModal(answer());
  const text = JSON.stringify(modal.blocks);

  it('is a modal titled within Slack\'s 24 characters, within the block limits', () => {
    expect(modal.type).toBe('modal');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(limitViolations({ text: 'details', blocks: modal.blocks }, 'modal')).toEqual([]);
  });

  it('holds the full answer, the region note, what is unconfirmed, every source and the last-checked date', () => {
    expect(text).toContain('Step two');
    expect(text).toContain('*In Canada:*');
    expect(text).toContain('Not confirmed');
    expect(text).toContain('https://www.linkedin.com/help/opt');
    expect(text).toContain('https://www.linkedin.com/legal/privacy');
    expect(text).toContain('20 November 2026 (9 days ago)');
  });
});

describe('buildOutOfScopeCard and the organisation\'s help channel', () => {
  const card = (helpChannel?: string) =>
    JSON.stringify(buildOutOfScopeCard({ question: 'lunch menu?', examples: [], changeDate: '3 November 2025', say, helpChannel }).blocks);

  it('links a channel id, names a "#name" as text, and says "the right team" when there is none', () => {
    expect(card('C0123ABCD')).toContain('ask in <#C0123ABCD>');
    expect(card('#privacy')).toContain('ask in #privacy');
    expect(card()).toContain('ask the team that looks after it');
  });
});
