import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { describeNextRun } from '../../src/reminders/present.js';
import { type Reminder, ReminderError } from '../../src/reminders/reminder-store.js';
import { describeSchedule, SCHEDULE_PROBLEMS, type Schedule, ScheduleError } from '../../src/reminders/schedule.js';
import { say as english, sayIn } from '../support/say.js';

// What the admins read about a reminder (its schedule, its next run, what is wrong with a schedule), in their language.
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
const SCHEDULES: Array<[Schedule, string | null]> = [
  [{ kind: 'once', date: '2026-12-01', time: '09:00' }, null],
  [{ kind: 'daily', time: '09:00' }, null],
  [{ kind: 'weekdays', time: '09:00' }, '2027-01-31'],
  [{ kind: 'weekly', days: [1], time: '10:30' }, null],
  [{ kind: 'weekly', days: [0, 3, 5], time: '10:30' }, '2027-01-31'],
];

describe('a schedule in words', () => {
  it('in English from messages.yml is word for word the built-in English (the server CLI\'s)', () => {
    for (const [schedule, until] of SCHEDULES) {
      expect(describeSchedule(schedule, 'Europe/Berlin', until, { say: english, language: 'en' })).toBe(describeSchedule(schedule, 'Europe/Berlin', until));
    }
  });

  it.each([
    ['fr', 'chaque lundi et jeudi à 10:30 (Europe/Berlin), jusqu\'au 31 janvier 2027', 'du lundi au vendredi à 09:00 (UTC)'],
    ['de', 'jeden Montag und Donnerstag um 10:30 (Europe/Berlin), bis zum 31. Januar 2027', 'montags bis freitags um 09:00 (UTC)'],
    ['es', 'cada lunes y jueves a las 10:30 (Europe/Berlin), hasta el 31 de enero de 2027', 'de lunes a viernes a las 09:00 (UTC)'],
    ['it', 'ogni lunedì e giovedì alle 10:30 (Europe/Berlin), fino al 31 gennaio 2027', 'dal lunedì al venerdì alle 09:00 (UTC)'],
    ['nl', 'elke maandag en donderdag om 10:30 (Europe/Berlin), tot en met 31 januari 2027', 'elke werkdag om 09:00 (UTC)'],
    ['pt', 'toda semana (segunda-feira e quinta-feira) às 10:30 (Europe/Berlin), até 31 de janeiro de 2027', 'de segunda a sexta às 09:00 (UTC)'],
  ] as const)('%s: days, dates and the zone in the language', (language, weekly, weekdays) => {
    const wording = { say: sayIn(language), language };
    expect(describeSchedule({ kind: 'weekly', days: [1, 4], time: '10:30' }, 'Europe/Berlin', '2027-01-31', wording)).toBe(weekly);
    expect(describeSchedule({ kind: 'weekdays', time: '09:00' }, 'UTC', null, wording)).toBe(weekdays);
  });

  it.each(OTHERS)('%s: every kind says something other than English, keeping the time and the zone', (language) => {
    for (const [schedule, until] of SCHEDULES) {
      const text = describeSchedule(schedule, 'Europe/Berlin', until, { say: sayIn(language), language });
      expect(text).not.toBe(describeSchedule(schedule, 'Europe/Berlin', until));
      expect(text).toContain(schedule.time);
      expect(text).toContain('(Europe/Berlin)');
      if (until) expect(text).toContain('2027');
    }
  });
});

describe('the next run in words', () => {
  const reminder = { nextRunAt: '2026-11-30T08:00:00.000Z', timezone: 'Europe/Berlin' } as Reminder;
  const now = DateTime.fromISO('2026-11-29T12:00:00Z');

  it.each([
    ['en', 'Monday 30 November 2026, 09:00 (in 1 day)'],
    ['de', 'Montag, 30. November 2026, 09:00 (morgen)'],
    ['fr', 'lundi 30 novembre 2026, 09:00 (demain)'],
    ['es', 'lunes, 30 de noviembre de 2026, 09:00 (mañana)'],
    ['it', 'lunedì 30 novembre 2026, 09:00 (domani)'],
    ['nl', 'maandag 30 november 2026, 09:00 (morgen)'],
    ['pt', 'segunda-feira, 30 de novembro de 2026, 09:00 (amanhã)'],
  ] as const)('%s: %s', (language, text) => {
    expect(describeNextRun(reminder, now, language)).toBe(text);
  });
});

describe('what is wrong with a schedule', () => {
  const values = { date: '2026-02-30', zone: 'Mars/Base', first: '09:00', second: '10:00', word: 'sometimes', kind: 'daily' };

  it('in English from messages.yml is word for word the error\'s own message', () => {
    for (const problem of SCHEDULE_PROBLEMS) expect(english(`schedule.error.${problem}`, values)).toBe(new ScheduleError(problem, values).message);
    const none = new ReminderError('That schedule has no time left to run: the date or the "until" day is already past.', 'noTimeLeft');
    expect(english('reminders.error.noTimeLeft')).toBe(none.message);
    expect(english('reminders.error.notFound', { id: 'r1' })).toBe('There is no reminder r1.');
  });

  it.each(OTHERS)('%s: each problem is said in the language, with what was typed', (language) => {
    const say = sayIn(language);
    for (const problem of SCHEDULE_PROBLEMS) {
      const text = say(`schedule.error.${problem}`, values);
      expect(text, problem).not.toBe(english(`schedule.error.${problem}`, values));
      for (const [name, value] of Object.entries(values)) if (english(`schedule.error.${problem}`, values).includes(value)) expect(text, `${problem} ${name}`).toContain(value);
    }
  });
});
