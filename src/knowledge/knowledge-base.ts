import { TopicClassifier } from '../engine/classifier.js';
import { Gazetteer } from '../engine/places.js';
import { phraseStems } from '../engine/phrase-index.js';
import { loadKnowledgeData, type KnowledgeData, type LoadOptions, type Organisation } from './load.js';
import type { Region, RegionId, Topic } from './schema.js';

/** The validated knowledge with the indexes built from it, ready to answer questions. */
export class KnowledgeBase {
  readonly topics: ReadonlyMap<string, Topic>;
  readonly regions: ReadonlyMap<RegionId, Region>;
  readonly organisation: Organisation | null;
  readonly gazetteer: Gazetteer;
  readonly classifier: TopicClassifier;

  constructor(readonly data: KnowledgeData) {
    this.topics = new Map(data.topics.map((t) => [t.id, t]));
    this.regions = new Map(data.regions.map((r) => [r.id, r]));
    this.organisation = data.organisation;
    // Single words the topics rely on are never read as place names ("Opt", "Data" and "Reading" are towns).
    const reserved = new Set(
      [...data.topics.flatMap((t) => [...t.keywords.strong, ...t.keywords.normal]), ...data.scope.domainTerms]
        .map(phraseStems)
        .filter((stems) => stems.length === 1)
        .flat(),
    );
    this.gazetteer = new Gazetteer(data.regions, data.places, reserved);
    this.classifier = new TopicClassifier(data.topics, data.scope);
  }

  topic(id: string): Topic {
    const topic = this.topics.get(id);
    if (!topic) throw new Error(`unknown topic ${id}`);
    return topic;
  }

  region(id: RegionId): Region {
    const region = this.regions.get(id);
    if (!region) throw new Error(`unknown region ${id}`);
    return region;
  }
}

/** Loads the built-in knowledge base and, if given, the organisation layer in `orgDir` (KNOWLEDGE_DIR). */
export function loadKnowledgeBase(orgDir?: string, options: Omit<LoadOptions, 'orgDir'> = {}): KnowledgeBase {
  return new KnowledgeBase(loadKnowledgeData({ ...options, orgDir }));
}
