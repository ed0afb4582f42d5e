/**
 * Remediation tasks as they change (what staff read is in taskViews.ts):
 * status changes through the shared lifecycle (shared/remediation/
 * taskLifecycle.ts is the one rule), changes of owner, and the job that
 * reopens accepted risks once they expire. Every change writes a row of
 * the task's history and an audit entry in the transaction that makes it.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { toIsoDate } from '#shared/dates.ts';
import type { AuditAction } from '#shared/auditActions.ts';
import { dueDateFor } from '#shared/remediation/sla.ts';
import { responsibleStaff, isRiskAcceptor, isAssessor, type StaffMember } from '#shared/remediation/state.ts';
import { checkTaskTransition, type TaskFacts, type TaskTransitionCheck, type TaskTransitionInput, type TaskTransitionName } from '#shared/remediation/taskLifecycle.ts';
import type { StaffRole, TaskStatus } from '#shared/statuses.ts';
import { remediationTasks, taskEvents, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { enqueueEmail, type MailSettings } from '../platform/mail/outbox.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../platform/audit/auditTrail.ts';
import { recomputeVendorRisk, positionMoved, takeRiskSnapshot } from '../risk/index.ts';
import { getSlaDays } from './slaSetting.ts';

/** Who is acting on a task from the staff side. */
export interface StaffActor {
  userId: string;
  name: string;
  role: StaffRole;
  ip: string | null;
}

/** The audit code of each move a person or the expiry job makes; Tollgate's moves on a newer review are the review's. */
const AUDIT_ACTION: Partial<Record<TaskTransitionName, AuditAction>> = {
  start_work: 'task.start',
  mark_ready: 'task.ready',
  verify: 'task.verify',
  send_back: 'task.send_back',
  accept_risk: 'task.risk_accept',
  revoke_acceptance: 'task.acceptance_revoke',
  reopen_on_expiry: 'task.reopen',
};

/** A refusal of the lifecycle as the API answers it (docs/remediation.md: suggested codes). */
export function refusalError(check: Extract<TaskTransitionCheck, { ok: false }>): AppError {
  const code = check.reason === 'forbidden' ? 'FORBIDDEN' : check.reason === 'invalid_input' ? 'BAD_REQUEST' : 'PRECONDITION_FAILED';
  return new AppError(code, check.message, { rule: check.rule, reason: check.reason });
}

export const factsOf = (task: typeof remediationTasks.$inferSelect): TaskFacts => ({
  status: task.status,
  assessmentId: task.assessmentId,
  ownerId: task.ownerId,
  readyByUserId: task.readyByUserId,
  acceptanceExpiresOn: task.acceptanceExpiresOn,
});

export function loadTask(tx: Db | Tx, taskId: number) {
  const task = tx.select().from(remediationTasks).where(eq(remediationTasks.id, taskId)).get();
  if (!task) throw notFound('The task');
  return task;
}

export const nameOf = (tx: Db | Tx, id: string | null) => (id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null);

interface EventActor {
  type: 'user' | 'vendor_link' | 'system';
  userId: string | null;
  label: string;
}

/** Appends one row to the task's history. */
export function recordTaskEvent(
  tx: Tx,
  taskId: number,
  actor: EventActor,
  kind: string,
  from: TaskStatus,
  to: TaskStatus,
  note: string | null,
  details: Record<string, unknown> | null,
  at: Date,
) {
  tx.insert(taskEvents).values({ taskId, at, actorType: actor.type, actorUserId: actor.userId, actorLabel: actor.label, kind, fromStatus: from, toStatus: to, note, details }).run();
}

/** Rescores the vendor after a change that can move its position, and records the position in its history when it moved (always, for a verified fix). */
function rescore(tx: Tx, vendorId: number, now: Date, always: boolean) {
  const before = tx.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get();
  const after = recomputeVendorRisk(tx, vendorId, now);
  if (always || positionMoved(before, after)) takeRiskSnapshot(tx, vendorId, now, 'remediation');
}

