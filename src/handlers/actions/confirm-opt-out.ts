import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../blocks/actions.js';
import { reminderIdOfBlock } from '../../blocks/reminder-card.js';
import { isLanguage } from '../../knowledge/languages.js';
import type { Deps } from '../deps.js';
import { publishHome } from '../events/app-home-opened.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.confirmOptOut;

/** "I've opted out": recorded once per person, wherever the button is; a reminder card then shows the new count. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId, inView } = clicked(body);
  const onReminder = reminderMessage(body, action?.block_id);
  const chosen = /^confirm:([a-z]{2})$/.exec(action?.value ?? '')?.[1];
  const language = isLanguage(chosen) ? chosen : 'en';
  const say = deps.kb.say(language);
  let reply: string;
  let countChanged = false;
  try {
    // The workspace's count goes on the card, so it is recorded before the card is updated.
    countChanged = await deps.store.confirmOptOut(teamId, userId, deps.now());
    if (onReminder) await deps.reminders.acknowledge(onReminder.channel, onReminder.ts, userId, deps.now());
    reply = say(countChanged ? 'thanks.optedOut' : 'thanks.alreadyOptedOut');
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record an opt-out confirmation');
    reply = say('sorry.notSaved');
  }
  try {
    if (inView) await publishHome(deps, client, teamId, userId);
    else await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not confirm the opt-out to the person');
  }
  // After the person's answer: under a burst of clicks (and Slack's 429s) this can take a while.
  if (onReminder && countChanged) {
    await deps.scheduler.showOptOuts({ channelId: onReminder.channel, messageTs: onReminder.ts }, onReminder.reminderId, teamId);
  }
}

/** The reminder message the button sits on, if it is one (its actions block is "reminder:<id>:<count>"). */
function reminderMessage(body: BlockAction, blockId: string | undefined): { reminderId: string; channel: string; ts: string } | null {
  const container = body.container as { type?: string; message_ts?: string; channel_id?: string } | undefined;
  const reminderId = reminderIdOfBlock(blockId);
  if (!reminderId || container?.type !== 'message' || !container.message_ts || !container.channel_id) return null;
  return { reminderId, channel: container.channel_id, ts: container.message_ts };
}
