/*
 * FROZEN COPY of shared/scoring/controlScore.ts at commit 88e8c72, before issue 14 routed
 * the engine through the generalised question scoring. It is the oracle
 * tests/unit/scoring/legacyEquivalence.test.ts compares against. Do not edit.
 */
/**
 * Control score, domain scores and grade from a vendor's answers.
 * Unknown is not safe: an unanswered control, a rejected answer and an
 * N/A the control does not allow all count as No.
 */
import type { ControlDefinition, DomainId } from '#shared/catalogue/types.ts';
import {
  ANSWER_CREDIT,
  GRADE_CAP_ONE_CRITICAL_FAILURE,
  GRADE_CAP_TWO_CRITICAL_FAILURES,
  GRADE_THRESHOLDS,
  GRADES,
  SEVERITY_WEIGHT,
  type AnswerValue,
  type Grade,
} from '#shared/scoring/constants.ts';

/** The fields of a control that scoring needs; a questionnaire version stores these. */
export type ScoredControl = Pick<ControlDefinition, 'id' | 'domain' | 'severity' | 'critical' | 'allowNa'>;

export interface ControlAnswer {
  value: AnswerValue;
  /** A reviewer rejected the answer: it counts as No. */
  rejected?: boolean;
}

export type AnswerMap = Readonly<Record<string, ControlAnswer | undefined>>;

/** How one control's answer is counted. */
export type ControlOutcome =
  | 'met'
  | 'partial'
  | 'not_met'
  | 'unanswered'
  | 'rejected'
  | 'not_applicable'
  /** N/A given where the control does not allow it. */
  | 'invalid_na';

export interface ControlResult {
  control: ScoredControl;
  outcome: ControlOutcome;
  /** Credit 0..1, or null when the control is validly not applicable. */
  credit: number | null;
  weight: number;
}

export interface DomainScore {
  domain: DomainId;
  /** 0..100, or null when every control of the domain is not applicable. */
  score: number | null;
  controls: number;
  answered: number;
}

export interface ControlScoreResult {
  /** Weighted mean over all applicable controls, 0..100, one decimal. */
  score: number;
  grade: Grade;
  /** The grade the score alone would give, before critical caps. */
  uncappedGrade: Grade;
  /** Ids of critical controls that count as No. */
  criticalFailures: string[];
  domains: DomainScore[];
  controls: ControlResult[];
}

export function answerFor(answers: AnswerMap, controlId: string): ControlAnswer | undefined {
  return Object.hasOwn(answers, controlId) ? answers[controlId] : undefined;
}

export function evaluateControl(control: ScoredControl, answer: ControlAnswer | undefined): ControlResult {
  const weight = SEVERITY_WEIGHT[control.severity];
  const outcome = outcomeOf(control, answer);
  const credit = creditOf(outcome, answer);
  return { control, outcome, credit, weight };
}

function outcomeOf(control: ScoredControl, answer: ControlAnswer | undefined): ControlOutcome {
  if (!answer) return 'unanswered';
  if (answer.rejected) return 'rejected';
  switch (answer.value) {
    case 'yes':
      return 'met';
    case 'partial':
      return 'partial';
    case 'no':
      return 'not_met';
    case 'na':
      return control.allowNa ? 'not_applicable' : 'invalid_na';
  }
}

function creditOf(outcome: ControlOutcome, answer: ControlAnswer | undefined): number | null {
  if (outcome === 'not_applicable') return null;
  if (outcome === 'met' || outcome === 'partial') return ANSWER_CREDIT[answer!.value as 'yes' | 'partial'];
  return ANSWER_CREDIT.no;
}

/** True when the control counts as No: the meaning of "fails" for grade caps and the likelihood floor. */
export function countsAsNo(result: ControlResult): boolean {
  return result.credit === 0;
}

/** True when the control is fully met or validly not applicable. */
export function passes(result: ControlResult): boolean {
  return result.credit === null || result.credit === 1;
}

export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

function weightedScore(results: readonly ControlResult[]): number | null {
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

export function computeControlScore(
  controls: readonly ScoredControl[],
  answers: AnswerMap,
): ControlScoreResult {
  const results = controls.map((c) => evaluateControl(c, answerFor(answers, c.id)));
  const domainIds = [...new Set(controls.map((c) => c.domain))];
  const domains = domainIds.map((domain): DomainScore => {
    const inDomain = results.filter((r) => r.control.domain === domain);
    return {
      domain,
      score: weightedScore(inDomain),
      controls: inDomain.length,
      answered: inDomain.filter((r) => r.outcome !== 'unanswered').length,
    };
  });
  // With nothing applicable there is nothing to credit: unknown is not safe.
  const score = weightedScore(results) ?? 0;
  const criticalFailures = results.filter((r) => r.control.critical && countsAsNo(r)).map((r) => r.control.id);
  const uncappedGrade = gradeForScore(score);
  return {
    score,
    grade: capGrade(uncappedGrade, criticalFailures.length),
    uncappedGrade,
    criticalFailures,
    domains,
    controls: results,
  };
}
