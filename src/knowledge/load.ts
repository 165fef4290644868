import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ISO_COUNTRY_CODES } from './countries.js';
import { describeIssues, KnowledgeBaseError } from './errors.js';
import type { Language } from './languages.js';
import {
  messagesSchema,
  type OutOfScopeExamples,
  orgFileSchema,
  outOfScopeFileSchema,
  placesFileSchema,
  REGION_IDS,
  type Region,
  regionsFileSchema,
  type Surfaces,
  scopeFileSchema,
  surfacesFileSchema,
  type Topic,
  type Translation,
  topicPatchSchema,
  topicSchema,
  translationFileSchema,
} from './schema.js';

export const BUILT_IN_DIR = fileURLToPath(new URL('./data', import.meta.url));


export interface Organisation {
  organisation: string;
  note: string;
  helpChannel?: string | undefined;
  language?: Language | undefined;
}

/** Validated knowledge: the built-in layer with an organisation's layer applied over it. */
export interface KnowledgeData {
  topics: Topic[];
  regions: Region[];
  places: z.infer<typeof placesFileSchema>;
  scope: z.infer<typeof scopeFileSchema>;
  /** Examples of what the app does not answer, the built-in ones and the organisation's. */
  outOfScope: OutOfScopeExamples;
  organisation: Organisation | null;
  /** Topic ids the organisation layer added or changed. */
  orgTopicIds: string[];
  surfaces: Surfaces;
  /** The app's own sentences in English (messages.yml), the source of every translation. */
  messages: Record<string, string>;
  /** Each other language's texts, the built-in ones with the organisation's over them. */
  translations: Partial<Record<Exclude<Language, 'en'>, Translation>>;
}

export interface LoadOptions {
  /** The organisation's layer (KNOWLEDGE_DIR). */
  orgDir?: string | undefined;
  /** The built-in layer; tests point it at a copy. */
  builtInDir?: string;
}

