import type { DateTime } from 'luxon';
import type { EngineResult } from '../engine/engine.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import type { Say } from '../format/messages.js';
import { dateLabel, describeDate, renderDates } from '../format/relative-time.js';
import { countryName } from '../knowledge/countries.js';
import type { Language } from '../knowledge/languages.js';
import type { Organisation } from '../knowledge/load.js';
import type { RegionId, Source, Topic } from '../knowledge/schema.js';

/** Everything a card shows, as plain data (Markdown strings, no Slack), so any surface can render it. */
export interface TopicLink {
  id: string;
  title: string;
  /** What a button or menu shows: short enough not to clip on a phone. */
  label: string;
  summary: string;
}

/** Where a question was about, carried on buttons so a follow-up keeps the place. */
export interface PlaceContext {
  region: RegionId | null;
  country: string | null;
}

export interface RegionView {
  id: RegionId;
  name: string;
  /** The name as it reads in a sentence ("the EU/EEA"). */
  shortName: string;
  /** The day the change this app is about took effect ("3 November 2025"), for "What changed on …". */
  changedOn: string;
  /** The place as asked ("Toronto"), if any. */
  place: string | null;
  countryName: string | null;
  /** Markdown: whether and since when members' data is used. */
  status: string;
  /** "since 3 November 2025 (about a year ago)", or "not used"; regions with the same one are listed together. */
  since: string;
  /** Whether members' data is used here for that training; null when the sources don't say. */
  used: boolean | null;
  /** When that began, as precisely as the sources allow ("3 November 2025", "September 2024"), or null. */
  startedOn: string | null;
  /** The sources give only an approximate start ("already by September 2024"). */
  approximate: boolean;
  /** When training here had been paused before the change ("December 2024"), or null. */
  pausedFrom: string | null;
  change: string;
  legalBasis: string | null;
  notes: string[];
  sources: Source[];
  lastChecked: string;
}

export interface ComposedAnswer {
  question: string;
  /** The language the answer is in; `translated` is false when the topic's texts are still English. */
  language: Language;
  translated: boolean;
  /** The app's own sentences in that language. */
  say: Say;
  topic: TopicLink;
  markdown: string;
  unconfirmed: string[];
  region: RegionView | null;
  /** The topic's own note for the asker's region. */
  regionNote: string | null;
  /** Further regions the question named ("Toronto and Hong Kong"), each with the topic's note for it. */
  otherRegions: { region: RegionView; note: string | null }[];
  organisation: Organisation | null;
  sources: Source[];
  /** At most two linked sources that back this answer for the places asked about; the rest are in Details. */
  keySources: Source[];
  lastChecked: string;
  settingButton: boolean;
  /** The LinkedIn setting's address, for the setting button. */
  settingUrl: string;
  /** The question was "does it apply here?" with a place: the region's own story is the answer. */
  regionIsTheAnswer: boolean;
  related: TopicLink[];
  /** A second question found in the same message, offered as a button. */
  alsoAsked: TopicLink[];
  context: PlaceContext;
}

export function topicLink(kb: KnowledgeBase, id: string, language: Language = 'en'): TopicLink {
  const t = kb.localTopic(id, language).topic;
  return { id: t.id, title: t.title, label: t.label ?? t.title, summary: t.summary };
}

export function composeRegion(
  kb: KnowledgeBase,
  id: RegionId,
  now: DateTime,
  place: string | null = null,
  country: string | null = null,
  language: Language = 'en',
): RegionView {
  const r = kb.localRegion(id, language);
  const say = kb.say(language);
  const describe = (iso: string) => describeDate(iso, now, language);
  const since = !r.trainingSince
    ? say('since.unknown')
    : r.trainingSinceApproximate
      ? say('since.approximate', { date: describe(r.trainingSince) })
      : r.pausedFrom
        ? say('since.again', { date: describe(r.trainingSince), paused: dateLabel(r.pausedFrom, language) })
        : say('since.exact', { date: describe(r.trainingSince) });
  return {
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    changedOn: dateLabel(changeDate(kb), language),
    place,
    countryName: country ? countryNameIn(country, language) : null,
    status: r.trainingUsed === null ? say('status.unknown') : r.trainingUsed ? say('status.used', { since }) : say('status.notUsed'),
    since: r.trainingUsed === false ? 'not used' : since,
    used: r.trainingUsed,
    startedOn: r.trainingSince ? dateLabel(r.trainingSince, language) : null,
    approximate: r.trainingSinceApproximate,
    pausedFrom: r.pausedFrom ? dateLabel(r.pausedFrom, language) : null,
    change: renderDates(r.change, now, language),
    legalBasis: r.legalBasis,
    notes: r.notes.map((n) => renderDates(n, now, language)),
    sources: r.sources,
    lastChecked: describe(r.lastChecked),
  };
}

/** "Canada", "Kanada", "Canadá": the country's name in the answer's language. */
function countryNameIn(code: string, language: Language): string {
  if (language === 'en') return countryName(code);
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? countryName(code);
}

