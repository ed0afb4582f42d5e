/**
 * What a vendor does through its link: read the questionnaire, save
 * answers (never silently over someone else's newer answer), submit, and
 * later answer the remediation tasks raised for it.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { awaitsConfirmation, countsAsAnswered } from '#shared/carryOver.ts';
import { VENDOR_EDITABLE_STATUSES } from '#shared/assessmentLifecycle.ts';
import { answers, assessments, evidenceFiles, questionnaireTemplates, remediationTasks, taskComments, templateVersions, users, vendors, taskEvents } from '../../drizzle/schema/index.ts';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { VENDOR_ANSWER_FIELDS } from './answerFields.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { AppError, notFound, outOfScope } from '../platform/errors.ts';
import { enqueueEmail } from '../platform/mail/outbox.ts';
import { loadThreads, previousAnswers, REPLYABLE_REVIEW_STATUSES, repliedFileIds, unsentReplyFiles, waitingFor } from '../assessments/index.ts';
import type { OrganisationSettings } from '../platform/settings.ts';
import { linkActor, type LinkScope } from '../platform/callers.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { markReadyAsVendor } from '../remediation/index.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { accessPathDoors, criticalBecauseByControl, describeCriticalBecause } from '#shared/scoring/accessPath.ts';
import { askedNow } from '#shared/templates/askedNow.ts';
import { askedVersion, withoutScores, type AskedQuestion } from '#shared/templates/asked.ts';
import { loadVendorProfile } from '../risk/index.ts';


function loadAssessment(tx: Db | Tx, assessmentId: number) {
  const row = tx
    .select({
      id: assessments.id,
      vendorId: assessments.vendorId,
      status: assessments.status,
      dueDate: assessments.dueDate,
      reopenNote: assessments.reopenNote,
      carriedFromId: assessments.carriedFromId,
      submittedAt: assessments.submittedAt,
      completedAt: assessments.completedAt,
      vendorName: vendors.name,
      templateName: questionnaireTemplates.name,
      content: templateVersions.content,
      template: templateVersions.template,
      askerName: users.name,
      askerEmail: users.email,
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .leftJoin(users, eq(users.id, assessments.assessorId))
    .where(eq(assessments.id, assessmentId))
    .get();
  if (!row) throw notFound('The questionnaire');
  const { content, template, ...rest } = row;
  return { ...rest, asked: askedVersion({ content, template }) };
}

function answerRows(tx: Db | Tx, assessmentId: number) {
  return tx
    .select({ ...VENDOR_ANSWER_FIELDS, reviewStatus: answers.reviewStatus })
    .from(answers)
    .where(eq(answers.assessmentId, assessmentId))
    .all();
}

type AnswerRows = ReturnType<typeof answerRows>;

/**
 * The questions the vendor is asked now: a question whose condition waits
 * for an answer, or is not met by the vendor's answer, is not shown, not
 * required and not counted (docs/templates.md section 3). The vendor's own
 * answers decide, as on its screen; an answer to a hidden question is kept.
 */
function shownQuestions(questions: readonly AskedQuestion[], rows: AnswerRows): AskedQuestion[] {
  return askedNow(questions, rows);
}

/**
 * Whether the vendor must answer this question before submitting. A
 * catalogue control left open may still be submitted once the vendor
 * confirms it counts as No (as always); a required custom question may not
 * (ADR 0026).
 */
const blocksSubmission = (q: AskedQuestion) => q.required && q.type !== 'control';

/**
 * What the reviewer waits for from the vendor, while the assessment is in
 * review: questions not yet answered, and rejection notes not yet replied to.
 */
function reviewRequests(db: Db, a: ReturnType<typeof loadAssessment>, rows: ReturnType<typeof answerRows>) {
  if (a.status !== 'in_review') return { questions: [], rejections: [] };
  const threads = loadThreads(db, a.id);
  const waiting = rows
    .filter((r) => waitingFor(r.reviewStatus, threads.get(r.controlId) ?? []) === 'vendor' || (r.reviewStatus === 'rejected' && threads.get(r.controlId)?.at(-1)?.authorType === 'staff'))
    .map((r) => {
      const question = a.asked.questions.find((c) => c.id === r.controlId);
      return { controlId: r.controlId, title: question?.title ?? r.controlId, domain: question?.section ?? '', reviewStatus: r.reviewStatus };
    });
  // In questionnaire order, so the list reads like the questions.
  const order = new Map(a.asked.questions.map((c, i) => [c.id, i]));
  waiting.sort((x, y) => (order.get(x.controlId) ?? 0) - (order.get(y.controlId) ?? 0));
  const pick = ({ controlId, title, domain }: (typeof waiting)[number]) => ({ controlId, title, domain });
  return {
    questions: waiting.filter((w) => w.reviewStatus === 'clarification_requested').map(pick),
    rejections: waiting.filter((w) => w.reviewStatus === 'rejected').map(pick),
  };
}

