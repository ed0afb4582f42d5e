/**
 * Control score, domain scores and grade of a catalogue questionnaire (the
 * built-in Core and Lite snapshots). Unknown is not safe: an unanswered
 * control, a rejected answer and an N/A the control does not allow all
 * count as No. The counting itself is the generalised questionnaire score
 * (questionnaireScore.ts): a catalogue control is a Yes / Partial / No
 * question in its domain's section, so both give identical results.
 */
import type { ControlDefinition, DomainId } from '../catalogue/types.ts';
import type { AnswerValue, Grade } from './constants.ts';
import { computeQuestionnaireScore, type SectionScore } from './questionnaireScore.ts';
import { controlAsQuestion, evaluateQuestion, type QuestionResult } from './questionScore.ts';

export { capGrade, countsAsNo, gradeForScore, passes, roundScore } from './grading.ts';
export { answerFor } from './questionScore.ts';

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

/** A question result of a catalogue control, in the shape the catalogue's callers know. */
export function asControlResult(control: ScoredControl, result: QuestionResult): ControlResult {
  // A catalogue control is Yes / Partial / No, always scored and never hidden: only the catalogue's outcomes occur.
  return { control, outcome: result.outcome as ControlOutcome, credit: result.credit, weight: result.weight };
}

/** Each catalogue control sits in its domain's section, so the section scores are the domain scores, in the same order. */
export function asDomainScores(sections: readonly SectionScore[]): DomainScore[] {
  return sections.map((s) => ({ domain: s.section as DomainId, score: s.score, controls: s.questions, answered: s.answered }));
}

export function evaluateControl(control: ScoredControl, answer: ControlAnswer | undefined): ControlResult {
  return asControlResult(control, evaluateQuestion(controlAsQuestion(control), answer));
}

export function computeControlScore(controls: readonly ScoredControl[], answers: AnswerMap): ControlScoreResult {
  const result = computeQuestionnaireScore(controls.map((c) => controlAsQuestion(c)), answers);
  return {
    score: result.score,
    grade: result.grade,
    uncappedGrade: result.uncappedGrade,
    criticalFailures: result.criticalFailures,
    domains: asDomainScores(result.sections),
    controls: result.questions.map((r, i) => asControlResult(controls[i]!, r)),
  };
}
