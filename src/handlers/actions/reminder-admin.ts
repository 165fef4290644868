import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildRemindersCard, REMINDER_ADMIN } from '../../blocks/reminders-card.js';
import { listItems } from '../../reminders/present.js';
import { ReminderError } from '../../reminders/reminder-store.js';
import type { Deps } from '../deps.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = /^reminder-admin:(pause|resume|delete|send)$/;

/** Pause, resume, delete and send-now on the admins' reminder list; the list is redrawn after. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId } = clicked(body);
  const say = (text: string) =>
    replySafely(deps.logger, 'a reminder admin reply', () => respond({ response_type: 'ephemeral', replace_original: false, text }));
  if (!(await deps.admins.isAdmin(client, userId))) return void (await say('🔒 Only admins can manage reminders.'));
  const id = action?.value ?? '';
  const reminder = await deps.reminders.get(id);
  if (!reminder || reminder.teamId !== teamId) return void (await say('That reminder no longer exists.'));
  let note = '';
  try {
    switch (action?.action_id) {
      case REMINDER_ADMIN.pause:
        await deps.reminders.pause(id, deps.now());
        break;
      case REMINDER_ADMIN.resume:
        await deps.reminders.resume(id, deps.now());
        break;
      case REMINDER_ADMIN.delete:
        await deps.reminders.remove(id);
        break;
      case REMINDER_ADMIN.send:
        note = {
          sent: `Sent ${id} now.`,
          alreadyClaimed: `${id} is being sent already.`,
          failed: `Sending ${id} failed; see its error below.`,
          stopped: `The app is restarting, so ${id} was not sent; try again in a minute.`,
        }[
          await deps.scheduler.sendNow(reminder)
        ];
        break;
    }
  } catch (error) {
    if (!(error instanceof ReminderError)) throw error;
    note = error.message;
  }
  const card = buildRemindersCard(await listItems(deps.reminders, teamId, deps.now()), note || undefined);
  await respond({ replace_original: true, text: card.text, blocks: card.blocks });
}
