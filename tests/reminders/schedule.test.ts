import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_FORMS,
  cronPattern,
  describeSchedule,
  type ParsedSchedule,
  parseSchedule,
  parseTime,
  ScheduleError,
} from '../../src/reminders/schedule.js';

/** The error parseSchedule throws for `text`, failing the test if it throws nothing or something else. */
function scheduleError(text: string): ScheduleError {
  try {
    parseSchedule(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    return error as ScheduleError;
  }
  throw new Error(`parseSchedule(${JSON.stringify(text)}) accepted a bad schedule`);
}

describe('parseSchedule: the accepted forms', () => {
  const cases: Array<[string, ParsedSchedule]> = [
    ['once 2026-12-01 09:00', { schedule: { kind: 'once', date: '2026-12-01', time: '09:00' }, timezone: null, until: null }],
    ['daily 09:00', { schedule: { kind: 'daily', time: '09:00' }, timezone: null, until: null }],
    ['weekdays 9am', { schedule: { kind: 'weekdays', time: '09:00' }, timezone: null, until: null }],
    ['weekly monday 09:00', { schedule: { kind: 'weekly', days: [1], time: '09:00' }, timezone: null, until: null }],
    ['every monday and thursday at 10:30', { schedule: { kind: 'weekly', days: [1, 4], time: '10:30' }, timezone: null, until: null }],
    ['weekdays 9am until 2027-01-31', { schedule: { kind: 'weekdays', time: '09:00' }, timezone: null, until: '2027-01-31' }],
    ['daily 09:00 Europe/Berlin', { schedule: { kind: 'daily', time: '09:00' }, timezone: 'Europe/Berlin', until: null }],
    [
      'every monday and thursday at 10:30 until 2027-01-31 Europe/Berlin',
      { schedule: { kind: 'weekly', days: [1, 4], time: '10:30' }, timezone: 'Europe/Berlin', until: '2027-01-31' },
    ],
    ['every day at 7:45pm', { schedule: { kind: 'daily', time: '19:45' }, timezone: null, until: null }],
    ['Mondays 9 am', { schedule: { kind: 'weekly', days: [1], time: '09:00' }, timezone: null, until: null }],
    ['weekdays at noon', { schedule: { kind: 'weekdays', time: '12:00' }, timezone: null, until: null }],
    ['daily noon America/New_York', { schedule: { kind: 'daily', time: '12:00' }, timezone: 'America/New_York', until: null }],
    ['daily midnight', { schedule: { kind: 'daily', time: '00:00' }, timezone: null, until: null }],
    ['every weekday at 8:15am UTC', { schedule: { kind: 'weekdays', time: '08:15' }, timezone: 'UTC', until: null }],
    ['Fridays and Tuesdays 5pm', { schedule: { kind: 'weekly', days: [2, 5], time: '17:00' }, timezone: null, until: null }],
    ['sun, wed 06:05', { schedule: { kind: 'weekly', days: [0, 3], time: '06:05' }, timezone: null, until: null }],
    ['2026-12-24 16:00', { schedule: { kind: 'once', date: '2026-12-24', time: '16:00' }, timezone: null, until: null }],
  ];

  it.each(cases)('reads %j', (text, expected) => {
    expect(parseSchedule(text)).toEqual(expected);
  });

  it('reads every complete example in ACCEPTED_FORMS (the list shown to people)', () => {
    const complete = ACCEPTED_FORMS.filter((f) => !f.startsWith('…'));
    expect(complete.length).toBeGreaterThanOrEqual(5);
    for (const form of complete) expect(() => parseSchedule(form), form).not.toThrow();
    // The fragments are meant to be appended to a complete form.
    for (const fragment of ACCEPTED_FORMS.filter((f) => f.startsWith('…'))) {
      const tail = fragment.replace(/^…\s*/, '').replace(/\s*\(.*\)$/, '');
      expect(() => parseSchedule(`daily 09:00 ${tail}`), fragment).not.toThrow();
    }
  });

  it('ignores case and extra spaces or commas', () => {
    expect(parseSchedule('  EVERY   Monday,  Thursday   AT 10:30PM ')).toEqual({
      schedule: { kind: 'weekly', days: [1, 4], time: '22:30' },
      timezone: null,
      until: null,
    });
  });

  it('keeps the days of the week in order, without repeats', () => {
    expect(parseSchedule('every sunday saturday monday sunday 09:00').schedule).toEqual({ kind: 'weekly', days: [0, 1, 6], time: '09:00' });
  });
});

describe('parseSchedule: schedules it refuses, each with a message that helps', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /needs a time.*09:00.*9am/],
    ['daily', /needs a time.*09:00.*9am/],
    ['weekly 09:00', /"weekly" needs a day.*weekly monday 09:00/],
    ['sometimes 9am', /don't understand "sometimes"/],
    ['daily 25:00', /"25:00"/],
    ['daily 9:75', /"9:75"/],
    ['once 09:00', /"once" needs a date.*YYYY-MM-DD/],
    ['daily 09:00 Mars/Base', /"Mars\/Base" is not a time zone.*Europe\/Berlin/],
    ['daily 09:00 until tomorrow', /"until" needs a date.*YYYY-MM-DD/],
    ['once 2026-02-30 09:00', /"2026-02-30"/],
    ['09:00', /Say how often/],
    ['noon', /Say how often/],
    ['daily monday 09:00', /"daily" already says which days/],
    ['once 2026-12-01 monday 09:00', /one-off reminder takes a date, not days/],
    ['daily 2026-12-01 09:00', /only goes with "once".*until 2026-12-01/],
    ['daily 09:00 until', /"until" needs a date/],
    ['weekdays 9', /"9"/],
    ['daily 13pm', /"13pm"/],
  ];

  it.each(cases)('refuses %j', (text, message) => {
    const error = scheduleError(text);
    expect(error.message).toMatch(message);
    // Always a sentence a person can act on, never an internal error.
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message).not.toMatch(/undefined|null|NaN|\[object/);
  });
});

