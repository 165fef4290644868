import type { ConfirmationDialog, KnownBlock } from '@slack/types';
import type { Say } from '../format/messages.js';
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

/** Each state's mark; its word is the message `reminders.status.<state>`. */
const STATUS_MARK = { active: '🟢', paused: '⏸️', failed: '🔴', done: '✔️' } as const;
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
 * The admins' list of reminders, each with pause/resume, send now and delete, in the admin's language
 * (`say`). The two that act at once on a channel or for good ask first. Delete stays a button: an
 * overflow menu has one confirm for all its options, which would also stop pause and resume, or could
 * not say which action it asks about.
 */
export function buildRemindersCard(items: ReminderListItem[], say: Say, notice?: string): SlackMessage {
  const room = Math.floor((LIMITS.blocksPerMessage - 4) / PER_REMINDER_BLOCKS);
  const shown = items.slice(0, room);
  const blocks: KnownBlock[] = [header(say('reminders.header', { count: items.length }))];
  if (notice) blocks.push(context(`ℹ️ ${escapeMrkdwn(notice)}`));
  if (items.length === 0) blocks.push(section(say('reminders.none')));
  for (const r of shown) {
    const id = escapeMrkdwn(r.id);
    const lines = [
      [say('reminders.where', { id, channel: channel(r) }), `${STATUS_MARK[r.status]} ${say(`reminders.status.${r.status}`)}`, r.mentionHere ? say('reminders.hereFirst') : null]
        .filter(Boolean)
        .join(' · '),
      escapeMrkdwn(r.schedule),
      r.next && r.status === 'active' ? say('reminders.next', { next: escapeMrkdwn(r.next) }) : null,
      r.acknowledged !== null ? say('reminders.acknowledged', { count: r.acknowledged }) : null,
      r.lastError ? `⚠️ ${escapeMrkdwn(r.lastError)}` : null,
    ].filter(Boolean);
    blocks.push(section(lines.join('\n')));
    // Resuming is no more the main action than pausing: no green button for it.
    const toggle = r.status === 'active' ? button(say('reminders.pause'), REMINDER_ADMIN.pause, r.id) : button(say('reminders.resume'), REMINDER_ADMIN.resume, r.id);
    const send = {
      ...button(say('reminders.send'), REMINDER_ADMIN.send, r.id),
      confirm: confirmDialog(
        say('reminders.send.title'),
        [say('reminders.send.text', { id, channel: channel(r) }), sendNowEffect(r, say)].filter(Boolean).join(' '),
        say('reminders.send'),
        say('reminders.cancel'),
      ),
    };
    const remove = {
      ...button(say('reminders.delete'), REMINDER_ADMIN.delete, r.id, 'danger'),
      confirm: confirmDialog(say('reminders.delete.title'), say('reminders.delete.text', { id, channel: channel(r) }), say('reminders.delete'), say('reminders.keep'), true),
    };
    blocks.push(...actions([toggle, send, remove], `reminder-admin:${r.id}`));
  }
  if (items.length > shown.length) blocks.push(context(say('reminders.more', { count: items.length - shown.length })));
  return enforceLimits({ text: notice ? escapeMrkdwn(notice) : say('reminders.text', { count: items.length }), blocks });
}

/** What else "Send now" does, said in its confirmation; empty when nothing. */
function sendNowEffect(r: ReminderListItem, say: Say): string {
  if (!r.firstPostPending) return say('reminders.send.replaces');
  return r.mentionHere ? say('reminders.send.here') : '';
}

/** The channel as a Slack link; an id that is not one shows as an unknown channel rather than as text. */
function channel(r: ReminderListItem): string {
  return `<#${CHANNEL_ID.test(r.channelId) ? r.channelId : 'C0'}>`;
}
