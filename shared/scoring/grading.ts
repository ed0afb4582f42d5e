/**
 * From credits to a score and a grade: the weighted mean, its rounding, the
 * grade thresholds and the critical caps. Shared by the catalogue's control
 * score and the generalised questionnaire score so both count the same way.
 */
import {
  GRADE_CAP_ONE_CRITICAL_FAILURE,
  GRADE_CAP_TWO_CRITICAL_FAILURES,
  GRADE_THRESHOLDS,
  GRADES,
  type Grade,
} from './constants.ts';

/** A credit 0..1, or null when the item is left out (valid N/A, hidden, not scored). */
export interface Credited {
  credit: number | null;
}

/** True when the item counts as No: the meaning of "fails" for grade caps and the likelihood floor. */
export function countsAsNo(result: Credited): boolean {
  return result.credit === 0;
}

/** True when the item is fully met or left out (validly not applicable, hidden or not scored). */
export function passes(result: Credited): boolean {
  return result.credit === null || result.credit === 1;
}

export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

/** 100 x sum(weight x credit) / sum(weight) over the items with a credit; null when none has one. */
export function weightedScore(results: readonly (Credited & { weight: number })[]): number | null {
  let earned = 0;
  let possible = 0;
  for (const r of results) {
    if (r.credit === null) continue;
    earned += r.credit * r.weight;
    possible += r.weight;
  }
  return possible === 0 ? null : roundScore((100 * earned) / possible);
}

export function gradeForScore(score: number): Grade {
  for (const { grade, minScore } of GRADE_THRESHOLDS) {
    if (score >= minScore) return grade;
  }
  return 'F';
}

function worseGrade(a: Grade, b: Grade): Grade {
  return GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;
}

export function capGrade(grade: Grade, criticalFailures: number): Grade {
  if (criticalFailures >= 2) return worseGrade(grade, GRADE_CAP_TWO_CRITICAL_FAILURES);
  if (criticalFailures === 1) return worseGrade(grade, GRADE_CAP_ONE_CRITICAL_FAILURE);
  return grade;
}
