/**
 * The whole scoring model for one vendor and any questionnaire: score and
 * grade, likelihood, inherent impact, residual risk and band, suggested
 * tier, remediation tasks, and the residual risk projected once tasks
 * close. The vendor's access path decides which catalogue controls are
 * critical for it (accessPath.ts). The catalogue's scoreVendor
 * (scoreVendor.ts) is this with every question a catalogue control.
 */
import { getControl } from '../catalogue/coreV1.ts';
import type { AccessLevel, ServiceType } from '../taxonomy.ts';
import {
  DEFAULT_POLICY,
  EXCESS_DATA_CONTROL_ID,
  INHERENT_LIKELIHOOD,
  type Grade,
  type Level,
  type RiskBand,
  type ScoringPolicy,
  type Tier,
} from './constants.ts';
import {
  accessPathDoors,
  criticalBecauseByControl,
  summariseAccessPath,
  withAccessPath,
  type AccessPathResult,
  type IntegrationAccess,
} from './accessPath.ts';
import { computeInherentImpact, type HoldingInput, type ImpactResult } from './impact.ts';
import { computeLikelihood, type LikelihoodResult } from './likelihood.ts';
import { computeQuestionnaireScore, type QuestionnaireScoreResult } from './questionnaireScore.ts';
import type { QuestionAnswerMap, ScoredQuestion } from './questionScore.ts';
import { buildRemediationTasks, type RemediationTaskDraft } from './remediation.ts';
import { bandForResidual, computeResidualRisk } from './residual.ts';
import { suggestTier } from './tier.ts';

export interface VendorProfile {
  services: readonly ServiceType[];
  /** The access recorded on the vendor's own profile. */
  access: AccessLevel;
  /**
   * Every integration recorded for the vendor, with its name. The engine
   * takes the strongest of these and `access` for impact and for the access
   * path's rules, and names them in the reasons. A caller that passes an
   * already combined level in `access` and no integrations gets the same
   * scores, but the reasons can then only name the profile.
   */
  integrations?: readonly IntegrationAccess[];
  criticality: Level;
  holdings: readonly HoldingInput[];
}

export interface QuestionnaireVendorInput extends VendorProfile {
  /** The questionnaire's questions, in order (a template version's scoring view). */
  questions: readonly ScoredQuestion[];
  answers: QuestionAnswerMap;
  /** Questions whose remediation task was verified closed: they count as fully met. */
  met?: Iterable<string>;
  policy?: ScoringPolicy;
}

export interface RiskPosition {
  score: number;
  grade: Grade;
  likelihood: Level;
  residual: number;
  band: RiskBand;
}

export interface QuestionnaireVendorScore extends QuestionnaireScoreResult {
  likelihood: LikelihoodResult;
  impact: ImpactResult;
  residual: number;
  band: RiskBand;
  /** Impact at the worst credible likelihood: the risk before any control is known. */
  inherentResidual: number;
  inherentBand: RiskBand;
  suggestedTier: Tier;
  tasks: RemediationTaskDraft[];
  /** Where the vendor would stand if every task raised here were closed. */
  projected: RiskPosition;
  /** The controls its access path makes critical for this vendor, and why (docs/scoring.md section 15). */
  accessPath: AccessPathResult;
}

/** The questionnaire as this vendor is scored on it: its access path decides which controls are critical. */
function accessPathOf(input: QuestionnaireVendorInput) {
  const reasons = criticalBecauseByControl(input);
  return { reasons, questions: withAccessPath(input.questions, reasons), doors: accessPathDoors(input.questions, reasons) };
}
type AccessPath = ReturnType<typeof accessPathOf>;

function riskPosition(input: QuestionnaireVendorInput, path: AccessPath, met: Iterable<string>, impact: Level) {
  const score = computeQuestionnaireScore(path.questions, input.answers, { met });
  const likelihood = computeLikelihood(score.score, score.questions, input.services, path.doors);
  const residual = computeResidualRisk(likelihood.likelihood, impact);
  return { score, likelihood, residual, band: bandForResidual(residual) };
}

/** A worked position as a projection reports it: the score and grade, the likelihood level, residual risk and band. */
const asRiskPosition = ({ score, likelihood, residual, band }: ReturnType<typeof riskPosition>): RiskPosition => ({
  score: score.score,
  grade: score.grade,
  likelihood: likelihood.likelihood,
  residual,
  band,
});

/**
 * Risk position if the tasks on these questions were closed (each counted
 * as fully met). Data held is unchanged: closing a task does not delete records.
 */
export function projectQuestionnaireRisk(input: QuestionnaireVendorInput, closedIds: Iterable<string>): RiskPosition {
  const impact = computeInherentImpact(input).impact;
  const met = new Set([...(input.met ?? []), ...closedIds]);
  return asRiskPosition(riskPosition(input, accessPathOf(input), met, impact));
}

/** A position as a vendor's stored record keeps it: the questionnaire's score with its likelihood, residual risk and band. */
export interface QuestionnairePosition {
  score: QuestionnaireScoreResult;
  likelihood: LikelihoodResult;
  residual: number;
  band: RiskBand;
}

/**
 * The position now (`met` counted as fully met) and the one projected once
 * `closedIds` close too: the same figures as scoreVendorQuestionnaire's
 * position and projectQuestionnaireRisk, worked out once each. A rescore of
 * every vendor keeps only these, so it skips the task drafts, the access
 * path's summary and the projection of the drafted tasks, and shares one
 * access path (which depends on the profile and questions, never on `met`).
 */
export function questionnairePositions(input: QuestionnaireVendorInput, closedIds: Iterable<string>): { current: QuestionnairePosition; projected: RiskPosition } {
  const impact = computeInherentImpact(input).impact;
  const path = accessPathOf(input);
  const current = riskPosition(input, path, input.met ?? [], impact);
  const projected = riskPosition(input, path, new Set([...(input.met ?? []), ...closedIds]), impact);
  return { current, projected: asRiskPosition(projected) };
}

export function scoreVendorQuestionnaire(input: QuestionnaireVendorInput): QuestionnaireVendorScore {
  const impact = computeInherentImpact(input);
  const path = accessPathOf(input);
  const current = riskPosition(input, path, input.met ?? [], impact.impact);
  const inherentResidual = computeResidualRisk(INHERENT_LIKELIHOOD, impact.impact);
  const tasks = buildRemediationTasks({
    results: current.score.questions,
    impact: impact.impact,
    excessData: impact.excessCategories.length > 0,
    excessDataControl: getControl(EXCESS_DATA_CONTROL_ID),
    policy: input.policy ?? DEFAULT_POLICY,
  });
  return {
    ...current.score,
    likelihood: current.likelihood,
    impact,
    residual: current.residual,
    band: current.band,
    inherentResidual,
    inherentBand: bandForResidual(inherentResidual),
    suggestedTier: suggestTier(impact.impact, input.criticality),
    tasks,
    projected: projectQuestionnaireRisk(input, tasks.map((t) => t.controlId)),
    accessPath: summariseAccessPath(input, input.questions, current.score.questions, path.reasons),
  };
}
