import { DateTime } from 'luxon';
import { z } from 'zod';
import { LANGUAGES } from './languages.js';

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, 'is not a real calendar date');

const topicId = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');
const regionId = z.enum(['eea', 'ch', 'uk', 'ca', 'hk', 'us', 'rest-of-world', 'not-covered']);
export type RegionId = z.infer<typeof regionId>;
export const REGION_IDS = regionId.options;

export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  /** A name that fits a line of small print ("LinkedIn Help: the update"); the title is used when absent. */
  short: z.string().min(2).max(40).optional(),
  /** Left out only for reports the sources name without an address ("Irish DPC, as reported by irishlegal.com"). */
  url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).optional(),
  /** The regions whose part of the answer this source backs; a card for a place elsewhere leaves it out. */
  regions: z.array(regionId).min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * Words and phrases that point at a topic. Weights are the strength of the hint:
 * `strong` almost settles the topic alone, `weak` only tips a balance.
 */
const keywordsSchema = z.strictObject({
  strong: z.array(z.string().min(2)).default([]),
  normal: z.array(z.string().min(2)).default([]),
  weak: z.array(z.string().min(2)).default([]),
});

export const topicSchema = z.strictObject({
  id: topicId,
  title: z.string().min(3).max(80),
  /** A button's label, short enough not to clip on a phone ("Key dates"); the title is used when absent. */
  label: z.string().min(2).max(24).optional(),
  /** The short answer: one or two sentences that lead the answer card (the full answer is in Details). */
  summary: z.string().min(10).max(200),
  /** Markdown. `{{date:YYYY-MM-DD}}` becomes the date plus how long ago or ahead it is. */
  answer: z.string().min(20),
  /** Points the sources leave open; shown under the answer as unconfirmed. */
  unconfirmed: z.array(z.string().min(10)).default([]),
  /** Region-specific additions to the answer, shown when the question names a place in that region. */
  regionNotes: z.partialRecord(regionId, z.string().min(10)).default({}),
  phrasings: z.array(z.string().min(3)).min(3, 'needs at least 3 phrasings'),
  keywords: keywordsSchema.default({ strong: [], normal: [], weak: [] }),
  related: z.array(topicId).max(5).default([]),
  /** Numbered steps (Markdown), for the topic whose role is opt-out: the Home tab's and the reminders' checklist. */
  steps: z.array(z.string().min(5)).min(1).optional(),
  /** Show the "Open LinkedIn setting" button on this topic's card. */
  settingButton: z.boolean().default(false),
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  lastChecked: isoDate,
});
export type Topic = z.infer<typeof topicSchema>;

/** An organisation's override: any topic field may be given; a new topic must give them all. */
export const topicPatchSchema = topicSchema.partial().required({ id: true });
export type TopicPatch = z.infer<typeof topicPatchSchema>;

export const regionSchema = z.strictObject({
  id: regionId,
  name: z.string().min(2),
  /** The name as it reads in a sentence: "In the EU/EEA:", "In the UK:". */
  shortName: z.string().min(2).max(40),
  /** ISO 3166-1 alpha-2 codes, or "all-others" for every code no other region lists. */
  countries: z.union([z.array(z.string()).min(1), z.literal('all-others')]),
  /** Whether members' data is used to train content-generating AI models; null when the sources don't say. */
  trainingUsed: z.boolean().nullable(),
  /** When that use began (YYYY-MM-DD or YYYY-MM), as precisely as the sources allow; null when they don't say. */
  trainingSince: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
  /** True when the sources give only an approximate start ("by September 2024"). */
  trainingSinceApproximate: z.boolean().default(false),
  /** When training here was paused before it resumed (YYYY-MM or YYYY-MM-DD); absent when it never was. */
  pausedFrom: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** What the 3 November 2025 update changed there, in Markdown. */
  change: z.string().min(10),
  legalBasis: z.string().min(3).nullable(),
  notes: z.array(z.string().min(10)).default([]),
  sources: z.array(sourceSchema).min(1),
  lastChecked: isoDate,
});
export type Region = z.infer<typeof regionSchema>;

export const regionsFileSchema = z.strictObject({ regions: z.array(regionSchema) });

