/** Number and date formatting for people, in one place. */
import { format, formatDistanceToNowStrict } from 'date-fns';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** "1 vendor", "3 vendors", "12,400 tasks": a count with its noun. */
export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${whole.format(count)} ${count === 1 ? one : many}`;
}

/** "5.7 M", "200", "12.5 k": short record counts for tables and cards. */
export function formatRecords(records: number): string {
  return compact.format(records).replace(/([\d.])([KMBT])$/, (_m, n: string, unit: string) => `${n} ${unit === 'K' ? 'k' : unit}`);
}

/** "5,700,000": the exact count, for titles and screen readers. */
export function formatExact(n: number): string {
  return whole.format(n);
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '-';
  return format(typeof value === 'string' ? new Date(`${value}T00:00:00`) : value, 'd MMM yyyy');
}

export function formatRelative(value: Date | null | undefined): string {
  if (!value) return '-';
  return `${formatDistanceToNowStrict(value)} ago`;
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '-' : score.toFixed(1);
}

/** "3 Mar 2026, 14:05": a moment, in the reader's time zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '-';
  return format(typeof value === 'string' ? new Date(value) : value, 'd MMM yyyy, HH:mm');
}
