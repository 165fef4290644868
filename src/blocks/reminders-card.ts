import type { KnownBlock } from '@slack/types';
import { enforceLimits, LIMITS, type SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { actions, button, context, header, section } from './parts.js';
import { CHANNEL_ID } from './slack-ids.js';

export const REMINDER_ADMIN = {
  pause: 'reminder-admin:pause',
  resume: 'reminder-admin:resume',
  delete: 'reminder-admin:delete',
  send: 'reminder-admin:send',
} as const;

export interface ReminderListItem {
  id: string;
  channelId: string;
  status: 'active' | 'paused' | 'failed' | 'done';
  /** "every weekday at 09:00 (Europe/Berlin)". */
  schedule: string;
  /** "Monday 30 November 2026, 09:00 (in 1 day)", or null. */
  next: string | null;
  lastError: string | null;
  /** People who pressed "I've opted out" on its latest message. */
  acknowledged: number | null;
  mentionHere: boolean;
}

const STATUS = { active: '🟢 active', paused: '⏸️ paused', failed: '🔴 failed', done: '✔️ done' } as const;
const PER_REMINDER_BLOCKS = 2;

/** The admins' list of reminders, each with pause/resume, delete and send-now buttons. */
export function buildRemindersCard(items: ReminderListItem[], notice?: string): SlackMessage {
  const room = Math.floor((LIMITS.blocksPerMessage - 4) / PER_REMINDER_BLOCKS);
  const shown = items.slice(0, room);
  const blocks: KnownBlock[] = [header(`Reminders (${items.length})`)];
  if (notice) blocks.push(context(`ℹ️ ${escapeMrkdwn(notice)}`));
  if (items.length === 0) blocks.push(section('No reminders yet. Create one with `/linkedin-ai remind #channel weekdays 9am`.'));
  for (const r of shown) {
    const lines = [
      `*${escapeMrkdwn(r.id)}* in <#${CHANNEL_ID.test(r.channelId) ? r.channelId : 'C0'}> · ${STATUS[r.status]}${r.mentionHere ? ' · @here' : ''}`,
      escapeMrkdwn(r.schedule),
      r.next && r.status === 'active' ? `Next: ${escapeMrkdwn(r.next)}` : null,
      r.acknowledged !== null ? `✅ ${r.acknowledged} confirmed on the latest message` : null,
      r.lastError ? `⚠️ ${escapeMrkdwn(r.lastError)}` : null,
    ].filter(Boolean);
    blocks.push(section(lines.join('\n')));
    const toggle = r.status === 'active' ? button('Pause', REMINDER_ADMIN.pause, r.id) : button('Resume', REMINDER_ADMIN.resume, r.id, 'primary');
    const remove = {
      ...button('Delete', REMINDER_ADMIN.delete, r.id, 'danger'),
      confirm: {
        title: { type: 'plain_text' as const, text: 'Delete this reminder?' },
        text: { type: 'mrkdwn' as const, text: `Reminder ${escapeMrkdwn(r.id)} will stop and be deleted.` },
        confirm: { type: 'plain_text' as const, text: 'Delete' },
        deny: { type: 'plain_text' as const, text: 'Keep it' },
        style: 'danger' as const,
      },
    };
    blocks.push(...actions([toggle, button('Send now', REMINDER_ADMIN.send, r.id), remove], `reminder-admin:${r.id}`));
  }
  if (items.length > shown.length)
    blocks.push(context(`${items.length - shown.length} more not shown: use \`npm run reminders -- list\` on the server.`));
  return enforceLimits({ text: notice ? escapeMrkdwn(notice) : `Reminders: ${items.length}`, blocks });
}
