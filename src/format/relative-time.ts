import { DateTime } from 'luxon';

/** "3 November 2025 (about a year ago)", relative to `now`. Dates are calendar days in UTC. */
export function describeDate(isoDate: string, now: DateTime): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) return isoDate;
  return `${dateLabel(isoDate)} (${relativeToNow(date, now)})`;
}

/** "3 November 2025", "December 2024" or "2024", as precise as the date is written. */
export function dateLabel(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) return isoDate;
  return date.toFormat(isoDate.length === 10 ? 'd MMMM yyyy' : isoDate.length === 7 ? 'MMMM yyyy' : 'yyyy');
}

/** A rounded, friendly distance: "today", "in 3 days", "5 weeks ago", "about a year ago", in calendar days of `date`'s zone. */
export function relativeToNow(date: DateTime, now: DateTime): string {
  const days = Math.round(date.startOf('day').diff(now.setZone(date.zone).startOf('day'), 'days').days);
  const abs = Math.abs(days);
  if (abs === 0) return 'today';
  let amount: string;
  if (abs === 1) amount = '1 day';
  else if (abs < 14) amount = `${abs} days`;
  else if (abs < 60) amount = `${Math.round(abs / 7)} weeks`;
  else if (abs < 335) amount = `about ${Math.round(abs / 30.44)} months`;
  else if (abs < 548) amount = 'about a year';
  else amount = `about ${Math.round(abs / 365.25)} years`;
  return days < 0 ? `${amount} ago` : `in ${amount}`;
}

/** Replaces `{{date:YYYY-MM-DD}}` tokens in knowledge-base text. */
export function renderDates(text: string, now: DateTime): string {
  return text.replace(/\{\{date:(\d{4}-\d{2}(?:-\d{2})?)\}\}/g, (_, iso: string) => describeDate(iso, now));
}
