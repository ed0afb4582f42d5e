/**
 * The remediation state the reminder schedule and the "needs my
 * attention" list are computed from: plain values the server reads from
 * the database in one go. Both functions are pure over it, so the same
 * state and the same `now` always give the same answer.
 */
import type { AssessmentStatus } from '../assessmentLifecycle.ts';
import type { Severity } from '../catalogue/types.ts';
import type { Tier } from '../scoring/constants.ts';
import type { StaffRole } from '../statuses.ts';
import { ASSESSOR_ROLES, RISK_ACCEPTOR_ROLES, type TaskFacts } from './taskLifecycle.ts';

export interface StaffMember {
  id: string;
  role: StaffRole;
  /** Deactivated accounts are never asked to act. */
  active: boolean;
}

/** A questionnaire link as the schedule sees it (the token itself is never here: it is stored hashed). */
export interface LinkState {
  id: number;
  createdAt: Date;
  /** Opened at least once. */
  opened: boolean;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** An assessment: open ones for questionnaire reminders, and any whose tasks are still active (for the vendor's links). */
export interface QuestionnaireState {
  assessmentId: number;
  vendorId: number;
  status: AssessmentStatus;
  sentAt: Date | null;
  /** ISO date the vendor should submit by. */
  dueDate: string | null;
  /** The staff user running it (the assessment's assessor). */
  assessorId: string | null;
  /** Answers waiting on the reviewer: pending decisions and vendor replies. */
  answersAwaitingReview: number;
  links: readonly LinkState[];
}

export interface TaskState extends TaskFacts {
  id: number;
  vendorId: number;
  controlId: string;
  severity: Severity;
  /** ISO date. */
  dueDate: string;
  createdAt: Date;
  /** The CISO who accepted the risk. */
  acceptedBy: string | null;
  acceptedAt: Date | null;
}

export interface VendorState {
  id: number;
  /** Archived vendors get no reminders and need no one's attention. */
  active: boolean;
  /** The effective tier (override or suggested). */
  tier: Tier;
  lastCompletedAt: Date | null;
  /** A re-assessment has been started (draft to in review): the reminder to start one is moot. */
  reassessmentOpen: boolean;
  /** Who is answerable for the vendor internally (e.g. the last assessment's assessor). */
  ownerId: string | null;
}

export interface RemediationState {
  staff: readonly StaffMember[];
  vendors: readonly VendorState[];
  questionnaires: readonly QuestionnaireState[];
  tasks: readonly TaskState[];
}

export const isAssessor = (m: StaffMember) => m.active && ASSESSOR_ROLES.includes(m.role);
export const isRiskAcceptor = (m: StaffMember) => m.active && RISK_ACCEPTOR_ROLES.includes(m.role);
/** Anyone who may own a task: every active role but the read-only auditor. */
export const mayOwnTasks = (m: StaffMember) => m.active && m.role !== 'auditor';

export interface Responsible {
  /** The named people who can act, in the order named. */
  named: string[];
  /** Who is answerable: the named people, or, when none of them can act, everyone who could. */
  ids: string[];
}

/**
 * Who should act on something: the people named on it (owner, assessor,
 * acceptor) who are still able to; when none is (nobody named, or the
 * account was deactivated or changed role), everyone in the pool, so that
 * nothing falls between chairs.
 */
export function responsibleStaff(
  staff: readonly StaffMember[],
  named: readonly (string | null)[],
  mayAct: (m: StaffMember) => boolean,
  pool: (m: StaffMember) => boolean = mayAct,
): Responsible {
  const byId = new Map(staff.map((m) => [m.id, m]));
  const able = [...new Set(named.filter((id): id is string => id !== null))].filter((id) => {
    const m = byId.get(id);
    return m !== undefined && mayAct(m);
  });
  if (able.length > 0) return { named: able, ids: able };
  return {
    named: [],
    ids: staff
      .filter(pool)
      .map((m) => m.id)
      .sort(),
  };
}
