/**
 * What staff read about remediation tasks: the Tasks page's list and its
 * filter options, and one task's page with the moves its reader may make
 * (the moves themselves are in tasks.ts).
 */
import { and, asc, desc, eq, inArray, isNull, lte, lt, sql, type SQL } from 'drizzle-orm';
import { toIsoDate, isoDateInDays } from '#shared/dates.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { availableTaskTransitions, type TaskActor } from '#shared/remediation/taskLifecycle.ts';
import { OWNER_NONE, TaskListFiltersSchema, type TaskListFilters } from '#shared/schemas/remediation.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { assessments, evidenceFiles, remediationTasks, taskComments, taskEvents, templateVersions, users, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { factsOf, loadTask, nameOf, type StaffActor } from './tasks.ts';

/** The control definitions of the templates these tasks were raised from, by template version. */
function controlsByVersion(tx: Db | Tx, versionIds: readonly number[]) {
  const out = new Map<number, Map<string, { title: string; whyItMatters: string; remediation: string }>>();
  if (versionIds.length === 0) return out;
  const rows = tx.select({ id: templateVersions.id, content: templateVersions.content, template: templateVersions.template }).from(templateVersions).where(inArray(templateVersions.id, [...new Set(versionIds)])).all();
  for (const row of rows) {
    // A custom question's task is titled by the question and asks for what its help text describes.
    out.set(row.id, new Map(askedVersion(row).questions.map((c) => [c.id, { title: c.title, whyItMatters: c.whyItMatters, remediation: c.remediation }])));
  }
  return out;
}

const overdueSql = (today: string) =>
  sql<boolean>`${remediationTasks.status} in ${ACTIVE_TASK_STATUSES} and ${remediationTasks.dueDate} < ${today}`.mapWith(Boolean);

/** Most rows the list returns at once; the page says when there are more and asks for a narrower filter. */
export const TASK_LIST_LIMIT = 1000;

/** The Tasks page: tasks matching the filters, by due date. */
export function listTasks(db: Db, rawFilters: TaskListFilters, now: Date) {
  const filters = TaskListFiltersSchema.parse(rawFilters);
  const today = toIsoDate(now);
  const where: SQL[] = [];
  if (filters.vendorId !== undefined) where.push(eq(remediationTasks.vendorId, filters.vendorId));
  if (filters.severity?.length) where.push(inArray(remediationTasks.severity, filters.severity));
  if (filters.status?.length) where.push(inArray(remediationTasks.status, filters.status));
  else where.push(inArray(remediationTasks.status, [...ACTIVE_TASK_STATUSES, 'risk_accepted']));
  if (filters.ownerId === OWNER_NONE) where.push(isNull(remediationTasks.ownerId));
  else if (filters.ownerId !== undefined) where.push(eq(remediationTasks.ownerId, filters.ownerId));
  if (filters.dueWithinDays !== undefined) {
    where.push(inArray(remediationTasks.status, ACTIVE_TASK_STATUSES), lte(remediationTasks.dueDate, isoDateInDays(now, filters.dueWithinDays)));
  }
  if (filters.overdue) where.push(inArray(remediationTasks.status, ACTIVE_TASK_STATUSES), lt(remediationTasks.dueDate, today));

  const owner = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.ownerId})`;
  const acceptor = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.acceptedBy})`;
  const rows = db
    .select({
      id: remediationTasks.id,
      vendorId: remediationTasks.vendorId,
      vendorName: vendors.name,
      templateVersionId: assessments.templateVersionId,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: remediationTasks.status,
      dueDate: remediationTasks.dueDate,
      overdue: overdueSql(today),
      ownerId: remediationTasks.ownerId,
      ownerName: owner,
      acceptedByName: acceptor,
      acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
    })
    .from(remediationTasks)
    .innerJoin(vendors, eq(vendors.id, remediationTasks.vendorId))
    .innerJoin(assessments, eq(assessments.id, remediationTasks.assessmentId))
    .where(and(...where))
    .orderBy(filters.sort === 'due_desc' ? desc(remediationTasks.dueDate) : asc(remediationTasks.dueDate), asc(remediationTasks.id))
    .limit(TASK_LIST_LIMIT + 1)
    .all();
  const controls = controlsByVersion(
    db,
    rows.map((r) => r.templateVersionId),
  );
  return {
    truncated: rows.length > TASK_LIST_LIMIT,
    tasks: rows.slice(0, TASK_LIST_LIMIT).map(({ templateVersionId, ...r }) => ({ ...r, title: controls.get(templateVersionId)?.get(r.controlId)?.title ?? r.controlId })),
  };
}

