import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn, quoteUserText } from '../../blocks/mrkdwn.js';
import { buildRemindersCard } from '../../blocks/reminders-card.js';
import { CHANNEL_ID } from '../../blocks/slack-ids.js';
import { isLanguage, LANGUAGES, type Language, languageName } from '../../knowledge/languages.js';
import { describeNextRun, listItems } from '../../reminders/present.js';
import { ReminderError } from '../../reminders/reminder-store.js';
import { ACCEPTED_FORMS, describeSchedule, type ParsedSchedule, parseSchedule, ScheduleError } from '../../reminders/schedule.js';
import type { Deps } from '../deps.js';

interface Asker {
  teamId: string;
  userId: string;
}

const NOT_ADMIN = "🔒 Only workspace admins and owners (and the people the app's operators name) can manage reminders. Ask your privacy team.";

/** Reads "<#C123|general> weekly monday 9am <!here> lang:de" into a channel id, the schedule text, the @here flag and the card's language. */
export function parseRemindArgs(
  text: string,
): { channelId: string; scheduleText: string; mentionHere: boolean; language: Language | null } | { error: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words.shift() ?? '';
  const id = /^<#([A-Z0-9]+)(\|[^>]*)?>$/.exec(first)?.[1] ?? first;
  if (!CHANNEL_ID.test(id)) {
    return {
      error: first.startsWith('#')
        ? `Pick the channel from Slack's list as you type # so I get its id (I received “${quoteUserText(first, 80)}”).`
        : 'Start with the channel, for example `/linkedin-ai remind #general weekdays 9am`.',
    };
  }
  let mentionHere = false;
  let language: Language | null = null;
  let wrongLanguage: string | null = null;
  const rest = words.filter((w) => {
    if (/^(<!here(\|[^>]*)?>|@here)$/i.test(w)) {
      mentionHere = true;
      return false;
    }
    const lang = /^lang:(.*)$/i.exec(w)?.[1];
    if (lang === undefined) return true;
    if (isLanguage(lang.toLowerCase())) language = lang.toLowerCase() as Language;
    else wrongLanguage = lang;
    return false;
  });
  if (wrongLanguage !== null)
    return { error: `I can post reminders in ${LANGUAGES.join(', ')} (for example \`lang:de\`), not “${quoteUserText(wrongLanguage, 20)}”.` };
  return { channelId: id, scheduleText: rest.join(' '), mentionHere, language };
}

export async function remind(deps: Deps, client: WebClient, asker: Asker, text: string, respond: RespondFn): Promise<void> {
  const reply = (t: string, extra: object = {}) => respond({ response_type: 'ephemeral', text: t, ...extra });
  if (!(await deps.admins.isAdmin(client, asker.userId))) return void (await reply(NOT_ADMIN));
  const args = parseRemindArgs(text);
  if ('error' in args) return void (await reply(`${args.error}\n${formsHelp()}`));
  let parsed: ParsedSchedule;
  try {
    parsed = parseSchedule(args.scheduleText);
  } catch (error) {
    if (error instanceof ScheduleError) return void (await reply(`🗓️ ${escapeMrkdwn(error.message)}\n${formsHelp()}`));
    throw error;
  }
  const timezone = parsed.timezone ?? (await userTimezone(deps, client, asker.userId));
  try {
    const reminder = await deps.reminders.create(
      {
        teamId: asker.teamId,
        channelId: args.channelId,
        createdBy: asker.userId,
        schedule: parsed.schedule,
        timezone,
        until: parsed.until,
        mentionHere: args.mentionHere,
        language: args.language,
      },
      deps.now(),
    );
    await reply(
      `✅ Reminder *${reminder.id}* set for <#${reminder.channelId}>: ${escapeMrkdwn(describeSchedule(reminder.schedule, reminder.timezone, reminder.until))}${reminder.mentionHere ? ', with @here on the first post only' : ''}${reminder.language ? `, in ${languageName(reminder.language)}` : ''}.\nNext: ${escapeMrkdwn(describeNextRun(reminder, deps.now()) ?? 'never')}. Manage it with \`/linkedin-ai reminders\`.`,
    );
  } catch (error) {
    if (error instanceof ReminderError) return void (await reply(`🗓️ ${escapeMrkdwn(error.message)}`));
    throw error;
  }
}

export async function listReminders(deps: Deps, client: WebClient, asker: Asker, respond: RespondFn): Promise<void> {
  if (!(await deps.admins.isAdmin(client, asker.userId))) {
    await respond({ response_type: 'ephemeral', text: NOT_ADMIN });
    return;
  }
  const card = buildRemindersCard(await listItems(deps.reminders, asker.teamId, deps.now()));
  await respond({ response_type: 'ephemeral', ...card });
}

function formsHelp(): string {
  return `*Schedules I understand:*\n${ACCEPTED_FORMS.map((f) => `• \`${f}\``).join('\n')}\nAdd \`@here\` to notify the channel on the first post only.`;
}

/** The person's own Slack time zone, else UTC. */
async function userTimezone(deps: Deps, client: WebClient, userId: string): Promise<string> {
  return (await deps.admins.timezone(client, userId)) ?? 'UTC';
}
