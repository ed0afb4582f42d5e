/** Dates and sizes for people, with the browser's own Intl (no date library in the portal). */

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const moment = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "31 Jan 2030"; a plain "YYYY-MM-DD" is a calendar day, not a UTC moment. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return 'not set';
  return day.format(typeof value === 'string' ? new Date(`${value}T00:00:00`) : value);
}

/** "3 Mar 2026, 14:05", in the reader's time zone. */
export function formatMoment(value: Date | string | null | undefined): string {
  if (!value) return 'an unknown time';
  return moment.format(typeof value === 'string' ? new Date(value) : value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An answer as the vendor chose it. */
export const ANSWER_LABELS = { yes: 'Yes', partial: 'Partial', no: 'No', na: 'Not applicable' } as const;
