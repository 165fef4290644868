import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import { answerMessage } from './answer-message.js';
import { claim } from './claim.js';

/** The mention of the bot itself is not part of the question ("<@U123> does this apply to us?"). */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const eventType = 'app_mention';

/** An @mention in a channel: the answer goes in the thread. */
export async function handle(
  { event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs,
  deps: Deps,
): Promise<void> {
  if (!(await claim(deps, body))) return;
  if (!event.user) return;
  const question = stripBotMention(event.text ?? '', context.botUserId);
  await answerMessage(
    deps,
    client,
    { channel: event.channel, threadTs: event.thread_ts ?? event.ts, teamId: body.team_id, userId: event.user },
    question,
  );
}
