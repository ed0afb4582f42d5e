/**
 * The rules of the OSCAL assessment-results export that are ours to choose
 * (docs/oscal.md): how a remediation task's status reads as an OSCAL risk
 * status and remediation lifecycle, and how a question id becomes an OSCAL
 * token. The server builds the document with them.
 */
import type { TaskStatus } from './statuses.ts';

/** The OSCAL model version the document declares, and is checked against. */
export const OSCAL_VERSION = '1.2.0';

/** OSCAL's risk statuses that a task can give (OSCAL also has deviation-requested, which Tollgate has no step for). */
export type OscalRiskStatus = 'open' | 'remediating' | 'investigating' | 'deviation-approved' | 'closed';

export const RISK_STATUS: Record<TaskStatus, OscalRiskStatus> = {
  open: 'open',
  in_progress: 'remediating',
  // The vendor (or owner) says it is fixed; an assessor has yet to check.
  ready_for_verification: 'investigating',
  risk_accepted: 'deviation-approved',
  closed: 'closed',
  // A later assessment of the vendor raised its own task for the control: the risk is tracked there.
  superseded: 'closed',
};

export const REMEDIATION_LIFECYCLE: Record<TaskStatus, 'recommendation' | 'planned' | 'completed'> = {
  open: 'recommendation',
  in_progress: 'planned',
  ready_for_verification: 'planned',
  risk_accepted: 'recommendation',
  closed: 'completed',
  superseded: 'recommendation',
};

/**
 * An OSCAL token (an XML NCName) for a question id. Ours may start with a
 * digit ("1.2" from a SIG import), which a token may not: such ids get a
 * leading underscore, and the question-id property keeps the original.
 */
export function oscalToken(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}