export function portalOverview(db: Db, link: LinkScope, organisation: OrganisationSettings) {
  const a = loadAssessment(db, link.assessmentId);
  const rows = answerRows(db, a.id);
  const answered = new Set(rows.filter(countsAsAnswered).map((r) => r.controlId));
  const shown = shownQuestions(a.asked.questions, rows);
  const byDomain = a.asked.sections.map((d) => {
    const ids = shown.filter((c) => c.section === d.id).map((c) => c.id);
    return { domain: d.id, name: d.name, answered: ids.filter((id) => answered.has(id)).length, total: ids.length };
  });
  return {
    /** Null only where no administrator has named it yet: the portal then says "your customer". */
    organisation: organisation.name,
    vendorContact: organisation.vendorContact,
    recipientName: link.recipientName,
    vendorName: a.vendorName,
    askedBy: a.askerName ? { name: a.askerName, email: a.askerEmail } : null,
    status: a.status,
    editable: VENDOR_EDITABLE_STATUSES.includes(a.status),
    dueDate: a.dueDate,
    reopenNote: a.reopenNote,
    submittedAt: a.submittedAt,
    templateName: a.templateName,
    questionCount: shown.length,
    // About a minute a question, more for those that need evidence gathered.
    estimatedMinutes: Math.max(10, Math.round(shown.length * 1.2)),
    progress: { answered: shown.filter((q) => answered.has(q.id)).length, total: shown.length, byDomain },
    /** Last time's answers waiting for the vendor to confirm or change them (they count as not yet answered). */
    carriedOver: { waiting: rows.filter(awaitsConfirmation).length, total: rows.filter((r) => r.carriedOver).length },
    /** What the reviewer asks of the vendor now: shown at once on every page. */
    review: reviewRequests(db, a, rows),
  };
}

/**
 * The controls this vendor's access path makes critical for it, with why in
 * words addressed to the vendor (docs/scoring.md section 15), from its
 * profile and integrations as they stand: the review will score it so.
 */
function criticalForVendor(db: Db, vendorId: number, questions: readonly AskedQuestion[], organisation: string | null): Map<string, string[]> {
  const reasons = criticalBecauseByControl(loadVendorProfile(db, vendorId));
  const elevated = accessPathDoors(questions, reasons);
  return new Map([...elevated].map((id) => [id, (reasons.get(id) ?? []).map((r) => describeCriticalBecause(r, { kind: 'vendor', organisation }))]));
}

