/**
 * Starting assessments and moving them through their lifecycle:
 * draft -> sent -> in progress -> submitted -> in review -> completed, or
 * cancelled. Illegal moves are refused with a message that says why.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import type { z } from 'zod';
import { ASSESSMENT_STATUS_LABELS, canTransition, OPEN_STATUSES, type AssessmentStatus } from '#shared/assessmentLifecycle.ts';
import { toIsoDate } from '#shared/dates.ts';
import type { AssessmentListInput, StartAssessmentInput } from '#shared/schemas/assessments.ts';
import { templateForTier } from '#shared/scoring/tier.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { answers, assessments, questionnaireTemplates, templateVersions, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { endLinkSessions } from './links/linkSessions.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { completeReview } from './review/completeReview.ts';
import { answeredSql, carryOverAnswers } from './carryOver.ts';
import { progressAsAsked } from './askedProgress.ts';
import { assessableVersion } from '../templates/index.ts';

const label = (s: AssessmentStatus) => ASSESSMENT_STATUS_LABELS[s].toLowerCase();

export function startAssessment(svc: ServiceContext, input: z.output<typeof StartAssessmentInput>) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const vendor = tx.select({ id: vendors.id, status: vendors.status, name: vendors.name, tier: vendorRisk.tier }).from(vendors).innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id)).where(eq(vendors.id, input.vendorId)).get();
    if (!vendor) throw notFound('The vendor');
    if (vendor.status === 'archived') throw badRequest('This vendor is archived: restore it before assessing it.');
    const open = tx.select({ id: assessments.id, status: assessments.status }).from(assessments).where(and(eq(assessments.vendorId, vendor.id), inArray(assessments.status, [...OPEN_STATUSES]))).get();
    if (open) throw conflict(`${vendor.name} already has an assessment in progress (${label(open.status)}): finish or cancel it first.`, { assessmentId: open.id });
    const templateKey = input.templateKey ?? templateForTier(vendor.tier);
    if (input.dueDate && input.dueDate < toIsoDate(now)) throw badRequest('The due date is in the past.');
    if (input.assessorId && !tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.assessorId), eq(users.active, true))).get()) {
      throw badRequest('The assessor is not an active user.');
    }
    // Any published template vendors can be sent; the tier only suggests Core or Lite.
    const version = assessableVersion(tx, templateKey);
    const row = tx
      .insert(assessments)
      .values({ vendorId: vendor.id, templateVersionId: version.id, status: 'draft', dueDate: input.dueDate ?? null, assessorId: input.assessorId ?? actor.id, createdBy: actor.id, createdAt: now, updatedAt: now })
      .returning()
      .get();
    // A re-assessment starts from last time's answers, for every question both ask, for the vendor to confirm or change.
    const carried = carryOverAnswers(tx, { assessmentId: row.id, vendorId: vendor.id, controlIds: askedVersion(version).questions.map((c) => c.id), now });
    recordAudit(tx, { actor, action: 'assessment.start', targetType: 'assessment', targetId: row.id, after: { vendorId: vendor.id, template: templateKey, version: version.version, dueDate: row.dueDate, ...(carried ? { carriedOver: carried } : {}) }, at: now });
    return { assessmentId: row.id, templateKey, carriedOver: carried ? { answers: carried.answers, evidence: carried.evidence } : null };
  });
}

const STAMP: Partial<Record<AssessmentStatus, 'sentAt' | 'reviewStartedAt' | 'cancelledAt'>> = { sent: 'sentAt', in_review: 'reviewStartedAt', cancelled: 'cancelledAt' };

export function transitionAssessment(svc: ServiceContext, assessmentId: number, to: 'sent' | 'in_review' | 'completed' | 'cancelled', note: string | undefined) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const a = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
    if (!a) throw notFound('The assessment');
    if (!canTransition(a.status, to)) throw badRequest(`An assessment that is ${label(a.status)} cannot become ${label(to)}.`);
    if (to === 'completed') {
      const waiting = tx.select({ n: count() }).from(answers).where(and(eq(answers.assessmentId, a.id), eq(answers.reviewStatus, 'clarification_requested'))).get()?.n ?? 0;
      // A question stays open until the reviewer decides, whether or not the vendor has replied yet.
      if (waiting > 0) throw badRequest(`${waiting} answer${waiting === 1 ? ' has' : 's have'} an open question to the vendor: accept or reject ${waiting === 1 ? 'it' : 'them'} first.`);
      const result = completeReview(tx, { assessmentId: a.id, actor, now });
      // Sessions opened to answer end here; the vendor opens its link again to reach the remediation tasks.
      endLinkSessions(tx, { assessmentId: a.id }, 'assessment_completed', actor, now);
      return { status: 'completed' as const, tasks: result.tasks.length, residual: result.residual, band: result.band, grade: result.grade };
    }
    if (to === 'cancelled' && !note) throw badRequest('Say why the assessment is cancelled.');
    const stamp = STAMP[to];
    tx.update(assessments).set({ status: to, updatedAt: now, ...(stamp ? { [stamp]: now } : {}) }).where(eq(assessments.id, a.id)).run();
    recordAudit(tx, { actor, action: `assessment.${to}`, targetType: 'assessment', targetId: a.id, before: { status: a.status }, after: { status: to, note }, at: now });
    if (to === 'cancelled') endLinkSessions(tx, { assessmentId: a.id }, 'assessment_cancelled', actor, now);
    return { status: to };
  });
}

/** The people assigned to at least one assessment, by name: what the list's assessor filter offers. Names only, no emails. */
export function listAssessors(db: Db): { id: string; name: string }[] {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.assessorId))
    .orderBy(asc(users.name))
    .all();
}

