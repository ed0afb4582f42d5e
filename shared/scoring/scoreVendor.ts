/**
 * The whole scoring model for one vendor answering a catalogue
 * questionnaire (a Core or Lite snapshot): control score and grade,
 * likelihood, inherent impact, residual risk and band, suggested tier,
 * remediation tasks, and the residual risk projected once tasks close.
 * It runs the generalised model (questionnaireVendor.ts) with each control
 * as a Yes / Partial / No question and reports in the catalogue's terms.
 */
import type { ScoringPolicy } from './constants.ts';
import { asControlResult, asDomainScores, type AnswerMap, type ControlScoreResult, type ScoredControl } from './controlScore.ts';
import {
  projectQuestionnaireRisk,
  scoreVendorQuestionnaire,
  type QuestionnaireVendorInput,
  type QuestionnaireVendorScore,
  type RiskPosition,
  type VendorProfile,
} from './questionnaireVendor.ts';
import { controlAsQuestion } from './questionScore.ts';

export type { RiskPosition, VendorProfile } from './questionnaireVendor.ts';

export interface VendorScoreInput extends VendorProfile {
  /** The questionnaire's controls (a template version's snapshot). */
  controls: readonly ScoredControl[];
  answers: AnswerMap;
  policy?: ScoringPolicy;
}

export interface VendorScore
  extends ControlScoreResult,
    Omit<QuestionnaireVendorScore, 'sections' | 'questions' | keyof ControlScoreResult> {}

function asQuestionnaireInput(input: VendorScoreInput): QuestionnaireVendorInput {
  const { controls, ...rest } = input;
  return { ...rest, questions: controls.map((c) => controlAsQuestion(c)) };
}

/**
 * Risk position if the tasks on these controls were closed (each counted
 * as met). Data held is unchanged: closing a task does not delete records.
 */
export function projectRiskPosition(input: VendorScoreInput, closedControlIds: Iterable<string>): RiskPosition {
  return projectQuestionnaireRisk(asQuestionnaireInput(input), closedControlIds);
}

export function scoreVendor(input: VendorScoreInput): VendorScore {
  const { sections, questions, ...rest } = scoreVendorQuestionnaire(asQuestionnaireInput(input));
  return {
    ...rest,
    domains: asDomainScores(sections),
    controls: questions.map((r, i) => asControlResult(input.controls[i]!, r)),
  };
}
