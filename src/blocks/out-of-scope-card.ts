import type { KnownBlock } from '@slack/types';
import type { TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
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
  say: Say;
  /** The answer's language, kept by the buttons (absent: English). */
  language?: Language | undefined;
}

/** A short, polite "not something I answer", with what it can answer instead. */
export function buildOutOfScopeCard({ question, examples, changeDate, helpChannel, say, language }: OutOfScopeInput): SlackMessage {
  const quoted = quoteUserText(question, 120);
  const elsewhere = helpChannel ? say('oos.channel', { channel: channelReference(helpChannel) }) : say('oos.team');
  const blocks: KnownBlock[] = [
    section(say('oos.lead', { date: escapeMrkdwn(changeDate), question: quoted ? `_“${quoted}”_` : say('oos.that'), elsewhere })),
    ...actions(topicButtons(examples, { region: null, country: null, language }), 'out-of-scope'),
    context(say('oos.help')),
  ];
  return enforceLimits({ text: say('oos.text'), blocks });
}

/** A channel id becomes a link Slack renders with the channel's name; a "#name" stays text. */
function channelReference(channel: string): string {
  return CHANNEL_ID.test(channel) ? `<#${channel}>` : escapeMrkdwn(channel);
}
