/**
 * Reviewing a submitted questionnaire: each answer is accepted, rejected
 * with a note (it then counts as No), or sent back to the vendor with a
 * question, which the vendor answers through its link. Every note and reply
 * goes into the answer's thread (reviewThread.ts). The reviewer sees the
 * score the answers would give as they go.
 */
import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/serviceContext.ts';
import type { z } from 'zod';
import type { AcceptAllRemainingInput, ClarificationResponseInput, ReviewAnswerInput } from '#shared/schemas/assessments.ts';
import { scoreVendorQuestionnaire } from '#shared/scoring/questionnaireVendor.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { describeAnswer } from '#shared/templates/answers.ts';
import type { ReviewStatus } from '#shared/statuses.ts';
import type { LinkScope } from '../../platform/callers.ts';
import { answers, assessments, evidenceFiles, questionnaireTemplates, templateVersions, users, vendors } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { recordAudit } from '../../platform/audit/auditTrail.ts';
import { getAssessment } from '../assessmentRecords.ts';
import { previousAnswers } from '../carryOver.ts';
import { answerChange, awaitsConfirmation } from '#shared/carryOver.ts';
import { addMessage, attachReplyFiles, liveLinkRecipients, loadThreads, REPLYABLE_REVIEW_STATUSES, repliedFileIds, waitingFor } from './thread.ts';
import { getTemplateVersion } from '../../templates/index.ts';
import { loadAnswerMap, loadVendorProfile } from '../../risk/index.ts';

