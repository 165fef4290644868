import { describe, expect, it } from 'vitest';
import type { ComposedAnswer, RegionView, TopicLink } from '../../src/answers/compose.js';
import { ACTIONS, decodeButtonValue, decodeCardRequest, encodeButtonValue, encodeCardRequest } from '../../src/blocks/actions.js';
import { buildAnswerCard, regionLabel } from '../../src/blocks/answer-card.js';
import { buildDetailsModal } from '../../src/blocks/details-modal.js';
import { buildDidYouMeanCard } from '../../src/blocks/did-you-mean-card.js';
import { buildErrorCard } from '../../src/blocks/error-card.js';
import { buildHelpCard } from '../../src/blocks/help-card.js';
import { LIMITS, limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { buildOutOfScopeCard } from '../../src/blocks/out-of-scope-card.js';
import { buildOverviewCard } from '../../src/blocks/overview-card.js';
import { buildRegionCard } from '../../src/blocks/region-card.js';
import { buildUnknownPlaceCard } from '../../src/blocks/unknown-place-card.js';

// ---------- fixtures (hand-made; the knowledge base is not loaded here) ----------

const LINKEDIN_SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

type Json = Record<string, unknown>;

const link = (id: string, title: string, summary = `Summary of ${title}.`): TopicLink => ({ id, title, summary });

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

describe('buildAnswerCard', () => {
  const card = buildAnswerCard(answer());

  it('is a valid message with fallback text naming the topic and place', () => {
    expectValid(card);
    expect(card.text).toMatch(/^How to opt out \(Toronto → Canada\): Go to Settings and turn off Data for Generative AI Improvement/);
    expect(card.text).not.toContain('**');
  });

  it('starts with a plain-text header holding the topic title', () => {
    expect(card.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'How to opt out', emoji: true } });
  });

  it('shows the region callout right after the header when a region is set', () => {
    const callout = textOf(asJson(card.blocks[1]));
    expect(callout).toContain('📍 *Toronto → Canada*');
    expect(callout).toContain('*since 2024*');
    // Not the regions topic: the short callout only.
    expect(callout).not.toContain('What changed on 3 November 2025');
    expect(callout).not.toContain('Legal basis');
  });

  it('shows the full region story in the callout on the regions topic', () => {
    const full = buildAnswerCard(answer({ topic: link('regions', 'Where it applies') }));
    const callout = textOf(asJson(full.blocks[1]));
    expect(callout).toContain('*What changed on 3 November 2025:* The terms were _clarified_.');
    expect(callout).toContain('*Legal basis:* Consent &amp; notice');
    expect(callout).toContain('• PIPEDA applies to <https://www.priv.gc.ca/en/|privacy>.');
    expectValid(full);
  });

  it('answers for each place named: a callout and the region note per region, every place in the fallback', () => {
    const hk = regionView({ id: 'hk', name: 'Hong Kong', shortName: 'Hong Kong', place: 'Hong Kong', countryName: 'Hong Kong', status: 'Used in HK.', change: 'Resumed.' });
    const c = buildAnswerCard(answer({ topic: link('regions', 'Where it applies'), otherRegions: [{ region: hk, note: 'HK staff can opt out.' }] }));
    const texts = sectionTexts(c).join('\n');
    expect(texts).toContain('📍 *Toronto → Canada*');
    expect(texts).toContain('📍 *Hong Kong*');
    expect(texts).toContain('*What changed on 3 November 2025:* Resumed.');
    // With several places the callouts stay short: no legal basis or notes.
    expect(texts).not.toContain('*Legal basis:*');
    expect(texts).toContain('*In Canada:* In Canada the setting is *on* by default.');
    expect(texts).toContain('*In Hong Kong:* HK staff can opt out.');
    expect(c.text).toContain('Toronto → Canada; Hong Kong');
    expectValid(c);
  });

  it('labels the region by its name alone when the place asked is the region', () => {
    const c = buildAnswerCard(answer({ region: regionView({ place: 'canada', countryName: null }) }));
    expect(sectionTexts(c).join('\n')).toContain('📍 *Canada*');
    expect(c.text).toMatch(/^How to opt out \(Canada\):/);
  });

  it('has no region callout or region note when region is null', () => {
    const c = buildAnswerCard(answer({ region: null, context: { region: null, country: null } }));
    const json = JSON.stringify(c);
    expect(json).not.toContain('📍');
    expect(json).not.toContain('In Canada');
    expect(c.text).toMatch(/^How to opt out: /);
    expect(c.blocks[1]?.type).toBe('section');
    expect(textOf(asJson(c.blocks[1]))).toMatch(/^Go to \*Settings\*/);
    expectValid(c);
  });

  it('renders the answer Markdown as mrkdwn', () => {
    expect(sectionTexts(card)).toContain(
      'Go to *Settings* and turn off <https://www.linkedin.com/help/opt|Data for Generative AI Improvement>.\n\n• Step one\n• Step two',
    );
  });

  it('adds the region note under the answer', () => {
    expect(sectionTexts(card)).toContain('*In Canada:* In Canada the setting is *on* by default.');
    const noNote = buildAnswerCard(answer({ regionNote: null }));
    expect(JSON.stringify(noNote)).not.toContain('*In Canada:*');
  });

  it('lists unconfirmed points only when there are some', () => {
    expect(sectionTexts(card)).toContain('⚠️ *Not confirmed by the sources:*\n• Whether _old_ data is deleted.');
    const two = buildAnswerCard(answer({ unconfirmed: ['First open point.', 'Second & last.'] }));
    expect(sectionTexts(two)).toContain('⚠️ *Not confirmed by the sources:*\n• First open point.\n• Second &amp; last.');
    const none = buildAnswerCard(answer({ unconfirmed: [] }));
    expect(JSON.stringify(none)).not.toContain('Not confirmed');
  });

  it('shows the organisation note only when given, escaped', () => {
    expect(contextTexts(card)).toContain('🏢 *Acme &amp; Co:* Ask *IT* first.');
    const none = buildAnswerCard(answer({ organisation: null }));
    expect(JSON.stringify(none)).not.toContain('🏢');
  });

  it('has a context block with the source links and the last-checked text', () => {
    const sources = blocksOf(card, 'context').find((b) => JSON.stringify(b).includes('Sources'));
    const texts = ((sources?.elements ?? []) as Json[]).map((e) => e.text);
    expect(texts).toEqual([
      '📚 *Sources:* <https://www.linkedin.com/help/opt|Help / opt out> · <https://www.linkedin.com/legal/privacy|Terms &amp; Privacy>',
      '🗓️ Last checked against them: 20 November 2026 (9 days ago)',
    ]);
  });

  it('has the "Open LinkedIn setting" url button only when settingButton is true', () => {
    const withButton = allButtons(card).filter((b) => b.action_id === ACTIONS.openSetting);
    expect(withButton).toHaveLength(1);
    expect(withButton[0]).toMatchObject({ url: LINKEDIN_SETTING_URL, text: { type: 'plain_text', text: 'Open LinkedIn setting' } });
    expect(LINKEDIN_SETTING_URL).toBe('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');

    const without = buildAnswerCard(answer({ settingButton: false }));
    expect(allButtons(without).filter((b) => b.action_id === ACTIONS.openSetting || b.url !== undefined)).toEqual([]);
    expect(JSON.stringify(without)).not.toContain(LINKEDIN_SETTING_URL);
  });

  it('offers related topics as buttons whose value keeps the place', () => {
    const next = actionBlock(card, 'next:opt-out-how');
    const related = buttonsOf(next).filter((b) => b.action_id === 'topic:data-used' || b.action_id === 'topic:opt-out-effect');
    expect(related.map(textOf)).toEqual(['Which data is used', 'What opting out does']);
    expect(decodeButtonValue(related[0]?.value as string)).toEqual({ topic: 'data-used', region: 'ca', country: 'CA' });
    expect(decodeButtonValue(related[1]?.value as string)).toEqual({ topic: 'opt-out-effect', region: 'ca', country: 'CA' });
  });

  it('encodes a missing place as null in the button value', () => {
    const c = buildAnswerCard(answer({ region: null, context: { region: null, country: null } }));
    const b = buttonsOf(actionBlock(c, 'next:opt-out-how')).find((e) => e.action_id === 'topic:data-used');
    expect(decodeButtonValue(b?.value as string)).toEqual({ topic: 'data-used', region: null, country: null });
  });

  it('offers the second question asked as an "Also: " button before the related ones', () => {
    expect(buttonTexts(actionBlock(card, 'next:opt-out-how'))).toEqual([
      'Open LinkedIn setting',
      "✅ I've opted out",
      'Also: When it started',
      'Which data is used',
      'What opting out does',
    ]);
    const also = buttonsOf(actionBlock(card, 'next:opt-out-how')).find((b) => b.action_id === 'topic:timeline');
    expect(decodeButtonValue(also?.value as string)).toEqual({ topic: 'timeline', region: 'ca', country: 'CA' });
  });

  it('has no next-steps block when there is nothing to offer', () => {
    const c = buildAnswerCard(answer({ settingButton: false, related: [], alsoAsked: [] }));
    expect(actionBlock(c, 'next:opt-out-how')).toBeUndefined();
    expectValid(c);
  });

  it('ends with 👍/👎 feedback buttons carrying the topic and place', () => {
    const feedback = asJson(card.blocks[card.blocks.length - 1]);
    expect(feedback.block_id).toBe('feedback:opt-out-how');
    const [up, down] = buttonsOf(feedback);
    expect(up).toMatchObject({ action_id: ACTIONS.feedbackUp, text: { text: '👍 Helpful' } });
    expect(down).toMatchObject({ action_id: ACTIONS.feedbackDown, text: { text: '👎 Not helpful' } });
    expect(decodeButtonValue(up?.value as string)).toEqual({ topic: 'opt-out-how', region: 'ca', country: 'CA' });
    expect(decodeButtonValue(down?.value as string)).toEqual({ topic: 'opt-out-how', region: 'ca', country: 'CA' });
  });

  it('escapes the place as asked, in the callout and the fallback text', () => {
    const c = buildAnswerCard(answer({ region: regionView({ place: '<!channel> Toronto & <@U1>' }) }));
    const json = JSON.stringify(c);
    expect(json).not.toContain('<!channel');
    expect(json).not.toContain('<@');
    expect(sectionTexts(c).join('\n')).toContain('📍 *&lt;!channel&gt; Toronto &amp; &lt;@U1&gt; → Canada*');
    expectValid(c);
  });

  it('splits a 20,000-character answer into sections of at most 3000, losing nothing, within 50 blocks', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} says **something** & more. ${'lorem ipsum '.repeat(15)}`.trim());
    const markdown = paragraphs.join('\n\n');
    expect(markdown.length).toBeGreaterThan(19_000);
    const long = buildAnswerCard(answer({ markdown }));
    expectValid(long);
    expect(long.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const bodySections = sectionTexts(long).filter((t) => t.includes('Paragraph '));
    expect(bodySections.length).toBeGreaterThanOrEqual(7);
    for (const t of bodySections) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const body = bodySections.join('\n\n');
    for (let i = 0; i < 100; i++) expect(body).toContain(`Paragraph ${i} says *something* &amp; more.`);
    // Sources and feedback still come after the answer.
    expect(JSON.stringify(long)).toContain('📚 *Sources:*');
    expect(asJson(long.blocks[long.blocks.length - 1]).block_id).toBe('feedback:opt-out-how');
    expect(long.text.length).toBeLessThan(400);
  });

  it('cuts a long title to fit the header', () => {
    const c = buildAnswerCard(answer({ topic: link('opt-out-how', 'T'.repeat(400)) }));
    expect(textOf(asJson(c.blocks[0])).length).toBeLessThanOrEqual(LIMITS.headerText);
    expectValid(c);
  });
});

// ---------- buildRegionCard ----------

describe('buildRegionCard', () => {
  const next = [link('opt-out-how', 'How to opt out'), link('data-used', 'Which data is used')];
  const card = buildRegionCard({ region: regionView(), organisation: { organisation: 'Acme', note: 'Local *HR* note.' }, next, feedbackTopic: 'regions', settingUrl: LINKEDIN_SETTING_URL });

  it('is a valid message with fallback text naming the region and status', () => {
    expectValid(card);
    expect(card.text).toBe("LinkedIn AI training in Canada: LinkedIn uses members' data here since 2024, unless they opt out.");
  });

  it('has a header naming the region', () => {
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'LinkedIn AI training: Canada' } });
  });

  it('shows the full region story: status, change, legal basis and notes', () => {
    const text = sectionTexts(card).join('\n\n');
    expect(text).toContain('📍 *Toronto → Canada*');
    expect(text).toContain("LinkedIn uses members' data here *since 2024*, unless they opt out.");
    expect(text).toContain('*What changed on 3 November 2025:* The terms were _clarified_.');
    expect(text).toContain('*Legal basis:* Consent &amp; notice');
    expect(text).toContain('• PIPEDA applies to <https://www.priv.gc.ca/en/|privacy>.');
  });

  it('leaves out the legal basis when there is none', () => {
    const c = buildRegionCard({ region: regionView({ legalBasis: null }), organisation: null, next, feedbackTopic: 'regions', settingUrl: LINKEDIN_SETTING_URL });
    expect(JSON.stringify(c)).not.toContain('Legal basis');
    expect(JSON.stringify(c)).not.toContain('🏢');
    expectValid(c);
  });

  it('shows the organisation note and the region sources', () => {
    expect(contextTexts(card)).toContain('🏢 *Acme:* Local _HR_ note.');
    expect(contextTexts(card)).toContain('📚 *Sources:* <https://www.linkedin.com/help/region|Regional help page>');
    expect(contextTexts(card)).toContain('🗓️ Last checked against them: 1 November 2026 (4 weeks ago)');
  });

  it('offers the setting first, then the next topics keeping the region', () => {
    const block = actionBlock(card, 'region:ca');
    expect(buttonTexts(block)).toEqual(['Open LinkedIn setting', 'How to opt out', 'Which data is used']);
    const [setting, first] = buttonsOf(block);
    expect(setting?.url).toBe(LINKEDIN_SETTING_URL);
    expect(first?.action_id).toBe('topic:opt-out-how');
    expect(decodeButtonValue(first?.value as string)).toEqual({ topic: 'opt-out-how', region: 'ca', country: null });
  });

  it('asks for feedback on the regions topic', () => {
    const fb = actionBlock(card, 'feedback:regions');
    expect(buttonsOf(fb).map((b) => b.action_id)).toEqual([ACTIONS.feedbackUp, ACTIONS.feedbackDown]);
    expect(decodeButtonValue(buttonsOf(fb)[0]?.value as string)).toEqual({ topic: 'regions', region: 'ca', country: null });
  });
});

// ---------- buildOverviewCard ----------

describe('buildOverviewCard', () => {
  const topics = Array.from({ length: 9 }, (_, i) => link(`topic-${i}`, `Topic ${i}`));
  const regions = [
    regionView(),
    regionView({ id: 'us', name: 'United States', place: null, countryName: null, status: 'Used *by* 2024.', since: 'already by 2024' }),
    regionView({
      id: 'rest-of-world',
      name: 'Rest of the world',
      place: null,
      countryName: null,
      status: 'Used *by* 2024.',
      since: 'already by 2024',
    }),
  ];
  const overview = answer({
    topic: link('overview', 'LinkedIn & AI training'),
    region: null,
    regionNote: null,
    context: { region: null, country: null },
  });
  const card = buildOverviewCard({ overview, regions, topics });

  it('is a valid message with fallback text', () => {
    expectValid(card);
    expect(card.text).toMatch(/^LinkedIn &amp; AI training: Go to Settings/);
  });

  it('has the overview title as header and the overview answer', () => {
    expect(textOf(asJson(card.blocks[0]))).toBe('LinkedIn & AI training');
    expect(sectionTexts(card)[0]).toMatch(/^Go to \*Settings\*/);
  });

  it('lists the regions, those with the same start together', () => {
    const where = sectionTexts(card).find((t) => t.startsWith('*Where LinkedIn uses'));
    expect(where).toBe(
      "*Where LinkedIn uses members' data for AI training (unless they opt out)*\n• *Canada:* since 2024\n• *United States, Rest of the world:* already by 2024",
    );
  });

  it('offers the setting and the first four topics, then up to five more', () => {
    const first = actionBlock(card, 'overview:next');
    expect(buttonTexts(first)).toEqual(['Open LinkedIn setting', 'Topic 0', 'Topic 1', 'Topic 2', 'Topic 3']);
    const more = actionBlock(card, 'overview:more');
    expect(buttonsOf(more).map((b) => b.action_id)).toEqual(['topic:topic-4', 'topic:topic-5', 'topic:topic-6', 'topic:topic-7', 'topic:topic-8']);
    expect(decodeButtonValue(buttonsOf(more)[0]?.value as string)).toEqual({ topic: 'topic-4', region: null, country: null });
  });

  it('has no second row of topics when there are four or fewer', () => {
    const c = buildOverviewCard({ overview, regions, topics: topics.slice(0, 4) });
    expect(actionBlock(c, 'overview:more')).toBeUndefined();
    expectValid(c);
  });

  it('ends with feedback on the overview topic', () => {
    expect(asJson(card.blocks[card.blocks.length - 1]).block_id).toBe('feedback:overview');
  });
});

// ---------- buildDidYouMeanCard ----------

describe('buildDidYouMeanCard', () => {
  const suggestions = [link('opt-out-how', 'How to opt out', 'Turn off the setting & more'), link('opt-out-effect', 'What opting out does')];
  const card = buildDidYouMeanCard({
    question: 'opting <b>out</b> & stuff?',
    suggestions,
    place: { region: 'uk', country: 'GB' },
    organisation: null,
  });

  it('is a valid message with fallback text listing the suggestions', () => {
    expectValid(card);
    expect(card.text).toBe('Did you mean: How to opt out, What opting out does?');
  });

  it('quotes the question, escaped, and lists the suggestions with summaries', () => {
    expect(sectionTexts(card)[0]).toBe(
      "🤔 I'm not sure which of these you mean by _“opting &lt;b&gt;out&lt;/b&gt; &amp; stuff?”_:\n• *How to opt out*: Turn off the setting &amp; more\n• *What opting out does*: Summary of What opting out does.",
    );
  });

  it('offers one button per suggestion, keeping the place', () => {
    const block = actionBlock(card, 'did-you-mean');
    expect(buttonsOf(block).map((b) => b.action_id)).toEqual(['topic:opt-out-how', 'topic:opt-out-effect']);
    expect(buttonTexts(block)).toEqual(['How to opt out', 'What opting out does']);
    expect(decodeButtonValue(buttonsOf(block)[1]?.value as string)).toEqual({ topic: 'opt-out-effect', region: 'uk', country: 'GB' });
  });

  it('escapes mentions in the question so no one is pinged', () => {
    const c = buildDidYouMeanCard({
      question: '<!here> <@U123ABC> <!subteam^S1> <#C1> opt?',
      suggestions,
      place: { region: null, country: null },
      organisation: null,
    });
    const json = JSON.stringify(c);
    for (const s of ['<!here', '<@', '<!subteam', '<#']) expect(json).not.toContain(s);
    expect(sectionTexts(c)[0]).toContain('&lt;!here&gt; &lt;@U123ABC&gt; &lt;!subteam^S1&gt; &lt;#C1&gt; opt?');
  });

  it('shows the organisation note when given', () => {
    const c = buildDidYouMeanCard({
      question: 'q',
      suggestions,
      place: { region: null, country: null },
      organisation: { organisation: 'Acme', note: 'Ask IT.' },
    });
    expect(contextTexts(c)).toContain('🏢 *Acme:* Ask IT.');
    expect(contextTexts(card).some((t) => t.includes('🏢'))).toBe(false);
  });

  it('has no buttons when there are no suggestions, and is still valid', () => {
    const c = buildDidYouMeanCard({ question: 'hmm', suggestions: [], place: { region: null, country: null }, organisation: null });
    expect(blocksOf(c, 'actions')).toEqual([]);
    expectValid(c);
  });
});

// ---------- buildOutOfScopeCard ----------

describe('buildOutOfScopeCard', () => {
  const examples = [link('regions', 'Where it applies'), link('opt-out-how', 'How to opt out'), link('data-used', 'Which data is used')];

  it('is a valid message with a fixed fallback text', () => {
    const card = buildOutOfScopeCard({ question: 'What is the lunch menu?', examples, changeDate: '3 November 2025' });
    expectValid(card);
    expect(card.text).toBe("Sorry, I only answer questions about LinkedIn's use of member data for AI training.");
    expect(sectionTexts(card)[0]).toMatch(/^🙂 Sorry, I can't help with _“What is the lunch menu\?”_\. I only answer/);
  });

  it('escapes "<!channel> hi" so that "<!channel>" appears nowhere', () => {
    const card = buildOutOfScopeCard({ question: '<!channel> hi', examples, changeDate: '3 November 2025' });
    const json = JSON.stringify(card);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!channel');
    expect(sectionTexts(card)[0]).toContain('_“&lt;!channel&gt; hi”_');
  });

  it('says "that" when the question is empty after cleaning', () => {
    const card = buildOutOfScopeCard({ question: ' \u0000\u202e ', examples, changeDate: '3 November 2025' });
    expect(sectionTexts(card)[0]).toMatch(/^🙂 Sorry, I can't help with that\./);
  });

  it('cuts a long question to 120 characters', () => {
    const card = buildOutOfScopeCard({ question: 'q'.repeat(500), examples, changeDate: '3 November 2025' });
    expect(sectionTexts(card)[0]).toContain(`_“${'q'.repeat(119)}…”_`);
    expect(sectionTexts(card)[0]).not.toContain('q'.repeat(120));
  });

  it('offers the examples as buttons with no place', () => {
    const card = buildOutOfScopeCard({ question: 'x', examples, changeDate: '3 November 2025' });
    const block = actionBlock(card, 'out-of-scope');
    expect(buttonTexts(block)).toEqual(['Where it applies', 'How to opt out', 'Which data is used']);
    expect(decodeButtonValue(buttonsOf(block)[0]?.value as string)).toEqual({ topic: 'regions', region: null, country: null });
  });
});

// ---------- buildHelpCard ----------

describe('buildHelpCard', () => {
  const topics = Array.from({ length: 8 }, (_, i) => link(`topic-${i}`, `Topic ${i} & co`));
  const card = buildHelpCard({ topics, organisation: { organisation: 'Acme', note: 'Internal FAQ at **go/ai**.' } });

  it('is a valid message with a header and fallback text', () => {
    expectValid(card);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'What I can answer' } });
  });

  it('lists every topic title, escaped', () => {
    const line = sectionTexts(card).find((t) => t.startsWith('*Topics:*'));
    expect(line).toBe(`*Topics:* ${topics.map((t) => t.title.replace('&', '&amp;')).join(' · ')}`);
  });

  it('shows example questions as slash commands', () => {
    expect(sectionTexts(card).find((t) => t.startsWith('*Try:*'))).toContain('• `/linkedin-ai How do I opt out?`');
  });

  it('offers the first five topics as buttons', () => {
    const block = actionBlock(card, 'help:topics');
    expect(buttonsOf(block).map((b) => b.action_id)).toEqual(['topic:topic-0', 'topic:topic-1', 'topic:topic-2', 'topic:topic-3', 'topic:topic-4']);
    expect(buttonTexts(block)[0]).toBe('Topic 0 & co');
  });

  it('shows the organisation note', () => {
    expect(contextTexts(card)).toContain('🏢 *Acme:* Internal FAQ at *go/ai*.');
  });

  it('has no buttons and is still valid with no topics', () => {
    const c = buildHelpCard({ topics: [], organisation: null });
    expect(blocksOf(c, 'actions')).toEqual([]);
    expect(JSON.stringify(c)).not.toContain('🏢');
    expectValid(c);
  });
});

describe('regionLabel', () => {
  const base = {
    id: 'eea' as const,
    name: 'European Union',
    shortName: 'the EU',
    changedOn: '3 November 2025',
    status: '',
    since: '',
    change: '',
    legalBasis: null,
    notes: [],
    sources: [],
    lastChecked: '',
  };
  it.each([
    [{ place: 'Wien', countryName: 'Austria' }, 'Wien, Austria → European Union'],
    [{ place: 'Austria', countryName: 'Austria' }, 'Austria → European Union'],
    [{ place: null, countryName: 'Germany' }, 'Germany → European Union'],
    [{ place: 'EU', countryName: null }, 'EU → European Union'],
    [{ place: 'european union', countryName: null }, 'European Union'],
  ])('%j → %s', (fields, label) => {
    expect(regionLabel({ ...base, ...fields })).toBe(label);
  });
});

describe('buildUnknownPlaceCard', () => {
  it('names the place escaped, gives examples, keeps at most ten help blocks, and is a valid message', () => {
    const help = buildHelpCard({ topics: Array.from({ length: 30 }, (_, i) => link(`t${i}`, `Topic ${i}`)), organisation: null });
    const c = buildUnknownPlaceCard({ place: 'Atlantis <!channel> & co', command: '/linkedin-ai', help });
    expect(c.text).toContain('Atlantis');
    expect(JSON.stringify(c)).not.toContain('<!channel>');
    expect(textOf(asJson(c.blocks[0]))).toContain('`/linkedin-ai region Toronto`');
    expect(c.blocks).toHaveLength(1 + Math.min(10, help.blocks.length));
    expectValid(c);
  });
});

describe('buildErrorCard', () => {
  it('apologises without details and is a valid message', () => {
    const c = buildErrorCard();
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

describe('the answer card', () => {
  it('offers Details, carrying the topic and the place', () => {
    const c = buildAnswerCard(answer());
    const details = c.blocks.flatMap((b) => buttonsOf(asJson(b))).find((b) => b.action_id === ACTIONS.details);
    expect(decodeCardRequest(details?.value as string)).toEqual({ kind: 'topic', topic: 'opt-out-how', region: 'ca', country: 'CA' });
  });
});

describe('buildOutOfScopeCard and the organisation\'s help channel', () => {
  const card = (helpChannel?: string) =>
    JSON.stringify(buildOutOfScopeCard({ question: 'lunch menu?', examples: [], changeDate: '3 November 2025', helpChannel }).blocks);

  it('links a channel id, names a "#name" as text, and says "the right team" when there is none', () => {
    expect(card('C0123ABCD')).toContain('ask in <#C0123ABCD>');
    expect(card('#privacy')).toContain('ask in #privacy');
    expect(card()).toContain('ask the right team');
  });
});
