/**
 * Reads the remediation state (shared/remediation/state.ts) from the
 * database in a handful of queries: the reminder schedule and every staff
 * user's "needs my attention" list are pure functions of it.
 *
 * It reads either the whole portfolio or one slice of it: the vendors in a
 * range of ids with their own tasks, assessments, links and answers (staff
 * is small and global, so every slice has all of it). The reminder
 * schedule looks at each vendor on its own, so the schedule of the whole is
 * the union of the slices' schedules (ADR 0038), and the reminders' job
 * reads a few hundred vendors at a time instead of holding every open task
 * of the portfolio at once.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { OPEN_STATUSES } from '#shared/assessmentLifecycle.ts';
import { ATTENTION_TASK_STATUSES, attentionWindow } from '#shared/remediation/attention.ts';
import type { LinkState, QuestionnaireState, RemediationState, TaskState, VendorState } from '#shared/remediation/state.ts';
import { answers, assessments, remediationTasks, reviewMessages, shareLinks, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { allDecoded } from '../platform/db/decodedRows.ts';

/** Tasks that are over: every other status (open, in progress once the lifecycle adds it, ready, accepted) is watched. */
const FINISHED_TASK_STATUSES: ('closed' | 'superseded')[] = ['closed', 'superseded'];

/** Vendors with ids in (afterId, throughId]: consecutive slices leave no vendor out and take none twice. */
export interface VendorRange {
  afterId: number;
  throughId: number;
}

/** The whole portfolio's state. */
export function loadRemediationState(db: Db | Tx): RemediationState {
  return loadState(db, null);
}

/**
 * The whole portfolio's state as "needs my attention" reads it at `now`: every vendor and open questionnaire, and
 * only the tasks that can be on someone's list then (attentionWindow): to verify, overdue, or accepted until a date
 * soon. Where most tasks are not yet due that is a small part of the open ones (the bench's generated portfolio,
 * where most are overdue, is the worst case: 122,319 of 141,056). The lists are the same as from
 * loadRemediationState (tests/integration/reminders.test.ts compares them).
 */
export function loadAttentionState(db: Db | Tx, now: Date): RemediationState {
  const { today, acceptanceEndsBy } = attentionWindow(now);
  const t = remediationTasks;
  return loadState(
    db,
    null,
    or(
      eq(t.status, ATTENTION_TASK_STATUSES.toVerify),
      and(inArray(t.status, [...ATTENTION_TASK_STATUSES.underWay]), lt(t.dueDate, today)),
      and(eq(t.status, ATTENTION_TASK_STATUSES.accepted), lte(t.acceptanceExpiresOn, acceptanceEndsBy)),
    ),
  );
}

/**
 * The state of the next `size` vendors (by id) after `afterId`, with the range it covers; null when no vendor is
 * left. Keyset pagination: each slice starts where the last ended, whatever was added or removed meanwhile.
 */
export function loadRemediationSlice(db: Db | Tx, afterId: number, size: number): { state: RemediationState; range: VendorRange } | null {
  const last = db
    .select({ id: vendors.id })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(gt(vendors.id, afterId))
    .orderBy(asc(vendors.id))
    .limit(1)
    .offset(size - 1)
    .get();
  // Fewer than `size` left: the last slice runs to the end.
  const range = { afterId, throughId: last?.id ?? Number.MAX_SAFE_INTEGER };
  const state = loadState(db, range);
  if (state.vendors.length === 0) return null;
  return { state, range };
}

/** The condition that keeps a row of the range's vendors, or none for the whole portfolio. */
function inRangeOf(range: VendorRange | null) {
  return (column: SQLiteColumn): SQL | undefined => (range ? and(gt(column, range.afterId), lte(column, range.throughId)) : undefined);
}

/** The vendors alone (tier, last assessment, owner, whether a re-assessment is open): all the re-assessment lists need. */
export function loadVendorStates(db: Db | Tx, range: VendorRange | null = null): VendorState[] {
  const inRange = inRangeOf(range);
  const vendorRows = db
    .select({ id: vendors.id, status: vendors.status, tier: vendorRisk.tier, lastCompletedAt: vendorRisk.assessedAt, lastAssessmentId: vendorRisk.assessmentId })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .where(inRange(vendors.id))
    .orderBy(asc(vendors.id))
    .all();
  const lastAssessors = new Map(
    db
      .select({ id: assessments.id, assessorId: assessments.assessorId })
      .from(assessments)
      .where(inArray(assessments.id, db.select({ id: vendorRisk.assessmentId }).from(vendorRisk).where(and(isNotNull(vendorRisk.assessmentId), inRange(vendorRisk.vendorId)))))
      .all()
      .map((a) => [a.id, a.assessorId]),
  );
  const openByVendor = new Set(
    db
      .selectDistinct({ vendorId: assessments.vendorId })
      .from(assessments)
      .where(and(inArray(assessments.status, OPEN_STATUSES), inRange(assessments.vendorId)))
      .all()
      .map((r) => r.vendorId),
  );

  return vendorRows.map((v) => ({
    id: v.id,
    active: v.status === 'active',
    tier: v.tier,
    lastCompletedAt: v.lastCompletedAt,
    reassessmentOpen: openByVendor.has(v.id),
    // The vendor record names no owner user yet: the last assessment's assessor answers for it (docs/remediation.md section 6).
    ownerId: v.lastAssessmentId ? (lastAssessors.get(v.lastAssessmentId) ?? null) : null,
  }));
}

function loadState(db: Db | Tx, range: VendorRange | null, taskFilter?: SQL): RemediationState {
  const inRange = inRangeOf(range);
  const staff = db.select({ id: users.id, role: users.role, active: users.active }).from(users).all();
  const vendorStates = loadVendorStates(db, range);

  // Only the columns the state needs, straight into its shape: on a 10,000-vendor portfolio (about 140,000 open
  // tasks) whole rows (reasons parsed from JSON, responses, justifications) and a copy of each made this pass
  // the largest use of memory in the server (docs/decisions/0031-start-up-memory.md).
  // Decoded a column at a time (platform/db/decodedRows.ts): at 10,000 vendors this reads over 100,000 rows.
  const tasks: TaskState[] = allDecoded(
    {
      id: remediationTasks.id,
      vendorId: remediationTasks.vendorId,
      assessmentId: remediationTasks.assessmentId,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: remediationTasks.status,
      dueDate: remediationTasks.dueDate,
      createdAt: remediationTasks.createdAt,
      ownerId: remediationTasks.ownerId,
      // Whoever marked a task ready does not verify it (four eyes), so it is not on their list.
      readyByUserId: remediationTasks.readyByUserId,
      acceptedBy: remediationTasks.acceptedBy,
      acceptedAt: remediationTasks.acceptedAt,
      acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
    },
    (fields) =>
      db
        .select(fields)
        .from(remediationTasks)
        .where(and(notInArray(remediationTasks.status, FINISHED_TASK_STATUSES), inRange(remediationTasks.vendorId), taskFilter))
        .orderBy(asc(remediationTasks.id)),
  );

  // Questionnaires still open, and the completed ones whose tasks still reach the vendor through their links.
  // A task's assessment is its own vendor's (both are written together when the review completes), so a
  // slice's tasks find their questionnaires among the slice's own assessments.
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
    .where(and(taskAssessmentIds.length ? sql`(${assessments.status} in ${OPEN_STATUSES} or ${assessments.id} in ${taskAssessmentIds})` : inArray(assessments.status, OPEN_STATUSES), inRange(assessments.vendorId)))
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
          inRange(assessments.vendorId),
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
    vendors: vendorStates,
    questionnaires,
    tasks,
  };
}