export function getReview(db: Db, assessmentId: number) {
  const summary = getAssessment(db, assessmentId);
  const a = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
  const version = getTemplateVersion(db, a.templateVersionId);
  const rows = db.select().from(answers).where(eq(answers.assessmentId, assessmentId)).all();
  const byControl = new Map(rows.map((r) => [r.controlId, r]));
  const threads = loadThreads(db, assessmentId);
  const sentWithReplies = repliedFileIds(db, assessmentId);
  const files = db
    .select({ id: evidenceFiles.id, controlId: evidenceFiles.controlId, name: evidenceFiles.originalName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, uploadedBy: evidenceFiles.uploadedBy, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.taskId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  const asked = askedVersion(version);
  const live = scoreVendorQuestionnaire({ ...loadVendorProfile(db, a.vendorId), questions: asked.questions, answers: loadAnswerMap(db, assessmentId) });
  const outcomes = new Map(live.questions.map((r) => [r.question.id, r.outcome]));
  // Compared with the assessment this one carried its answers over from: what the vendor kept, changed or answered anew.
  const before = previousAnswers(db, a.carriedFromId);
  const changeOf = (controlId: string) => a.carriedFromId === null ? null : answerChange(byControl.get(controlId) ?? null, before.get(controlId) ?? null, a.carriedFromId !== null);
  const changed = asked.questions.filter((c) => changeOf(c.id) === 'changed').length;
  return {
    assessment: summary,
    /** The template's sections (Core and Lite: the catalogue's domains). */
    domains: asked.sections,
    /** Against the previous completed assessment, when this one is a re-assessment. */
    sinceLastTime: a.carriedFromId === null ? null : { previousAssessmentId: a.carriedFromId, changed, unconfirmed: rows.filter(awaitsConfirmation).length },
    items: asked.questions.map((control) => {
      const answer = byControl.get(control.id);
      const thread = threads.get(control.id) ?? [];
      return {
        control: {
          id: control.id,
          domain: control.section,
          type: control.type,
          title: control.title,
          question: control.question,
          guidance: control.guidance,
          severity: control.severity,
          critical: control.critical,
          allowNa: control.allowNa,
          references: control.references,
          options: control.options,
          required: control.required,
          /** Free text, dates and weight-0 questions are asked but never scored. */
          scored: control.weight > 0 && control.rule.kind !== 'not_scored',
          condition: control.condition ?? null,
        },
        answer: answer
          ? {
              value: answer.value,
              response: answer.response,
              /** The answer in words (a choice's labels, the number, the date, the text); null when only a comment was saved. */
              said: describeAnswer(control, answer.value, answer.response),
              comment: answer.comment,
              // The answer's own author and time; the review below has its own.
              answeredBy: answer.answeredBy,
              answeredAt: answer.answeredAt,
              reviewStatus: answer.reviewStatus,
              reviewerName: answer.reviewerName,
              reviewedAt: answer.reviewedAt,
              carriedOver: answer.carriedOver,
              confirmedAt: answer.confirmedAt,
            }
          : null,
        change: changeOf(control.id),
        /** Last time's answer, shown beside a changed one. */
        previous: changeOf(control.id) === 'changed' ? (before.get(control.id) ?? null) : null,
        // 'hidden': its condition is not met, so it is not asked and does not count (an answer given earlier is kept, and ignored).
        outcome: outcomes.get(control.id) ?? 'unanswered',
        // Files sent with a reply are shown with that reply.
        evidence: files.filter((f) => f.controlId === control.id && !sentWithReplies.has(f.id)),
        thread,
        waitingFor: answer ? waitingFor(answer.reviewStatus, thread) : null,
      };
    }),
    /** The position these answers give if the review completed now (not stored). */
    preview: {
      score: live.score,
      grade: live.grade,
      likelihood: live.likelihood.likelihood,
      impact: live.impact.impact,
      residual: live.residual,
      band: live.band,
      criticalFailures: live.criticalFailures,
      tasks: live.tasks.length,
    },
  };
}

/** Who was told, and how: the UI says exactly this, never more. */
export type VendorNotice =
  /** The vendor can read it on a live link; `emailed` says whether an email went out and through what. */
  | { visible: true; emailed: { via: 'smtp' | 'outbox'; to: string[] } | null }
  /** No live link: nobody at the vendor can read it until a new link is created. */
  | { visible: false; emailed: null };

function loadForReview(tx: Tx, assessmentId: number) {
  const a = tx
    .select({ id: assessments.id, status: assessments.status, vendorName: vendors.name, templateName: questionnaireTemplates.name, content: templateVersions.content, template: templateVersions.template })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .where(eq(assessments.id, assessmentId))
    .get();
  if (!a) throw notFound('The assessment');
  if (a.status !== 'in_review') throw new AppError('PRECONDITION_FAILED', 'Start the review first: answers can be reviewed only while the assessment is in review.');
  return a;
}

const DECIDED_STATUS = { accept: 'accepted', reject: 'rejected', clarify: 'clarification_requested' } as const satisfies Record<string, ReviewStatus>;
const NOTE_KIND = { accept: 'acceptance', reject: 'rejection', clarify: 'question' } as const;

export function reviewAnswer(svc: ServiceContext, input: z.output<typeof ReviewAnswerInput>) {
  const { db, mail, actor, now } = svc;
  return db.transaction((tx) => {
    const a = loadForReview(tx, input.assessmentId);
    const answer = tx.select().from(answers).where(and(eq(answers.assessmentId, input.assessmentId), eq(answers.controlId, input.controlId))).get();
    if (!answer) throw badRequest(`${input.controlId} was not answered: it already counts as No.`);
    const reviewStatus = DECIDED_STATUS[input.decision];
    const note = input.note?.trim() || null;
    tx.update(answers)
      // answeredBy and answeredAt stay: reviewing is not answering.
      .set({ reviewStatus, reviewedBy: actor.type === 'user' ? actor.id : null, reviewerName: actor.label, reviewedAt: now, updatedAt: now })
      .where(eq(answers.id, answer.id))
      .run();
    const messageId = note
      ? addMessage(tx, { assessmentId: a.id, controlId: answer.controlId, kind: NOTE_KIND[input.decision], body: note, author: { type: 'staff', userId: actor.type === 'user' ? actor.id : null, name: actor.label }, now })
      : null;

    const readers = liveLinkRecipients(tx, a.id, now);
    let notice: VendorNotice = readers.length ? { visible: true, emailed: null } : { visible: false, emailed: null };
    if (input.decision === 'clarify' && note && readers.length) {
      const control = askedVersion(a).questions.find((c) => c.id === answer.controlId);
      for (const reader of readers) {
        enqueueEmail(tx, mail, {
          to: reader.email,
          subject: `A question about your answer to ${answer.controlId}`,
          text: `Hello ${reader.name},\n\n${actor.label} is reviewing ${a.vendorName}'s answers to the ${a.templateName} security questionnaire and has a question about ${answer.controlId}${control ? ` (${control.title})` : ''}:\n\n${note}\n\nOpen the questionnaire link you received earlier to read it and reply. You can attach a file with your reply. Your submitted answers stay as they are.`,
        }, now);
      }
      notice = { visible: true, emailed: { via: mail.smtpUrl ? 'smtp' : 'outbox', to: readers.map((r) => r.email) } };
    }
    recordAudit(tx, {
      actor,
      action: `answer.review.${input.decision}`,
      targetType: 'assessment',
      targetId: a.id,
      before: { controlId: answer.controlId, reviewStatus: answer.reviewStatus },
      after: { controlId: answer.controlId, reviewStatus, note, messageId, emailedTo: notice.emailed?.to ?? [] },
      at: now,
    });
    return { controlId: answer.controlId, reviewStatus, messageId, notice };
  });
}

/** Answers nobody has decided on yet: accepted together. Those in conversation with the vendor, and rejected ones, stay as they are. */
export function acceptAllRemaining(svc: ServiceContext, input: z.output<typeof AcceptAllRemainingInput>) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const a = loadForReview(tx, input.assessmentId);
    const rows = tx
      .select({ id: answers.id, controlId: answers.controlId, reviewStatus: answers.reviewStatus })
      .from(answers)
      .where(and(eq(answers.assessmentId, a.id), or(isNotNull(answers.value), isNotNull(answers.response))))
      .orderBy(asc(answers.controlId))
      .all();
    const remaining = rows.filter((r) => r.reviewStatus === 'pending');
    const openQuestions = rows.filter((r) => r.reviewStatus === 'clarification_requested').length;
    // The person confirmed a number: if answers changed since (a colleague, a vendor reply), they confirm again.
    if (remaining.length !== input.count) {
      throw conflict(`${remaining.length} ${remaining.length === 1 ? 'answer is' : 'answers are'} waiting for review now, not ${input.count}: check the list and confirm again.`, { count: remaining.length });
    }
    if (remaining.length === 0) throw badRequest('No answers are left to accept.');
    for (const row of remaining) {
      tx.update(answers)
        .set({ reviewStatus: 'accepted', reviewedBy: actor.type === 'user' ? actor.id : null, reviewerName: actor.label, reviewedAt: now, updatedAt: now })
        .where(eq(answers.id, row.id))
        .run();
    }
    recordAudit(tx, {
      actor,
      action: 'answer.review.accept_all',
      targetType: 'assessment',
      targetId: a.id,
      before: { reviewStatus: 'pending', controlIds: remaining.map((r) => r.controlId) },
      after: { reviewStatus: 'accepted', count: remaining.length, skippedOpenQuestions: openQuestions },
      at: now,
    });
    return { accepted: remaining.length, skippedOpenQuestions: openQuestions };
  });
}

