/**
 * Whether a vendor's assessment still vouches for it. A completed
 * assessment counts until its tier's re-assessment date; after that the
 * vendor stands as "expired", and its risk is read as if never assessed
 * (its inherent position), because old answers no longer say how it
 * protects data today. The one statement of this rule: the server's SQL
 * helpers (server/risk/standing.ts) express exactly this on stored columns.
 */
import type { AssessmentStanding } from './statuses.ts';

export function standingAt(assessmentId: number | null, expiresAt: Date | null, now: Date): AssessmentStanding {
  if (assessmentId === null) return 'not_assessed';
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'assessed';
}
