import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComposedAnswer, PlaceContext, RegionView, TopicLink } from '../../src/answers/compose.js';
import { buildAnswerCard } from '../../src/blocks/answer-card.js';
import { buildDidYouMeanCard } from '../../src/blocks/did-you-mean-card.js';
import { measureCard } from '../../src/blocks/glance.js';
import { buildHelpCard } from '../../src/blocks/help-card.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { quoteUserText } from '../../src/blocks/mrkdwn.js';
import { buildOutOfScopeCard } from '../../src/blocks/out-of-scope-card.js';
import type { Organisation } from '../../src/knowledge/load.js';
import { REGION_IDS } from '../../src/knowledge/schema.js';
import { say } from '../support/say.js';
import { anyText, MENTION_SEQUENCES, mrkdwnTexts, NASTY_STRINGS, questionText, withoutLinks } from './nasty.js';

const RUNS = { numRuns: 200 };

// ---------- arbitraries ----------

/** Topic ids as the knowledge base has them (kebab-case, unique); only the texts are arbitrary. */
const TOPIC_IDS = [
  'overview',
  'regions',
  'opt-out-how',
  'opt-out-effect',
  'data-used',
  'data-excluded',
  'objection-form',
  'microsoft-sharing',
  'minors',
  'timeline',
];

const topicLinks = (maxLength: number, texts: fc.Arbitrary<string> = anyText): fc.Arbitrary<TopicLink[]> =>
  fc.uniqueArray(fc.record({ id: fc.constantFrom(...TOPIC_IDS), title: texts, label: texts, summary: texts }), { selector: (t) => t.id, maxLength });

const sourcesOf = (texts: fc.Arbitrary<string>) =>
  fc.array(
    fc.record({ title: texts, url: fc.constantFrom('https://www.linkedin.com/help/linkedin/answer/a5538339', 'https://example.com/a?b=1&c=2') }),
    { maxLength: 4 },
  );

const organisation: fc.Arbitrary<Organisation | null> = fc.option(fc.record({ organisation: anyText, note: anyText }));

const place: fc.Arbitrary<PlaceContext> = fc.record({
  region: fc.option(fc.constantFrom(...REGION_IDS)),
  country: fc.option(fc.constantFrom('CA', 'GB', 'CH', 'DE', 'US')),
});

const regionView = (placeText: fc.Arbitrary<string | null>, texts: fc.Arbitrary<string>): fc.Arbitrary<RegionView> =>
  fc.record({
    id: fc.constantFrom(...REGION_IDS),
    name: texts,
    shortName: texts,
    changedOn: texts,
    place: placeText,
    countryName: fc.option(texts),
    status: texts,
    since: texts,
    used: fc.option(fc.boolean()),
    startedOn: fc.option(texts),
    approximate: fc.boolean(),
    pausedFrom: fc.option(texts),
    change: texts,
    legalBasis: fc.option(texts),
    notes: fc.array(texts, { maxLength: 3 }),
    sources: sourcesOf(texts),
    lastChecked: texts,
  });

/** Related and "also asked" topics never share an id (composeFromResult makes sure of that). */
const relatedAndAlso = (texts: fc.Arbitrary<string>) =>
  topicLinks(8, texts).chain((links) => fc.nat({ max: links.length }).map((cut) => ({ alsoAsked: links.slice(0, cut), related: links.slice(cut) })));

function composedAnswer(texts: fc.Arbitrary<string>, placeText: fc.Arbitrary<string | null>): fc.Arbitrary<ComposedAnswer> {
  return fc
    .record({
      question: texts,
      language: fc.constant('en' as const),
      translated: fc.boolean(),
      say: fc.constant(say),
      topic: fc.record({ id: fc.constantFrom(...TOPIC_IDS), title: texts, label: texts, summary: texts }),
      markdown: texts,
      unconfirmed: fc.array(texts, { maxLength: 3 }),
      region: fc.option(regionView(placeText, texts)),
      regionNote: fc.option(texts),
      otherRegions: fc.array(fc.record({ region: regionView(placeText, texts), note: fc.option(texts) }), { maxLength: 3 }),
      organisation: fc.option(fc.record({ organisation: texts, note: texts })),
      sources: sourcesOf(texts),
      keySources: sourcesOf(texts).map((all) => all.slice(0, 2)),
      lastChecked: texts,
      settingButton: fc.boolean(),
      settingUrl: fc.constant('https://www.linkedin.com/'),
      regionIsTheAnswer: fc.boolean(),
      links: relatedAndAlso(texts),
      context: place,
    })
    .map(({ links, ...rest }) => ({ ...rest, ...links }));
}

// ---------- checks ----------

function expectValidCard(card: SlackMessage): void {
  expect(typeof card.text).toBe('string');
  expect(card.text.trim()).not.toBe('');
  expect(limitViolations(card)).toEqual([]);
}

/** Nothing Slack parses as mrkdwn holds a control sequence other than the links the app makes. */
function expectNoControlSequences(card: SlackMessage): void {
  for (const text of mrkdwnTexts(card)) expect(withoutLinks(text)).not.toContain('<');
}

function expectNoMentions(card: SlackMessage): void {
  const json = JSON.stringify(card);
  for (const m of MENTION_SEQUENCES) expect(json).not.toContain(m);
}

