/**
 * Likelihood that this vendor is breached, from how well its controls
 * hold against the attacks in CISA AA23-320A.
 */
import type { ServiceType } from '../taxonomy.ts';
import {
  DOOR_DOMAINS,
  DOOR_LIKELIHOOD_FLOOR,
  LIKELIHOOD_BY_SCORE,
  SOCIAL_ENGINEERING_SERVICES,
  SOCIAL_ENGINEERING_UPLIFT,
  type Level,
} from './constants.ts';
import { countsAsNo, passes } from './grading.ts';
import type { QuestionResult } from './questionScore.ts';

export interface LikelihoodResult {
  likelihood: Level;
  fromScore: Level;
  /** Critical IAM/REC controls, and controls critical for this vendor because of its access path, that fail and hold likelihood at the floor. */
  doorFailures: string[];
  /** True when the help-desk / contact-centre uplift applied. */
  socialEngineeringUplift: boolean;
}

/** What likelihood reads of each question's result. */
export type LikelihoodItem = Pick<QuestionResult, 'credit'> & { question: Pick<QuestionResult['question'], 'id' | 'domain' | 'critical'> };

export function likelihoodFromScore(score: number): Level {
  for (const { minScore, likelihood } of LIKELIHOOD_BY_SCORE) {
    if (score >= minScore) return likelihood;
  }
  return 5;
}

// Only the catalogue's own IAM and REC controls are doors: a custom question has no domain.
const isDoorDomain = (r: LikelihoodItem) => r.question.domain !== null && (DOOR_DOMAINS as readonly string[]).includes(r.question.domain);

/**
 * `accessPathDoors`: controls that are critical for this vendor because of
 * its access path (accessPath.ts); failing one opens a door just as a
 * critical IAM or REC failure does.
 */
export function computeLikelihood(
  score: number,
  results: readonly LikelihoodItem[],
  services: readonly ServiceType[],
  accessPathDoors: ReadonlySet<string> = new Set(),
): LikelihoodResult {
  const fromScore = likelihoodFromScore(score);
  const isDoor = (r: LikelihoodItem) => r.question.critical && (isDoorDomain(r) || (r.question.domain !== null && accessPathDoors.has(r.question.id)));
  const doorFailures = results.filter((r) => isDoor(r) && countsAsNo(r)).map((r) => r.question.id);
  let likelihood: number = fromScore;
  if (doorFailures.length > 0) likelihood = Math.max(likelihood, DOOR_LIKELIHOOD_FLOOR);

  const takesCalls = services.some((s) => (SOCIAL_ENGINEERING_SERVICES as readonly string[]).includes(s));
  // A vendor that passes every identity and recovery control has closed the
  // door callers use, so it must be able to reach the lowest likelihood.
  const doorClosed = results.filter(isDoorDomain).every(passes);
  const socialEngineeringUplift = takesCalls && !doorClosed;
  if (socialEngineeringUplift) likelihood = Math.min(5, likelihood + SOCIAL_ENGINEERING_UPLIFT);

  return { likelihood: likelihood as Level, fromScore, doorFailures, socialEngineeringUplift };
}
