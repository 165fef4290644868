import type { ComposedAnswer, RegionView } from '../answers/compose.js';
import { joinWithAnd } from '../format/words.js';
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
  if (answer.regionIsTheAnswer && regions.length) {
    const groups = verdicts(regions);
    return { mrkdwn: withinLead(verdictLead(groups, escapeMrkdwn(regions[0]?.changedOn ?? '')), summary), sentence: verdictSentence(groups) };
  }
  const where = regions.length ? ` ${placeSentence(verdicts(regions))}` : '';
  const mrkdwn = summary.length + where.length <= MAX_LEAD ? `${summary}${where}` : withinLead(summary, summary);
  return { mrkdwn, sentence: firstSentence(mrkdwnToPlain(summary)) };
}

/** "Toronto (Canada)", "Wien (Austria)", "Canada", "the EU/EEA": the place as asked, with its country when that adds something. */
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

const USE = "members' data there to train its content-generating AI";

function verdictLead(groups: Verdict[], changedOn: string): string {
  const [only] = groups;
  if (groups.length === 1 && only) {
    const where = joinWithAnd(only.labels);
    switch (only.kind) {
      case 'new':
        return `*Yes, it applies in ${where}.* Since ${only.when} LinkedIn has ${only.pauses.length ? 'again ' : ''}used ${USE}, unless they switch the setting off${pauseNote(only.pauses)}. The setting is on by default.`;
      case 'already':
        return `*Yes, it applies in ${where}, and it did before ${changedOn} too.* LinkedIn was already using ${USE} by ${only.when}, unless they switched the setting off. The setting is on by default.`;
      case 'no':
        return `*No, it doesn't apply in ${where}.* LinkedIn does not use ${USE}.`;
      case 'unknown':
        return `*Our sources don't say whether it applies in ${where}.* Everywhere they do describe, the setting is on by default, so it is safest to assume it is on here too.`;
    }
  }
  if (groups.every((g) => g.kind === 'new' || g.kind === 'already')) {
    const parts = groups.map((g) => `in ${joinWithAnd(g.labels)} ${g.kind === 'new' ? `since ${g.when}${g.pauses.length ? ' (again, after a pause)' : ''}` : `already by ${g.when}`}`);
    const count = groups.flatMap((g) => g.labels).length;
    return `*Yes, it applies in ${count === 2 ? 'both' : `all ${count}`} places:* ${parts.join('; ')}. LinkedIn uses members' data there to train its content-generating AI unless they switch the setting off.`;
  }
  return groups.map(groupVerdict).join(' ');
}

/** " (it had paused this from December 2024)"; for several pauses their dates are in Details. */
function pauseNote(pauses: string[]): string {
  if (pauses.length === 0) return '';
  if (pauses.length === 1) return ` (it had paused this from ${pauses[0]})`;
  const years = new Set(pauses.map((p) => p.slice(-4)));
  return years.size === 1 ? ` (after pauses in ${[...years][0]})` : ' (after pauses)';
}

/** One group's verdict in a question about several places that are not all answered alike. */
function groupVerdict(g: Verdict): string {
  const where = joinWithAnd(g.labels);
  switch (g.kind) {
    case 'new':
      return `*Yes in ${where}:* since ${g.when}.`;
    case 'already':
      return `*Yes in ${where}:* already by ${g.when}.`;
    case 'no':
      return `*No in ${where}:* members' data isn't used there.`;
    case 'unknown':
      return `*Our sources don't say for ${where}*; assume the setting is on there.`;
  }
}

/** After a topic's short answer: how things stand where the person asked about. */
function placeSentence(groups: Verdict[]): string {
  return groups.map((g) => PLACE_SENTENCE[g.kind](g, joinWithAnd(g.labels))).join(' ');
}

const PLACE_SENTENCE: Record<Kind, (g: Verdict, where: string) => string> = {
  new: (g, where) => `In ${where}, LinkedIn has ${g.pauses.length ? 'again ' : ''}used members' data to train its AI since ${g.when}.`,
  already: (g, where) => `In ${where}, LinkedIn was already using members' data to train its AI by ${g.when}.`,
  no: (_g, where) => `In ${where}, LinkedIn does not use members' data to train its AI.`,
  unknown: (_g, where) => `Our sources don't say how things stand in ${where}.`,
};

/** The verdict as one plain sentence: "Yes, it applies in Toronto (Canada): since 3 November 2025, unless members opt out." */
function verdictSentence(groups: Verdict[]): string {
  const clauses = groups.map((g) => VERDICT_CLAUSE[g.kind](g, joinWithAnd(g.labels), groups.length === 1));
  const yes = groups.every((g) => g.kind === 'new' || g.kind === 'already');
  const sentence = yes
    ? `Yes, ${clauses.join('; ')}: LinkedIn uses members' data there to train its AI unless they opt out.`
    : `${capitalise(clauses.join('; '))}.`;
  if (sentence.length <= MAX_SENTENCE) return mrkdwnToPlain(sentence);
  // Many or long places: the verdict without them still answers.
  return yes ? "Yes, it applies in the places you asked about: LinkedIn uses members' data there to train its AI unless they opt out." : 'How it applies differs between the places you asked about.';
}

const VERDICT_CLAUSE: Record<Kind, (g: Verdict, where: string, alone: boolean) => string> = {
  new: (g, where) => `it applies in ${where} since ${g.when}`,
  already: (g, where) => `it applies in ${where}, already by ${g.when}`,
  no: (_g, where) => `it does not apply in ${where}`,
  unknown: (_g, where, alone) =>
    alone ? `our sources don't say whether LinkedIn's AI training applies in ${where}; assume the setting is on` : `our sources don't say for ${where}`,
};

/** The first sentence of a plain text, whole: a sentence is never cut mid-word. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = flat.split(/(?<=[.!?])\s+(?=[A-Z"“])/)[0] ?? flat;
  if (first.length <= MAX_SENTENCE) return first;
  const cut = first.slice(0, MAX_SENTENCE - 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[,;:]$/, '')}…`;
}

/** Lead text longer than allowed (many long place names): its first sentence, else the topic's short answer. */
function withinLead(lead: string, fallback: string): string {
  if (lead.length <= MAX_LEAD) return lead;
  const first = lead.split(/(?<=[.!?:]\*?)\s+(?=[*A-Z])/)[0] ?? '';
  return first.length <= MAX_LEAD ? first : fallback.slice(0, MAX_LEAD);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
