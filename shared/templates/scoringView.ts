/**
 * What scoring sees of a template version: each question as a scored
 * question (shared/scoring/questionScore.ts). Catalogue controls keep their
 * catalogue severity, critical flag and N/A rule; custom questions bring
 * their own; free text and dates are asked but never scored.
 */
import { SEVERITY_WEIGHT } from '../scoring/constants.ts';
import { computeQuestionnaireScore, type QuestionnaireScoreOptions, type QuestionnaireScoreResult } from '../scoring/questionnaireScore.ts';
import { controlAsQuestion, type CreditRule, type QuestionAnswerMap, type ScoredQuestion } from '../scoring/questionScore.ts';
import type { TemplateContent, TemplateQuestion } from './schema.ts';

function ruleOf(question: Exclude<TemplateQuestion, { type: 'control' }>): CreditRule {
  switch (question.type) {
    case 'yes_partial_no':
      return { kind: 'yes_partial_no' };
    case 'single_choice':
    case 'multiple_choice':
      return { kind: question.type, options: question.options.map((o) => ({ id: o.id, score: o.score })) };
    case 'number':
      return { kind: 'number', bands: question.bands.map((b) => ({ min: b.min, max: b.max, score: b.score })) };
    case 'date':
    case 'text':
      return { kind: 'not_scored' };
  }
}

export function scoredQuestionOf(question: TemplateQuestion): ScoredQuestion {
  if (question.type === 'control') {
    return controlAsQuestion(question.control, { section: question.section, weight: question.weight, condition: question.condition });
  }
  const scored = question.type !== 'date' && question.type !== 'text';
  const severity = scored ? question.severity : 'low';
  const result: ScoredQuestion = {
    id: question.id,
    section: question.section,
    domain: null,
    severity,
    critical: scored ? question.critical : false,
    allowNa: question.naAllowed,
    weight: scored ? (question.weight ?? SEVERITY_WEIGHT[severity]) : 0,
    rule: ruleOf(question),
  };
  if (question.condition) result.condition = question.condition;
  return result;
}

export function scoringQuestions(content: TemplateContent): ScoredQuestion[] {
  return content.questions.map(scoredQuestionOf);
}

/** Score, section scores and grade of answers to a template version. */
export function scoreTemplate(content: TemplateContent, answers: QuestionAnswerMap, options: QuestionnaireScoreOptions = {}): QuestionnaireScoreResult {
  return computeQuestionnaireScore(scoringQuestions(content), answers, options);
}