/** What the row looks like after a move, by rule. Reopening starts a new SLA clock from the day it reopens (docs/remediation.md §1). */
function changesFor(tx: Tx, task: typeof remediationTasks.$inferSelect, rule: TaskTransitionName, actorUserId: string | null, input: { justification: string | null; expiresOn: string | null }, now: Date) {
  switch (rule) {
    case 'start_work':
      return { status: 'in_progress' as const };
    case 'mark_ready':
      return { status: 'ready_for_verification' as const, readyAt: now, readyByUserId: actorUserId };
    case 'verify':
      return { status: 'closed' as const, verifiedBy: actorUserId, closedAt: now };
    case 'send_back':
      return { status: 'in_progress' as const, readyAt: null, readyByUserId: null };
    case 'accept_risk':
      return { status: 'risk_accepted' as const, acceptedBy: actorUserId, acceptedAt: now, acceptanceJustification: input.justification, acceptanceExpiresOn: input.expiresOn };
    case 'revoke_acceptance':
    case 'reopen_on_expiry':
      return {
        status: 'open' as const,
        acceptedBy: null,
        acceptedAt: null,
        acceptanceJustification: null,
        acceptanceExpiresOn: null,
        readyAt: null,
        readyByUserId: null,
        dueDate: dueDateFor(task.severity, now, getSlaDays(tx)),
      };
    default:
      throw new AppError('PRECONDITION_FAILED', 'Tollgate makes this move itself when a newer assessment completes.');
  }
}

/** Applies an allowed move: the row, its history, the audit entry, and the vendor's risk when the move changes it. */
function applyMove(
  tx: Tx,
  task: typeof remediationTasks.$inferSelect,
  check: Extract<TaskTransitionCheck, { ok: true }>,
  actor: { event: EventActor; audit: AuditActor },
  now: Date,
) {
  const rule = check.rule.name;
  const changes = changesFor(tx, task, rule, actor.event.userId, check.input, now);
  tx.update(remediationTasks).set({ ...changes, updatedAt: now }).where(eq(remediationTasks.id, task.id)).run();
  const details: Record<string, unknown> = {};
  if (rule === 'accept_risk') Object.assign(details, { justification: check.input.justification, expiresOn: check.input.expiresOn });
  if (rule === 'revoke_acceptance' || rule === 'reopen_on_expiry') {
    Object.assign(details, { acceptedUntil: task.acceptanceExpiresOn, previousDueDate: task.dueDate, dueDate: 'dueDate' in changes ? changes.dueDate : task.dueDate });
  }
  recordTaskEvent(tx, task.id, actor.event, rule, task.status, changes.status, check.input.note, Object.keys(details).length ? details : null, now);
  recordAudit(tx, {
    actor: actor.audit,
    action: AUDIT_ACTION[rule]!,
    targetType: 'task',
    targetId: task.id,
    before: { status: task.status, dueDate: task.dueDate, acceptanceExpiresOn: task.acceptanceExpiresOn },
    after: { status: changes.status, rule, note: check.input.note, ...details },
    at: now,
  });
  // Verifying makes the control count as met; accepting or reopening moves the projection.
  if (rule === 'verify' || rule === 'accept_risk' || rule === 'revoke_acceptance' || rule === 'reopen_on_expiry') rescore(tx, task.vendorId, now, rule === 'verify');
  return changes.status;
}

/** A staff user moves a task; the lifecycle decides whether they may. */
export function transitionTask(db: Db, taskId: number, to: TaskStatus, input: TaskTransitionInput, actor: StaffActor, now: Date) {
  return db.transaction((tx) => {
    const task = loadTask(tx, taskId);
    const check = checkTaskTransition(factsOf(task), to, { kind: 'staff', userId: actor.userId, role: actor.role }, input, now);
    if (!check.ok) throw refusalError(check);
    const status = applyMove(tx, task, check, { event: { type: 'user', userId: actor.userId, label: actor.name }, audit: { type: 'user', id: actor.userId, label: actor.name, ip: actor.ip } }, now);
    return { id: task.id, status };
  });
}

/** The vendor marks a task ready through its link: the same rule, with the vendor as actor. Called by the portal inside its transaction. */
export function markReadyAsVendor(tx: Tx, task: typeof remediationTasks.$inferSelect, note: string, actor: { label: string; audit: AuditActor }, now: Date) {
  const check = checkTaskTransition(factsOf(task), 'ready_for_verification', { kind: 'vendor', assessmentId: task.assessmentId }, { note }, now);
  if (!check.ok) throw refusalError(check);
  return applyMove(tx, task, check, { event: { type: 'vendor_link', userId: null, label: actor.label }, audit: actor.audit }, now);
}