describe('parseTime', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:30', '09:30'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['9am', '09:00'],
    ['9pm', '21:00'],
    ['9:30pm', '21:30'],
    ['12am', '00:00'],
    ['12:30am', '00:30'],
    ['12pm', '12:00'],
    ['12:45pm', '12:45'],
    ['1am', '01:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
  ])('reads %s as %s', (word, time) => {
    expect(parseTime(word)).toEqual({ time, consumedNext: false });
  });

  it('takes am/pm from the next word ("9 am"), saying it used it', () => {
    expect(parseTime('9', 'am')).toEqual({ time: '09:00', consumedNext: true });
    expect(parseTime('12', 'am')).toEqual({ time: '00:00', consumedNext: true });
    expect(parseTime('7:45', 'pm')).toEqual({ time: '19:45', consumedNext: true });
    // A suffix already there: the next word is not taken.
    expect(parseTime('9am', 'pm')).toEqual({ time: '09:00', consumedNext: false });
  });

  it.each(['13pm', '0am', '0pm', '24:00', '25:00', '9:60', '9:75', '9', '2027', '9:5', '9.30', 'nine', '', '-1:00', '12:00xm'])(
    'refuses %j',
    (word) => {
      expect(parseTime(word)).toBeNull();
    },
  );
});

describe('cronPattern and describeSchedule', () => {
  it('builds the cron pattern croner runs', () => {
    expect(cronPattern({ kind: 'daily', time: '09:05' })).toBe('5 9 * * *');
    expect(cronPattern({ kind: 'weekdays', time: '00:00' })).toBe('0 0 * * 1-5');
    expect(cronPattern({ kind: 'weekly', days: [1, 4], time: '22:30' })).toBe('30 22 * * 1,4');
  });

  it('describes each kind in words, with the zone and the last day', () => {
    expect(describeSchedule({ kind: 'once', date: '2026-12-01', time: '09:00' }, 'Europe/Berlin', null)).toBe(
      'once, on 1 December 2026 at 09:00 (Europe/Berlin)',
    );
    expect(describeSchedule({ kind: 'daily', time: '09:00' }, 'UTC', null)).toBe('every day at 09:00 (UTC)');
    expect(describeSchedule({ kind: 'weekdays', time: '09:00' }, 'Europe/Berlin', '2027-01-31')).toBe(
      'every weekday at 09:00 (Europe/Berlin), until 31 January 2027',
    );
    expect(describeSchedule({ kind: 'weekly', days: [1], time: '10:30' }, 'UTC', null)).toBe('every Monday at 10:30 (UTC)');
    expect(describeSchedule({ kind: 'weekly', days: [1, 4], time: '10:30' }, 'UTC', null)).toBe('every Monday and Thursday at 10:30 (UTC)');
    expect(describeSchedule({ kind: 'weekly', days: [0, 3, 5], time: '10:30' }, 'UTC', null)).toBe(
      'every Sunday, Wednesday and Friday at 10:30 (UTC)',
    );
  });

  it('describes what parseSchedule read back the way the person wrote it', () => {
    const p = parseSchedule('every monday and thursday at 10:30 until 2027-01-31 Europe/Berlin');
    expect(describeSchedule(p.schedule, p.timezone ?? 'UTC', p.until)).toBe(
      'every Monday and Thursday at 10:30 (Europe/Berlin), until 31 January 2027',
    );
  });
});

describe('parseSchedule: ambiguous input is refused, not guessed', () => {
  it.each([
    ['daily 9am 10am', /Two times given \(09:00 and 10:00\)/],
    ['daily 09:00 Europe/Berlin UTC', /Two time zones given/],
    ['once 2026-02-30 09:00', /"2026-02-30" is not a real date/],
    ['weekdays 9am until 2027-02-30', /"2027-02-30" is not a real date/],
    ['once 2026-12-01 09:00 until 2027-01-01', /"until" goes with a repeating schedule/],
  ])('%s', (text, message) => {
    expect(() => parseSchedule(text)).toThrow(ScheduleError);
    expect(() => parseSchedule(text)).toThrow(message);
  });

  it('reads "at 9" as 09:00, but not a bare number elsewhere', () => {
    expect(parseSchedule('daily at 9').schedule).toEqual({ kind: 'daily', time: '09:00' });
    expect(() => parseSchedule('daily 9')).toThrow(ScheduleError);
  });
});
