import type { ComposedAnswer, RegionView } from '../answers/compose.js';
import { listIn, type Say } from '../format/messages.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain, quoteUserText } from './mrkdwn.js';

/**
 * The first thing an answer card says: the direct answer in one or two sentences. For "does it apply
 * here?" with places it is a verdict worked out per question from the regions' facts (so a stored "yes"
 * can never answer the wrong question); for any other topic it is the topic's short answer, followed by
 * what holds where the person asked about when that still fits.
 */
export interface AnswerLead {
  /** Mrkdwn, at most `MAX_LEAD` characters. */
  mrkdwn: string;
  /** One plain sentence of at most `MAX_SENTENCE` characters, for notifications and screen readers. */
  sentence: string;
}

export const MAX_LEAD = 350;
export const MAX_SENTENCE = 200;

export function answerLead(answer: ComposedAnswer): AnswerLead {
  const regions = [answer.region, ...answer.otherRegions.map((o) => o.region)].flatMap((r) => (r ? [r] : []));
  const summary = markdownToMrkdwn(answer.topic.summary);
  const words: Words = { say: answer.say, list: (items) => listIn(answer.language, items) };
  if (answer.regionIsTheAnswer && regions.length) {
    const groups = verdicts(regions);
    return {
      mrkdwn: withinLead(verdictLead(words, groups, escapeMrkdwn(regions[0]?.changedOn ?? '')), summary),
      sentence: verdictSentence(words, groups),
    };
  }
  const where = regions.length ? ` ${placeSentence(words, verdicts(regions))}` : '';
  const mrkdwn = summary.length + where.length <= MAX_LEAD ? `${summary}${where}` : withinLead(summary, summary);
  return { mrkdwn, sentence: firstSentence(mrkdwnToPlain(summary)) };
}

/** The answer's language: its sentences, and how it lists things ("A, B and C", "A, B und C"). */
interface Words {
  say: Say;
  list: (items: string[]) => string;
}

/** "Toronto (Canada)", "Wien (Österreich)", "Canada", "the EU/EEA": the place as asked, with its country when that adds something. */
export function placeLabel(region: RegionView): string {
  const place = region.place?.trim() || null;
  const country = region.countryName;
  // "US", "UK", "NYC": an abbreviation reads better as the name of the country ("the US" when it is its own region).
  if (place && country && /^[A-Z.]{2,4}$/.test(place)) return escapeMrkdwn(region.name === country ? region.shortName : country);
  if (place && country && place.toLowerCase() !== country.toLowerCase()) return `${quoteUserText(place, 40)} (${escapeMrkdwn(country)})`;
  if (place) return quoteUserText(place, 40);
  return escapeMrkdwn(country ?? region.shortName);
}

type Kind = 'new' | 'already' | 'no' | 'unknown';

interface Verdict {
  kind: Kind;
  /** "3 November 2025", "September 2024". */
  when: string;
  /** When training had been paused before it resumed, for each place that had a pause. */
  pauses: string[];
  labels: string[];
}

/** Places whose answer is the same are answered together: "Toronto (Canada) and Hong Kong". */
function verdicts(regions: RegionView[]): Verdict[] {
  const groups: Verdict[] = [];
  for (const region of regions) {
    const kind: Kind =
      region.used === null || !region.startedOn ? 'unknown' : !region.used ? 'no' : region.approximate || region.startedOn !== region.changedOn ? 'already' : 'new';
    const when = escapeMrkdwn(region.startedOn ?? '');
    const group = groups.find((g) => g.kind === kind && g.when === when);
    const pauses = region.pausedFrom ? [escapeMrkdwn(region.pausedFrom)] : [];
    if (!group) groups.push({ kind, when, pauses, labels: [placeLabel(region)] });
    else {
      group.labels.push(placeLabel(region));
      group.pauses.push(...pauses.filter((p) => !group.pauses.includes(p)));
    }
  }
  return groups;
}

function verdictLead({ say, list }: Words, groups: Verdict[], changedOn: string): string {
  const [only] = groups;
  if (groups.length === 1 && only) {
    const where = list(only.labels);
    switch (only.kind) {
      case 'new':
        return only.pauses.length
          ? say('lead.yes.again', { where, when: only.when, pause: pauseNote(say, only.pauses) })
          : say('lead.yes.new', { where, when: only.when });
      case 'already':
        return say('lead.yes.already', { where, when: only.when, changedOn });
      case 'no':
        return say('lead.no', { where });
      case 'unknown':
        return say('lead.unknown', { where });
    }
  }
  if (groups.every((g) => g.kind === 'new' || g.kind === 'already')) {
    const parts = groups.map((g) =>
      say(g.kind === 'already' ? 'lead.part.already' : g.pauses.length ? 'lead.part.again' : 'lead.part.new', { where: list(g.labels), when: g.when }),
    );
    return say('lead.many', { count: groups.flatMap((g) => g.labels).length, parts: parts.join('; ') });
  }
  return groups.map((g) => say(`lead.group.${g.kind}`, { where: list(g.labels), when: g.when })).join(' ');
}

/** "it had paused this from December 2024"; for several pauses their dates are in Details. */
function pauseNote(say: Say, pauses: string[]): string {
  if (pauses.length === 1) return say('pause.one', { date: pauses[0] ?? '' });
  const years = new Set(pauses.map((p) => p.slice(-4)));
  return years.size === 1 ? say('pause.year', { year: [...years][0] ?? '' }) : say('pause.many');
}

/** After a topic's short answer: how things stand where the person asked about. */
function placeSentence({ say, list }: Words, groups: Verdict[]): string {
  const key = (g: Verdict) => (g.kind === 'new' && g.pauses.length ? 'place.again' : `place.${g.kind}`);
  return groups.map((g) => say(key(g), { where: list(g.labels), when: g.when })).join(' ');
}

/** The verdict as one plain sentence: "Yes, it applies in Toronto (Canada) since 3 November 2025: …". */
function verdictSentence({ say, list }: Words, groups: Verdict[]): string {
  const alone = groups.length === 1;
  const clauses = groups.map((g) => say(g.kind === 'unknown' && alone ? 'clause.unknown.alone' : `clause.${g.kind}`, { where: list(g.labels), when: g.when }));
  const yes = groups.every((g) => g.kind === 'new' || g.kind === 'already');
  const sentence = yes ? say('sentence.yes', { clauses: clauses.join('; ') }) : capitalise(say('sentence.mixed', { clauses: clauses.join('; ') }));
  if (sentence.length <= MAX_SENTENCE) return mrkdwnToPlain(sentence);
  // Many or long places: the verdict without them still answers.
  return say(yes ? 'sentence.yes.many' : 'sentence.mixed.many');
}

/** The first sentence of a plain text, whole: a sentence is never cut mid-word. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = flat.split(/(?<=[.!?])\s+(?=[\p{Lu}"“«¿¡])/u)[0] ?? flat;
  if (first.length <= MAX_SENTENCE) return first;
  const cut = first.slice(0, MAX_SENTENCE - 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[,;:]$/, '')}…`;
}

/** Lead text longer than allowed (many long place names): its first sentence, else the topic's short answer. */
function withinLead(lead: string, fallback: string): string {
  if (lead.length <= MAX_LEAD) return lead;
  const first = lead.split(/(?<=[.!?:]\*?)\s+(?=[*\p{Lu}])/u)[0] ?? '';
  return first.length <= MAX_LEAD ? first : fallback.slice(0, MAX_LEAD);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
