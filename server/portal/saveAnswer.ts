/**
 * Saving one answer through the link: the portal's hottest write, so its
 * statements are prepared once and saves that arrive together commit
 * together (ADR 0024); the answer is checked against its question first.
 */
import { and, eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { VENDOR_EDITABLE_STATUSES } from '#shared/assessmentLifecycle.ts';
import { sameResponse } from '#shared/carryOver.ts';
import type { SaveAnswerInput } from '#shared/schemas/sharing.ts';
import { askedVersion, type AskedQuestion } from '#shared/templates/asked.ts';
import { checkAnswer } from '#shared/templates/answers.ts';
import { answers, assessments, templateVersions } from '../../drizzle/schema/index.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { linkActor, type LinkScope } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/groupCommit.ts';
import { compiled, prepared } from '../platform/db/prepared.ts';
import { VENDOR_ANSWER_FIELDS } from './answerFields.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import type { ServiceContext } from '../platform/serviceContext.ts';

/*
 * A save's statements, compiled once and run without drizzle's per-call work (saves are the portal's hottest write:
 * platform/db/prepared.ts, `compiled`).
 */
const assessmentForSave = compiled(
  (db, fields) =>
    db
      .select(fields)
      .from(assessments)
      .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
      // `(select ?)`, not `?`: in a join SQLite would compile the statement again on every call (platform/db/prepared.ts).
      .where(eq(assessments.id, sql`(select ${sql.placeholder('assessmentId')})`)),
  { id: assessments.id, status: assessments.status, templateVersionId: assessments.templateVersionId, versionStatus: templateVersions.status },
);
const versionContent = prepared((db) =>
  db
    .select({ content: templateVersions.content, template: templateVersions.template })
    .from(templateVersions)
    .where(eq(templateVersions.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * The questions of a questionnaire version by id. A published version never changes (ADR 0006), so its questions
 * are read and indexed once per database rather than parsed from its JSON on every save; a draft is read every time.
 */
const publishedQuestions = prepared(() => new LRUCache<number, Map<string, AskedQuestion>>({ max: 64 }));
function questionsOf(db: Db, versionId: number, published: boolean): Map<string, AskedQuestion> {
  const cached = published ? publishedQuestions(db).get(versionId) : undefined;
  if (cached) return cached;
  const row = versionContent(db).get({ id: versionId });
  const questions = new Map(row ? askedVersion(row).questions.map((c) => [c.id, c]) : []);
  if (published) publishedQuestions(db).set(versionId, questions);
  return questions;
}

/** What a save reads of the answer it replaces, and writes back: the answer as the vendor sees it, and its id and last save's request id. */
const ANSWER_FIELDS = { ...VENDOR_ANSWER_FIELDS, id: answers.id, lastRequestId: answers.lastRequestId };
type SavedRow = NonNullable<ReturnType<ReturnType<typeof answerOf>['get']>>;

const answerOf = compiled(
  (db, fields) =>
    db
      .select(fields)
      .from(answers)
      .where(and(eq(answers.assessmentId, sql.placeholder('assessmentId')), eq(answers.controlId, sql.placeholder('controlId')))),
  ANSWER_FIELDS,
);
// Times go in as the columns store them (milliseconds), since placeholders in SET are not converted.
const updateAnswer = compiled(
  (db, fields) =>
    db
      .update(answers)
      .set({
        value: sql`${sql.placeholder('value')}`,
        response: sql`${sql.placeholder('responseJson')}`,
        comment: sql`${sql.placeholder('comment')}`,
        answeredBy: sql`${sql.placeholder('answeredBy')}`,
        answeredAt: sql`${sql.placeholder('now')}`,
        updatedAt: sql`${sql.placeholder('now')}`,
        lastRequestId: sql`${sql.placeholder('requestId')}`,
        // Saving a carried-over answer, unchanged or not, is the vendor confirming it for this assessment.
        confirmedAt: sql`case when ${answers.carriedOver} then coalesce(${answers.confirmedAt}, ${sql.placeholder('now')}) else ${answers.confirmedAt} end`,
        revision: sql`${answers.revision} + 1`,
        // A changed answer has not been reviewed: an earlier decision (kept in the audit log and the thread) no longer applies.
        reviewStatus: 'pending',
        reviewedBy: null,
        reviewerName: null,
        reviewedAt: null,
      })
      .where(eq(answers.id, sql.placeholder('id')))
      .returning(fields),
  ANSWER_FIELDS,
);
const insertAnswer = compiled(
  (db, fields) =>
    db
      .insert(answers)
      .values({
        assessmentId: sql.placeholder('assessmentId'),
        controlId: sql.placeholder('controlId'),
        value: sql.placeholder('value'),
        response: sql.placeholder('response'),
        comment: sql.placeholder('comment'),
        answeredBy: sql.placeholder('answeredBy'),
        answeredAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
        createdAt: sql.placeholder('now'),
        lastRequestId: sql.placeholder('requestId'),
        revision: 1,
      })
      .returning(fields),
  ANSWER_FIELDS,
);
const markStarted = compiled((db) =>
  db
    .update(assessments)
    .set({ status: 'in_progress', startedAt: sql`${sql.placeholder('now')}`, updatedAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(assessments.id, sql.placeholder('id')), eq(assessments.status, 'sent'))),
);

/**
 * Saves one answer, durably: the promise settles once the transaction holding it has committed. Saves that arrive
 * together share that transaction (group commit, platform/db/groupCommit.ts), each in a savepoint of its own.
 */
export function saveAnswer(svc: ServiceContext, link: LinkScope, input: z.output<typeof SaveAnswerInput>) {
  const { db, now } = svc;
  const ip = svc.actor.ip ?? null;
  // The prepared statements run on `db`: inside this transaction, since better-sqlite3 has one connection.
  return groupCommit(db).run(() => {
    const a = assessmentForSave(db).get({ assessmentId: link.assessmentId });
    if (!a) throw notFound('The questionnaire');
    const existing = answerOf(db).get({ assessmentId: a.id, controlId: input.controlId });
    // The same save sent again after its reply was lost: it is already the current revision, so it succeeded.
    if (input.requestId && existing?.lastRequestId === input.requestId) return savedAnswer(existing);
    if (!VENDOR_EDITABLE_STATUSES.includes(a.status)) {
      throw new AppError('PRECONDITION_FAILED', 'This questionnaire was submitted and is now read-only. Ask for it to be reopened to change an answer.');
    }
    const control = questionsOf(db, a.templateVersionId, a.versionStatus === 'published').get(input.controlId);
    if (!control) throw badRequest(`${input.controlId} is not a question of this questionnaire.`);
    // The value must be the kind this question takes (a choice of its own options, a real date...); a hidden question's answer is kept.
    const misfit = checkAnswer(control, input.value, input.response);
    if (misfit) throw badRequest(misfit);

    const current = existing?.revision ?? 0;
    if (current !== input.baseRevision && !input.overwrite) {
      // Someone else saved since this person loaded the question: show both, let them choose.
      throw conflict('This answer was changed by someone else since you opened it.', {
        controlId: control.id,
        current: existing ? { value: existing.value, response: existing.response, comment: existing.comment, revision: existing.revision, answeredBy: existing.answeredBy, answeredAt: existing.answeredAt } : null,
      });
    }
    // A custom question's answer (options, number, date, text): the insert's placeholder is encoded by the column,
    // the update's raw SQL is not, so it takes the JSON text the column stores.
    const response = input.response ?? null;
    const values = { value: input.value, response, responseJson: response === null ? null : JSON.stringify(response), comment: input.comment, answeredBy: link.recipientName, requestId: input.requestId ?? null };
    const saved = existing
      ? updateAnswer(db).get({ ...values, now: now.getTime(), id: existing.id })!
      : insertAnswer(db).get({ ...values, now, assessmentId: a.id, controlId: control.id })!;
    if (a.status === 'sent') markStarted(db).run({ id: a.id, now: now.getTime() });
    recordAudit(db, {
      actor: linkActor(link, ip),
      action: 'answer.save',
      targetType: 'assessment',
      targetId: a.id,
      before: existing ? { controlId: control.id, value: existing.value, ...(existing.response ? { response: existing.response } : {}), comment: existing.comment } : null,
      after: {
        controlId: control.id,
        value: saved.value,
        ...(saved.response ? { response: saved.response } : {}),
        comment: saved.comment,
        // Confirming last time's answer is a save like any other, marked so the audit trail tells it apart.
        ...(existing?.carriedOver ? { carriedOver: true, confirmedUnchanged: existing.confirmedAt === null && existing.value === saved.value && sameResponse(existing.response, saved.response) && existing.comment === saved.comment } : {}),
      },
      at: now,
    });
    return savedAnswer(saved);
  });
}

/** The answer as the vendor sees it (answerFields.ts): the row without what only the save itself reads. */
function savedAnswer(row: SavedRow) {
  const { id: _id, lastRequestId: _requestId, ...answer } = row;
  return answer;
}
