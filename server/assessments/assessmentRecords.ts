/** Reading an assessment for staff, and reopening a submitted one for the vendor. */
import type { ServiceContext } from '../platform/serviceContext.ts';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { canTransition } from '#shared/assessmentLifecycle.ts';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import { answers, assessments, questionnaireTemplates, shareLinks, templateVersions, users, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { enqueueEmail } from '../platform/mail/outbox.ts';
import { askerOf, vendorContactLine } from './links/vendorWording.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { getOrganisation } from '../platform/settings.ts';
import { answeredSql } from './carryOver.ts';
import { progressAsAsked } from './askedProgress.ts';

export function getAssessment(db: Db, assessmentId: number) {
  const row = db
    .select({
      id: assessments.id,
      status: assessments.status,
      dueDate: assessments.dueDate,
      reopenNote: assessments.reopenNote,
      createdAt: assessments.createdAt,
      sentAt: assessments.sentAt,
      submittedAt: assessments.submittedAt,
      completedAt: assessments.completedAt,
      score: assessments.score,
      grade: assessments.grade,
      residual: assessments.residual,
      band: assessments.band,
      vendorId: vendors.id,
      vendorName: vendors.name,
      templateName: questionnaireTemplates.name,
      templateVersion: templateVersions.version,
      templateVersionId: assessments.templateVersionId,
      // Every question of the version; a version with conditional questions is counted again below.
      questionCount: sql<number>`coalesce(json_array_length(${templateVersions.template}, '$.questions'), json_array_length(${templateVersions.content}, '$.controls'))`,
      assessorName: users.name,
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .leftJoin(users, eq(users.id, assessments.assessorId))
    .where(eq(assessments.id, assessmentId))
    .get();
  if (!row) throw notFound('The assessment');
  const answered = db.select({ n: count() }).from(answers).where(and(eq(answers.assessmentId, assessmentId), answeredSql)).get()?.n ?? 0;
  const { questionCount, ...rest } = row;
  // As the vendor is asked it: questions hidden by their condition are not counted (shared/templates/askedNow.ts).
  const [counted] = progressAsAsked(db, [{ ...rest, progress: { answered, total: questionCount } }]);
  const { templateVersionId: _version, ...assessment } = counted!;
  return assessment;
}

/** Sends a submitted questionnaire back to the vendor with a note it sees on its link. */
export function reopenAssessment(svc: ServiceContext, assessmentId: number, note: string): { emails: EmailDelivery[] } {
  const { db, mail, actor, now } = svc;
  return db.transaction((tx) => {
    const a = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
    if (!a) throw notFound('The assessment');
    if (!(a.status === 'submitted' || a.status === 'in_review') || !canTransition(a.status, 'in_progress')) {
      throw badRequest(`Only a submitted questionnaire can be reopened; this one is ${a.status.replace('_', ' ')}.`);
    }
    tx.update(assessments).set({ status: 'in_progress', reopenNote: note, submittedAt: null, updatedAt: now }).where(eq(assessments.id, a.id)).run();
    recordAudit(tx, { actor, action: 'assessment.reopen', targetType: 'assessment', targetId: a.id, before: { status: a.status }, after: { status: 'in_progress', note }, at: now });
    // Only people who can still open a link: a revoked or expired link's recipient has nothing to go back to.
    const recipients = tx
      .selectDistinct({ email: shareLinks.recipientEmail })
      .from(shareLinks)
      .where(and(eq(shareLinks.assessmentId, a.id), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, now)))
      .all();
    const organisation = getOrganisation(tx);
    // One report per recipient, so the screen can say who was emailed and who only has a message waiting in the Outbox.
    const emails = recipients.map((r) =>
      enqueueEmail(tx, mail, {
        to: r.email,
        subject: 'Your security questionnaire was reopened',
        text: `${askerOf(actor.label, organisation)} reopened the questionnaire so you can change some answers:\n\n${note}\n\nUse the link you received to continue.${vendorContactLine(organisation)}`,
      }, now),
    );
    return { emails };
  });
}
