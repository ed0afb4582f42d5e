/**
 * Calendar dates (due dates, contract dates) are ISO "YYYY-MM-DD" strings
 * in UTC, so they compare as strings and never shift with a time zone.
 */
import { UTCDate } from '@date-fns/utc';
// Per-function entries: the date-fns index loads every function (about a second at start, in each thread).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';

export function toIsoDate(date: Date): string {
  return formatISO(new UTCDate(date), { representation: 'date' });
}

export function isoDateInDays(from: Date, days: number): string {
  return toIsoDate(addDays(new UTCDate(from), days));
}

/** Days from `today` until `isoDate`; negative when it is past. */
export function daysUntil(isoDate: string, today: Date): number {
  return differenceInCalendarDays(new UTCDate(parseISO(isoDate)), new UTCDate(toIsoDate(today)));
}
