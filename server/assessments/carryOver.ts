/**
 * Re-assessment carry-over (docs/decisions/0023-carried-over-answers.md): a
 * new assessment starts with the answers and evidence of the vendor's
 * previous completed assessment, for every question both ask. The answers
 * wait for the vendor to confirm or change them; the evidence records point
 * at the same stored files, which are deleted only when no record needs them.
 */
import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { AnswerResponse } from '#shared/templates/answers.ts';
import type { AnswerValue } from '#shared/scoring/constants.ts';
import { answers, assessments, evidenceFiles } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';

/** The vendor's latest completed assessment other than this one: what "last time" means everywhere. */
export function previousCompletedAssessment(tx: Db | Tx, vendorId: number, assessmentId: number) {
  return tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.vendorId, vendorId), eq(assessments.status, 'completed'), ne(assessments.id, assessmentId)))
    .orderBy(desc(assessments.completedAt), desc(assessments.id))
    .limit(1)
    .get();
}

/** shared/carryOver.ts countsAsAnswered, in SQL: a value or response, and not a carried-over answer still waiting. */
export const answeredSql = sql<boolean>`((${answers.value} is not null or ${answers.response} is not null) and not (${answers.carriedOver} = 1 and ${answers.confirmedAt} is null))`;

/**
 * Copies the previous completed assessment's answers (value and comment) for
 * the questions `controlIds` into the new assessment, marked carried over and
 * not confirmed, and gives the new assessment a record of each evidence file
 * attached to those questions. Runs inside the transaction that starts it.
 */
export function carryOverAnswers(tx: Tx, input: { assessmentId: number; vendorId: number; controlIds: string[]; now: Date }) {
  const previous = previousCompletedAssessment(tx, input.vendorId, input.assessmentId);
  if (!previous || input.controlIds.length === 0) return null;
  const rows = tx
    .select({ controlId: answers.controlId, value: answers.value, response: answers.response, comment: answers.comment })
    .from(answers)
    .where(and(eq(answers.assessmentId, previous.id), inArray(answers.controlId, input.controlIds), or(isNotNull(answers.value), isNotNull(answers.response))))
    .all();
  const carried = rows.map((r) => r.controlId);
  if (carried.length > 0) {
    tx.insert(answers)
      .values(rows.map((r) => ({ assessmentId: input.assessmentId, controlId: r.controlId, value: r.value, response: r.response, comment: r.comment, carriedOver: true, confirmedAt: null, revision: 1, answeredBy: null, answeredAt: null, createdAt: input.now, updatedAt: input.now })))
      .run();
  }
  const files = carried.length === 0
    ? []
    : tx
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.assessmentId, previous.id), inArray(evidenceFiles.controlId, carried), isNull(evidenceFiles.taskId), isNull(evidenceFiles.deletedAt)))
        .all();
  if (files.length > 0) {
    tx.insert(evidenceFiles)
      .values(files.map(({ id, ...f }) => ({ ...f, assessmentId: input.assessmentId, carriedFromId: id, createdAt: f.createdAt })))
      .run();
  }
  tx.update(assessments).set({ carriedFromId: previous.id }).where(eq(assessments.id, input.assessmentId)).run();
  return { fromAssessmentId: previous.id, answers: carried.length, evidence: files.length };
}

/** The answers of the assessment this one carried over from, by question, for the reviewer's comparison. */
export function previousAnswers(db: Db, carriedFromId: number | null): Map<string, { value: AnswerValue | null; response: AnswerResponse | null; comment: string }> {
  if (carriedFromId === null) return new Map();
  const rows = db.select({ controlId: answers.controlId, value: answers.value, response: answers.response, comment: answers.comment }).from(answers).where(eq(answers.assessmentId, carriedFromId)).all();
  return new Map(rows.map((r) => [r.controlId, { value: r.value, response: r.response, comment: r.comment }]));
}
