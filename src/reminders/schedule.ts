import { Cron } from 'croner';
import { DateTime, IANAZone } from 'luxon';
import { listIn, type Say } from '../format/messages.js';
import { dateLabel } from '../format/relative-time.js';
import { joinWithAnd } from '../format/words.js';
import type { Language } from '../knowledge/languages.js';

/** A schedule as people write it, parsed. Days are 0 (Sunday) to 6 (Saturday), as in cron. */
export type Schedule =
  | { kind: 'once'; date: string; time: string }
  | { kind: 'daily'; time: string }
  | { kind: 'weekdays'; time: string }
  | { kind: 'weekly'; days: number[]; time: string };

export interface ParsedSchedule {
  schedule: Schedule;
  /** IANA zone named in the text, if any (else the caller's default). */
  timezone: string | null;
  /** Last day (inclusive, in the reminder's zone), YYYY-MM-DD. */
  until: string | null;
}

export const ACCEPTED_FORMS = [
  'once 2026-12-01 09:00',
  'daily 09:00',
  'weekdays 9am',
  'weekly monday 09:00',
  'every monday and thursday at 10:30',
  '… until 2027-01-31',
  '… Europe/Berlin',
];

const DAY_NAMES: Record<string, number> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};
const FILLER = new Set(['at', 'on', 'and', 'every', 'each', 'from', 'the', '&']);

/**
 * What can be wrong with a schedule, in English (the message of a ScheduleError). The app says it in
 * the admin's language from messages.yml, `schedule.error.<problem>`, with the same values.
 */
const PROBLEMS = {
  notDate: ({ date }) => `"${date}" is not a real date.`,
  untilNeedsDate: () => '"until" needs a date written YYYY-MM-DD, for example until 2027-01-31.',
  unknownZone: ({ zone }) => `"${zone}" is not a time zone I know. Use a name such as Europe/Berlin or America/New_York.`,
  twoZones: ({ first, second }) => `Two time zones given (${first} and ${second}); give one.`,
  twoTimes: ({ first, second }) => `Two times given (${first} and ${second}); give one.`,
  notUnderstood: ({ word }) => `I don't understand "${word}".`,
  needsTime: () => 'The schedule needs a time, for example 09:00 or 9am.',
  onceNeedsDate: () => '"once" needs a date written YYYY-MM-DD, for example once 2026-12-01 09:00.',
  onceNoDays: () => 'A one-off reminder takes a date, not days of the week.',
  onceNoUntil: () => '"until" goes with a repeating schedule; a one-off reminder runs once anyway.',
  dateOnlyOnce: ({ date }) => `A date (${date}) only goes with "once"; for a last day write "until ${date}".`,
  kindHasDays: ({ kind }) => `"${kind}" already says which days; leave out the day names.`,
  weeklyNeedsDay: () => '"weekly" needs a day, for example weekly monday 09:00.',
  howOften: () => 'Say how often: once, daily, weekdays, weekly, or every monday and thursday.',
} satisfies Record<string, (values: Record<string, string>) => string>;
export type ScheduleProblem = keyof typeof PROBLEMS;
export const SCHEDULE_PROBLEMS = Object.keys(PROBLEMS) as ScheduleProblem[];

export class ScheduleError extends Error {
  override name = 'ScheduleError';

  /** `problem` and `values` say it again in another language: the message `schedule.error.<problem>` with the same values. */
  constructor(
    readonly problem: ScheduleProblem,
    readonly values: Record<string, string> = {},
  ) {
    super(PROBLEMS[problem](values));
  }
}

/**
 * Reads "daily 09:00", "weekdays 9am", "every monday and thursday at 10:30", "once 2026-12-01 09:00",
 * each optionally with "until 2027-01-31" and a time zone. Throws ScheduleError saying what is wrong.
 */
