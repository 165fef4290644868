import type { KnownBlock } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { ACTIONS, encodeCardRequest } from './actions.js';
import { enforceLimits, LIMITS, type SlackMessage } from './limits.js';
import { actions, button, context, header, organisationNote, section, topicOptions } from './parts.js';

export interface HelpCardInput {
  /** The questions people ask most; each button asks it. */
  examples: string[];
  /** Every topic, the ones people need first first. */
  topics: TopicLink[];
  organisation: Organisation | null;
}

/** What the app answers and how to ask: the common questions one click away, every topic in a menu. */
export function buildHelpCard({ examples, topics, organisation }: HelpCardInput): SlackMessage {
  const options = topicOptions(topics, { region: null, country: null }).slice(0, LIMITS.selectOptions);
  const blocks: KnownBlock[] = [
    header('What I can answer'),
    section(
      "I answer questions about *LinkedIn using members' data to train its AI*, with sources: where it applies, which data, how to opt out and what opting out does. Ask in your own words and name your city or country for the answer there.",
    ),
    section('*Try one:*'),
    ...actions(
      // Action ids must differ within a block: "ask:0", "ask:1"…
      examples.map((q, i) => button(q, `${ACTIONS.ask}:${i}`, encodeCardRequest({ kind: 'question', question: q }))),
      'help:examples',
    ),
    ...actions(
      options.length ? [{ type: 'static_select', action_id: ACTIONS.more, placeholder: { type: 'plain_text', text: `All ${topics.length} topics…` }, options }] : [],
      'help:topics',
    ),
    ...organisationNote(organisation),
    context(
      'Ask with `/linkedin-ai your question`, mention me in a channel (I answer in the thread) or send me a direct message. Questions in French, German, Spanish, Italian, Dutch or Portuguese work too; answers are in English.',
    ),
  ];
  return enforceLimits({ text: "What I can answer: LinkedIn's use of members' data to train its AI, with sources.", blocks });
}
