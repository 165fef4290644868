import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import { answerMessage } from './answer-message.js';
import { questionFromMessage } from './app-mention.js';
import { claim } from './claim.js';

export const eventType = 'message';

/** A direct message to the app: answered in the DM. */
export async function handle({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  // Only new messages people write in the app's DM: not edits, deletions, bots or the app itself.
  if (event.channel_type !== 'im' || event.subtype !== undefined) return;
  if ('bot_id' in event && event.bot_id) return;
  if (!('user' in event) || !event.user || event.user === context.botUserId) return;
  const startedAt = performance.now();
  if (!(await claim(deps, body))) return;
  const text = 'text' in event && typeof event.text === 'string' ? event.text : '';
  await answerMessage(
    deps,
    client,
    { channel: event.channel, teamId: body.team_id, userId: event.user, surface: 'dm', startedAt },
    questionFromMessage(text, context.botUserId),
  );
}