export function portalQuestionnaire(db: Db, link: LinkScope, organisation: OrganisationSettings) {
  const a = loadAssessment(db, link.assessmentId);
  const critical = criticalForVendor(db, a.vendorId, a.asked.questions, organisation.name);
  const evidence = db
    .select({ id: evidenceFiles.id, controlId: evidenceFiles.controlId, name: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, createdAt: evidenceFiles.createdAt, carriedOver: sql<boolean>`${evidenceFiles.carriedFromId} is not null`.mapWith(Boolean) })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, a.id), isNull(evidenceFiles.taskId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  const rows = answerRows(db, a.id);
  const before = previousAnswers(db, a.carriedFromId);
  const threads = loadThreads(db, a.id);
  const sentWithReplies = repliedFileIds(db, a.id);
  const replyable = new Set(a.status === 'in_review' ? rows.filter((r) => REPLYABLE_REVIEW_STATUSES.includes(r.reviewStatus)).map((r) => r.controlId) : []);
  const unsent = new Set([...replyable].flatMap((controlId) => unsentReplyFiles(db, a.id, controlId).map((f) => f.id)));
  return {
    editable: VENDOR_EDITABLE_STATUSES.includes(a.status),
    /** The template's sections, in order (for Core and Lite, the catalogue's domains). */
    domains: a.asked.sections,
    /** Every question, in order; the portal shows those whose condition its answers meet (docs/templates.md section 3). */
    controls: a.asked.questions.map(withoutScores).map((c) => ({
      id: c.id,
      domain: c.section,
      type: c.type,
      /** What conditions need: the kind of answer, its option ids (never their scores), and the condition itself. */
      scoring: { id: c.id, section: c.section, domain: c.domain, severity: c.severity, critical: c.critical, allowNa: c.allowNa, weight: c.weight, rule: c.rule, ...(c.condition ? { condition: c.condition } : {}) },
      required: c.required,
      options: c.options,
      title: c.title,
      question: c.question,
      guidance: c.guidance,
      whyItMatters: c.whyItMatters,
      /** Why this control is critical for this vendor in particular; empty when its catalogue severity stands. */
      criticalBecause: critical.get(c.id) ?? [],
      remediation: c.remediation,
      severity: critical.has(c.id) ? ('critical' as const) : c.severity,
      critical: c.critical || critical.has(c.id),
      allowNa: c.allowNa,
      naHint: c.naHint ?? null,
      references: c.references,
    })),
    // A carried-over answer comes with last time's, so the page can say whether it was kept or changed (shared/carryOver.ts).
    answers: rows.map((r) => ({ ...r, previous: r.carriedOver ? (before.get(r.controlId) ?? null) : null })),
    evidence: evidence.map((file) => ({
      ...file,
      // Sent with a reply: shown with the reply. Unsent: waiting in the reply form.
      sentWithReply: sentWithReplies.has(file.id),
      unsentReply: unsent.has(file.id),
    })),
    /** The conversation with the reviewer on each answer that has one, and where the vendor may reply now. */
    threads: Object.fromEntries(
      [...threads].map(([controlId, thread]) => {
        const reviewStatus = rows.find((r) => r.controlId === controlId)?.reviewStatus ?? 'pending';
        // Outside the review (reopened, completed) nobody waits on anybody: the thread is history.
        return [controlId, { messages: thread, reviewStatus, waitingFor: a.status === 'in_review' ? waitingFor(reviewStatus, thread) : null, canReply: replyable.has(controlId) }];
      }),
    ),
  };
}


export function submitQuestionnaire(svc: ServiceContext, link: LinkScope, confirmUnanswered: boolean) {
  const { db, mail, now, publicUrl: staffUrl } = svc;
  const ip = svc.actor.ip ?? null;
  return db.transaction((tx) => {
    const a = loadAssessment(tx, link.assessmentId);
    if (!VENDOR_EDITABLE_STATUSES.includes(a.status)) throw new AppError('PRECONDITION_FAILED', 'This questionnaire was already submitted.');
    const rows = answerRows(tx, a.id);
    const answered = new Set(rows.filter(countsAsAnswered).map((r) => r.controlId));
    const waiting = new Set(rows.filter(awaitsConfirmation).map((r) => r.controlId));
    const question = (c: AskedQuestion) => ({ id: c.id, title: c.title, domain: c.section, required: blocksSubmission(c) });
    // Hidden questions are not asked; optional ones the vendor may leave.
    const shown = shownQuestions(a.asked.questions, rows).filter((c) => c.required);
    const unanswered = shown.filter((c) => !answered.has(c.id) && !waiting.has(c.id)).map(question);
    // Last time's answers are never submitted unseen: each must be confirmed or changed, whatever else is left open.
    const unconfirmed = shown.filter((c) => waiting.has(c.id)).map(question);
    const missingRequired = unanswered.some((q) => q.required);
    if (unconfirmed.length > 0 || missingRequired || (unanswered.length > 0 && !confirmUnanswered)) return { submitted: false as const, unanswered, unconfirmed };
    tx.update(assessments).set({ status: 'submitted', submittedAt: now, updatedAt: now }).where(eq(assessments.id, a.id)).run();
    recordAudit(tx, { actor: linkActor(link, ip), action: 'assessment.submit', targetType: 'assessment', targetId: a.id, before: { status: a.status }, after: { status: 'submitted', unanswered: unanswered.length }, at: now });
    if (a.askerEmail) {
      enqueueEmail(tx, mail, {
        to: a.askerEmail,
        subject: `${a.vendorName} submitted its questionnaire`,
        text: `${link.recipientName} submitted the ${a.templateName} questionnaire for ${a.vendorName}${unanswered.length ? ` with ${unanswered.length} questions unanswered (they count as No)` : ''}.\n\nReview it: ${staffUrl}/assessments/${a.id}`,
      }, now);
    }
    return { submitted: true as const, unanswered, unconfirmed };
  });
}

