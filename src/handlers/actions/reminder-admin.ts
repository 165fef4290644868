import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildRemindersCard, REMINDER_ADMIN } from '../../blocks/reminders-card.js';
import { listItems } from '../../reminders/present.js';
import { ReminderError } from '../../reminders/reminder-store.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';
import { replySafely } from '../reply-safely.js';
import { clicked } from './payload.js';

export const actionId = /^reminder-admin:(pause|resume|delete|send)$/;

/** Pause, resume, delete and send-now on the admins' reminder list; the list is redrawn after, in the admin's language. */
export async function handle({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  await ack();
  const { action, teamId, userId } = clicked(body);
  const tell = (text: string) =>
    replySafely(deps.logger, 'a reminder admin reply', () => respond({ response_type: 'ephemeral', replace_original: false, text }));
  const admin = await deps.admins.isAdmin(client, userId);
  // Known now for most admins: the admin check has just read users.info.
  const language = knownLanguage(deps, userId);
  const say = deps.kb.say(language);
  if (!admin) return void (await tell(say('reminders.adminOnly')));
  const id = action?.value ?? '';
  const reminder = await deps.reminders.get(id);
  if (!reminder || reminder.teamId !== teamId) return void (await tell(say('reminders.gone')));
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
      case REMINDER_ADMIN.send: {
        const outcome = await deps.scheduler.sendNow(reminder);
        note = say(SEND_NOW_NOTES[outcome], { id });
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof ReminderError)) throw error;
    note = error.problem ? say(`reminders.error.${error.problem}`, error.values) : error.message;
  }
  const card = buildRemindersCard(await listItems(deps.reminders, teamId, deps.now(), { say, language }), say, note || undefined);
  await respond({ replace_original: true, text: card.text, blocks: card.blocks });
}

/** What "Send now" did, as the message that says so. */
const SEND_NOW_NOTES = {
  sent: 'reminders.sent',
  alreadyClaimed: 'reminders.alreadySending',
  failed: 'reminders.sendFailed',
  stopped: 'reminders.restarting',
} as const;
