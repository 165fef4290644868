import { DateTime } from 'luxon';
import type { ReminderListItem } from '../blocks/reminders-card.js';
import { relativeToNow } from '../format/relative-time.js';
import type { Reminder, ReminderStore } from './reminder-store.js';
import { describeSchedule } from './schedule.js';

/** "Monday 30 November 2026, 09:00 (in 1 day)", in the reminder's own zone. */
export function describeNextRun(reminder: Reminder, now: DateTime): string | null {
  if (!reminder.nextRunAt) return null;
  const at = DateTime.fromISO(reminder.nextRunAt, { zone: reminder.timezone });
  return `${at.toFormat('cccc d MMMM yyyy, HH:mm')} (${relativeToNow(at, now)})`;
}

/** The admins' list, with the acknowledgements on each reminder's latest message. */
export async function listItems(reminders: ReminderStore, teamId: string, now: DateTime): Promise<ReminderListItem[]> {
  const all = await reminders.list(teamId);
  return Promise.all(
    all.map(async (r) => {
      const latest = r.lastMessage;
      return {
        id: r.id,
        channelId: r.channelId,
        status: r.status,
        schedule: describeSchedule(r.schedule, r.timezone, r.until),
        next: describeNextRun(r, now),
        lastError: r.lastError,
        acknowledged: latest ? await reminders.countAcknowledgements(latest.channelId, latest.messageTs) : null,
        mentionHere: r.mentionHere,
        firstPostPending: r.lastMessage === null,
      };
    }),
  );
}