/** The Tasks page's pickers: staff who may own a task (every active role but the read-only auditor) and the vendors that have tasks. */
export function taskFilterOptions(db: Db) {
  return {
    owners: db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), sql`${users.role} <> 'auditor'`))
      .orderBy(asc(users.name))
      .all(),
    vendors: db
      .selectDistinct({ id: vendors.id, name: vendors.name })
      .from(vendors)
      .innerJoin(remediationTasks, eq(remediationTasks.vendorId, vendors.id))
      .orderBy(asc(vendors.name))
      .all(),
  };
}


/** One task as its page shows it: the control, the fix, the vendor's side, its history, and what this user may do next. */
export function getTaskDetail(db: Db, taskId: number, actor: StaffActor, now: Date) {
  const task = loadTask(db, taskId);
  const context = db
    .select({ vendorName: vendors.name, templateVersionId: assessments.templateVersionId, assessmentStatus: assessments.status, completedAt: assessments.completedAt })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(eq(assessments.id, task.assessmentId))
    .get();
  if (!context) throw notFound('The task');
  const control = controlsByVersion(db, [context.templateVersionId]).get(context.templateVersionId)?.get(task.controlId);
  const today = toIsoDate(now);
  const staffActor: TaskActor = { kind: 'staff', userId: actor.userId, role: actor.role };
  return {
    id: task.id,
    vendorId: task.vendorId,
    vendorName: context.vendorName,
    assessmentId: task.assessmentId,
    controlId: task.controlId,
    title: control?.title ?? task.controlId,
    whyItMatters: control?.whyItMatters ?? '',
    remediation: control?.remediation ?? '',
    reasons: task.reasons,
    severity: task.severity,
    status: task.status,
    dueDate: task.dueDate,
    overdue: ACTIVE_TASK_STATUSES.includes(task.status) && task.dueDate < today,
    createdAt: task.createdAt,
    owner: task.ownerId ? { id: task.ownerId, name: nameOf(db, task.ownerId) ?? 'A removed account' } : null,
    vendorResponse: task.vendorResponse,
    readyAt: task.readyAt,
    readyBy: task.readyByUserId ? nameOf(db, task.readyByUserId) : null,
    verifiedBy: nameOf(db, task.verifiedBy),
    closedAt: task.closedAt,
    acceptance:
      task.status === 'risk_accepted'
        ? { by: nameOf(db, task.acceptedBy), at: task.acceptedAt, justification: task.acceptanceJustification, expiresOn: task.acceptanceExpiresOn }
        : null,
    comments: db
      .select({ id: taskComments.id, authorType: taskComments.authorType, authorName: taskComments.authorName, body: taskComments.body, createdAt: taskComments.createdAt })
      .from(taskComments)
      .where(eq(taskComments.taskId, task.id))
      .orderBy(asc(taskComments.id))
      .all(),
    evidence: db
      .select({ id: evidenceFiles.id, name: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, createdAt: evidenceFiles.createdAt })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.taskId, task.id), isNull(evidenceFiles.deletedAt)))
      .orderBy(asc(evidenceFiles.id))
      .all(),
    history: db
      .select({
        id: taskEvents.id,
        at: taskEvents.at,
        actorType: taskEvents.actorType,
        actorLabel: taskEvents.actorLabel,
        kind: taskEvents.kind,
        fromStatus: taskEvents.fromStatus,
        toStatus: taskEvents.toStatus,
        note: taskEvents.note,
        details: taskEvents.details,
      })
      .from(taskEvents)
      .where(eq(taskEvents.taskId, task.id))
      .orderBy(asc(taskEvents.id))
      .all(),
    /** The moves this user could make now: the page offers only these. */
    available: availableTaskTransitions(factsOf(task), staffActor, now).map((r) => ({ name: r.name, to: r.to })),
    /** The server's UTC day: an acceptance's expiry must come after it, and at most 12 months later. */
    today,
  };
}
export type TaskDetail = ReturnType<typeof getTaskDetail>;
