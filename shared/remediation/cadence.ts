/**
 * Re-assessment cadence: months between assessments by tier, as an
 * organisation setting (defaults from the scoring model), and where each
 * vendor stands against it. The due moment is the one at which the last
 * assessment expires (shared/scoring/tier.ts), so "overdue" here and
 * "not assessed" on the vendor's risk never disagree.
 */
import { z } from 'zod';
import { daysUntil, toIsoDate } from '../dates.ts';
import { DEFAULT_POLICY, TIERS, type Tier } from '../scoring/constants.ts';
import { reassessmentDueDate } from '../scoring/tier.ts';

export type CadenceMonths = Record<Tier, number>;

export const DEFAULT_CADENCE_MONTHS: Readonly<CadenceMonths> = { ...DEFAULT_POLICY.reassessmentMonths };

/** Quarterly at most often: a shorter cadence would open the 30-day reminder window before the last assessment closed. */
export const CADENCE_MIN_MONTHS = 3;
/** Five years at most: an assessment older than that says little about a vendor today. */
export const CADENCE_MAX_MONTHS = 60;
/** "Due soon" when the next assessment is due within this many days. */
export const DUE_SOON_DAYS = 30;

const months = (tier: Tier) =>
  z
    .int({ error: `Months for tier ${tier} must be a whole number` })
    .min(CADENCE_MIN_MONTHS, { error: `Tier ${tier} vendors cannot be re-assessed more often than every ${CADENCE_MIN_MONTHS} months` })
    .max(CADENCE_MAX_MONTHS, { error: `Tier ${tier} vendors must be re-assessed at least every ${CADENCE_MAX_MONTHS} months` });

/** The setting. A more critical tier is never re-assessed less often than a less critical one. */
export const ReassessmentCadenceSetting = z
  .strictObject({ 1: months(1), 2: months(2), 3: months(3), 4: months(4) })
  .superRefine((cadence, ctx) => {
    for (let i = 1; i < TIERS.length; i++) {
      const moreCritical = TIERS[i - 1]!;
      const lessCritical = TIERS[i]!;
      if (cadence[moreCritical] > cadence[lessCritical]) {
        ctx.addIssue({
          code: 'custom',
          path: [String(moreCritical)],
          message: `Tier ${moreCritical} cannot wait longer (${cadence[moreCritical]} months) than tier ${lessCritical} (${cadence[lessCritical]} months)`,
        });
      }
    }
  });

/** When the vendor must next be assessed; null when it never was (it is due now, as "never assessed"). */
export function nextAssessmentDue(tier: Tier, lastCompletedAt: Date | null, cadence: Readonly<CadenceMonths> = DEFAULT_CADENCE_MONTHS): Date | null {
  if (!lastCompletedAt) return null;
  return reassessmentDueDate(lastCompletedAt, tier, { ...DEFAULT_POLICY, reassessmentMonths: { ...cadence } });
}

export const REASSESSMENT_STANDINGS = ['never_assessed', 'overdue', 'due_soon', 'current'] as const;
export type ReassessmentStanding = (typeof REASSESSMENT_STANDINGS)[number];

export interface ReassessmentStatus {
  standing: ReassessmentStanding;
  /** The moment the last assessment expires; null when never assessed. */
  dueAt: Date | null;
  /** Its UTC calendar day. */
  dueOn: string | null;
  /** Calendar days from today to dueOn; negative when past. */
  daysLeft: number | null;
}

/** never_assessed, overdue (the last assessment has expired), due_soon (within 30 days) or current. */
export function classifyReassessment(
  tier: Tier,
  lastCompletedAt: Date | null,
  now: Date,
  cadence: Readonly<CadenceMonths> = DEFAULT_CADENCE_MONTHS,
): ReassessmentStatus {
  const dueAt = nextAssessmentDue(tier, lastCompletedAt, cadence);
  if (!dueAt) return { standing: 'never_assessed', dueAt: null, dueOn: null, daysLeft: null };
  const dueOn = toIsoDate(dueAt);
  const daysLeft = daysUntil(dueOn, now);
  const standing: ReassessmentStanding = dueAt.getTime() <= now.getTime() ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'current';
  return { standing, dueAt, dueOn, daysLeft };
}
