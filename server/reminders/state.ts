/**
 * Reads the remediation state (shared/remediation/state.ts) from the
 * database in a handful of queries: the reminder schedule and every staff
 * user's "needs my attention" list are pure functions of it.
 */
import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '#shared/assessmentLifecycle.ts';
import type { LinkState, QuestionnaireState, RemediationState, TaskState } from '#shared/remediation/state.ts';
import { answers, assessments, remediationTasks, reviewMessages, shareLinks, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';

/** Tasks that are over: every other status (open, in progress once the lifecycle adds it, ready, accepted) is watched. */
const FINISHED_TASK_STATUSES: ('closed' | 'superseded')[] = ['closed', 'superseded'];

export function loadRemediationState(db: Db | Tx): RemediationState {
  const staff = db.select({ id: users.id, role: users.role, active: users.active }).from(users).all();

  const vendorRows = db
    .select({ id: vendors.id, status: vendors.status, tier: vendorRisk.tier, lastCompletedAt: vendorRisk.assessedAt, lastAssessmentId: vendorRisk.assessmentId })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .all();
  const lastAssessors = new Map(
    db
      .select({ id: assessments.id, assessorId: assessments.assessorId })
      .from(assessments)
      .where(inArray(assessments.id, db.select({ id: vendorRisk.assessmentId }).from(vendorRisk).where(isNotNull(vendorRisk.assessmentId))))
      .all()
      .map((a) => [a.id, a.assessorId]),
  );
  const openByVendor = new Set(
    db
      .selectDistinct({ vendorId: assessments.vendorId })
      .from(assessments)
      .where(inArray(assessments.status, OPEN_STATUSES))
      .all()
      .map((r) => r.vendorId),
  );

  // Only the columns the state needs, straight into its shape: on a 10,000-vendor portfolio (about 140,000 open
  // tasks) whole rows (reasons parsed from JSON, responses, justifications) and a copy of each made this pass
  // the largest use of memory in the server (docs/decisions/0031-start-up-memory.md).
  const tasks: TaskState[] = db
    .select({
      id: remediationTasks.id,
      vendorId: remediationTasks.vendorId,
      assessmentId: remediationTasks.assessmentId,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: sql<TaskState['status']>`${remediationTasks.status}`,
      dueDate: remediationTasks.dueDate,
      createdAt: remediationTasks.createdAt,
      ownerId: remediationTasks.ownerId,
      // Whoever marked a task ready does not verify it (four eyes), so it is not on their list.
      readyByUserId: remediationTasks.readyByUserId,
      acceptedBy: remediationTasks.acceptedBy,
      acceptedAt: remediationTasks.acceptedAt,
      acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
    })
    .from(remediationTasks)
    .where(notInArray(remediationTasks.status, FINISHED_TASK_STATUSES))
    .orderBy(asc(remediationTasks.id))
    .all();

  // Questionnaires still open, and the completed ones whose tasks still reach the vendor through their links.
  const taskAssessmentIds = [...new Set(tasks.map((t) => t.assessmentId))];
  const assessmentRows = db
    .select({
      id: assessments.id,
      vendorId: assessments.vendorId,
      status: assessments.status,
      sentAt: assessments.sentAt,
      dueDate: assessments.dueDate,
      assessorId: assessments.assessorId,
    })
    .from(assessments)
    .where(taskAssessmentIds.length ? sql`${assessments.status} in ${OPEN_STATUSES} or ${assessments.id} in ${taskAssessmentIds}` : inArray(assessments.status, OPEN_STATUSES))
    .all();
  const ids = assessmentRows.map((a) => a.id);
  const linkRows = ids.length
    ? db
        .select({ id: shareLinks.id, assessmentId: shareLinks.assessmentId, createdAt: shareLinks.createdAt, openCount: shareLinks.openCount, revokedAt: shareLinks.revokedAt, expiresAt: shareLinks.expiresAt })
        .from(shareLinks)
        .where(inArray(shareLinks.assessmentId, ids))
        .orderBy(asc(shareLinks.id))
        .all()
    : [];
  const links = new Map<number, LinkState[]>();
  for (const l of linkRows) {
    const list = links.get(l.assessmentId) ?? [];
    list.push({ id: l.id, createdAt: l.createdAt, opened: l.openCount > 0, revokedAt: l.revokedAt, expiresAt: l.expiresAt });
    links.set(l.assessmentId, list);
  }

  // Answers waiting on the reviewer: not yet decided, or the vendor replied last to a question or a rejection.
  const lastAuthor = db
    .select({ authorType: reviewMessages.authorType })
    .from(reviewMessages)
    .where(and(eq(reviewMessages.assessmentId, answers.assessmentId), eq(reviewMessages.controlId, answers.controlId)))
    .orderBy(desc(reviewMessages.createdAt), desc(reviewMessages.id))
    .limit(1);
  const awaiting = new Map(
    db
      .select({ assessmentId: answers.assessmentId, n: sql<number>`count(*)` })
      .from(answers)
      .innerJoin(assessments, eq(assessments.id, answers.assessmentId))
      .where(
        and(
          inArray(assessments.status, ['submitted', 'in_review']),
          sql`(${answers.reviewStatus} = 'pending' or (${answers.reviewStatus} in ('clarification_requested', 'rejected') and (${lastAuthor}) = 'vendor'))`,
        ),
      )
      .groupBy(answers.assessmentId)
      .all()
      .map((r) => [r.assessmentId, r.n]),
  );

  const questionnaires: QuestionnaireState[] = assessmentRows.map((a) => ({
    assessmentId: a.id,
    vendorId: a.vendorId,
    status: a.status,
    sentAt: a.sentAt,
    dueDate: a.dueDate,
    assessorId: a.assessorId,
    answersAwaitingReview: awaiting.get(a.id) ?? 0,
    links: links.get(a.id) ?? [],
  }));

  return {
    staff,
    vendors: vendorRows.map((v) => ({
      id: v.id,
      active: v.status === 'active',
      tier: v.tier,
      lastCompletedAt: v.lastCompletedAt,
      reassessmentOpen: openByVendor.has(v.id),
      // The vendor record names no owner user yet: the last assessment's assessor answers for it (docs/remediation.md section 6).
      ownerId: v.lastAssessmentId ? (lastAssessors.get(v.lastAssessmentId) ?? null) : null,
    })),
    questionnaires,
    tasks,
  };
}
