/**
 * Which questions the vendor is asked now: a question whose condition waits
 * for an answer, or is not met by the answer given, is not shown, not
 * required and not counted (docs/templates.md section 3). The server counts
 * progress and checks submission by the same rule.
 */
import type { QuestionAnswer, QuestionAnswerMap } from '#shared/scoring/questionScore.ts';
import { hiddenQuestionIds } from '#shared/scoring/visibility.ts';
import { questionAnswerOf } from '#shared/templates/answers.ts';
import type { Control, Questionnaire } from '../api.ts';

export function shownControls(questionnaire: Pick<Questionnaire, 'controls' | 'answers'>): Control[] {
  const answers: Record<string, QuestionAnswer | undefined> = {};
  for (const a of questionnaire.answers) answers[a.controlId] = questionAnswerOf({ value: a.value, response: a.response, rejected: false });
  const hidden = hiddenQuestionIds(
    questionnaire.controls.map((c) => c.scoring),
    answers as QuestionAnswerMap,
    { whileUnknown: 'hidden' },
  );
  return questionnaire.controls.filter((c) => !hidden.has(c.id));
}
