import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/blocks/limits.js';
import { buildRemindersCard, REMINDER_ADMIN, type ReminderListItem } from '../../src/blocks/reminders-card.js';
import { say } from '../support/say.js';

type Json = Record<string, unknown>;

function item(overrides: Partial<ReminderListItem> = {}): ReminderListItem {
  return {
    id: 'r0123456789',
    channelId: 'C0123ABCD',
    status: 'active',
    schedule: 'every Monday at 09:00 (Europe/Berlin), until 31 January 2027',
    next: 'Monday 7 December 2026, 09:00 (in 4 days)',
    lastError: null,
    acknowledged: null,
    mentionHere: false,
    firstPostPending: true,
    ...overrides,
  };
}

function elements(card: ReturnType<typeof buildRemindersCard>): Json[] {
  return (card.blocks as unknown as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
}

const byAction = (card: ReturnType<typeof buildRemindersCard>, actionId: string) => elements(card).find((e) => e.action_id === actionId);
const confirmOf = (e: Json | undefined) => e?.confirm as { title: Json; text: Json; confirm: Json; deny: Json; style?: string } | undefined;

describe('buildRemindersCard', () => {
  it('"Send now" asks first, naming the reminder and its channel', () => {
    const confirm = confirmOf(byAction(buildRemindersCard([item()], say), REMINDER_ADMIN.send));
    expect(confirm?.title.text).toBe('Send this reminder now?');
    expect(confirm?.text.text).toBe('Reminder *r0123456789* is posted to <#C0123ABCD> now, besides its schedule.');
    expect(confirm?.confirm.text).toBe('Send now');
    expect(confirm?.deny.text).toBe('Cancel');
  });

  it('"Send now" says when it would be the @here post, and when it replaces an earlier post', () => {
    const text = (overrides: Partial<ReminderListItem>) =>
      confirmOf(byAction(buildRemindersCard([item(overrides)], say), REMINDER_ADMIN.send))?.text.text as string;
    expect(text({ mentionHere: true })).toContain('notifies the channel with @here');
    expect(text({ mentionHere: true, firstPostPending: false })).not.toContain('@here');
    expect(text({ firstPostPending: false })).toContain('Its previous post there shrinks to one line.');
  });

  it('"Delete" is a danger button that asks first, with a danger confirmation', () => {
    const remove = byAction(buildRemindersCard([item()], say), REMINDER_ADMIN.delete);
    expect(remove?.style).toBe('danger');
    const confirm = confirmOf(remove);
    expect(confirm).toMatchObject({
      title: { text: 'Delete this reminder?' },
      confirm: { text: 'Delete' },
      deny: { text: 'Keep it' },
      style: 'danger',
    });
    expect(confirm?.text.text).toContain('r0123456789');
  });

  it('pause and resume ask nothing, and "Resume" is not a green primary button, also on a failed reminder', () => {
    for (const status of ['active', 'paused', 'failed'] as const) {
      const card = buildRemindersCard([item({ status, lastError: status === 'failed' ? 'channel_not_found' : null })], say);
      const toggle = elements(card)[0];
      expect(toggle?.action_id).toBe(status === 'active' ? REMINDER_ADMIN.pause : REMINDER_ADMIN.resume);
      expect(toggle?.style).toBeUndefined();
      expect(toggle?.confirm).toBeUndefined();
    }
  });

  it('says @here pings on the first post only', () => {
    const text = JSON.stringify(buildRemindersCard([item({ mentionHere: true })], say).blocks);
    expect(text).toContain('@here on the first post only');
    expect(JSON.stringify(buildRemindersCard([item()], say).blocks)).not.toContain('@here');
  });

  it('keeps the message and every dialog within Slack’s limits, also with 30 reminders', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      item({ id: `r${i.toString(16).padStart(10, '0')}`, mentionHere: i % 2 === 0, firstPostPending: i % 3 === 0 }),
    );
    const card = buildRemindersCard(many, say, 'Sent r1 now.');
    expect(limitViolations(card)).toEqual([]);
    for (const e of elements(card)) {
      const confirm = confirmOf(e);
      if (!confirm) continue;
      expect((confirm.title.text as string).length).toBeLessThanOrEqual(100);
      expect((confirm.text.text as string).length).toBeLessThanOrEqual(300);
      expect((confirm.confirm.text as string).length).toBeLessThanOrEqual(30);
      expect((confirm.deny.text as string).length).toBeLessThanOrEqual(30);
    }
  });
});