/** Reads and validates the built-in knowledge base and, when `orgDir` is given, the organisation's layer. */
export function loadKnowledgeData({ orgDir, builtInDir = BUILT_IN_DIR }: LoadOptions = {}): KnowledgeData {
  const problems: string[] = [];
  const builtIn = readLayer(builtInDir, problems);
  const regionsDoc = builtIn.get('regions.yml');
  const placesDoc = builtIn.get('places.yml');
  const scopeDoc = builtIn.get('scope.yml');
  const outOfScopeDoc = builtIn.get('out-of-scope.yml');
  const surfacesDoc = builtIn.get('surfaces.yml');
  const regions =
    regionsDoc === undefined ? missing('regions.yml', problems) : validate('regions.yml', regionsFileSchema, regionsDoc, problems)?.regions;
  const places = placesDoc === undefined ? missing('places.yml', problems) : validate('places.yml', placesFileSchema, placesDoc, problems);
  const scope = scopeDoc === undefined ? missing('scope.yml', problems) : validate('scope.yml', scopeFileSchema, scopeDoc, problems);
  const surfaces =
    surfacesDoc === undefined ? missing('surfaces.yml', problems) : validate('surfaces.yml', surfacesFileSchema, surfacesDoc, problems);
  const outOfScope: OutOfScopeExamples = {
    ...(outOfScopeDoc === undefined
      ? missing('out-of-scope.yml', problems)
      : validate('out-of-scope.yml', outOfScopeFileSchema, outOfScopeDoc, problems)?.examples),
  };

  const topics = new Map<string, Topic>();
  for (const [file, doc] of builtIn) {
    if (!file.startsWith('topics/')) continue;
    const topic = validate(file, topicSchema, doc, problems);
    if (!topic) continue;
    if (topics.has(topic.id)) problems.push(`${file}: id: "${topic.id}" is used by another topic`);
    topics.set(topic.id, topic);
  }

  let organisation: Organisation | null = null;
  const orgTopicIds: string[] = [];
  const orgLayer = orgDir ? readLayer(orgDir, problems) : null;
  if (orgLayer) {
    const orgDoc = orgLayer.get('organisation.yml');
    if (orgDoc !== undefined) organisation = validate('organisation.yml', orgFileSchema, orgDoc, problems) ?? null;
    for (const [file, doc] of orgLayer) {
      if (file === 'organisation.yml' || file.startsWith('translations/')) continue;
      if (file === 'out-of-scope.yml') {
        // The organisation's examples are added to the built-in ones, kind by kind.
        const own = validate(file, outOfScopeFileSchema, doc, problems)?.examples ?? {};
        for (const [kind, examples] of Object.entries(own)) outOfScope[kind] = [...(outOfScope[kind] ?? []), ...examples];
        continue;
      }
      if (!file.startsWith('topics/')) {
        problems.push(`${file}: an organisation layer holds organisation.yml, out-of-scope.yml, topics/*.yml and translations/*.yml only`);
        continue;
      }
      const patch = validate(file, topicPatchSchema, doc, problems);
      if (!patch) continue;
      const base = topics.get(patch.id);
      // Phrasings are training examples: the organisation's are added to the built-in ones, not put in their place.
      const phrasings = base && patch.phrasings ? { phrasings: [...base.phrasings, ...patch.phrasings] } : {};
      const merged = validate(file, topicSchema, base ? { ...base, ...patch, ...phrasings } : patch, problems);
      if (merged) {
        topics.set(merged.id, merged);
        orgTopicIds.push(merged.id);
      }
    }
  }

  const messagesDoc = builtIn.get('messages.yml');
  const messages = messagesDoc === undefined ? missing('messages.yml', problems) : validate('messages.yml', messagesSchema, messagesDoc, problems);
  const translations = readTranslations([builtIn, ...(orgLayer ? [orgLayer] : [])], problems);
  checkTranslations(translations, topics, messages ?? {}, problems);

  if (surfaces) checkSurfaces(surfaces, topics, problems);
  for (const topic of topics.values()) {
    topic.related.forEach((rel, i) => {
      if (!topics.has(rel)) problems.push(`topics/${topic.id}.yml: related[${i}]: "${rel}" is not a topic id`);
      else if (rel === topic.id) problems.push(`topics/${topic.id}.yml: related[${i}]: a topic cannot be related to itself`);
      else if (topic.related.indexOf(rel) !== i) problems.push(`topics/${topic.id}.yml: related[${i}]: "${rel}" is listed twice`);
    });
  }
  if (regions) checkRegions(regions, problems);
  if (places) {
    for (const [name, target] of Object.entries(places.aliases)) {
      if (!ISO_COUNTRY_CODES.has(target) && !(REGION_IDS as readonly string[]).includes(target)) {
        problems.push(`places.yml: aliases.${name}: "${target}" is neither an ISO 3166-1 alpha-2 code nor a region id`);
      }
    }
    for (const region of Object.keys(places.regionDemonyms)) {
      if (!(REGION_IDS as readonly string[]).includes(region)) problems.push(`places.yml: regionDemonyms.${region}: not a region id`);
    }
  }

  if (problems.length || !regions || !places || !scope || !surfaces || !messages) throw new KnowledgeBaseError(problems);
  return { topics: [...topics.values()], regions, places, scope, outOfScope, organisation, orgTopicIds, surfaces, messages, translations };
}

/** translations/<language>.yml of each layer, later layers (the organisation's) over earlier ones, text by text. */
function readTranslations(layers: Map<string, unknown>[], problems: string[]): KnowledgeData['translations'] {
  const merged: KnowledgeData['translations'] = {};
  for (const layer of layers) {
    for (const [file, doc] of layer) {
      if (!file.startsWith('translations/')) continue;
      const t = validate(file, translationFileSchema, doc, problems);
      if (!t) continue;
      if (basename(file, '.yml') !== t.language) problems.push(`${file}: language: "${t.language}" does not match the file name`);
      const base = merged[t.language];
      const topics = { ...base?.topics };
      for (const [id, texts] of Object.entries(t.topics)) topics[id] = { ...topics[id], ...texts };
      const regions = { ...base?.regions };
      for (const [id, texts] of Object.entries(t.regions) as [keyof typeof regions, (typeof regions)[keyof typeof regions]][])
        regions[id] = { ...regions[id], ...texts };
      merged[t.language] = {
        language: t.language,
        topics,
        regions,
        messages: { ...base?.messages, ...t.messages },
        sourceNames: { ...base?.sourceNames, ...t.sourceNames },
      };
    }
  }
  return merged;
}