export function parseSchedule(text: string): ParsedSchedule {
  const words = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  let kind: 'once' | 'daily' | 'weekdays' | 'weekly' | null = null;
  let time: string | null = null;
  let date: string | null = null;
  let until: string | null = null;
  let timezone: string | null = null;
  const days = new Set<number>();

  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? '';
    const word = raw.toLowerCase();
    const next = words[i + 1]?.toLowerCase();
    if (/^\d{4}-\d{2}-\d{2}$/.test(word) && !isDate(word)) throw new ScheduleError('notDate', { date: raw });
    if (word === 'until' || word === 'till') {
      if (next && /^\d{4}-\d{2}-\d{2}$/.test(next) && !isDate(next)) throw new ScheduleError('notDate', { date: next });
      if (!next || !isDate(next)) throw new ScheduleError('untilNeedsDate');
      until = next;
      i++;
    } else if (raw.includes('/') || word === 'utc') {
      const zone = word === 'utc' ? 'UTC' : raw;
      if (!IANAZone.isValidZone(zone))
        throw new ScheduleError('unknownZone', { zone: raw });
      if (timezone) throw new ScheduleError('twoZones', { first: timezone, second: zone });
      timezone = zone;
    } else if (word === 'once') kind = 'once';
    else if (word === 'daily' || (word === 'every' && (next === 'day' || next === 'days'))) {
      kind = 'daily';
      if (word === 'every') i++;
    } else if (word === 'weekdays' || word === 'weekday' || (word === 'every' && (next === 'weekday' || next === 'weekdays'))) {
      kind = 'weekdays';
      if (word === 'every') i++;
    } else if (word === 'weekly') kind = 'weekly';
    else if (isDate(word)) date = word;
    else if (parseTime(word, next) || (words[i - 1]?.toLowerCase() === 'at' && /^\d{1,2}$/.test(word) && Number(word) < 24)) {
      // "at 9" means 09:00; a bare number elsewhere is not a time.
      const parsed = parseTime(word, next) ?? { time: `${word.padStart(2, '0')}:00`, consumedNext: false };
      if (time) throw new ScheduleError('twoTimes', { first: time, second: parsed.time });
      time = parsed.time;
      if (parsed.consumedNext) i++;
    } else if (dayOf(word) !== null) days.add(dayOf(word) as number);
    else if (!FILLER.has(word)) throw new ScheduleError('notUnderstood', { word: raw });
  }

  if (!time) throw new ScheduleError('needsTime');
  if (kind === 'once' || (kind === null && date)) {
    if (!date) throw new ScheduleError('onceNeedsDate');
    if (days.size) throw new ScheduleError('onceNoDays');
    if (until) throw new ScheduleError('onceNoUntil');
    return { schedule: { kind: 'once', date, time }, timezone, until: null };
  }
  if (date) throw new ScheduleError('dateOnlyOnce', { date });
  if (kind === 'daily' || kind === 'weekdays') {
    if (days.size) throw new ScheduleError('kindHasDays', { kind });
    return { schedule: { kind, time }, timezone, until };
  }
  if (days.size === 0)
    throw new ScheduleError(kind === 'weekly' ? 'weeklyNeedsDay' : 'howOften');
  return { schedule: { kind: 'weekly', days: [...days].sort(), time }, timezone, until };
}

function isDate(word: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(word) && DateTime.fromISO(word).isValid;
}

function dayOf(word: string): number | null {
  for (const w of [word, word.replace(/s$/, '')]) if (Object.hasOwn(DAY_NAMES, w)) return DAY_NAMES[w] ?? null;
  return null;
}

/** "09:00", "9:30", "9am", "9:30pm", "9 am", "noon", "midnight" → "HH:mm". */
export function parseTime(word: string, next?: string): { time: string; consumedNext: boolean } | null {
  if (word === 'noon') return { time: '12:00', consumedNext: false };
  if (word === 'midnight') return { time: '00:00', consumedNext: false };
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(word);
  if (!m) return null;
  let suffix = m[3];
  let consumedNext = false;
  if (!suffix && (next === 'am' || next === 'pm')) {
    suffix = next;
    consumedNext = true;
  }
  // A bare number is a time only with am/pm ("9am") or minutes ("9:00"); "2027" is not a time.
  if (!m[2] && !suffix) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (minute > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, consumedNext };
}

