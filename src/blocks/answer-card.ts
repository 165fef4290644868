import type { KnownBlock } from '@slack/types';
import type { ComposedAnswer, RegionView } from '../answers/compose.js';
import { listIn } from '../format/messages.js';
import { languageName } from '../knowledge/languages.js';
import type { CardRequest } from './actions.js';
import { answerLead } from './answer-lead.js';
import { measureCard } from './glance.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import {
  actions,
  confirmOptOutButton,
  context,
  detailsButton,
  feedbackButtons,
  moreMenu,
  organisationNote,
  reportOption,
  section,
  sections,
  settingButton,
  sourcesLine,
  topicOptions,
} from './parts.js';

/** The most text an answer card shows (every character, links with their address); the rest is in Details. */
export const MAX_CARD_TEXT = 900;
/** The two key sources and at most one link in a note; every source is in Details. */
const MAX_CARD_LINKS = 3;

/**
 * The answer to one question, to act on at a glance: the direct answer, the setting where it matters,
 * "Details" for everything else, two sources and a compact 👍/👎. The full answer (every note, what is
 * unconfirmed, every source) is one click away in the Details modal.
 */
export function buildAnswerCard(answer: ComposedAnswer): SlackMessage {
  const lead = answerLead(answer);
  const language = answer.language === 'en' ? {} : { language: answer.language };
  const place = { ...answer.context, ...language };
  const details: CardRequest =
    answer.question && answer.question.length <= MAX_DETAILS_QUESTION
      ? { kind: 'question', question: answer.question, ...language }
      : { kind: 'topic', topic: answer.topic.id, ...place };
  const { say } = answer;
  const report = reportOption(answer.topic.id, place, say('menu.report'));
  const also = topicOptions(answer.alsoAsked, place, (t) => say('menu.also', { label: t.label }));
  const related = topicOptions(answer.related, place).slice(0, MAX_RELATED);
  const menu = [...also, ...related];
  // A short answer that links somewhere itself leaves room for fewer source links.
  const linksInLead = lead.mrkdwn.match(/<https?:[^>]+>/g)?.length ?? 0;
  const keySources = answer.keySources.slice(0, Math.max(0, MAX_CARD_LINKS - linksInLead));
  const tailWith = (menuShown: number): KnownBlock[] => [
    ...actions(
      [
        ...(answer.settingButton ? [settingButton(answer.settingUrl, say('button.setting')), confirmOptOutButton(say('button.optedOut'), answer.language)] : []),
        detailsButton(details, say('button.details')),
        ...moreMenu([...menu.slice(0, menuShown), ...(report ? [report] : [])]),
      ],
      `next:${answer.topic.id}`,
    ),
    sourcesLine(keySources, answer.sources.length, answer.lastChecked, say),
    feedbackButtons(answer.topic.id, place, say),
  ];
  const unconfirmed = answer.unconfirmed.length && !answer.regionIsTheAnswer ? [context(say('card.unconfirmed', { count: answer.unconfirmed.length }))] : [];
  // Not translated yet: the answer is in English, and says so in the asker's language.
  const untranslated = answer.translated ? [] : [context(say('card.untranslated', { language: languageName(answer.language) }))];
  const blocks: KnownBlock[] = [section(lead.mrkdwn), ...unconfirmed, ...untranslated];
  // A long lead leaves less room: the menu's topics are the first thing to go, related ones before "Also".
  let shown = menu.length;
  while (shown > 0 && measureCard({ blocks: [...blocks, ...tailWith(shown)] }).textChars > MAX_CARD_TEXT) shown--;
  const tail = tailWith(shown);
  // Optional parts, most useful first, each only while the card stays glanceable.
  const fits = (extra: KnownBlock[]) => {
    const m = measureCard({ blocks: [...blocks, ...extra, ...tail] });
    return m.textChars <= MAX_CARD_TEXT && m.links <= MAX_CARD_LINKS;
  };
  const organisation = organisationNote(answer.organisation);
  if (organisation.length && fits(organisation)) blocks.push(...organisation);
  else if (answer.organisation) {
    const pointer = [context(say('card.organisationInDetails', { organisation: escapeMrkdwn(answer.organisation.organisation) }))];
    if (fits(pointer)) blocks.push(...pointer);
  }
  const left: string[] = [];
  for (const [region, note] of regionNotes(answer)) {
    const extra = sections(`*${say('region.in', { region: escapeMrkdwn(region.shortName) })}* ${markdownToMrkdwn(note)}`);
    if (fits(extra)) blocks.push(...extra);
    else left.push(escapeMrkdwn(region.shortName));
  }
  const pointer = [context(say('card.moreInDetails', { regions: listIn(answer.language, left) }))];
  if (left.length && fits(pointer)) blocks.push(...pointer);
  return enforceLimits({ text: lead.sentence, blocks: [...blocks, ...tail] });
}

/** Questions up to this length travel in the Details button, so Details answers exactly what was asked. */
const MAX_DETAILS_QUESTION = 300;
/** Related topics in the menu; the menu also holds "Also: …", share and "Report a problem" (5 at most). */
const MAX_RELATED = 3;

function regionNotes(answer: ComposedAnswer): [RegionView, string][] {
  const pairs: [RegionView | null, string | null][] = [[answer.region, answer.regionNote], ...answer.otherRegions.map((o) => [o.region, o.note] as [RegionView, string | null])];
  return pairs.flatMap(([region, note]) => (region && note ? [[region, note] as [RegionView, string]] : []));
}

