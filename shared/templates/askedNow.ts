/**
 * Which questions a vendor is asked now, and how many of them it has
 * answered: the one rule the portal, its server side, the staff lists and
 * the template editor's preview all count by (docs/templates.md section 3).
 * A question whose condition waits for an answer, or is not met by the
 * answer given, is not shown, not required and not counted; an answer kept
 * for a hidden question does not count either. The vendor's own answers
 * decide, as on its screen (a rejection does not hide anything here).
 * Scoring reads conditions more strictly (scoring/visibility.ts, 'shown'
 * while unknown), so a vendor cannot skip questions by leaving one out.
 */
import { countsAsAnswered, type CarriedAnswerState } from '../carryOver.ts';
import type { QuestionAnswer, QuestionAnswerMap, ScoredQuestion } from '../scoring/questionScore.ts';
import { hiddenQuestionIds } from '../scoring/visibility.ts';
import { questionAnswerOf } from './answers.ts';

/** A saved answer as every reader of this rule has it. */
export type GivenAnswer = Pick<CarriedAnswerState, 'value' | 'response'> & { controlId: string };

/** The ids of the questions not shown to the vendor, given its answers. */
export function hiddenForVendor(questions: readonly ScoredQuestion[], given: readonly GivenAnswer[]): Set<string> {
  const answers: Record<string, QuestionAnswer | undefined> = {};
  for (const a of given) answers[a.controlId] = questionAnswerOf({ value: a.value, response: a.response ?? null, rejected: false });
  return hiddenQuestionIds(questions, answers as QuestionAnswerMap, { whileUnknown: 'hidden' });
}

/** The questions the vendor is shown now, in order. */
export function askedNow<Q extends ScoredQuestion>(questions: readonly Q[], given: readonly GivenAnswer[]): Q[] {
  const hidden = hiddenForVendor(questions, given);
  return questions.filter((q) => !hidden.has(q.id));
}

/** How many of the questions shown now the vendor has answered (a carried-over answer counts once confirmed). */
export function askedProgress(questions: readonly ScoredQuestion[], given: readonly (GivenAnswer & CarriedAnswerState)[]): { answered: number; total: number } {
  const shown = askedNow(questions, given);
  const answered = new Set(given.filter(countsAsAnswered).map((a) => a.controlId));
  return { answered: shown.filter((q) => answered.has(q.id)).length, total: shown.length };
}