/** Benign knowledge-base text, so that any mention in the output can only have come from the user. */
const kbText = fc.constantFrom(
  'How to opt out',
  'Turn off **Data for Generative AI Improvement**.',
  "LinkedIn uses members' data & more.",
  'Canada',
  'See [help](https://www.linkedin.com/help/x).',
);

// ---------- properties ----------

describe('card builders with arbitrary text everywhere', () => {
  it('buildAnswerCard never throws and always gives a valid message', () => {
    fc.assert(
      fc.property(composedAnswer(anyText, fc.option(anyText)), (answer) => {
        const card = buildAnswerCard(answer);
        expectValidCard(card);
        expectNoControlSequences(card);
        // The answer-first rules hold whatever the texts: lead, controls, links, a short fallback.
        const m = measureCard(card);
        expect(m.leadChars).toBeLessThanOrEqual(350);
        expect(m.controls).toBeLessThanOrEqual(6);
        expect(m.links).toBeLessThanOrEqual(3);
        expect(card.text.length).toBeLessThanOrEqual(200);
      }),
      RUNS,
    );
  });

  it('buildDidYouMeanCard never throws and always gives a valid message', () => {
    fc.assert(
      fc.property(questionText, topicLinks(3), place, organisation, (question, suggestions, where, org) => {
        const card = buildDidYouMeanCard({ question, suggestions, starters: suggestions, place: where, organisation: org, say });
        expectValidCard(card);
        expectNoControlSequences(card);
      }),
      RUNS,
    );
  });

  it('buildOutOfScopeCard never throws and always gives a valid message', () => {
    fc.assert(
      fc.property(questionText, topicLinks(3), (question, examples) => {
        const card = buildOutOfScopeCard({ question, examples, changeDate: '3 November 2025', say });
        expectValidCard(card);
        expectNoControlSequences(card);
      }),
      RUNS,
    );
  });

  it('buildHelpCard never throws and always gives a valid message', () => {
    fc.assert(
      fc.property(topicLinks(10), organisation, (topics, org) => {
        const card = buildHelpCard({ examples: ['How do I opt out?'], topics, organisation: org, say });
        expectValidCard(card);
        expectNoControlSequences(card);
      }),
      RUNS,
    );
  });
});

describe('user text (the question, the place) never becomes a mention', () => {
  it('in the did-you-mean card, which quotes the question', () => {
    fc.assert(
      fc.property(questionText, (question) => {
        const card = buildDidYouMeanCard({
          question,
          suggestions: [{ id: 'opt-out-how', title: 'How to opt out', label: 'How to opt out', summary: 'Turn off the setting.' }],
          starters: [],
          place: { region: null, country: null },
          organisation: null,
          say,
        });
        expectNoMentions(card);
        // The question is shown as quoted (cleaned, cut, escaped).
        const quoted = quoteUserText(question, 80);
        expect((card.blocks[0] as unknown as { text: { text: string } }).text.text).toContain(`_“${quoted}”_`);
      }),
      RUNS,
    );
  });

  it('in the out-of-scope card, which quotes the question', () => {
    fc.assert(
      fc.property(questionText, (question) => {
        const card = buildOutOfScopeCard({ question, examples: [{ id: 'regions', title: 'Where it applies', label: 'Where it applies', summary: 'Which countries.' }], changeDate: '3 November 2025', say });
        expectNoMentions(card);
        expectValidCard(card);
      }),
      RUNS,
    );
  });

  it('in the answer card, which shows the place as asked', () => {
    fc.assert(
      fc.property(composedAnswer(kbText, questionText), (answer) => {
        const card = buildAnswerCard(answer);
        expectNoMentions(card);
        expectValidCard(card);
        expect(measureCard(card).textChars).toBeLessThanOrEqual(900);
      }),
      RUNS,
    );
  });

  it.each(NASTY_STRINGS.filter((s) => MENTION_SEQUENCES.some((m) => s.includes(m))).map((s) => [JSON.stringify(s).slice(0, 60), s]))(
    '%s as question and place stays harmless',
    (_label, nasty) => {
      const region: RegionView = {
        id: 'ca',
        name: 'Canada',
        shortName: 'Canada',
        changedOn: '3 November 2025',
        place: nasty,
        countryName: 'Canada',
        status: 'Used.',
        since: 'since 2025',
        used: true,
        startedOn: '3 November 2025',
        approximate: false,
        pausedFrom: null,
        change: 'Clarified.',
        legalBasis: null,
        notes: [],
        sources: [],
        lastChecked: 'today',
      };
      const cards = [
        buildDidYouMeanCard({ question: nasty, suggestions: [], starters: [], place: { region: 'ca', country: 'CA' }, organisation: null, say }),
        buildOutOfScopeCard({ question: nasty, examples: [], changeDate: '3 November 2025', say }),
        buildAnswerCard({
          question: nasty,
          language: 'en',
          translated: true,
          say,
          topic: { id: 'regions', title: 'Where it applies', label: 'Where it applies', summary: 'Which countries.' },
          markdown: 'Answer.',
          unconfirmed: [],
          region,
          regionNote: null,
          otherRegions: [{ region, note: null }],
          organisation: null,
          sources: [],
          keySources: [],
          lastChecked: 'today',
          settingButton: true,
          settingUrl: 'https://www.linkedin.com/',
          regionIsTheAnswer: true,
          related: [],
          alsoAsked: [],
          context: { region: 'ca', country: 'CA' },
        }),
      ];
      for (const card of cards) {
        expectNoMentions(card);
        expectValidCard(card);
      }
    },
  );
});
