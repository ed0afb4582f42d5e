/**
 * Re-assessment carry-over: a re-assessment starts with the vendor's answers
 * from its previous completed assessment, and each one counts only once the
 * vendor has confirmed it or changed it. The server counts the same thing in
 * SQL (server/assessments/carryOver.ts); a test shows both agree.
 */
import type { AnswerValue } from './scoring/constants.ts';
import type { AnswerResponse } from './templates/answers.ts';

export interface CarriedAnswerState {
  value: AnswerValue | null;
  /** The chosen options, number, date or text of a custom question; null or absent for Yes / Partial / No / N/A. */
  response?: AnswerResponse | null;
  carriedOver: boolean;
  confirmedAt: Date | string | null;
}

/** Copied over and not yet confirmed or changed by the vendor: it waits for the vendor like an open question. */
export function awaitsConfirmation(a: CarriedAnswerState): boolean {
  return a.carriedOver && a.confirmedAt === null;
}

/** Whether anything is answered: a value or a custom question's response (a comment alone is not an answer). */
export function hasAnswer(a: Pick<CarriedAnswerState, 'value' | 'response'>): boolean {
  return a.value !== null || (a.response ?? null) !== null;
}

/** An answer the vendor has given in this assessment: a value or response, and not a carried-over one still waiting. */
export function countsAsAnswered(a: CarriedAnswerState): boolean {
  return hasAnswer(a) && !awaitsConfirmation(a);
}

/** The same answer, whatever order its chosen options were saved in. */
export function sameResponse(a: AnswerResponse | null | undefined, b: AnswerResponse | null | undefined): boolean {
  const norm = (r: AnswerResponse | null | undefined) => (r ? JSON.stringify('options' in r ? { options: [...r.options].sort() } : r) : null);
  return norm(a) === norm(b);
}

/**
 * How an answer compares with the same question last time, for the reviewer:
 * - `unchanged`: the same value and comment as the previous assessment;
 * - `changed`: a different value or comment (the previous one is shown);
 * - `new`: the question was not answered last time (or there was no last time);
 * - `unconfirmed`: carried over and not yet confirmed by the vendor.
 * Null when there is nothing to compare (no answer now and none before).
 */
export type AnswerChange = 'unchanged' | 'changed' | 'new' | 'unconfirmed';

export function answerChange(
  current: (CarriedAnswerState & { comment: string }) | null,
  previous: { value: AnswerValue | null; response?: AnswerResponse | null; comment: string } | null,
  hasPreviousAssessment: boolean,
): AnswerChange | null {
  if (current && awaitsConfirmation(current)) return 'unconfirmed';
  if (!current || !hasAnswer(current)) return previous && hasAnswer(previous) ? 'changed' : null;
  if (!hasPreviousAssessment || !previous || !hasAnswer(previous)) return 'new';
  return previous.value === current.value && sameResponse(previous.response, current.response) && previous.comment.trim() === current.comment.trim() ? 'unchanged' : 'changed';
}
