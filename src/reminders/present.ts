import { DateTime } from 'luxon';
import type { ReminderListItem } from '../blocks/reminders-card.js';
import { relativeTo } from '../format/relative-time.js';
import type { Language } from '../knowledge/languages.js';
import type { Reminder, ReminderStore } from './reminder-store.js';
import { describeSchedule, type Wording } from './schedule.js';

/** "Monday 30 November 2026, 09:00 (in 1 day)", "Montag, 30. November 2026, 09:00 (morgen)": in the reminder's own zone. */
export function describeNextRun(reminder: Reminder, now: DateTime, language: Language = 'en'): string | null {
  if (!reminder.nextRunAt) return null;
  const at = DateTime.fromISO(reminder.nextRunAt, { zone: reminder.timezone });
  const day =
    language === 'en'
      ? at.toFormat('cccc d MMMM yyyy')
      : at.setLocale(language).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${day}, ${at.toFormat('HH:mm')} (${relativeTo(at, now, language)})`;
}

/** The admins' list, with the acknowledgements on each reminder's latest message; in English unless `wording` says otherwise. */
export async function listItems(reminders: ReminderStore, teamId: string, now: DateTime, wording?: Wording): Promise<ReminderListItem[]> {
  const all = await reminders.list(teamId);
  return Promise.all(
    all.map(async (r) => {
      const latest = r.lastMessage;
      return {
        id: r.id,
        channelId: r.channelId,
        status: r.status,
        schedule: describeSchedule(r.schedule, r.timezone, r.until, wording),
        next: describeNextRun(r, now, wording?.language),
        lastError: r.lastError,
        acknowledged: latest ? await reminders.countAcknowledgements(latest.channelId, latest.messageTs) : null,
        mentionHere: r.mentionHere,
        firstPostPending: r.lastMessage === null,
      };
    }),
  );
}
