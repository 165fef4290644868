import type { KnownBlock } from '@slack/types';
import { joinWithAnd } from '../format/words.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { actions, confirmOptOutButton, context, header, numberedSteps, section, settingButton } from './parts.js';

export interface ReminderCardInput {
  reminderId: string;
  /** Names of the regions the 3 November 2025 change brought in. */
  newRegions: string[];
  /** "3 November 2025 (about a year ago)". */
  since: string;
  /** Since when members elsewhere have been covered ("2024"). */
  elsewhereSince: string;
  /** How to opt out, one Markdown step each (the opt-out topic's steps). */
  optOutSteps: string[];
  settingUrl: string;
  acknowledged: number;
  mentionHere: boolean;
}

export const REMINDER_BLOCK_PREFIX = 'reminder:';

/** The reminder id in a reminder card's block_id ("reminder:<id>:<count>"), or null. */
export function reminderIdOfBlock(blockId: string | undefined): string | null {
  if (!blockId?.startsWith(REMINDER_BLOCK_PREFIX)) return null;
  return blockId.slice(REMINDER_BLOCK_PREFIX.length).split(':')[0] || null;
}

/** The scheduled reminder: what changed and since when, what to do, the setting, and who has done it. */
export function buildReminderCard(input: ReminderCardInput): SlackMessage {
  const regions = joinWithAnd(input.newRegions);
  const ping = input.mentionHere ? '<!here> ' : '';
  const n = input.acknowledged;
  const blocks: KnownBlock[] = [
    header('🔔 Check your LinkedIn AI-training setting'),
    section(
      `${ping}Since *${escapeMrkdwn(input.since)}*, LinkedIn has used data from members in ${escapeMrkdwn(regions)} to train its content-generating AI, unless they opt out. Members elsewhere have been covered since ${escapeMrkdwn(input.elsewhereSince)}. The setting is *on* by default.`,
    ),
    section(
      `*What to do (about a minute; the button below opens the setting):*\n${numberedSteps(input.optOutSteps, "if you do not want your data used, then press *✅ I've opted out* so the team knows.")}`,
    ),
    // A new block_id whenever the count changes, as Slack asks of updated messages.
    ...actions([settingButton(input.settingUrl), confirmOptOutButton()], `${REMINDER_BLOCK_PREFIX}${input.reminderId}:${n}`),
    context(
      `✅ *${n} ${n === 1 ? 'person has' : 'people have'}* confirmed opting out`,
      'Opting out stops future training only. Questions? Ask `/linkedin-ai` anything.',
    ),
  ];
  return enforceLimits({ text: `${ping}Reminder: check your LinkedIn "Data for Generative AI Improvement" setting.`, blocks });
}
