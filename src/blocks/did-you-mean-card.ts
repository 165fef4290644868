import type { KnownBlock } from '@slack/types';
import type { PlaceContext, TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';
import { actions, context, organisationNote, section, topicButtons } from './parts.js';

export interface DidYouMeanInput {
  question: string;
  suggestions: TopicLink[];
  place: PlaceContext;
  organisation: Organisation | null;
}

/** Not sure enough to answer: the best guesses as buttons rather than a confident wrong answer. */
export function buildDidYouMeanCard({ question, suggestions, place, organisation }: DidYouMeanInput): SlackMessage {
  const list = suggestions.map((s) => `• *${escapeMrkdwn(s.title)}*: ${escapeMrkdwn(s.summary)}`).join('\n');
  const blocks: KnownBlock[] = [
    section(`🤔 I'm not sure which of these you mean by _“${quoteUserText(question)}”_:\n${list}`),
    ...actions(topicButtons(suggestions, place), 'did-you-mean'),
    context('Pick one, or ask again in other words. `/linkedin-ai help` shows what I can answer.'),
    ...organisationNote(organisation),
  ];
  const text = `Did you mean: ${suggestions.map((s) => escapeMrkdwn(s.title)).join(', ')}?`;
  return enforceLimits({ text, blocks });
}
