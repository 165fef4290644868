import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { CHANNEL_ID } from '../blocks/slack-ids.js';
import { describeNextRun } from '../reminders/present.js';
import { type Reminder, ReminderError, ReminderStore } from '../reminders/reminder-store.js';
import { describeSchedule, type Schedule } from '../reminders/schedule.js';
import { Store } from '../store/store.js';
import { type CliIo, fail, isMainModule, runAsScript, runMain } from './common.js';

const USAGE = `Usage: npm run reminders -- COMMAND   (uses DATABASE_URL, default sqlite:./data/linkedin-ai.sqlite)

  add --channel CHANNEL_ID --at ISO-8601 [--every daily|weekdays|weekly] [--tz ZONE] [--until ISO-8601] [--here] [--team TEAM_ID] [--by USER_ID]
  list [--json]
  pause ID | resume ID | remove ID

--at is the first time (in --tz, default UTC, unless it carries an offset); --every repeats it at the same
local time; without --every it is sent once. --here notifies the channel with @here on the first post only.
Example:
  npm run reminders -- add --channel C0123456789 --at 2026-12-01T09:00 --every weekly --until 2027-01-31 --tz Europe/Berlin`;

const DAYS = { daily: null, weekdays: null, weekly: null } as const;

/** `npm run reminders`: returns the exit code. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runMain(io, () => main(argv, io));
}

async function main(argv: string[], { stdout, env = process.env }: CliIo): Promise<number | undefined> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      channel: { type: 'string' },
      at: { type: 'string' },
      every: { type: 'string' },
      tz: { type: 'string' },
      until: { type: 'string' },
      here: { type: 'boolean', default: false },
      team: { type: 'string', default: 'T_CLI' },
      by: { type: 'string', default: 'U_CLI' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, id] = positionals;
  if (values.help || !command) {
    stdout.write(`${USAGE}\n`);
    return !command && !values.help ? 2 : 0;
  }
  const store = await Store.open(env.DATABASE_URL || 'sqlite:./data/linkedin-ai.sqlite');
  const reminders = new ReminderStore(store.db);
  try {
    switch (command) {
      case 'add':
        print(stdout, await reminders.create(newReminder(values), DateTime.utc()), values.json);
        break;
      case 'list': {
        const all = await reminders.list();
        if (values.json) stdout.write(`${JSON.stringify(all.map(toJson), null, 2)}\n`);
        else if (all.length === 0) stdout.write('No reminders.\n');
        else for (const r of all) print(stdout, r, false);
        break;
      }
      case 'pause':
      case 'resume':
      case 'remove': {
        if (!id) fail(`${command} needs a reminder id (see npm run reminders -- list).`);
        if (command === 'remove') {
          await reminders.remove(id);
          stdout.write(`Removed ${id}.\n`);
        } else print(stdout, await reminders[command](id, DateTime.utc()), values.json);
        break;
      }
      default:
        fail(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof ReminderError) fail(error.message, 1);
    throw error;
  } finally {
    await store.close();
  }
}

function newReminder(v: Record<string, string | boolean | undefined>) {
  const channel = String(v.channel ?? '');
  if (!CHANNEL_ID.test(channel)) fail(`--channel "${channel}" is not a Slack channel id (like C0123456789).`);
  const tz = String(v.tz ?? 'UTC');
  if (!IANAZone.isValidZone(tz)) fail(`--tz "${tz}" is not a time zone (use a name such as Europe/Berlin).`);
  const at = DateTime.fromISO(String(v.at ?? ''), { zone: tz });
  if (!v.at || !at.isValid) fail(`--at "${v.at ?? ''}" is not an ISO 8601 time (for example 2026-12-01T09:00).`);
  const local = at.setZone(tz);
  const time = local.toFormat('HH:mm');
  const every = v.every === undefined ? null : String(v.every);
  if (every !== null && !(every in DAYS)) fail(`--every "${every}" must be daily, weekdays or weekly.`);
  let until: string | null = null;
  if (v.until !== undefined) {
    const u = DateTime.fromISO(String(v.until), { zone: tz });
    if (!u.isValid) fail(`--until "${v.until}" is not an ISO 8601 date (for example 2027-01-31).`);
    until = u.toISODate();
  }
  const schedule: Schedule =
    every === 'daily'
      ? { kind: 'daily', time }
      : every === 'weekdays'
        ? { kind: 'weekdays', time }
        : every === 'weekly'
          ? { kind: 'weekly', days: [local.weekday % 7], time }
          : { kind: 'once', date: local.toISODate() ?? '', time };
  return {
    teamId: String(v.team),
    channelId: channel,
    createdBy: String(v.by),
    schedule,
    timezone: tz,
    until,
    mentionHere: v.here === true,
    notBefore: local,
  };
}

function toJson(r: Reminder) {
  return {
    id: r.id,
    channel: r.channelId,
    status: r.status,
    nextRunAt: r.nextRunAt,
    lastRunAt: r.lastRunAt,
    lastError: r.lastError,
    schedule: describeSchedule(r.schedule, r.timezone, r.until),
    timezone: r.timezone,
    until: r.until,
    mentionHere: r.mentionHere,
    createdBy: r.createdBy,
  };
}

function print(stdout: CliIo['stdout'], r: Reminder, json: boolean | undefined): void {
  if (json) {
    stdout.write(`${JSON.stringify(toJson(r))}\n`);
    return;
  }
  const next = describeNextRun(r, DateTime.utc());
  stdout.write(
    `${r.id}  ${r.channelId}  ${r.status.padEnd(6)}  ${describeSchedule(r.schedule, r.timezone, r.until)}${r.mentionHere ? '  @here on the first post only' : ''}${next && r.status === 'active' ? `  next: ${next}` : ''}${r.lastError ? `  error: ${r.lastError}` : ''}\n`,
  );
}

if (isMainModule(import.meta.url)) {
  // A .env file is read only by the script, not by a test that imports run().
  await import('dotenv/config');
  runAsScript(run);
}
