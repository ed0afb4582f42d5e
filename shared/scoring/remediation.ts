/**
 * Remediation tasks raised at the end of a review: one per scored question
 * (catalogue control or custom question) that is not fully met, plus one
 * against DAT-01 for data held but not needed.
 */
import { SEVERITIES, type Severity } from '../catalogue/types.ts';
import type { Credited } from './grading.ts';
import {
  DEFAULT_POLICY,
  EXCESS_DATA_CONTROL_ID,
  SEVERE_IMPACT_FOR_TASK_UPLIFT,
  type Level,
  type ScoringPolicy,
} from './constants.ts';

export type TaskReason = 'answer' | 'excess_data';

export interface RemediationTaskDraft {
  /** The catalogue control or question the task is about. */
  controlId: string;
  severity: Severity;
  dueInDays: number;
  reasons: TaskReason[];
}

/** The question (or control) a task is raised against: its id and severity. */
export interface TaskSubject {
  id: string;
  severity: Severity;
}

export function raiseSeverity(severity: Severity, steps: number): Severity {
  const index = Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(severity) + steps);
  return SEVERITIES[index]!;
}

export function taskSeverity(controlSeverity: Severity, impact: Level): Severity {
  return impact >= SEVERE_IMPACT_FOR_TASK_UPLIFT ? raiseSeverity(controlSeverity, 1) : controlSeverity;
}

/** Scored, asked, applicable and not fully met. */
export function needsRemediation(result: Credited): boolean {
  return result.credit !== null && result.credit < 1;
}

export interface RemediationInput {
  results: readonly (Credited & { question: TaskSubject })[];
  impact: Level;
  /** True when any holding is marked not needed for the service. */
  excessData: boolean;
  /** Definition of the excess-data control, for when the questionnaire does not include it. */
  excessDataControl: TaskSubject;
  policy?: ScoringPolicy;
}

const bySeverityThenOrder = (order: Map<string, number>) => (a: RemediationTaskDraft, b: RemediationTaskDraft) =>
  SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
  (order.get(a.controlId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.controlId) ?? Number.MAX_SAFE_INTEGER) ||
  a.controlId.localeCompare(b.controlId);

export function buildRemediationTasks(input: RemediationInput): RemediationTaskDraft[] {
  const policy = input.policy ?? DEFAULT_POLICY;
  const draft = (subject: TaskSubject, reasons: TaskReason[]): RemediationTaskDraft => {
    const severity = taskSeverity(subject.severity, input.impact);
    return { controlId: subject.id, severity, dueInDays: policy.remediationDueDays[severity], reasons };
  };

  const tasks = new Map<string, RemediationTaskDraft>();
  for (const result of input.results) {
    if (needsRemediation(result)) tasks.set(result.question.id, draft(result.question, ['answer']));
  }
  if (input.excessData) {
    const existing = tasks.get(EXCESS_DATA_CONTROL_ID);
    if (existing) existing.reasons.push('excess_data');
    else tasks.set(EXCESS_DATA_CONTROL_ID, draft(input.excessDataControl, ['excess_data']));
  }
  const order = new Map(input.results.map((r, i) => [r.question.id, i]));
  return [...tasks.values()].sort(bySeverityThenOrder(order));
}
