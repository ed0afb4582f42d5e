/** Vendor tier (1 critical .. 4 low) and when it must be assessed again. */
// Per-function entry: the date-fns index loads every function (about a second at start, in each thread).
import { addMonths } from 'date-fns/addMonths';
import { DEFAULT_POLICY, TEMPLATE_BY_TIER, TIER_BY_EXPOSURE, type Level, type ScoringPolicy, type Tier } from './constants.ts';

/** Tier suggested from inherent impact and business criticality; a person may override it. */
export function suggestTier(impact: Level, criticality: Level): Tier {
  return TIER_BY_EXPOSURE[Math.max(impact, criticality) as Level];
}

export function templateForTier(tier: Tier): 'core' | 'lite' {
  return TEMPLATE_BY_TIER[tier];
}

export function reassessmentDueDate(completedAt: Date, tier: Tier, policy: ScoringPolicy = DEFAULT_POLICY): Date {
  return addMonths(completedAt, policy.reassessmentMonths[tier]);
}

/** An assessment older than its tier's cadence no longer vouches for the vendor. */
export function isAssessmentExpired(completedAt: Date, tier: Tier, now: Date, policy: ScoringPolicy = DEFAULT_POLICY): boolean {
  return reassessmentDueDate(completedAt, tier, policy).getTime() <= now.getTime();
}