/** The answer to an engine result of kind "answer" (or a topic picked from a button). */
export function composeAnswer(
  kb: KnowledgeBase,
  topicId: string,
  question: string,
  context: PlaceContext & { place?: string | null },
  now: DateTime,
  language: Language = 'en',
): ComposedAnswer {
  const { topic, translated } = kb.localTopic(topicId, language);
  const region = context.region ? composeRegion(kb, context.region, now, context.place ?? null, context.country, language) : null;
  const regionNote = context.region ? topic.regionNotes[context.region] : undefined;
  const sources = answerSources(kb, topic, region ? [region] : []);
  return {
    question,
    language,
    translated,
    say: kb.say(language),
    topic: topicLink(kb, topic.id, language),
    markdown: renderDates(topic.answer, now, language),
    unconfirmed: topic.unconfirmed.map((u) => renderDates(u, now, language)),
    region,
    regionNote: regionNote ? renderDates(regionNote, now, language) : null,
    otherRegions: [],
    organisation: kb.organisation,
    sources,
    keySources: keySources(kb, topic, sources, region ? [region] : []),
    lastChecked: describeDate(topic.lastChecked, now, language),
    settingButton: topic.settingButton,
    settingUrl: kb.surfaces.settingUrl,
    regionIsTheAnswer: region !== null && topic.id === kb.surfaces.roles.applicability,
    related: topic.related.filter((id) => kb.topics.has(id)).map((id) => topicLink(kb, id, language)),
    alsoAsked: [],
    context: { region: context.region, country: context.country },
  };
}

export function composeFromResult(kb: KnowledgeBase, result: EngineResult, now: DateTime, language: Language = 'en'): ComposedAnswer | null {
  if (result.kind !== 'answer' || !result.topic) return null;
  const groups = groupPlaces(result.places);
  const [first, ...others] = groups;
  const answer = composeAnswer(kb, result.topic, result.question, first ?? result, now, language);
  const { topic } = kb.localTopic(result.topic, language);
  answer.otherRegions = others.slice(0, MAX_PLACES - 1).map((g) => {
    const region = composeRegion(kb, g.region, now, g.place, g.country, language);
    const note = topic.regionNotes[g.region];
    return { region, note: note ? renderDates(note, now, language) : null };
  });
  if (answer.region) {
    const regions = [answer.region, ...answer.otherRegions.map((o) => o.region)];
    answer.sources = answerSources(kb, topic, regions);
    answer.keySources = keySources(kb, topic, answer.sources, regions);
  }
  answer.alsoAsked = result.suggestions.filter((id) => kb.topics.has(id)).map((id) => topicLink(kb, id, language));
  answer.related = answer.related.filter((r) => !answer.alsoAsked.some((a) => a.id === r.id));
  return answer;
}

/** The day the change took effect: the latest exact start of training among the regions (YYYY-MM-DD). */
export function changeDate(kb: KnowledgeBase): string {
  let date = changeDates.get(kb);
  if (date === undefined) {
    const exact = [...kb.regions.values()].filter((r) => r.trainingSince && !r.trainingSinceApproximate).map((r) => r.trainingSince as string);
    date = exact.sort().at(-1) ?? '';
    changeDates.set(kb, date);
  }
  return date;
}

/** Every region an answer shows needs the change date: worked out once per knowledge base, not per region. */
const changeDates = new WeakMap<KnowledgeBase, string>();

/** Since when members elsewhere have been covered: the earliest start among the regions ("2024"). */
export function coveredElsewhereSince(kb: KnowledgeBase): string {
  const earliest = [...kb.regions.values()].flatMap((r) => (r.trainingSince ? [r.trainingSince] : [])).sort()[0] ?? '';
  return earliest.slice(0, 4);
}

/** Most places one answer covers; more would make a card nobody reads. */
export const MAX_PLACES = 4;

/** Places in one region answer alike: "Berlin, Paris" → the EU once. The country is kept when they share it. */
function groupPlaces(places: EngineResult['places']): (PlaceContext & { region: RegionId; place: string })[] {
  const groups: (PlaceContext & { region: RegionId; place: string })[] = [];
  for (const p of places) {
    const group = groups.find((g) => g.region === p.region);
    if (!group) groups.push({ region: p.region, country: p.country, place: p.place });
    else {
      group.place = `${group.place}, ${p.place}`;
      if (group.country !== p.country) group.country = null;
    }
  }
  return groups;
}

/**
 * The sources that back this answer for the places asked about: a source tagged with regions is left
 * out for a place elsewhere (no UK regulator on a Paris answer). The "regions" topic is answered by the
 * regions' own facts, so their sources come first.
 */
function answerSources(kb: KnowledgeBase, topic: Topic, regions: RegionView[]): Source[] {
  const asked = new Set(regions.map((r) => r.id));
  const fits = (s: Source) => !s.regions || asked.size === 0 || s.regions.some((id) => asked.has(id));
  const own = topic.id === kb.surfaces.roles.applicability ? regions.flatMap((r) => r.sources) : [];
  const seen = new Set<string>();
  return [...own, ...topic.sources.filter(fits)].filter((s) => {
    const key = s.url ?? s.title;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * The sources a card shows (Details has them all): links only, at most two. For "does it apply here?"
 * the regions' own sources lead; otherwise those tagged for the places asked about come before the topic's
 * first (its primary) source.
 */
function keySources(kb: KnowledgeBase, topic: Topic, sources: Source[], regions: RegionView[]): Source[] {
  const asked = new Set(regions.map((r) => r.id));
  const linked = sources.filter((s) => s.url);
  const local = topic.id === kb.surfaces.roles.applicability ? [] : linked.filter((s) => s.regions?.some((id) => asked.has(id)));
  return [...new Set([...local, ...linked])].slice(0, MAX_KEY_SOURCES);
}

const MAX_KEY_SOURCES = 2;

/** "EU/EEA, Switzerland and the UK: since …" — regions that share a start date, on one line each. */
export function groupBySince(regions: RegionView[]): { names: string[]; since: string }[] {
  const groups: { names: string[]; since: string }[] = [];
  for (const r of regions) {
    const group = groups.find((g) => g.since === r.since);
    if (group) group.names.push(r.name);
    else groups.push({ names: [r.name], since: r.since });
  }
  return groups;
}
