import type { KnownBlock, StaticSelect } from '@slack/types';
import type { PlaceContext, TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { ACTIONS, encodeButtonValue } from './actions.js';
import { enforceLimits, LIMITS, type SlackMessage } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, quoteUserText } from './mrkdwn.js';
import { actions, button, context, organisationNote, section, topicOptions } from './parts.js';

export interface DidYouMeanInput {
  question: string;
  /** The best guess first. */
  suggestions: TopicLink[];
  /** Topics people ask about most, offered after the other guesses. */
  starters: TopicLink[];
  place: PlaceContext;
  organisation: Organisation | null;
}

/** Not sure enough to answer: the best guess to confirm in one click, the other guesses in a menu. */
export function buildDidYouMeanCard({ question, suggestions, starters, place, organisation }: DidYouMeanInput): SlackMessage {
  const [best, ...others] = suggestions;
  const quoted = quoteUserText(question, 80);
  if (!best) return enforceLimits({ text: `I'm not sure what “${quoted}” means. Please ask again in other words.`, blocks: [] });
  const rest = [...others, ...starters].filter((t, i, all) => t.id !== best.id && all.findIndex((o) => o.id === t.id) === i);
  const options = topicOptions(rest, place).slice(0, LIMITS.selectOptions);
  const menu: StaticSelect[] = options.length
    ? [{ type: 'static_select', action_id: ACTIONS.more, placeholder: { type: 'plain_text', text: 'Something else…' }, options }]
    : [];
  const yes = button(`Yes: ${best.label}`, `${ACTIONS.topic}${best.id}`, encodeButtonValue({ topic: best.id, region: place.region, country: place.country }), 'primary');
  const blocks: KnownBlock[] = [
    section(`I'm not sure what you mean by _“${quoted}”_. Did you mean *${escapeMrkdwn(best.title)}*?\n> ${markdownToMrkdwn(best.summary)}`),
    ...actions([yes, ...menu], 'did-you-mean'),
    ...organisationNote(organisation),
    context('Or ask again in other words.'),
  ];
  return enforceLimits({ text: `Not sure what “${quoted}” means: did you mean ${escapeMrkdwn(best.label)}?`, blocks });
}