export function listAssessments(db: Db, input: z.output<typeof AssessmentListInput>, now: Date) {
  const today = toIsoDate(now);
  const overdue = sql<boolean>`(${assessments.status} in ('draft', 'sent', 'in_progress') and ${assessments.dueDate} < ${today})`;
  const filters: SQL[] = [];
  if (input.status?.length) filters.push(inArray(assessments.status, input.status));
  if (input.overdue) filters.push(and(isNotNull(assessments.dueDate), lt(assessments.dueDate, today), inArray(assessments.status, ['draft', 'sent', 'in_progress']))!);
  if (input.assessorId) filters.push(eq(assessments.assessorId, input.assessorId));
  if (input.vendorId) filters.push(eq(assessments.vendorId, input.vendorId));
  const where = filters.length ? and(...filters) : undefined;
  const answered = db
    .select({ assessmentId: answers.assessmentId, n: count().as('n') })
    .from(answers)
    .where(answeredSql)
    .groupBy(answers.assessmentId)
    .as('answered');
  const rows = db
    .select({
      id: assessments.id,
      status: assessments.status,
      dueDate: assessments.dueDate,
      overdue: overdue.mapWith(Boolean),
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      completedAt: assessments.completedAt,
      grade: assessments.grade,
      residual: assessments.residual,
      band: assessments.band,
      vendorId: vendors.id,
      vendorName: vendors.name,
      templateName: questionnaireTemplates.name,
      assessorId: assessments.assessorId,
      assessorName: users.name,
      templateVersionId: assessments.templateVersionId,
      answered: sql<number>`coalesce(${answered.n}, 0)`,
      total: sql<number>`coalesce(json_array_length(${templateVersions.template}, '$.questions'), json_array_length(${templateVersions.content}, '$.controls'))`,
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .leftJoin(users, eq(users.id, assessments.assessorId))
    .leftJoin(answered, eq(answered.assessmentId, assessments.id))
    .where(where)
    .orderBy(desc(overdue), asc(sql`coalesce(${assessments.dueDate}, '9999-12-31')`), desc(assessments.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(assessments).where(where).get()?.n ?? 0;
  // A version with conditional questions is counted again as the vendor is asked it (hidden questions do not count).
  const counted = progressAsAsked(
    db,
    rows.map(({ templateVersionId, answered: n, total: of, ...row }) => ({ ...row, templateVersionId, progress: { answered: n, total: of } })),
  ).map(({ templateVersionId: _version, progress, ...row }) => ({ ...row, answered: progress.answered, total: progress.total }));
  return { rows: counted, total, page: input.page, pageSize: input.pageSize };
}