/** A translation names only topics that exist and sentences English has. */
function checkTranslations(translations: KnowledgeData['translations'], topics: ReadonlyMap<string, Topic>, messages: Record<string, string>, problems: string[]): void {
  for (const t of Object.values(translations)) {
    for (const id of Object.keys(t.topics)) if (!topics.has(id)) problems.push(`translations/${t.language}.yml: topics.${id}: "${id}" is not a topic id`);
    for (const key of Object.keys(t.messages)) if (!(key in messages)) problems.push(`translations/${t.language}.yml: messages.${key}: English has no such message`);
  }
}

/** Every topic the surfaces name exists; the opt-out topic has its steps. */
function checkSurfaces(surfaces: Surfaces, topics: ReadonlyMap<string, Topic>, problems: string[]): void {
  for (const id of surfaces.builtInTopics) if (!topics.has(id)) problems.push(`topics/${id}.yml: topic "${id}" is missing`);
  const named: [string, string][] = [
    ...Object.entries(surfaces.roles).map(([role, id]): [string, string] => [`roles.${role}`, id]),
    ...Object.entries(surfaces.menus).flatMap(([menu, ids]) => ids.map((id, i): [string, string] => [`menus.${menu}[${i}]`, id])),
    ...Object.entries(surfaces.shortcuts).map(([word, id]): [string, string] => [`shortcuts.${word}`, id]),
  ];
  for (const [path, id] of named) {
    if (!topics.has(id) && !surfaces.builtInTopics.includes(id)) problems.push(`surfaces.yml: ${path}: "${id}" is not a topic id`);
  }
  const optOut = topics.get(surfaces.roles.optOut);
  if (optOut && !optOut.steps) problems.push(`topics/${optOut.id}.yml: steps: the opt-out topic needs its steps (they go on the Home tab and in reminders)`);
}

function checkRegions(regions: Region[], problems: string[]): void {
  const seen = new Map<string, string>();
  regions.forEach((region, i) => {
    if (region.countries === 'all-others') return;
    region.countries.forEach((code, j) => {
      if (!ISO_COUNTRY_CODES.has(code)) problems.push(`regions.yml: regions[${i}].countries[${j}]: "${code}" is not an ISO 3166-1 alpha-2 code`);
      const other = seen.get(code);
      if (other) problems.push(`regions.yml: regions[${i}].countries[${j}]: "${code}" is already in region "${other}"`);
      seen.set(code, region.id);
    });
  });
  for (const id of REGION_IDS) if (!regions.some((r) => r.id === id)) problems.push(`regions.yml: regions: region "${id}" is missing`);
  const ids = regions.map((r) => r.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`regions.yml: regions[${i}].id: "${id}" appears twice`);
  });
  if (regions.filter((r) => r.countries === 'all-others').length !== 1) {
    problems.push('regions.yml: regions: exactly one region must have countries: all-others');
  }
}

function missing(file: string, problems: string[]): undefined {
  // A file that is there but unreadable has its own problem already; only a file that is absent is "missing".
  if (!problems.some((p) => p.startsWith(`${file}: `))) problems.push(`${file}: the file is missing`);
  return undefined;
}

function validate<S extends z.ZodType>(file: string, schema: S, doc: unknown, problems: string[]): z.infer<S> | undefined {
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  problems.push(...describeIssues(file, result.error));
  return undefined;
}

/** Every .yml/.yaml/.json file under dir, parsed, keyed by its path relative to dir. */
function readLayer(dir: string, problems: string[]): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    files = listFiles(dir);
  } catch {
    problems.push(`${dir}: no such directory, or it cannot be read`);
    return docs;
  }
  for (const path of files) {
    const file = relative(dir, path).split('\\').join('/');
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    try {
      // The core schema (YAML 1.2): dates such as lastChecked stay strings; duplicate keys are errors.
      docs.set(file.replace(/\.yaml$/, '.yml'), yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA, filename: file }));
    } catch (error) {
      if (error instanceof yaml.YAMLException) {
        const at = error.mark;
        problems.push(`${file}: ${at ? `line ${at.line + 1}, column ${at.column + 1}: ` : ''}${error.reason}`);
      } else {
        problems.push(`${file}: cannot be read (${(error as Error).message})`);
      }
    }
  }
  return docs;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !basename(e.name).startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
