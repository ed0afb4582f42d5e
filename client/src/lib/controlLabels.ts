/** Words for answers, control outcomes and review decisions, shared by the vendor and assessment screens. */
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { QuestionOutcome } from '#shared/scoring/questionScore.ts';
import type { ReviewStatus } from '#shared/statuses.ts';

export const OUTCOME_LABELS: Record<QuestionOutcome, string> = {
  met: 'Met',
  partial: 'Partial',
  not_met: 'Not met',
  unanswered: 'Unanswered',
  rejected: 'Answer rejected',
  not_applicable: 'Not applicable',
  invalid_na: 'N/A not allowed',
  invalid_answer: 'Answer does not fit the question',
  hidden: 'Not asked (its condition is not met)',
  not_scored: 'Not scored',
};

export const ANSWER_LABELS: Record<AnswerValue, string> = {
  yes: 'Yes',
  partial: 'Partial',
  no: 'No',
  na: 'Not applicable',
};

/** Filled badges with autoContrast keep >= 4.5:1 text. */
export const ANSWER_COLORS: Record<AnswerValue, string> = {
  yes: 'teal.9',
  partial: 'yellow.6',
  no: 'red.9',
  na: 'gray.7',
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: 'Not reviewed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  clarification_requested: 'Clarification asked',
};

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string> = {
  pending: 'gray.7',
  accepted: 'teal.9',
  rejected: 'red.9',
  clarification_requested: 'orange.6',
};

/**
 * A condition in words, for the reviewer and the template's author alike:
 * the question it depends on by its title, the answers by their labels
 * ('“Connects to us” is answered Yes or Partial'), never by their ids.
 */
export function conditionInWords(condition: { question: string; anyOf: readonly string[] }, source: { title: string; options: readonly { id: string; label: string }[] } | undefined): string {
  const answer = (id: string) => source?.options.find((o) => o.id === id)?.label ?? (ANSWER_LABELS as Record<string, string>)[id] ?? id;
  return `\u201c${source?.title || condition.question}\u201d is answered ${condition.anyOf.map(answer).join(' or ')}`;
}