/** Sets the owner of several tasks at once, all or none; a closed or superseded task keeps its owner. */
export function assignOwner(db: Db, taskIds: readonly number[], ownerId: string | null, actor: StaffActor, now: Date) {
  return db.transaction((tx) => {
    let ownerName: string | null = null;
    if (ownerId !== null) {
      const owner = tx.select({ name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, ownerId)).get();
      if (!owner) throw badRequest('That person was not found: choose an owner from the list.');
      if (!owner.active) throw badRequest(`${owner.name} is deactivated and cannot own tasks.`);
      if (owner.role === 'auditor') throw badRequest(`${owner.name} is an auditor: auditors are read-only and cannot own tasks.`);
      ownerName = owner.name;
    }
    const ids = [...new Set(taskIds)];
    const rows = tx.select().from(remediationTasks).where(inArray(remediationTasks.id, ids)).all();
    if (rows.length !== ids.length) throw notFound(`${ids.length - rows.length === 1 ? 'One of the tasks' : 'Some of the tasks'}`);
    const final = rows.filter((t) => t.status === 'closed' || t.status === 'superseded');
    if (final.length > 0) {
      throw new AppError('PRECONDITION_FAILED', `Task${final.length > 1 ? 's' : ''} ${final.map((t) => `#${t.id}`).join(', ')} ${final.length > 1 ? 'are' : 'is'} finished (closed or superseded) and keep${final.length > 1 ? '' : 's'} its owner. Nothing was changed.`);
    }
    let changed = 0;
    for (const task of rows) {
      if (task.ownerId === ownerId) continue;
      tx.update(remediationTasks).set({ ownerId, updatedAt: now }).where(eq(remediationTasks.id, task.id)).run();
      const details = { fromOwner: nameOf(tx, task.ownerId), toOwner: ownerName };
      recordTaskEvent(tx, task.id, { type: 'user', userId: actor.userId, label: actor.name }, 'assign', task.status, task.status, null, details, now);
      recordAudit(tx, {
        actor: { type: 'user', id: actor.userId, label: actor.name, ip: actor.ip },
        action: 'task.assign',
        targetType: 'task',
        targetId: task.id,
        before: { ownerId: task.ownerId },
        after: { ownerId },
        at: now,
      });
      changed++;
    }
    return { changed, unchanged: rows.length - changed };
  });
}

/**
 * Reopens accepted risks whose expiry date has come (at most `limit` per
 * call, one short transaction each), each with a new due date, and tells
 * the owner (or, without an able owner, the CISO who accepted it, or every
 * assessor) by email or the Outbox in the same transaction. Idempotent: a
 * reopened task is no longer accepted, so a second run finds nothing.
 */
export function reopenExpiredAcceptances(db: Db, mail: Pick<MailSettings, 'smtpUrl'>, publicUrl: string, now: Date, limit = Number.MAX_SAFE_INTEGER): number {
  const today = toIsoDate(now);
  const due = db
    .select({ id: remediationTasks.id })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.status, 'risk_accepted'), lte(remediationTasks.acceptanceExpiresOn, today)))
    .orderBy(asc(remediationTasks.id))
    .limit(limit)
    .all();
  for (const { id } of due) {
    db.transaction((tx) => {
      const task = loadTask(tx, id);
      const check = checkTaskTransition(factsOf(task), 'open', { kind: 'system' }, {}, now);
      if (!check.ok) return;
      const vendorName = tx.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, task.vendorId)).get()?.name ?? 'a vendor';
      applyMove(tx, task, check, { event: { type: 'system', userId: null, label: SYSTEM_ACTOR.label }, audit: SYSTEM_ACTOR }, now);
      const staff: StaffMember[] = tx.select({ id: users.id, role: users.role, active: users.active }).from(users).all();
      const byOwner = responsibleStaff(staff, [task.ownerId], (m) => m.active && m.role !== 'auditor', () => false);
      const told = byOwner.ids.length > 0 ? byOwner : responsibleStaff(staff, [task.acceptedBy], isRiskAcceptor, isAssessor);
      const recipients = told.ids.length ? tx.select({ email: users.email }).from(users).where(inArray(users.id, told.ids)).all() : [];
      const reopened = tx.select({ dueDate: remediationTasks.dueDate }).from(remediationTasks).where(eq(remediationTasks.id, id)).get();
      for (const r of recipients) {
        enqueueEmail(
          tx,
          mail,
          {
            to: r.email,
            subject: `Accepted risk expired: ${task.controlId} at ${vendorName} is open again`,
            text: `The accepted risk on ${task.controlId} at ${vendorName} expired on ${task.acceptanceExpiresOn}, so the remediation task is open again, due ${reopened?.dueDate}.\n\nFix it, or ask a CISO to accept the risk again with a fresh justification: ${publicUrl}/tasks/${task.id}`,
          },
          now,
        );
      }
    });
  }
  return due.length;
}
