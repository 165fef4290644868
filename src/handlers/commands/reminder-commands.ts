import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn, quoteUserText } from '../../blocks/mrkdwn.js';
import { buildRemindersCard } from '../../blocks/reminders-card.js';
import { CHANNEL_ID } from '../../blocks/slack-ids.js';
import type { Say } from '../../format/messages.js';
import { isLanguage, LANGUAGES, type Language, languageName } from '../../knowledge/languages.js';
import { describeNextRun, listItems } from '../../reminders/present.js';
import { ReminderError } from '../../reminders/reminder-store.js';
import { ACCEPTED_FORMS, describeSchedule, type ParsedSchedule, parseSchedule, ScheduleError } from '../../reminders/schedule.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';

interface Asker {
  teamId: string;
  userId: string;
}

/** Reads "<#C123|general> weekly monday 9am <!here> lang:de" into a channel id, the schedule text, the @here flag and the card's language; an error is said with `say`. */
export function parseRemindArgs(
  text: string,
  say: Say,
): { channelId: string; scheduleText: string; mentionHere: boolean; language: Language | null } | { error: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words.shift() ?? '';
  const id = /^<#([A-Z0-9]+)(\|[^>]*)?>$/.exec(first)?.[1] ?? first;
  if (!CHANNEL_ID.test(id)) {
    return { error: first.startsWith('#') ? say('reminders.pickChannel', { typed: quoteUserText(first, 80) }) : say('reminders.startWithChannel') };
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
  if (wrongLanguage !== null) return { error: say('reminders.badLanguage', { languages: LANGUAGES.join(', '), typed: quoteUserText(wrongLanguage, 20) }) };
  return { channelId: id, scheduleText: rest.join(' '), mentionHere, language };
}

/**
 * The admin's language for a reply, read when the reply is made: the admin check and the time-zone
 * lookup may have just learnt it from Slack.
 */
function sayFor(deps: Deps, userId: string): Say {
  return deps.kb.say(knownLanguage(deps, userId));
}

export async function remind(deps: Deps, client: WebClient, asker: Asker, text: string, respond: RespondFn): Promise<void> {
  const reply = (t: string, extra: object = {}) => respond({ response_type: 'ephemeral', text: t, ...extra });
  if (!(await deps.admins.isAdmin(client, asker.userId))) return void (await reply(sayFor(deps, asker.userId)('reminders.notAdmin')));
  const args = parseRemindArgs(text, sayFor(deps, asker.userId));
  if ('error' in args) return void (await reply(`${args.error}\n${formsHelp(sayFor(deps, asker.userId))}`));
  let parsed: ParsedSchedule;
  try {
    parsed = parseSchedule(args.scheduleText);
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    const say = sayFor(deps, asker.userId);
    return void (await reply(`🗓️ ${escapeMrkdwn(say(`schedule.error.${error.problem}`, error.values))}\n${formsHelp(say)}`));
  }
  const timezone = parsed.timezone ?? (await userTimezone(deps, client, asker.userId));
  const language = knownLanguage(deps, asker.userId);
  const say = deps.kb.say(language);
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
    const extras = [
      reminder.mentionHere ? say('reminders.set.here') : '',
      reminder.language ? say('reminders.set.language', { language: languageName(reminder.language) }) : '',
    ].join('');
    const schedule = escapeMrkdwn(describeSchedule(reminder.schedule, reminder.timezone, reminder.until, { say, language }));
    const next = escapeMrkdwn(describeNextRun(reminder, deps.now(), language) ?? say('reminders.never'));
    await reply(`${say('reminders.set', { id: reminder.id, channel: `<#${reminder.channelId}>`, schedule, extras })}\n${say('reminders.set.next', { next })}`);
  } catch (error) {
    if (!(error instanceof ReminderError)) throw error;
    return void (await reply(`🗓️ ${escapeMrkdwn(error.problem ? say(`reminders.error.${error.problem}`, error.values) : error.message)}`));
  }
}

export async function listReminders(deps: Deps, client: WebClient, asker: Asker, respond: RespondFn): Promise<void> {
  const admin = await deps.admins.isAdmin(client, asker.userId);
  const language = knownLanguage(deps, asker.userId);
  const say = deps.kb.say(language);
  if (!admin) {
    await respond({ response_type: 'ephemeral', text: say('reminders.notAdmin') });
    return;
  }
  const card = buildRemindersCard(await listItems(deps.reminders, asker.teamId, deps.now(), { say, language }), say);
  await respond({ response_type: 'ephemeral', ...card });
}

/** Every schedule form, as typed (the syntax stays English), and what the options do, in the admin's language. */
function formsHelp(say: Say): string {
  return say('reminders.forms', { forms: ACCEPTED_FORMS.map((f) => `• \`${f}\``).join('\n') });
}

/** The person's own Slack time zone, else UTC. */
async function userTimezone(deps: Deps, client: WebClient, userId: string): Promise<string> {
  return (await deps.admins.timezone(client, userId)) ?? 'UTC';
}
