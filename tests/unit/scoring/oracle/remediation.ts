/*
 * FROZEN COPY of shared/scoring/remediation.ts at commit 88e8c72, before issue 14 routed
 * the engine through the generalised question scoring. It is the oracle
 * tests/unit/scoring/legacyEquivalence.test.ts compares against. Do not edit.
 */
/**
 * Remediation tasks raised at the end of a review: one per control that
 * is not fully met, plus one against DAT-01 for data held but not needed.
 */
import { SEVERITIES, type Severity } from '#shared/catalogue/types.ts';
import type { ControlResult, ScoredControl } from './controlScore.ts';
import {
  DEFAULT_POLICY,
  EXCESS_DATA_CONTROL_ID,
  SEVERE_IMPACT_FOR_TASK_UPLIFT,
  type Level,
  type ScoringPolicy,
} from '#shared/scoring/constants.ts';

export type TaskReason = 'answer' | 'excess_data';

export interface RemediationTaskDraft {
  controlId: string;
  severity: Severity;
  dueInDays: number;
  reasons: TaskReason[];
}

export function raiseSeverity(severity: Severity, steps: number): Severity {
  const index = Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(severity) + steps);
  return SEVERITIES[index]!;
}

export function taskSeverity(controlSeverity: Severity, impact: Level): Severity {
  return impact >= SEVERE_IMPACT_FOR_TASK_UPLIFT ? raiseSeverity(controlSeverity, 1) : controlSeverity;
}

export function needsRemediation(result: ControlResult): boolean {
  return result.credit !== null && result.credit < 1;
}

export interface RemediationInput {
  controls: readonly ControlResult[];
  impact: Level;
  /** True when any holding is marked not needed for the service. */
  excessData: boolean;
  /** Definition of the excess-data control, for when the questionnaire does not include it. */
  excessDataControl: ScoredControl;
  policy?: ScoringPolicy;
}

const bySeverityThenOrder = (order: Map<string, number>) => (a: RemediationTaskDraft, b: RemediationTaskDraft) =>
  SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
  (order.get(a.controlId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.controlId) ?? Number.MAX_SAFE_INTEGER) ||
  a.controlId.localeCompare(b.controlId);

export function buildRemediationTasks(input: RemediationInput): RemediationTaskDraft[] {
  const policy = input.policy ?? DEFAULT_POLICY;
  const draft = (control: ScoredControl, reasons: TaskReason[]): RemediationTaskDraft => {
    const severity = taskSeverity(control.severity, input.impact);
    return { controlId: control.id, severity, dueInDays: policy.remediationDueDays[severity], reasons };
  };

  const tasks = new Map<string, RemediationTaskDraft>();
  for (const result of input.controls) {
    if (needsRemediation(result)) tasks.set(result.control.id, draft(result.control, ['answer']));
  }
  if (input.excessData) {
    const existing = tasks.get(EXCESS_DATA_CONTROL_ID);
    if (existing) existing.reasons.push('excess_data');
    else tasks.set(EXCESS_DATA_CONTROL_ID, draft(input.excessDataControl, ['excess_data']));
  }
  const order = new Map(input.controls.map((r, i) => [r.control.id, i]));
  return [...tasks.values()].sort(bySeverityThenOrder(order));
}
