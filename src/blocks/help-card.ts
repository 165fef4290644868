import type { KnownBlock } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { actions, context, header, organisationNote, section, topicButtons } from './parts.js';

export interface HelpCardInput {
  topics: TopicLink[];
  organisation: Organisation | null;
}

const EXAMPLES = [
  'Does this apply to our Toronto office?',
  'How do I opt out?',
  'Are my private messages used?',
  'If I opt out, is my data removed from models already trained?',
  'Wie kann ich widersprechen? Ich sitze in Wien.',
];

/** What the app answers and how to ask. */
export function buildHelpCard({ topics, organisation }: HelpCardInput): SlackMessage {
  const blocks: KnownBlock[] = [
    header('What I can answer'),
    section(
      "I answer questions about *LinkedIn using members' data to train its generative AI*, with sources: where it applies, which data, how to opt out and what opting out does and does not do. Ask in your own words, in English, French, German, Spanish, Italian, Dutch or Portuguese, and name your city or country for the answer there.",
    ),
    section(`*Try:*\n${EXAMPLES.map((e) => `• \`/linkedin-ai ${escapeMrkdwn(e)}\``).join('\n')}`),
    section('*Shortcuts:* `/linkedin-ai` (overview) · `region PLACE` · `optout` · `data` · `limits` · `help`'),
    section(`*Topics:* ${topics.map((t) => escapeMrkdwn(t.title)).join(' · ')}`),
    ...actions(topicButtons(topics.slice(0, 5), { region: null, country: null }), 'help:topics'),
    ...organisationNote(organisation),
    context('Mention me in a channel to get the answer in a thread, or send me a direct message.'),
  ];
  return enforceLimits({ text: "What I can answer: LinkedIn's use of member data to train generative AI, with sources.", blocks });
}