/**
 * The vendor answers the reviewer through its link: a reply on the
 * answer's thread, with any files it uploaded for it. Only while the
 * assessment is in review; the answer itself stays as submitted.
 */
export function respondToClarification(svc: ServiceContext, link: LinkScope, input: z.output<typeof ClarificationResponseInput>) {
  const { db, mail, actor, now, publicUrl: staffUrl } = svc;
  return db.transaction((tx) => {
    const a = tx
      .select({ id: assessments.id, status: assessments.status, vendorName: vendors.name, askerEmail: users.email })
      .from(assessments)
      .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
      .leftJoin(users, eq(users.id, assessments.assessorId))
      .where(eq(assessments.id, link.assessmentId))
      .get();
    if (!a) throw notFound('The questionnaire');
    if (a.status !== 'in_review') {
      throw new AppError('PRECONDITION_FAILED', `Replies to the reviewer are possible only while your answers are in review; this questionnaire is ${a.status.replace('_', ' ')}.`);
    }
    const answer = tx.select().from(answers).where(and(eq(answers.assessmentId, a.id), eq(answers.controlId, input.controlId))).get();
    if (!answer || !REPLYABLE_REVIEW_STATUSES.includes(answer.reviewStatus)) throw badRequest(`No question or note from the reviewer is waiting for you on ${input.controlId}.`);
    // The assessor is emailed when the turn passes to them, not for every addition after it: a link holder cannot flood their inbox.
    const turnPasses = loadThreads(tx, a.id).get(answer.controlId)?.at(-1)?.authorType !== 'vendor';
    const messageId = addMessage(tx, { assessmentId: a.id, controlId: answer.controlId, kind: 'reply', body: input.response, author: { type: 'vendor', shareLinkId: link.shareLinkId, name: link.recipientName }, now });
    attachReplyFiles(tx, a.id, answer.controlId, messageId, input.evidenceIds);
    recordAudit(tx, {
      actor,
      action: 'answer.clarification',
      targetType: 'assessment',
      targetId: a.id,
      after: { controlId: answer.controlId, messageId, response: input.response, evidenceIds: input.evidenceIds, reviewStatus: answer.reviewStatus },
      at: now,
    });
    if (a.askerEmail && turnPasses) {
      enqueueEmail(tx, mail, {
        to: a.askerEmail,
        subject: `${a.vendorName} replied about ${answer.controlId}`,
        text: `${link.recipientName} replied on ${answer.controlId}:\n\n${input.response}${input.evidenceIds.length ? `\n\nWith ${input.evidenceIds.length} new ${input.evidenceIds.length === 1 ? 'file' : 'files'}.` : ''}\n\nRead it beside the answer and decide: ${staffUrl}/assessments/${a.id}#${answer.controlId}`,
      }, now);
    }
    return { controlId: answer.controlId, messageId, createdAt: now };
  });
}
