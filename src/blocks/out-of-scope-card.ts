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
  const blocks: KnownBlock[] = [
    section(
      `🙂 Sorry, I can't help with ${quoted ? `_“${quoted}”_` : 'that'}. I only answer questions about *LinkedIn using members' data to train its generative AI* (the change of ${escapeMrkdwn(changeDate)}): whether it applies to you, which data, how to opt out and what opting out does.`,
    ),
    ...actions(topicButtons(examples, { region: null, country: null }), 'out-of-scope'),
    context(`For anything else, ${helpChannel ? `ask in ${channelReference(helpChannel)}` : 'ask the right team'}. \`/linkedin-ai help\` lists what I can answer.`),
  ];
  return enforceLimits({ text: "Sorry, I only answer questions about LinkedIn's use of member data for AI training.", blocks });
}

/** A channel id becomes a link Slack renders with the channel's name; a "#name" stays text. */
function channelReference(channel: string): string {
  return CHANNEL_ID.test(channel) ? `<#${channel}>` : escapeMrkdwn(channel);
}
