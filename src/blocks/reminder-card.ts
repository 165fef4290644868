import type { KnownBlock } from '@slack/types';
import { joinWithAnd } from '../format/words.js';
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
}

export const REMINDER_BLOCK_PREFIX = 'reminder:';

/** The reminder id in a reminder card's block_id ("reminder:<id>:<count>"), or null. */
export function reminderIdOfBlock(blockId: string | undefined): string | null {
  if (!blockId?.startsWith(REMINDER_BLOCK_PREFIX)) return null;
  return blockId.slice(REMINDER_BLOCK_PREFIX.length).split(':')[0] || null;
}

/** "1 person has", "37 people have". */
export function peopleHave(n: number): string {
  return n === 1 ? '1 person has' : `${n.toLocaleString('en-GB')} people have`;
}

/** The scheduled reminder: what changed and since when, what to do, the setting, and who has done it. */
export function buildReminderCard(input: ReminderCardInput): SlackMessage {
  const regions = joinWithAnd(input.newRegions);
  const ping = input.mentionHere ? '<!here> ' : '';
  const n = input.optedOut;
  const blocks: KnownBlock[] = [
    header('Check your LinkedIn AI-training setting'),
    section(
      `${ping}Since *${escapeMrkdwn(input.since)}*, LinkedIn has used data from members in ${escapeMrkdwn(regions)} to train its content-generating AI, unless they opt out. Members elsewhere have been covered since ${escapeMrkdwn(input.elsewhereSince)}. The setting is *on* by default.`,
    ),
    section(
      `*What to do (about a minute):* press *Open LinkedIn setting* to go straight to it, or:\n${numberedSteps(input.optOutSteps, "if you do not want your data used, then press *I've opted out* so the team knows.")}`,
    ),
    // A new block_id whenever the count changes, as Slack asks of updated messages.
    ...actions([settingButton(input.settingUrl), confirmOptOutButton()], `${REMINDER_BLOCK_PREFIX}${input.reminderId}:${n}`),
    // No count while it is 0: "nobody has done it" talks people out of doing it.
    context(
      n > 0 ? `✅ *${peopleHave(n)} confirmed opting out* across the workspace` : '',
      'Opting out stops future training only. Questions? Ask `/linkedin-ai` anything.',
    ),
  ];
  return enforceLimits({
    text: `${ping}Reminder: check your LinkedIn "Data for Generative AI Improvement" setting, which is on by default.`,
    blocks,
  });
}

/** What an earlier reminder message becomes once a newer one is posted: one line, no buttons. */
export function buildReplacedReminderCard(latestUrl: string | null): SlackMessage {
  // A permalink from Slack, but checked: anything else inside <…|…> could break the line.
  const link = latestUrl && /^https:\/\/[^\s<>|]+$/.test(latestUrl) ? `<${latestUrl}|newer reminder>` : 'newer reminder';
  return enforceLimits({
    text: 'This LinkedIn AI-training reminder was replaced by a newer one.',
    blocks: [context(`This reminder was replaced by a ${link} about the LinkedIn AI-training setting.`)],
  });
}
