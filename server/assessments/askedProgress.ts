/**
 * Progress as the vendor sees it, for the staff's lists and pages: the
 * questions it is asked now (shared/templates/askedNow.ts), not every
 * question of the version. SQL counts a version without conditions
 * correctly and cheaply; only assessments on a version with conditional
 * questions have their answers read and counted by the shared rule.
 */
import { and, inArray, sql } from 'drizzle-orm';
import { askedProgress } from '#shared/templates/askedNow.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import type { ScoredQuestion } from '#shared/scoring/questionScore.ts';
import { answers, templateVersions } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';

export interface Progress {
  answered: number;
  total: number;
}

/** The questions of each version that has at least one conditional question. */
function conditionalVersions(db: Db, versionIds: readonly number[]): Map<number, ScoredQuestion[]> {
  const out = new Map<number, ScoredQuestion[]>();
  if (versionIds.length === 0) return out;
  // Only versions with a condition are read whole: the list's usual Core and Lite versions are not parsed on each request.
  const hasCondition = sql`exists (select 1 from json_each(${templateVersions.template}, '$.questions') where json_type(value, '$.condition') = 'object')`;
  const rows = db
    .select({ id: templateVersions.id, content: templateVersions.content, template: templateVersions.template })
    .from(templateVersions)
    .where(and(inArray(templateVersions.id, [...new Set(versionIds)]), hasCondition))
    .all();
  for (const row of rows) {
    const questions = askedVersion(row).questions;
    if (questions.some((q) => q.condition)) out.set(row.id, questions);
  }
  return out;
}

/**
 * Each assessment's progress: `counted` (from SQL, every question of the
 * version) where its version has no conditions, otherwise counted again
 * over the questions the vendor is shown.
 */
export function progressAsAsked<R extends { id: number; templateVersionId: number; progress: Progress }>(db: Db, rows: readonly R[]): R[] {
  const versions = conditionalVersions(db, rows.map((r) => r.templateVersionId));
  const recount = rows.filter((r) => versions.has(r.templateVersionId));
  if (recount.length === 0) return [...rows];
  const given = db
    .select({ assessmentId: answers.assessmentId, controlId: answers.controlId, value: answers.value, response: answers.response, carriedOver: answers.carriedOver, confirmedAt: answers.confirmedAt })
    .from(answers)
    .where(inArray(answers.assessmentId, recount.map((r) => r.id)))
    .all();
  const byAssessment = new Map<number, typeof given>();
  for (const a of given) byAssessment.set(a.assessmentId, [...(byAssessment.get(a.assessmentId) ?? []), a]);
  return rows.map((r) => {
    const questions = versions.get(r.templateVersionId);
    return questions ? { ...r, progress: askedProgress(questions, byAssessment.get(r.id) ?? []) } : r;
  });
}
