import type { KnownBlock } from '@slack/types';
import { enforceLimits, type SlackMessage } from './limits.js';
import { joinWithAnd } from './words.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { actions, confirmOptOutButton, context, header, section, settingButton } from './parts.js';

export interface ReminderCardInput {
  reminderId: string;
  /** Names of the regions the 3 November 2025 change brought in. */
  newRegions: string[];
  /** "3 November 2025 (about a year ago)". */
  since: string;
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
      `${ping}Since *${escapeMrkdwn(input.since)}*, LinkedIn has used data from members in ${escapeMrkdwn(regions)} to train its content-generating AI, unless they opt out. Members elsewhere have been covered since 2024. The setting is *on* by default.`,
    ),
    section(
      "*What to do (about a minute):*\n1. Open the setting with the button below (or LinkedIn → *Me → Settings & Privacy → Data privacy → Data for Generative AI Improvement*).\n2. Turn off *Use my data for training content creation AI models* if you do not want your data used.\n3. Press *✅ I've opted out* so the team knows.",
    ),
    // A new block_id whenever the count changes, as Slack asks of updated messages.
    ...actions([settingButton(), confirmOptOutButton()], `${REMINDER_BLOCK_PREFIX}${input.reminderId}:${n}`),
    context(
      `✅ *${n} ${n === 1 ? 'person has' : 'people have'}* confirmed opting out`,
      'Opting out stops future training only. Questions? Ask `/linkedin-ai` anything.',
    ),
  ];
  return enforceLimits({ text: `${ping}Reminder: check your LinkedIn "Data for Generative AI Improvement" setting.`, blocks });
}