/** Remediation tasks raised from this assessment, which the vendor sees once the review is complete. */
export function portalTasks(db: Db, link: LinkScope) {
  const a = loadAssessment(db, link.assessmentId);
  if (a.status !== 'completed') return { available: false as const, tasks: [] };
  const tasks = db
    .select({
      id: remediationTasks.id,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: remediationTasks.status,
      dueDate: remediationTasks.dueDate,
      vendorResponse: remediationTasks.vendorResponse,
    })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.assessmentId, a.id), inArray(remediationTasks.status, ['open', 'in_progress', 'ready_for_verification', 'closed', 'risk_accepted'])))
    .orderBy(asc(remediationTasks.dueDate), asc(remediationTasks.id))
    .all();
  const controls = new Map(a.asked.questions.map((c) => [c.id, c]));
  const files = db
    .select({ id: evidenceFiles.id, taskId: evidenceFiles.taskId, name: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, a.id), isNotNull(evidenceFiles.taskId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  // The assessor's latest note on sending a task back: what the vendor still has to do.
  const sentBack = new Map<number, string>();
  if (tasks.length > 0) {
    const notes = db
      .select({ taskId: taskEvents.taskId, note: taskEvents.note })
      .from(taskEvents)
      .where(and(inArray(taskEvents.taskId, tasks.map((t) => t.id)), eq(taskEvents.kind, 'send_back')))
      .orderBy(asc(taskEvents.id))
      .all();
    for (const n of notes) if (n.note) sentBack.set(n.taskId, n.note);
  }
  return {
    available: true as const,
    tasks: tasks.map((t) => ({
      ...t,
      sentBackNote: sentBack.get(t.id) ?? null,
      title: controls.get(t.controlId)?.title ?? t.controlId,
      remediation: controls.get(t.controlId)?.remediation ?? '',
      evidence: files.filter((f) => f.taskId === t.id),
    })),
  };
}

export interface VendorTaskUpdate {
  taskId: number;
  response: string;
  readyForVerification: boolean;
}

/** The vendor explains what it did and, when done, marks the task ready for the assessor to verify. */
export function updateTaskAsVendor(svc: ServiceContext, link: LinkScope, input: VendorTaskUpdate) {
  const { db, mail, now } = svc;
  const ip = svc.actor.ip ?? null;
  return db.transaction((tx) => {
    const task = tx.select().from(remediationTasks).where(eq(remediationTasks.id, input.taskId)).get();
    if (!task) throw notFound('The task');
    // A task of another assessment is "not found", never "forbidden": nothing leaks about it (the refusal is audited).
    if (task.assessmentId !== link.assessmentId) throw outOfScope('The task');
    if (!ACTIVE_TASK_STATUSES.includes(task.status)) {
      throw new AppError('PRECONDITION_FAILED', 'This task is closed: there is nothing more to do on it.');
    }
    tx.update(remediationTasks).set({ vendorResponse: input.response, updatedAt: now }).where(eq(remediationTasks.id, task.id)).run();
    tx.insert(taskComments).values({ taskId: task.id, authorType: 'vendor', authorName: link.recipientName, body: input.response, createdAt: now }).run();
    // Marking ready is a move of the lifecycle (history, audit); a task already ready only gains the vendor's words.
    const becomesReady = input.readyForVerification && task.status !== 'ready_for_verification';
    const status = becomesReady ? markReadyAsVendor(tx, task, input.response, { label: link.recipientName, audit: linkActor(link, ip) }, now) : task.status;
    if (!becomesReady) {
      recordAudit(tx, {
        actor: linkActor(link, ip),
        action: 'task.comment',
        targetType: 'task',
        targetId: task.id,
        before: { status: task.status },
        after: { status, response: input.response },
        at: now,
      });
    }
    if (becomesReady) {
      const a = loadAssessment(tx, link.assessmentId);
      if (a.askerEmail) {
        enqueueEmail(tx, mail, {
          to: a.askerEmail,
          subject: `${a.vendorName} marked ${task.controlId} ready for verification`,
          text: `${link.recipientName} says the remediation of ${task.controlId} is done:\n\n${input.response}\n\nVerify it in Tollgate.`,
        }, now);
      }
    }
    return { id: task.id, status };
  });
}
