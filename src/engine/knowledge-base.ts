import { fileURLToPath } from 'node:url';
import { createSay, type Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
import { type KnowledgeData, type LoadOptions, loadKnowledgeData, type Organisation } from '../knowledge/load.js';
import type { Region, RegionId, Surfaces, Topic } from '../knowledge/schema.js';
import { KeywordSignals } from './keyword-signals.js';
import { phraseStems } from './phrase-index.js';
import { Gazetteer } from './places.js';
import { readQuestion } from './reader.js';
import { tokenize } from './text.js';
import { type LabelledText, OUT_OF_SCOPE, TopicModel } from './topic-model.js';
import { loadTowns } from './towns.js';

/** Where trained topic models are kept between starts (MODEL_CACHE_DIR; "none" turns caching off). */
export const DEFAULT_MODEL_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/linkedin-ai-policy-bot', import.meta.url));

export interface KnowledgeBaseOptions {
  /** null: train at every load, keep nothing on disk. */
  modelCacheDir?: string | null;
}

/** The validated knowledge with the indexes and the topic model built from it, ready to answer questions. */
export class KnowledgeBase {
  readonly topics: ReadonlyMap<string, Topic>;
  readonly regions: ReadonlyMap<RegionId, Region>;
  readonly organisation: Organisation | null;
  /** Which topics each surface offers and the part some topics play. */
  readonly surfaces: Surfaces;
  readonly gazetteer: Gazetteer;
  readonly signals: KeywordSignals;
  readonly model: TopicModel;

  constructor(
    readonly data: KnowledgeData,
    { modelCacheDir = defaultCacheDir() }: KnowledgeBaseOptions = {},
  ) {
    this.topics = new Map(data.topics.map((t) => [t.id, t]));
    this.regions = new Map(data.regions.map((r) => [r.id, r]));
    this.organisation = data.organisation;
    this.surfaces = data.surfaces;
    // Single words the topics rely on are never read as place names ("Opt", "Data" and "Reading" are towns).
    const reserved = new Set(
      [...data.topics.flatMap((t) => [...t.keywords.strong, ...t.keywords.normal]), ...data.scope.domainTerms]
        .map(phraseStems)
        .filter((stems) => stems.length === 1)
        .flat(),
    );
    const texts = trainingTexts(data);
    const ordinaryWords = new Set(texts.flatMap((t) => tokenize(t.text)));
    this.gazetteer = new Gazetteer(data.regions, data.places, reserved, () => loadTowns(modelCacheDir), ordinaryWords);
    this.signals = new KeywordSignals(data.topics, data.scope);
    // Features also depend on the keywords, the scope and the place names: a change to any retrains.
    const featureData = JSON.stringify([data.topics.map((t) => [t.id, t.keywords]), data.scope, data.places, data.regions.map((r) => r.countries)]);
    this.model = TopicModel.cached(texts, (text) => readQuestion(this.gazetteer, this.signals, text).input, featureData, modelCacheDir);
  }

  topic(id: string): Topic {
    const topic = this.topics.get(id);
    if (!topic) throw new Error(`unknown topic ${id}`);
    return topic;
  }

  /** The topics of one of the surfaces' menus, in its order. */
  menu(name: keyof Surfaces['menus']): string[] {
    return this.surfaces.menus[name].filter((id) => this.topics.has(id));
  }

  region(id: RegionId): Region {
    const region = this.regions.get(id);
    if (!region) throw new Error(`unknown region ${id}`);
    return region;
  }

  /** The app's own sentences in `language`, English where a sentence is not translated. */
  say(language: Language): Say {
    let say = this.sayings.get(language);
    if (!say) {
      say = createSay(language, language === 'en' ? {} : (this.data.translations[language]?.messages ?? {}), this.data.messages);
      this.sayings.set(language, say);
    }
    return say;
  }

  private readonly sayings = new Map<Language, Say>();

  /**
   * The topic as a person reading `language` sees it: each text translated, or English where it is not;
   * `translated` is false when the short answer or the full answer is still English.
   */
  localTopic(id: string, language: Language): { topic: Topic; translated: boolean } {
    const topic = this.topic(id);
    if (language === 'en') return { topic, translated: true };
    const texts = this.data.translations[language]?.topics[id] ?? {};
    const notes = { ...topic.regionNotes, ...texts.regionNotes };
    const local: Topic = {
      ...topic,
      ...definedOnly({ title: texts.title, label: texts.label, summary: texts.summary, answer: texts.answer }),
      unconfirmed: sameLength(texts.unconfirmed, topic.unconfirmed),
      regionNotes: notes,
      ...(topic.steps ? { steps: sameLength(texts.steps, topic.steps) } : {}),
      sources: this.localSources(topic.sources, language),
    };
    return { topic: local, translated: texts.summary !== undefined && texts.answer !== undefined };
  }

  /** The region's texts in `language`, English where they are not translated. */
  localRegion(id: RegionId, language: Language): Region {
    const region = this.region(id);
    if (language === 'en') return region;
    const texts = this.data.translations[language]?.regions[id] ?? {};
    return {
      ...region,
      ...definedOnly({ name: texts.name, shortName: texts.shortName, change: texts.change, legalBasis: texts.legalBasis }),
      notes: sameLength(texts.notes, region.notes),
      sources: this.localSources(region.sources, language),
    };
  }

  /** Sources with their short names in `language` where it has them; titles stay as the documents have them. */
  private localSources<S extends { short?: string | undefined }>(sources: S[], language: Exclude<Language, 'en'>): S[] {
    const names = this.data.translations[language]?.sourceNames ?? {};
    return sources.map((s) => (s.short !== undefined && Object.hasOwn(names, s.short) ? { ...s, short: names[s.short] } : s));
  }
}

/** The fields that are set, so a missing translation never hides the English text. */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A translated list only when it has as many items as the English one (kb:check reports the others). */
function sameLength(translated: string[] | undefined, english: string[]): string[] {
  return translated && translated.length === english.length ? translated : english;
}

/** The topic model's examples: every topic's phrasings, and the examples of what is out of scope. */
export function trainingTexts(data: KnowledgeData): LabelledText[] {
  return [
    ...data.topics.flatMap((t) => t.phrasings.map((text) => ({ text, label: t.id }))),
    ...Object.values(data.outOfScope).flatMap((list) => list.map((text) => ({ text, label: OUT_OF_SCOPE }))),
  ];
}

function defaultCacheDir(): string | null {
  const fromEnv = process.env.MODEL_CACHE_DIR?.trim();
  if (!fromEnv) return DEFAULT_MODEL_CACHE_DIR;
  return fromEnv === 'none' ? null : fromEnv;
}

/** Loads the built-in knowledge base and, if given, the organisation layer in `orgDir` (KNOWLEDGE_DIR). */
export function loadKnowledgeBase(orgDir?: string, options: Omit<LoadOptions, 'orgDir'> & KnowledgeBaseOptions = {}): KnowledgeBase {
  const { modelCacheDir, ...load } = options;
  return new KnowledgeBase(loadKnowledgeData({ ...load, orgDir }), modelCacheDir === undefined ? {} : { modelCacheDir });
}
