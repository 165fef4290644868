import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, type Schedule } from '../../src/reminders/schedule.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** Every occurrence from `from` (exclusive) up to `to`, chaining nextOccurrence as the scheduler does. */
function occurrences(schedule: Schedule, zone: string, from: string, to: string, until: string | null = null): DateTime[] {
  const end = utc(to);
  const out: DateTime[] = [];
  let after: DateTime<boolean> = utc(from);
  for (let i = 0; i < 1000; i++) {
    const next = nextOccurrence(schedule, zone, until, after);
    if (!next || next > end) break;
    expect(next > after, 'each occurrence is strictly after the previous one').toBe(true);
    out.push(next);
    after = next;
  }
  return out;
}

const local = (t: DateTime, zone: string) => t.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
const instant = (t: DateTime) => t.toUTC().toISO();

describe('a daily 09:00 reminder keeps 09:00 local time across the clock changes', () => {
  const daily: Schedule = { kind: 'daily', time: '09:00' };

  it('Europe/London, spring forward on 29 March 2026: 09:00Z in winter, 08:00Z in summer', () => {
    const runs = occurrences(daily, 'Europe/London', '2026-03-27T12:00:00Z', '2026-03-31T00:00:00Z');
    expect(runs.map((t) => local(t, 'Europe/London'))).toEqual(['2026-03-28 09:00', '2026-03-29 09:00', '2026-03-30 09:00']);
    expect(runs.map(instant)).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    // The DateTime comes back in the reminder's zone.
    expect(runs.map((t) => [t.zoneName, t.hour, t.minute])).toEqual([
      ['Europe/London', 9, 0],
      ['Europe/London', 9, 0],
      ['Europe/London', 9, 0],
    ]);
  });

  it('Europe/London, fall back on 25 October 2026: 08:00Z in summer, 09:00Z in winter', () => {
    const runs = occurrences(daily, 'Europe/London', '2026-10-23T12:00:00Z', '2026-10-27T00:00:00Z');
    expect(runs.map((t) => local(t, 'Europe/London'))).toEqual(['2026-10-24 09:00', '2026-10-25 09:00', '2026-10-26 09:00']);
    expect(runs.map(instant)).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('America/New_York, spring forward on 8 March 2026: 14:00Z in winter, 13:00Z in summer', () => {
    const runs = occurrences(daily, 'America/New_York', '2026-03-06T18:00:00Z', '2026-03-10T00:00:00Z');
    expect(runs.map((t) => local(t, 'America/New_York'))).toEqual(['2026-03-07 09:00', '2026-03-08 09:00', '2026-03-09 09:00']);
    expect(runs.map(instant)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('America/New_York, fall back on 1 November 2026: 13:00Z in summer, 14:00Z in winter', () => {
    const runs = occurrences(daily, 'America/New_York', '2026-10-30T18:00:00Z', '2026-11-03T00:00:00Z');
    expect(runs.map((t) => local(t, 'America/New_York'))).toEqual(['2026-10-31 09:00', '2026-11-01 09:00', '2026-11-02 09:00']);
    expect(runs.map(instant)).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });
});

describe('a time that does not exist that day (the clocks jump over it) runs once, right after the jump', () => {
  it('01:30 Europe/London on 29 March 2026 (01:00 GMT → 02:00 BST)', () => {
    const schedule: Schedule = { kind: 'daily', time: '01:30' };
    const runs = occurrences(schedule, 'Europe/London', '2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z');
    const days = runs.map((t) => t.setZone('Europe/London').toISODate());
    expect(days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    const onTheDay = runs[1] as DateTime;
    // Not before the jump (01:00Z), and no later than where 01:30 would have been had the clocks been
    // moved first (02:30 BST = 01:30Z): a sensible instant, on the right day, once.
    expect(onTheDay >= utc('2026-03-29T01:00:00Z')).toBe(true);
    expect(onTheDay <= utc('2026-03-29T01:30:00Z')).toBe(true);
    expect(instant(onTheDay)).toBe('2026-03-29T01:00:00.000Z');
    // The days either side are at 01:30 local as usual.
    expect(instant(runs[0] as DateTime)).toBe('2026-03-28T01:30:00.000Z');
    expect(instant(runs[2] as DateTime)).toBe('2026-03-30T00:30:00.000Z');
  });

  it('02:30 America/New_York on 8 March 2026 (02:00 EST → 03:00 EDT)', () => {
    const schedule: Schedule = { kind: 'daily', time: '02:30' };
    const runs = occurrences(schedule, 'America/New_York', '2026-03-06T12:00:00Z', '2026-03-10T12:00:00Z');
    expect(runs.map((t) => t.setZone('America/New_York').toISODate())).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    const onTheDay = runs[1] as DateTime;
    expect(onTheDay >= utc('2026-03-08T07:00:00Z')).toBe(true);
    expect(onTheDay <= utc('2026-03-08T07:30:00Z')).toBe(true);
    expect(local(onTheDay, 'America/New_York')).toBe('2026-03-08 03:00');
    expect(instant(runs[0] as DateTime)).toBe('2026-03-07T07:30:00.000Z');
    expect(instant(runs[2] as DateTime)).toBe('2026-03-09T06:30:00.000Z');
  });

  it('also for a weekly reminder on the day of the change', () => {
    const runs = occurrences({ kind: 'weekly', days: [0], time: '01:30' }, 'Europe/London', '2026-03-21T12:00:00Z', '2026-04-06T00:00:00Z');
    expect(runs.map(instant)).toEqual(['2026-03-22T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  it('a one-off at a time that does not exist runs once, that day, after the jump', () => {
    const runs = occurrences({ kind: 'once', date: '2026-03-29', time: '01:30' }, 'Europe/London', '2026-03-27T12:00:00Z', '2026-04-30T00:00:00Z');
    expect(runs).toHaveLength(1);
    const at = runs[0] as DateTime;
    expect(at.setZone('Europe/London').toISODate()).toBe('2026-03-29');
    expect(at >= utc('2026-03-29T01:00:00Z')).toBe(true);
    expect(at <= utc('2026-03-29T01:30:00Z')).toBe(true);
  });
});

describe('a time that happens twice that day (the clocks go back over it) runs exactly once', () => {
  it('01:30 Europe/London on 25 October 2026 (01:30 BST and 01:30 GMT)', () => {
    const runs = occurrences({ kind: 'daily', time: '01:30' }, 'Europe/London', '2026-10-23T12:00:00Z', '2026-10-27T12:00:00Z');
    const days = runs.map((t) => t.setZone('Europe/London').toISODate());
    expect(days).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(days.filter((d) => d === '2026-10-25')).toHaveLength(1);
    const onTheDay = runs[1] as DateTime;
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(instant(onTheDay));
    expect(local(onTheDay, 'Europe/London')).toBe('2026-10-25 01:30');
  });

  it('01:30 America/New_York on 1 November 2026 (01:30 EDT and 01:30 EST)', () => {
    const runs = occurrences({ kind: 'daily', time: '01:30' }, 'America/New_York', '2026-10-30T12:00:00Z', '2026-11-03T12:00:00Z');
    const days = runs.map((t) => t.setZone('America/New_York').toISODate());
    expect(days).toEqual(['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
    const onTheDay = runs[1] as DateTime;
    expect(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']).toContain(instant(onTheDay));
    expect(local(onTheDay, 'America/New_York')).toBe('2026-11-01 01:30');
  });

  it('is not offered again when asked from inside the repeated hour (after the first 01:30 was sent)', () => {
    // 01:00 GMT on 25 October is in the second pass of the hour, after the 01:30 BST run.
    for (const after of ['2026-10-25T00:30:00Z', '2026-10-25T00:45:00Z', '2026-10-25T01:00:00Z', '2026-10-25T01:29:59Z']) {
      expect(instant(nextOccurrence({ kind: 'daily', time: '01:30' }, 'Europe/London', null, utc(after)) as DateTime), after).toBe(
        '2026-10-26T01:30:00.000Z',
      );
    }
    for (const after of ['2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z']) {
      expect(instant(nextOccurrence({ kind: 'daily', time: '01:30' }, 'America/New_York', null, utc(after)) as DateTime), after).toBe(
        '2026-11-02T06:30:00.000Z',
      );
    }
  });

  it('a one-off on the repeated time runs once', () => {
    const runs = occurrences({ kind: 'once', date: '2026-11-01', time: '01:30' }, 'America/New_York', '2026-10-30T12:00:00Z', '2026-12-01T00:00:00Z');
    expect(runs).toHaveLength(1);
    expect(local(runs[0] as DateTime, 'America/New_York')).toBe('2026-11-01 01:30');
  });
});

describe('which days', () => {
  it('weekdays skips Saturday and Sunday', () => {
    // Thursday 26 November 2026 to Thursday 3 December.
    const runs = occurrences({ kind: 'weekdays', time: '09:00' }, 'Europe/Berlin', '2026-11-26T12:00:00Z', '2026-12-03T23:00:00Z');
    expect(runs.map((t) => t.setZone('Europe/Berlin').toFormat('ccc dd HH:mm'))).toEqual([
      'Fri 27 09:00',
      'Mon 30 09:00',
      'Tue 01 09:00',
      'Wed 02 09:00',
      'Thu 03 09:00',
    ]);
    expect(runs.every((t) => t.setZone('Europe/Berlin').weekday <= 5)).toBe(true);
  });

  it('weekdays are the reminder’s own weekdays, not UTC’s (Auckland is a day ahead)', () => {
    // Monday 09:00 in Auckland is Sunday 20:00 UTC.
    const runs = occurrences({ kind: 'weekdays', time: '09:00' }, 'Pacific/Auckland', '2026-11-27T12:00:00Z', '2026-12-01T00:00:00Z');
    expect(runs.map(instant)).toEqual(['2026-11-29T20:00:00.000Z', '2026-11-30T20:00:00.000Z']);
    expect(runs.map((t) => t.setZone('Pacific/Auckland').weekdayShort)).toEqual(['Mon', 'Tue']);
  });

  it('weekly runs on the days named and no other', () => {
    const runs = occurrences({ kind: 'weekly', days: [1, 4], time: '10:30' }, 'Europe/Berlin', '2026-11-26T12:00:00Z', '2026-12-14T00:00:00Z');
    expect(runs.map((t) => t.setZone('Europe/Berlin').toFormat('ccc dd HH:mm'))).toEqual([
      'Mon 30 10:30',
      'Thu 03 10:30',
      'Mon 07 10:30',
      'Thu 10 10:30',
    ]);
    expect(runs.map(instant)[0]).toBe('2026-11-30T09:30:00.000Z');
  });

  it('weekly on Sunday (day 0)', () => {
    const runs = occurrences({ kind: 'weekly', days: [0], time: '18:00' }, 'UTC', '2026-11-26T00:00:00Z', '2026-12-14T00:00:00Z');
    expect(runs.map(instant)).toEqual(['2026-11-29T18:00:00.000Z', '2026-12-06T18:00:00.000Z', '2026-12-13T18:00:00.000Z']);
  });

  it('is strictly after `after`: an occurrence exactly at `after` is not returned again', () => {
    const daily: Schedule = { kind: 'daily', time: '09:00' };
    expect(instant(nextOccurrence(daily, 'UTC', null, utc('2026-11-30T08:59:59.999Z')) as DateTime)).toBe('2026-11-30T09:00:00.000Z');
    expect(instant(nextOccurrence(daily, 'UTC', null, utc('2026-11-30T09:00:00.000Z')) as DateTime)).toBe('2026-12-01T09:00:00.000Z');
  });
});

describe('until and once', () => {
  it('until includes the whole last day in the reminder’s zone (even when that is the next day in UTC)', () => {
    const lateEvening: Schedule = { kind: 'daily', time: '23:30' };
    const runs = occurrences(lateEvening, 'America/New_York', '2027-01-29T12:00:00Z', '2027-03-01T00:00:00Z', '2027-01-31');
    expect(runs.map((t) => local(t, 'America/New_York'))).toEqual(['2027-01-29 23:30', '2027-01-30 23:30', '2027-01-31 23:30']);
    // 23:30 on 31 January in New York is 04:30Z on 1 February: still included.
    expect(instant(runs.at(-1) as DateTime)).toBe('2027-02-01T04:30:00.000Z');
    expect(nextOccurrence(lateEvening, 'America/New_York', '2027-01-31', runs.at(-1) as DateTime)).toBeNull();
  });

  it('until ends at midnight in the reminder’s zone, not in UTC', () => {
    // Auckland is UTC+13 in January: 00:30 on 1 February there is still 31 January in UTC, yet past the last day.
    const early: Schedule = { kind: 'daily', time: '00:30' };
    const runs = occurrences(early, 'Pacific/Auckland', '2027-01-29T00:00:00Z', '2027-03-01T00:00:00Z', '2027-01-31');
    expect(runs.map((t) => local(t, 'Pacific/Auckland'))).toEqual(['2027-01-30 00:30', '2027-01-31 00:30']);
  });

  it('until already past gives null', () => {
    expect(nextOccurrence({ kind: 'weekdays', time: '09:00' }, 'UTC', '2026-11-01', utc('2026-11-29T00:00:00Z'))).toBeNull();
  });

  it('once returns its time until it has passed, then null', () => {
    const once: Schedule = { kind: 'once', date: '2026-12-01', time: '09:00' };
    expect(instant(nextOccurrence(once, 'Europe/Berlin', null, utc('2026-11-29T10:00:00Z')) as DateTime)).toBe('2026-12-01T08:00:00.000Z');
    expect(instant(nextOccurrence(once, 'Europe/Berlin', null, utc('2026-12-01T07:59:59.999Z')) as DateTime)).toBe('2026-12-01T08:00:00.000Z');
    expect(nextOccurrence(once, 'Europe/Berlin', null, utc('2026-12-01T08:00:00Z'))).toBeNull();
    expect(nextOccurrence(once, 'Europe/Berlin', null, utc('2026-12-02T00:00:00Z'))).toBeNull();
  });
});
