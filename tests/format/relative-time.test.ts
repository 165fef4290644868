import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeDate, relativeToNow, renderDates } from '../../src/format/relative-time.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('dates relative to today', () => {
  it('says how long ago the change took effect', () => {
    expect(describeDate('2025-11-03', at('2026-11-29'))).toBe('3 November 2025 (about a year ago)');
    expect(describeDate('2025-11-03', at('2025-11-03'))).toBe('3 November 2025 (today)');
    expect(describeDate('2025-11-03', at('2025-11-04'))).toBe('3 November 2025 (1 day ago)');
    expect(describeDate('2025-11-03', at('2025-10-01'))).toBe('3 November 2025 (in 5 weeks)');
    expect(describeDate('2025-11-03', at('2028-12-01'))).toBe('3 November 2025 (about 3 years ago)');
  });

  it('writes a month-only date as the month', () => {
    expect(describeDate('2024-09', at('2026-11-29'))).toBe('September 2024 (about 2 years ago)');
  });

  it('rounds months', () => {
    expect(relativeToNow(at('2025-11-03'), at('2026-05-03'))).toBe('about 6 months ago');
  });

  it('replaces date tokens in knowledge-base text', () => {
    expect(renderDates('In effect since {{date:2025-11-03}}.', at('2026-11-29'))).toBe('In effect since 3 November 2025 (about a year ago).');
  });
});

describe('days counted in the date’s own zone', () => {
  it('says "in 1 day" for tomorrow morning in Los Angeles, seen on Sunday evening there', () => {
    const monday9 = DateTime.fromISO('2026-11-30T09:00', { zone: 'America/Los_Angeles' });
    const sundayEvening = DateTime.fromISO('2026-11-29T20:00', { zone: 'America/Los_Angeles' }).toUTC();
    expect(relativeToNow(monday9, sundayEvening)).toBe('in 1 day');
  });

  it('writes a year-only date as the year', () => {
    expect(describeDate('2024', DateTime.fromISO('2026-11-29', { zone: 'utc' }))).toBe('2024 (about 3 years ago)');
  });
});
