/*
 * FROZEN COPY of shared/scoring/scoreVendor.ts at commit 88e8c72, before issue 14 routed
 * the engine through the generalised question scoring. It is the oracle
 * tests/unit/scoring/legacyEquivalence.test.ts compares against. Do not edit.
 */
/**
 * The whole scoring model for one vendor: control score and grade,
 * likelihood, inherent impact, residual risk and band, suggested tier,
 * remediation tasks, and the residual risk projected once tasks close.
 */
import { getControl } from '#shared/catalogue/coreV1.ts';
import type { AccessLevel, ServiceType } from '#shared/taxonomy.ts';
import { computeControlScore, type AnswerMap, type ControlScoreResult, type ScoredControl } from './controlScore.ts';
import {
  DEFAULT_POLICY,
  EXCESS_DATA_CONTROL_ID,
  INHERENT_LIKELIHOOD,
  type Grade,
  type Level,
  type RiskBand,
  type ScoringPolicy,
  type Tier,
} from '#shared/scoring/constants.ts';
import { computeInherentImpact, type HoldingInput, type ImpactResult } from '#shared/scoring/impact.ts';
import { computeLikelihood, type LikelihoodResult } from './likelihood.ts';
import { buildRemediationTasks, type RemediationTaskDraft } from './remediation.ts';
import { bandForResidual, computeResidualRisk } from '#shared/scoring/residual.ts';
import { suggestTier } from '#shared/scoring/tier.ts';

export interface VendorProfile {
  services: readonly ServiceType[];
  access: AccessLevel;
  criticality: Level;
  holdings: readonly HoldingInput[];
}

export interface VendorScoreInput extends VendorProfile {
  /** The questionnaire's controls (a template version's snapshot). */
  controls: readonly ScoredControl[];
  answers: AnswerMap;
  policy?: ScoringPolicy;
}

export interface RiskPosition {
  score: number;
  grade: Grade;
  likelihood: Level;
  residual: number;
  band: RiskBand;
}

export interface VendorScore extends ControlScoreResult {
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
}

function riskPosition(
  input: VendorProfile & { controls: readonly ScoredControl[] },
  answers: AnswerMap,
  impact: Level,
): RiskPosition & { control: ControlScoreResult; likelihoodResult: LikelihoodResult } {
  const control = computeControlScore(input.controls, answers);
  const likelihoodResult = computeLikelihood(control.score, control.controls, input.services);
  const residual = computeResidualRisk(likelihoodResult.likelihood, impact);
  return {
    control,
    likelihoodResult,
    score: control.score,
    grade: control.grade,
    likelihood: likelihoodResult.likelihood,
    residual,
    band: bandForResidual(residual),
  };
}

/**
 * Risk position if the tasks on these controls were closed (their answers
 * treated as Yes). Data held is unchanged: closing a task does not delete records.
 */
export function projectRiskPosition(
  input: VendorScoreInput,
  closedControlIds: Iterable<string>,
): RiskPosition {
  const impact = computeInherentImpact(input).impact;
  const answers: Record<string, AnswerMap[string]> = { ...input.answers };
  for (const id of closedControlIds) answers[id] = { value: 'yes' };
  const { score, grade, likelihood, residual, band } = riskPosition(input, answers, impact);
  return { score, grade, likelihood, residual, band };
}

export function scoreVendor(input: VendorScoreInput): VendorScore {
  const impact = computeInherentImpact(input);
  const current = riskPosition(input, input.answers, impact.impact);
  const inherentResidual = computeResidualRisk(INHERENT_LIKELIHOOD, impact.impact);
  const tasks = buildRemediationTasks({
    controls: current.control.controls,
    impact: impact.impact,
    excessData: impact.excessCategories.length > 0,
    excessDataControl: getControl(EXCESS_DATA_CONTROL_ID),
    policy: input.policy ?? DEFAULT_POLICY,
  });
  return {
    ...current.control,
    likelihood: current.likelihoodResult,
    impact,
    residual: current.residual,
    band: current.band,
    inherentResidual,
    inherentBand: bandForResidual(inherentResidual),
    suggestedTier: suggestTier(impact.impact, input.criticality),
    tasks,
    projected: projectRiskPosition(input, tasks.map((t) => t.controlId)),
  };
}
