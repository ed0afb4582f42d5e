/** Reads what the scoring engine needs about a vendor and an assessment. */
import { awaitsConfirmation } from '#shared/carryOver.ts';
import { asc, eq } from 'drizzle-orm';
import type { QuestionAnswer, QuestionAnswerMap } from '#shared/scoring/questionScore.ts';
import { questionAnswerOf } from '#shared/templates/answers.ts';
import type { VendorProfile } from '#shared/scoring/scoreVendor.ts';
import { answers, dataHoldings, integrations, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';

export function loadVendorProfile(tx: Db | Tx, vendorId: number): VendorProfile {
  const vendor = tx
    .select({ services: vendors.services, access: vendors.accessLevel, criticality: vendors.criticality })
    .from(vendors)
    .where(eq(vendors.id, vendorId))
    .get();
  if (!vendor) throw notFound('The vendor');
  const holdings = tx
    .select({
      category: dataHoldings.category,
      subjects: dataHoldings.subjects,
      records: dataHoldings.records,
      needed: dataHoldings.needed,
    })
    .from(dataHoldings)
    .where(eq(dataHoldings.vendorId, vendorId))
    // In the order they were added, as bulk readers give them: ties in "most sensitive" then resolve alike.
    .orderBy(asc(dataHoldings.id))
    .all();
  // The profile's own access and each named integration, as the engine takes them (docs/scoring.md 15.1): it combines
  // them itself for impact and the access-path rules, and names the integration in its reasons.
  const connected = tx
    .select({ name: integrations.name, access: integrations.accessLevel })
    .from(integrations)
    .where(eq(integrations.vendorId, vendorId))
    .orderBy(asc(integrations.id))
    .all();
  return { services: vendor.services, access: vendor.access, integrations: connected, criticality: vendor.criticality, holdings };
}

type AnswerRow = Pick<typeof answers.$inferSelect, 'controlId' | 'value' | 'response' | 'reviewStatus' | 'carriedOver' | 'confirmedAt'>;

/**
 * Answers as the engine counts them: a comment alone is unanswered; a rejected answer counts as No; last time's
 * answer the vendor has not confirmed yet is not this assessment's answer, so it scores as unanswered. The one
 * reading of answer rows for scoring: a vendor's own rescore and the rescore of every vendor (bulkRiskInputs.ts).
 */
export function answerMapFrom(rows: readonly AnswerRow[]): QuestionAnswerMap {
  const map: Record<string, QuestionAnswer> = {};
  for (const row of rows) {
    if (awaitsConfirmation(row)) continue;
    const answer = questionAnswerOf({ value: row.value, response: row.response, rejected: row.reviewStatus === 'rejected' });
    if (answer) map[row.controlId] = answer;
  }
  return map;
}

export function loadAnswerMap(tx: Db | Tx, assessmentId: number): QuestionAnswerMap {
  return answerMapFrom(
    tx
      .select({ controlId: answers.controlId, value: answers.value, response: answers.response, reviewStatus: answers.reviewStatus, carriedOver: answers.carriedOver, confirmedAt: answers.confirmedAt })
      .from(answers)
      .where(eq(answers.assessmentId, assessmentId))
      .all(),
  );
}
