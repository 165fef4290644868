import { DateTime } from 'luxon';

/** "3 November 2025 (about a year ago)", relative to `now`. Dates are calendar days in UTC. */
export function describeDate(isoDate: string, now: DateTime, language = 'en'): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) return isoDate;
  return `${dateLabel(isoDate, language)} (${relativeTo(date, now, language)})`;
}

/** "in 3 days" in English, "in 3 Tagen", "dans 3 jours": how far `date` is from `now`, in the language. */
export function relativeTo(date: DateTime, now: DateTime, language = 'en'): string {
  return language === 'en' ? relativeToNow(date, now) : relativeIn(language, date, now);
}

/** "3 November 2025", "December 2024" or "2024", as precise as the date is written ("3. November 2025" in German). */
export function dateLabel(isoDate: string, language = 'en'): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) return isoDate;
  if (language === 'en') return date.toFormat(isoDate.length === 10 ? 'd MMMM yyyy' : isoDate.length === 7 ? 'MMMM yyyy' : 'yyyy');
  const local = date.setLocale(language);
  if (isoDate.length === 10) return local.toLocaleString(DateTime.DATE_FULL).replace(/^\p{L}+, /u, '');
  return isoDate.length === 7 ? local.toLocaleString({ month: 'long', year: 'numeric' }) : local.toFormat('yyyy');
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

/** "heute", "vor 3 Tagen", "il y a 1 an": luxon's words for the language, in whole days at least. */
function relativeIn(language: string, date: DateTime, now: DateTime): string {
  const base = now.setZone(date.zone).startOf('day');
  const days = Math.abs(date.startOf('day').diff(base, 'days').days);
  const unit = days < 7 ? 'days' : days < 60 ? 'weeks' : days < 335 ? 'months' : 'years';
  return (days < 2 ? date.toRelativeCalendar({ base, locale: language, unit: 'days' }) : date.toRelative({ base, locale: language, unit })) ?? '';
}

/** Replaces `{{date:YYYY-MM-DD}}` tokens in knowledge-base text. */
export function renderDates(text: string, now: DateTime, language = 'en'): string {
  return text.replace(/\{\{date:(\d{4}-\d{2}(?:-\d{2})?)\}\}/g, (_, iso: string) => describeDate(iso, now, language));
}
