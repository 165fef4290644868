import type { KnownBlock, StaticSelect } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Organisation } from '../knowledge/load.js';
import { ACTIONS, encodeButtonValue } from './actions.js';
import { enforceLimits, LIMITS, type SlackMessage } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, quoteUserText } from './mrkdwn.js';
import { type AnswerPlace, actions, button, context, organisationNote, section, topicOptions } from './parts.js';

export interface DidYouMeanInput {
  question: string;
  /** The best guess first. */
  suggestions: TopicLink[];
  /** Topics people ask about most, offered after the other guesses. */
  starters: TopicLink[];
  place: AnswerPlace;
  organisation: Organisation | null;
  say: Say;
}

/** Not sure enough to answer: the best guess to confirm in one click, the other guesses in a menu. */
export function buildDidYouMeanCard({ question, suggestions, starters, place, organisation, say }: DidYouMeanInput): SlackMessage {
  const [best, ...others] = suggestions;
  const quoted = quoteUserText(question, 80);
  if (!best) return enforceLimits({ text: say('dym.none', { question: quoted }), blocks: [] });
  const rest = [...others, ...starters].filter((t, i, all) => t.id !== best.id && all.findIndex((o) => o.id === t.id) === i);
  const options = topicOptions(rest, place).slice(0, LIMITS.selectOptions);
  const menu: StaticSelect[] = options.length
    ? [{ type: 'static_select', action_id: ACTIONS.more, placeholder: { type: 'plain_text', text: say('dym.other') }, options }]
    : [];
  const yes = button(say('dym.yes', { label: best.label }), `${ACTIONS.topic}${best.id}`, encodeButtonValue({ topic: best.id, region: place.region, country: place.country, ...(place.language ? { language: place.language } : {}) }), 'primary');
  const blocks: KnownBlock[] = [
    section(`${say('dym.lead', { question: quoted, title: escapeMrkdwn(best.title) })}\n> ${markdownToMrkdwn(best.summary)}`),
    ...actions([yes, ...menu], 'did-you-mean'),
    ...organisationNote(organisation),
    context(say('dym.again')),
  ];
  return enforceLimits({ text: say('dym.text', { question: quoted, label: escapeMrkdwn(best.label) }), blocks });
}
