/**
 * A question as the vendor sees it, whoever renders it: the portal (from
 * the server's answer) or the template editor's preview (from a draft).
 * Both hand these components the same shape, so they show the same thing.
 */
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { ScoredQuestion } from '#shared/scoring/questionScore.ts';
import type { AnswerResponse } from '#shared/templates/answers.ts';
import type { AskedQuestion } from '#shared/templates/asked.ts';

export type { AnswerValue } from '#shared/scoring/constants.ts';

export interface ShownQuestion extends Pick<AskedQuestion, 'id' | 'type' | 'title' | 'question' | 'guidance' | 'whyItMatters' | 'remediation' | 'allowNa' | 'naHint' | 'options' | 'required' | 'severity'> {
  /** The section it belongs to. */
  domain: string;
  /** What conditions and the severity badge need (option and band scores left out for the vendor). */
  scoring: ScoredQuestion;
  /** Why the vendor's own access makes this control critical for it; empty when its catalogue severity stands. */
  criticalBecause: readonly string[];
}

export interface AnswerDraft {
  value: AnswerValue | null;
  response: AnswerResponse | null;
}

/** Free text, dates and weight-0 questions are asked but never scored: no severity to show. */
export const isScored = (q: Pick<ShownQuestion, 'scoring'>) => q.scoring.weight > 0 && q.scoring.rule.kind !== 'not_scored';

/** A No or Partial on a critical or high control shows at once why it matters and what good looks like. */
export const showsRiskNotice = (q: Pick<ShownQuestion, 'severity'>, value: AnswerValue | null) =>
  (q.severity === 'critical' || q.severity === 'high') && (value === 'no' || value === 'partial');