/** Place names the gazetteer packages miss (other languages, nations, abbreviations) and words never to read as places. */
export const placesFileSchema = z.strictObject({
  aliases: z.record(z.string().min(2), z.string()).default({}),
  /** Aliases that are also common words in lower case ("us", "it"): they count only in capitals. */
  upperCaseOnly: z.array(z.string().min(2)).default([]),
  /** Words around which those count in lower case too: "the us", "us-based", "eu members". */
  lowerCaseContext: z.strictObject({ before: z.array(z.string().min(1)).default([]), after: z.array(z.string().min(1)).default([]) }).default({ before: [], after: [] }),
  /** Nouns that a nationality or country next to them describes, so it is not the asker's place: "the Irish DPC". */
  institutionWords: z.array(z.string().min(2)).default([]),
  /** Nationality-like words for a whole region ("European", "europeo"): a place like the region's name, and like a nationality never an institution's. */
  regionDemonyms: z.record(z.string(), z.array(z.string().min(3))).default({}),
  /** Words after which a place is expected: a misspelt country name ("in Canda") counts only after them. */
  placePrepositions: z.array(z.string().min(1)).default([]),
  /** Words after which a small town counts ("in Felixstowe"): where someone is, not "from"/"to" someone ("from Anna"). */
  townPrepositions: z.array(z.string().min(1)).default([]),
  notPlaces: z.array(z.string().min(2)).default([]),
});

/** What is in and out of the app's scope. */
export const scopeFileSchema = z.strictObject({
  /** Words that show a question is about data, AI, privacy or the policy. */
  domainTerms: z.array(z.string().min(2)).min(1),
  /** Names of the subject itself. */
  subjectTerms: z.array(z.string().min(2)).min(1),
  /** Other companies and products: a question about them, not LinkedIn, is out of scope. */
  otherCompanies: z.array(z.string().min(1)).default([]),
  /** Requests the app does not do (writing, HR, expenses…). */
  offTopic: z.array(z.string().min(2)).default([]),
});

/** Messages the app does not answer, grouped by kind: the topic model learns "out of scope" from them. */
export const outOfScopeFileSchema = z.strictObject({
  examples: z.record(z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case'), z.array(z.string().min(1))),
});
export type OutOfScopeExamples = z.infer<typeof outOfScopeFileSchema>['examples'];

export const orgFileSchema = z.strictObject({
  organisation: z.string().min(1).max(80),
  /** Markdown shown on every card. */
  note: z.string().min(3).max(600),
  /** Where people take what the app does not answer: a channel id ("C0123ABCD") or a name ("#privacy"). */
  helpChannel: z
    .string()
    .regex(/^([CG][A-Z0-9]{6,}|#[a-z0-9][a-z0-9_-]{0,79})$/, 'must be a channel id (C0123ABCD) or a name starting with # in lower case')
    .optional(),
  /** The workspace's language: reminders are posted in it unless their admin chose another. */
  language: z.enum(LANGUAGES).optional(),
});

const topicList = z.array(topicId).min(1);

/** What each surface offers and the part some topics play, so no topic id is written in code. */
export const surfacesFileSchema = z.strictObject({
  settingUrl: z.url({ protocol: /^https$/, error: 'must be an https:// address' }),
  builtInTopics: topicList,
  roles: z.strictObject({ overview: topicId, applicability: topicId, optOut: topicId, optOutLimits: topicId }),
  menus: z.strictObject({ starter: topicList, home: topicList, afterRegion: topicList }),
  shortcuts: z.record(z.string().regex(/^[a-z-]+$/, 'must be a lower-case word'), topicId),
  /** The questions people ask most, as the help card's clickable examples (short: they are button labels). */
  examples: z.array(z.string().min(3).max(60)).min(1).max(5),
});
export type Surfaces = z.infer<typeof surfacesFileSchema>;

/** The app's own sentences, by key, in ICU message format (messages.yml, and `messages` in a translation). */
export const messagesSchema = z.record(z.string().regex(/^[a-z][a-zA-Z.-]*$/, 'must be a dotted key'), z.string().min(1));

const topicTexts = z.strictObject({
  title: z.string().min(3).max(80),
  label: z.string().min(2).max(28),
  summary: z.string().min(10).max(240),
  answer: z.string().min(20),
  unconfirmed: z.array(z.string().min(5)),
  regionNotes: z.partialRecord(regionId, z.string().min(5)),
  steps: z.array(z.string().min(3)),
});
const regionTexts = z.strictObject({
  name: z.string().min(2),
  shortName: z.string().min(2).max(60),
  change: z.string().min(10),
  legalBasis: z.string().min(3),
  notes: z.array(z.string().min(5)),
});

/** One language's texts: any topic's and region's texts a person reads, the app's own sentences, and the sources' short names. */
export const translationFileSchema = z.strictObject({
  language: z.enum(['fr', 'de', 'es', 'it', 'nl', 'pt']),
  topics: z.record(topicId, topicTexts.partial()).default({}),
  regions: z.partialRecord(regionId, regionTexts.partial()).default({}),
  messages: messagesSchema.default({}),
  /** The sources' short names on cards, by their English short name ("LinkedIn Help: the update"). */
  sourceNames: z.record(z.string().min(1), z.string().min(1).max(40)).default({}),
});
export type Translation = z.infer<typeof translationFileSchema>;
export type TopicTexts = z.infer<typeof topicTexts>;
export type RegionTexts = z.infer<typeof regionTexts>;
