import type { KnownBlock } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
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
  say: Say;
  /** The answer's language, kept by the topic menu (absent: English). */
  language?: Language | undefined;
}

/** What the app answers and how to ask: the common questions one click away, every topic in a menu. */
export function buildHelpCard({ examples, topics, organisation, say, language }: HelpCardInput): SlackMessage {
  const options = topicOptions(topics, { region: null, country: null, language }).slice(0, LIMITS.selectOptions);
  const blocks: KnownBlock[] = [
    header(say('help.header')),
    section(say('help.intro')),
    section(say('help.try')),
    ...actions(
      // Action ids must differ within a block: "ask:0", "ask:1"…
      examples.map((q, i) => button(q, `${ACTIONS.ask}:${i}`, encodeCardRequest({ kind: 'question', question: q }))),
      'help:examples',
    ),
    ...actions(
      options.length ? [{ type: 'static_select', action_id: ACTIONS.more, placeholder: { type: 'plain_text', text: say('help.topics', { count: topics.length }) }, options }] : [],
      'help:topics',
    ),
    ...organisationNote(organisation),
    context(say('help.how')),
  ];
  return enforceLimits({ text: say('help.text'), blocks });
}
