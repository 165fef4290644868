import type { KnownBlock } from '@slack/types';
import { listIn, type Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { actions, confirmOptOutButton, context, header, numberedSteps, section, settingButton } from './parts.js';

export interface ReminderCardInput {
  reminderId: string;
  /** Short names of the regions the latest change brought in ("the EU/EEA", "the UK"). */
  newRegions: string[];
  /** "3 November 2025 (about a year ago)". */
  since: string;
  /** Since when members elsewhere have been covered ("2024"). */
  elsewhereSince: string;
  /** How to opt out, one Markdown step each (the opt-out topic's steps). */
  optOutSteps: string[];
  settingUrl: string;
  /** Everyone in the workspace who confirmed opting out, wherever they said so. */
  optedOut: number;
  /** Only a reminder's first post pings the channel. */
  mentionHere: boolean;
  /** The reminder's language: its sentences, and how it lists the regions. */
  language: Language;
  say: Say;
}

export const REMINDER_BLOCK_PREFIX = 'reminder:';

/** The reminder id in a reminder card's block_id ("reminder:<id>:<count>"), or null. */
export function reminderIdOfBlock(blockId: string | undefined): string | null {
  if (!blockId?.startsWith(REMINDER_BLOCK_PREFIX)) return null;
  return blockId.slice(REMINDER_BLOCK_PREFIX.length).split(':')[0] || null;
}

/** The scheduled reminder: what changed and since when, what to do, the setting, and who has done it. */
export function buildReminderCard(input: ReminderCardInput): SlackMessage {
  const { say } = input;
  const regions = listIn(input.language, input.newRegions);
  const ping = input.mentionHere ? '<!here> ' : '';
  const n = input.optedOut;
  const setting = say('button.setting');
  const optedOut = say('button.optedOut');
  const blocks: KnownBlock[] = [
    header(say('reminder.header')),
    section(
      `${ping}${say('reminder.lead', { since: escapeMrkdwn(input.since), regions: escapeMrkdwn(regions), elsewhere: escapeMrkdwn(input.elsewhereSince) })}`,
    ),
    section(`${say('reminder.todo', { setting })}\n${numberedSteps(input.optOutSteps, say('reminder.then', { button: optedOut }))}`),
    // A new block_id whenever the count changes, as Slack asks of updated messages.
    ...actions([settingButton(input.settingUrl, setting), confirmOptOutButton(optedOut, input.language)], `${REMINDER_BLOCK_PREFIX}${input.reminderId}:${n}`),
    // No count while it is 0: "nobody has done it" talks people out of doing it.
    context(n > 0 ? say('reminder.count', { count: n }) : '', say('reminder.footer')),
  ];
  return enforceLimits({
    text: `${ping}${say('reminder.text')}`,
    blocks,
  });
}

/** What an earlier reminder message becomes once a newer one is posted: one line, no buttons. */
export function buildReplacedReminderCard(latestUrl: string | null, say: Say): SlackMessage {
  // A permalink from Slack, but checked: anything else inside <…|…> could break the line.
  const label = say('reminder.replacedLink');
  const link = latestUrl && /^https:\/\/[^\s<>|]+$/.test(latestUrl) ? `<${latestUrl}|${label}>` : label;
  return enforceLimits({ text: say('reminder.replacedText'), blocks: [context(say('reminder.replaced', { link }))] });
}
