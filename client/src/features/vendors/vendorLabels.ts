/** Words for the vendor screens: labels for stored ids, and small judgements made for display. */
import { differenceInCalendarDays } from 'date-fns';
import type { Level } from '#shared/scoring/constants.ts';
import { SERVICE_TYPE_LABELS, type ServiceType } from '#shared/taxonomy.ts';

export function serviceLabels(services: readonly ServiceType[]): string {
  return services.map((s) => SERVICE_TYPE_LABELS[s]).join(', ');
}

/** Tokens unrotated for a year are how stolen OAuth grants stayed live in the 2025 wave. */
export const STALE_TOKEN_DAYS = 365;

/** An unknown rotation date counts as stale: a token nobody can vouch for is not safe. */
export function isTokenStale(lastRotation: string | null, now: Date = new Date()): boolean {
  if (!lastRotation) return true;
  return differenceInCalendarDays(now, new Date(`${lastRotation}T00:00:00`)) > STALE_TOKEN_DAYS;
}

/** Business criticality, 1..5, in words. */
export const CRITICALITY_WORDS: Record<number, string> = { 1: 'minimal', 2: 'low', 3: 'moderate', 4: 'high', 5: 'essential' };

export function levelLabel(labels: Record<Level, string>, level: number | null): string {
  return level === null ? '-' : (labels[level as Level] ?? String(level));
}

/** Only web addresses become links: a stored "javascript:" value must never be clickable. */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
