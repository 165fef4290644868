import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ACTIONS } from '../../blocks/actions.js';
import { REMINDER_BLOCK_PREFIX } from '../../blocks/reminder-card.js';
import type { Deps } from '../deps.js';
import { publishHome } from '../events/app-home-opened.js';
import { clicked } from './payload.js';

export const actionId = ACTIONS.confirmOptOut;

/** "✅ I've opted out": recorded once per person, wherever the button is. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId, inView } = clicked(body);
  const onReminder = reminderMessage(body, action?.block_id);
  let reply: string;
  try {
    if (onReminder) await updateReminderCount(deps, client, onReminder, userId);
    const first = await deps.store.confirmOptOut(teamId, userId, deps.now());
    reply = first ? "✅ Noted: you've opted out. Thank you!" : "✅ You'd already told me you opted out. Nothing more to do.";
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record an opt-out confirmation');
    reply = "Sorry, I couldn't record that just now. Please try again in a moment.";
  }
  try {
    if (inView) await publishHome(deps, client, teamId, userId);
    else await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not confirm the opt-out to the person');
  }
}

interface ReminderMessage {
  reminderId: string;
  channel: string;
  ts: string;
}

/** The reminder message the button sits on, if it is one (its actions block is "reminder:<id>"). */
function reminderMessage(body: BlockAction, blockId: string | undefined): ReminderMessage | null {
  const container = body.container as { type?: string; message_ts?: string; channel_id?: string } | undefined;
  if (!blockId?.startsWith(REMINDER_BLOCK_PREFIX) || container?.type !== 'message' || !container.message_ts || !container.channel_id) return null;
  return { reminderId: blockId.slice(REMINDER_BLOCK_PREFIX.length), channel: container.channel_id, ts: container.message_ts };
}

/**
 * Counts the person once on this reminder message and shows the new count on it. Clicks can race:
 * after an update the count is read again and, if it moved, the message is updated again.
 */
async function updateReminderCount(deps: Deps, client: WebClient, m: ReminderMessage, userId: string): Promise<void> {
  const first = await deps.reminders.acknowledge(m.channel, m.ts, userId, deps.now());
  if (!first) return;
  // A deleted reminder's messages still count, without @here.
  const reminder = await deps.reminders.get(m.reminderId);
  let shown = -1;
  for (let i = 0; i < 3; i++) {
    const count = await deps.reminders.countAcknowledgements(m.channel, m.ts);
    if (count === shown) return;
    const card = deps.scheduler.card(reminder ?? { id: m.reminderId, mentionHere: false }, count);
    try {
      await client.chat.update({ channel: m.channel, ts: m.ts, text: card.text, blocks: card.blocks });
    } catch (error) {
      deps.logger.warn({ err: error, channel: m.channel }, 'could not update the count on a reminder');
      return;
    }
    shown = count;
  }
}
