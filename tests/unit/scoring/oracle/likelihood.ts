/*
 * FROZEN COPY of shared/scoring/likelihood.ts at commit 88e8c72, before issue 14 routed
 * the engine through the generalised question scoring. It is the oracle
 * tests/unit/scoring/legacyEquivalence.test.ts compares against. Do not edit.
 */
/**
 * Likelihood that this vendor is breached, from how well its controls
 * hold against the attacks in CISA AA23-320A.
 */
import type { ServiceType } from '#shared/taxonomy.ts';
import { countsAsNo, passes, type ControlResult } from './controlScore.ts';
import {
  DOOR_DOMAINS,
  DOOR_LIKELIHOOD_FLOOR,
  LIKELIHOOD_BY_SCORE,
  SOCIAL_ENGINEERING_SERVICES,
  SOCIAL_ENGINEERING_UPLIFT,
  type Level,
} from '#shared/scoring/constants.ts';

export interface LikelihoodResult {
  likelihood: Level;
  fromScore: Level;
  /** Critical IAM/REC controls that fail and hold likelihood at the floor. */
  doorFailures: string[];
  /** True when the help-desk / contact-centre uplift applied. */
  socialEngineeringUplift: boolean;
}

export function likelihoodFromScore(score: number): Level {
  for (const { minScore, likelihood } of LIKELIHOOD_BY_SCORE) {
    if (score >= minScore) return likelihood;
  }
  return 5;
}

const isDoorDomain = (r: ControlResult) => (DOOR_DOMAINS as readonly string[]).includes(r.control.domain);

export function computeLikelihood(
  score: number,
  controls: readonly ControlResult[],
  services: readonly ServiceType[],
): LikelihoodResult {
  const fromScore = likelihoodFromScore(score);
  const doorFailures = controls.filter((r) => isDoorDomain(r) && r.control.critical && countsAsNo(r)).map((r) => r.control.id);
  let likelihood: number = fromScore;
  if (doorFailures.length > 0) likelihood = Math.max(likelihood, DOOR_LIKELIHOOD_FLOOR);

  const takesCalls = services.some((s) => (SOCIAL_ENGINEERING_SERVICES as readonly string[]).includes(s));
  // A vendor that passes every identity and recovery control has closed the
  // door callers use, so it must be able to reach the lowest likelihood.
  const doorClosed = controls.filter(isDoorDomain).every(passes);
  const socialEngineeringUplift = takesCalls && !doorClosed;
  if (socialEngineeringUplift) likelihood = Math.min(5, likelihood + SOCIAL_ENGINEERING_UPLIFT);

  return { likelihood: likelihood as Level, fromScore, doorFailures, socialEngineeringUplift };
}
