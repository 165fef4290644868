import type { KnownBlock } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';
import { actions, context, section, topicButtons } from './parts.js';
import { CHANNEL_ID } from './slack-ids.js';

export interface OutOfScopeInput {
  question: string;
  /** Topics to offer instead. */
  examples: TopicLink[];
  /** The day the change took effect ("3 November 2025"). */
  changeDate: string;
  /** The organisation's channel for everything else: an id (linked) or a "#name", if its layer names one. */
  helpChannel?: string | undefined;
}

/** A short, polite "not something I answer", with what it can answer instead. */
export function buildOutOfScopeCard({ question, examples, changeDate, helpChannel }: OutOfScopeInput): SlackMessage {
  const quoted = quoteUserText(question, 120);
  const elsewhere = helpChannel ? `For anything else, ask in ${channelReference(helpChannel)}.` : 'For anything else, please ask the team that looks after it.';
  const blocks: KnownBlock[] = [
    section(
      `I only know about *LinkedIn's use of members' data to train its AI* (the change of ${escapeMrkdwn(changeDate)}), so I can't answer ${quoted ? `_“${quoted}”_` : 'that'}. ${elsewhere}`,
    ),
    ...actions(topicButtons(examples, { region: null, country: null }), 'out-of-scope'),
    context('`/linkedin-ai help` lists what I can answer.'),
  ];
  return enforceLimits({ text: "I can't answer that: I only know about LinkedIn's use of members' data to train its AI.", blocks });
}

/** A channel id becomes a link Slack renders with the channel's name; a "#name" stays text. */
function channelReference(channel: string): string {
  return CHANNEL_ID.test(channel) ? `<#${channel}>` : escapeMrkdwn(channel);
}
