/**
 * Which questions are hidden by their condition. A question is hidden only
 * when the answer it depends on is known and says otherwise: while that
 * answer is missing, rejected or does not fit its question, the dependent
 * questions stay asked (and count), because a vendor must not be able to
 * skip questions by leaving out, or giving a false, routing answer.
 * A question that depends on a hidden question is hidden too. The portal
 * asks for the stricter display rule (whileUnknown: 'hidden').
 */
import { answerFor, readAnswer, type QuestionAnswerMap, type ScoredQuestion } from './questionScore.ts';

/** Whether the answer to `target` shows the questions that wait for one of `anyOf`; null when it is not usable. */
function conditionMet(target: ScoredQuestion, answers: QuestionAnswerMap, anyOf: readonly string[]): boolean | null {
  const answer = answerFor(answers, target.id);
  if (!answer || answer.rejected) return null;
  const reading = readAnswer(target, answer);
  if (reading.kind === 'na') return target.allowNa ? anyOf.includes('na') : null;
  if (reading.kind === 'values') return reading.values.some((v) => anyOf.includes(v));
  return null;
}

export interface VisibilityOptions {
  /**
   * What a question does while the answer it depends on is missing or
   * rejected: scoring keeps it asked ('shown', the default: unknown is not
   * safe); the portal and the preview wait for the answer ('hidden'), so a
   * vendor meets the follow-up questions only after answering the first.
   */
  whileUnknown?: 'shown' | 'hidden';
}

export function hiddenQuestionIds(questions: readonly ScoredQuestion[], answers: QuestionAnswerMap, options: VisibilityOptions = {}): Set<string> {
  const unknownHides = options.whileUnknown === 'hidden';
  const byId = new Map(questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();

  const isHidden = (question: ScoredQuestion): boolean => {
    const known = memo.get(question.id);
    if (known !== undefined) return known;
    let hidden = false;
    const condition = question.condition;
    const target = condition ? byId.get(condition.question) : undefined;
    // An unknown target or a cycle cannot occur in a validated template; if it does, the question stays asked.
    if (condition && target && !visiting.has(question.id)) {
      visiting.add(question.id);
      const met = conditionMet(target, answers, condition.anyOf);
      hidden = isHidden(target) || met === false || (met === null && unknownHides);
      visiting.delete(question.id);
    }
    memo.set(question.id, hidden);
    return hidden;
  };

  return new Set(questions.filter(isHidden).map((q) => q.id));
}
