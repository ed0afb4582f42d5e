/**
 * Score, section scores and grade of a whole questionnaire, whatever its
 * questions: the weighted mean of the credits of every question that is
 * asked (its condition met), scored (not free text, date or weight 0) and
 * applicable (not a valid N/A). Because it is a mean of credits 0..1, a
 * percentage means the same on any template. For a catalogue questionnaire
 * this is exactly the control score of docs/scoring.md sections 1-3.
 */
import type { Grade } from './constants.ts';
import { capGrade, countsAsNo, gradeForScore, weightedScore } from './grading.ts';
import { answerFor, evaluateQuestion, type QuestionAnswerMap, type QuestionResult, type ScoredQuestion } from './questionScore.ts';
import { hiddenQuestionIds } from './visibility.ts';

export interface SectionScore {
  section: string;
  /** 0..100, or null when nothing in the section is scored and applicable. */
  score: number | null;
  /** Questions asked in the section (hidden ones are not asked). */
  questions: number;
  /** Of those, how many have an answer. */
  answered: number;
}

export interface QuestionnaireScoreResult {
  /** Weighted mean over all scored, applicable questions, 0..100, one decimal. */
  score: number;
  grade: Grade;
  /** The grade the score alone would give, before critical caps. */
  uncappedGrade: Grade;
  /** Ids of critical questions that count as No. */
  criticalFailures: string[];
  sections: SectionScore[];
  /** One result per question, in questionnaire order. */
  questions: QuestionResult[];
}

export interface QuestionnaireScoreOptions {
  /** Questions whose remediation task was verified closed: they count as fully met. */
  met?: Iterable<string>;
}

export function computeQuestionnaireScore(
  questions: readonly ScoredQuestion[],
  answers: QuestionAnswerMap,
  options: QuestionnaireScoreOptions = {},
): QuestionnaireScoreResult {
  const hidden = hiddenQuestionIds(questions, answers);
  const met = new Set(options.met ?? []);
  const results = questions.map((q) => evaluateQuestion(q, answerFor(answers, q.id), { hidden: hidden.has(q.id), met: met.has(q.id) }));

  const sectionIds = [...new Set(questions.map((q) => q.section))];
  const sections = sectionIds.map((section): SectionScore => {
    const asked = results.filter((r) => r.question.section === section && r.outcome !== 'hidden');
    return {
      section,
      score: weightedScore(asked),
      questions: asked.length,
      answered: asked.filter((r) => answerFor(answers, r.question.id) !== undefined).length,
    };
  });
  // With nothing applicable there is nothing to credit: unknown is not safe.
  const score = weightedScore(results) ?? 0;
  const criticalFailures = results.filter((r) => r.question.critical && countsAsNo(r)).map((r) => r.question.id);
  const uncappedGrade = gradeForScore(score);
  return {
    score,
    grade: capGrade(uncappedGrade, criticalFailures.length),
    uncappedGrade,
    criticalFailures,
    sections,
    questions: results,
  };
}
