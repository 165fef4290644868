import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { unescapeMrkdwn } from '../../blocks/mrkdwn.js';
import type { Deps } from '../deps.js';
import { answerMessage } from './answer-message.js';
import { claim } from './claim.js';

/**
 * The question as the person typed it: the mention of the bot itself removed ("<@U123> does this
 * apply to us?"), and Slack's escaping of &, < and > undone (it is escaped again on output).
 */
export function questionFromMessage(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ') : text;
  return unescapeMrkdwn(withoutBot.replace(/\s+/g, ' ').trim());
}

export const eventType = 'app_mention';

/** An @mention in a channel: the answer goes in the thread. */
export async function handle(
  { event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs,
  deps: Deps,
): Promise<void> {
  const startedAt = performance.now();
  if (!(await claim(deps, body))) return;
  if (!event.user) return;
  const question = questionFromMessage(event.text ?? '', context.botUserId);
  await answerMessage(
    deps,
    client,
    { channel: event.channel, threadTs: event.thread_ts ?? event.ts, teamId: body.team_id, userId: event.user, surface: 'mention', startedAt },
    question,
  );
}