/** The cron pattern for a recurring schedule (minute hour * * days). */
export function cronPattern(schedule: Exclude<Schedule, { kind: 'once' }>): string {
  const [h, m] = schedule.time.split(':').map(Number);
  const days = schedule.kind === 'daily' ? '*' : schedule.kind === 'weekdays' ? '1-5' : schedule.days.join(',');
  return `${m} ${h} * * ${days}`;
}

/**
 * The first occurrence strictly after `after`, in the reminder's zone (croner handles the clock
 * changes: a time that does not exist that day runs once, just after the clocks jump; a time that
 * happens twice runs once, the first time).
 * Null when there is none left (a one-off already past, or past `until`).
 */
export function nextOccurrence(schedule: Schedule, timezone: string, until: string | null, after: DateTime): DateTime | null {
  let next: DateTime | null;
  if (schedule.kind === 'once') {
    // Through croner too (a yearly pattern from the day before), so a one-off and a daily reminder
    // at the same clock time land on the same instant on the days the clocks change.
    const day = DateTime.fromISO(schedule.date, { zone: timezone });
    const [h, m] = schedule.time.split(':').map(Number);
    const run = new Cron(`${m} ${h} ${day.day} ${day.month} *`, { timezone }).nextRun(day.minus({ days: 1 }).toJSDate());
    const at = run ? DateTime.fromJSDate(run, { zone: timezone }) : null;
    next = at?.hasSame(day, 'year') && at > after ? at : null;
  } else {
    const run = new Cron(cronPattern(schedule), { timezone }).nextRun(after.toJSDate());
    next = run ? DateTime.fromJSDate(run, { zone: timezone }) : null;
  }
  if (next && until) {
    const last = DateTime.fromISO(until, { zone: timezone }).endOf('day');
    if (next > last) return null;
  }
  return next;
}

const DAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** How a schedule is put into words other than the built-in English: the admin's language and its sentences. */
export interface Wording {
  say: Say;
  language: Language;
}

/**
 * "every Monday and Thursday at 10:30 (Europe/Berlin), until 31 January 2027". Without `wording`, in
 * English (the server's CLI); with it, from messages.yml (`schedule.*`) in the wording's language.
 */
export function describeSchedule(schedule: Schedule, timezone: string, until: string | null, wording?: Wording): string {
  if (wording) return describeIn(wording, schedule, timezone, until);
  let text: string;
  switch (schedule.kind) {
    case 'once':
      text = `once, on ${DateTime.fromISO(schedule.date).toFormat('d MMMM yyyy')} at ${schedule.time}`;
      break;
    case 'daily':
      text = `every day at ${schedule.time}`;
      break;
    case 'weekdays':
      text = `every weekday at ${schedule.time}`;
      break;
    case 'weekly': {
      const names = schedule.days.map((d) => DAY_LABELS[d] ?? '?');
      text = `every ${joinWithAnd(names)} at ${schedule.time}`;
    }
  }
  return `${text} (${timezone})${until ? `, until ${DateTime.fromISO(until).toFormat('d MMMM yyyy')}` : ''}`;
}

function describeIn({ say, language }: Wording, schedule: Schedule, zone: string, until: string | null): string {
  const { time } = schedule;
  let text: string;
  switch (schedule.kind) {
    case 'once':
      text = say('schedule.once', { date: dateLabel(schedule.date, language), time });
      break;
    case 'daily':
    case 'weekdays':
      text = say(`schedule.${schedule.kind}`, { time });
      break;
    case 'weekly':
      text = say('schedule.weekly', { days: listIn(language, schedule.days.map((d) => dayName(d, language))), time });
  }
  return until ? say('schedule.until', { schedule: text, zone, date: dateLabel(until, language) }) : say('schedule.zone', { schedule: text, zone });
}

/** "Monday", "lundi", "Montag": the language's own name for a day (0 is Sunday). */
function dayName(day: number, language: Language): string {
  if (language === 'en') return DAY_LABELS[day] ?? '?';
  // 1 January 2023 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}
