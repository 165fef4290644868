import type { ConfirmationDialog, KnownBlock } from '@slack/types';
import { enforceLimits, LIMITS, type SlackMessage, truncate } from './limits.js';
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
  /** Nothing posted yet: the next post, "send now" included, is the one @here pings. */
  firstPostPending: boolean;
}

const STATUS = { active: '🟢 active', paused: '⏸️ paused', failed: '🔴 failed', done: '✔️ done' } as const;
const PER_REMINDER_BLOCKS = 2;

/** A confirmation dialog, within Slack's limits for one. */
function confirmDialog(title: string, mrkdwn: string, confirm: string, deny: string, danger = false): ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: truncate(title, LIMITS.confirmTitle) },
    text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.confirmText) },
    confirm: { type: 'plain_text', text: truncate(confirm, LIMITS.confirmButton) },
    deny: { type: 'plain_text', text: truncate(deny, LIMITS.confirmButton) },
    ...(danger ? { style: 'danger' as const } : {}),
  };
}

/**
 * The admins' list of reminders, each with pause/resume, send now and delete. The two that act at
 * once on a channel or for good ask first. Delete stays a button: an overflow menu has one confirm
 * for all its options, which would also stop pause and resume, or could not say which action it asks about.
 */
export function buildRemindersCard(items: ReminderListItem[], notice?: string): SlackMessage {
  const room = Math.floor((LIMITS.blocksPerMessage - 4) / PER_REMINDER_BLOCKS);
  const shown = items.slice(0, room);
  const blocks: KnownBlock[] = [header(`Reminders (${items.length})`)];
  if (notice) blocks.push(context(`ℹ️ ${escapeMrkdwn(notice)}`));
  if (items.length === 0)
    blocks.push(section('No reminders yet. Create one with `/linkedin-ai remind #channel weekly monday 9am`, ended by `until` and a date.'));
  for (const r of shown) {
    const lines = [
      `*${escapeMrkdwn(r.id)}* in ${channel(r)} · ${STATUS[r.status]}${r.mentionHere ? ' · @here on the first post only' : ''}`,
      escapeMrkdwn(r.schedule),
      r.next && r.status === 'active' ? `Next: ${escapeMrkdwn(r.next)}` : null,
      r.acknowledged !== null ? `✅ ${r.acknowledged} confirmed on the latest message` : null,
      r.lastError ? `⚠️ ${escapeMrkdwn(r.lastError)}` : null,
    ].filter(Boolean);
    blocks.push(section(lines.join('\n')));
    // Resuming is no more the main action than pausing: no green button for it.
    const toggle = r.status === 'active' ? button('Pause', REMINDER_ADMIN.pause, r.id) : button('Resume', REMINDER_ADMIN.resume, r.id);
    const send = {
      ...button('Send now', REMINDER_ADMIN.send, r.id),
      confirm: confirmDialog(
        'Send this reminder now?',
        `Reminder *${escapeMrkdwn(r.id)}* is posted to ${channel(r)} now, besides its schedule.${sendNowEffect(r)}`,
        'Send now',
        'Cancel',
      ),
    };
    const remove = {
      ...button('Delete', REMINDER_ADMIN.delete, r.id, 'danger'),
      confirm: confirmDialog(
        'Delete this reminder?',
        `Reminder *${escapeMrkdwn(r.id)}* for ${channel(r)} stops and is deleted. Messages already posted stay.`,
        'Delete',
        'Keep it',
        true,
      ),
    };
    blocks.push(...actions([toggle, send, remove], `reminder-admin:${r.id}`));
  }
  if (items.length > shown.length)
    blocks.push(context(`${items.length - shown.length} more not shown: use \`npm run reminders -- list\` on the server.`));
  return enforceLimits({ text: notice ? escapeMrkdwn(notice) : `Reminders: ${items.length}`, blocks });
}

/** What else "Send now" does, said in its confirmation. */
function sendNowEffect(r: ReminderListItem): string {
  if (!r.firstPostPending) return ' Its previous post there shrinks to one line.';
  return r.mentionHere ? ' It is its first post, so it notifies the channel with @here.' : '';
}

/** The channel as a Slack link; an id that is not one shows as an unknown channel rather than as text. */
function channel(r: ReminderListItem): string {
  return `<#${CHANNEL_ID.test(r.channelId) ? r.channelId : 'C0'}>`;
}
