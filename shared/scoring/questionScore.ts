/**
 * One question's credit from its answer, for every kind of question a
 * template can hold: the catalogue's Yes / Partial / No, single and
 * multiple choice with a score per option, and numbers scored by bands.
 * Free text and dates are asked but never scored. As for catalogue
 * controls, unknown is not safe: an unanswered question, a rejected answer,
 * an answer that does not fit the question and an N/A the question does not
 * allow all earn no credit.
 */
import type { ControlDefinition, DomainId, Severity } from '../catalogue/types.ts';
import { ANSWER_CREDIT, SEVERITY_WEIGHT, type AnswerValue } from './constants.ts';

export interface ScoredOption {
  id: string;
  /** Credit 0..1 for choosing it; null only on a question that is not scored (weight 0). */
  score: number | null;
}

/** A number from `min` (included) up to `max` (excluded) earns `score`; null is unbounded. */
export interface ScoreBand {
  min: number | null;
  max: number | null;
  score: number;
}

export type CreditRule =
  | { kind: 'yes_partial_no' }
  | { kind: 'single_choice'; options: readonly ScoredOption[] }
  | { kind: 'multiple_choice'; options: readonly ScoredOption[] }
  | { kind: 'number'; bands: readonly ScoreBand[] }
  /** Free text and dates: asked, never scored. */
  | { kind: 'not_scored' };

/** Show the question only when `question` was answered with one of `anyOf` (answer values or option ids). */
export interface QuestionCondition {
  question: string;
  anyOf: readonly string[];
}

/** What scoring needs of one question; a template version's questions map onto this. */
export interface ScoredQuestion {
  id: string;
  section: string;
  /** The catalogue domain of a catalogue control; null for a custom question. Drives the IAM/REC likelihood rules. */
  domain: DomainId | null;
  severity: Severity;
  /** Counting as No caps the grade, as for the catalogue's critical controls. */
  critical: boolean;
  allowNa: boolean;
  /** Weight in the weighted mean; 0 means asked (and able to drive conditions) but not scored. */
  weight: number;
  rule: CreditRule;
  condition?: QuestionCondition;
}

/**
 * An answer to any kind of question. A catalogue answer ({ value }) is one
 * of these, so the answer maps stored today score unchanged.
 */
export interface QuestionAnswer {
  /** Yes / Partial / No for yes-partial-no questions; "na" on any question that allows N/A. */
  value?: AnswerValue;
  /** The chosen option ids: exactly one for single choice, any number for multiple choice. */
  options?: readonly string[];
  number?: number;
  date?: string;
  text?: string;
  /** A reviewer rejected the answer: it counts as No. */
  rejected?: boolean;
}

export type QuestionAnswerMap = Readonly<Record<string, QuestionAnswer | undefined>>;

export type QuestionOutcome =
  | 'met'
  | 'partial'
  | 'not_met'
  | 'unanswered'
  | 'rejected'
  | 'not_applicable'
  /** N/A given where the question does not allow it. */
  | 'invalid_na'
  /** An answer that does not fit the question (an unknown option, a missing number...). */
  | 'invalid_answer'
  /** Its condition is not met: not asked, left out. */
  | 'hidden'
  /** Free text, date, or weight 0: asked, left out of the score. */
  | 'not_scored';

export interface QuestionResult {
  question: ScoredQuestion;
  outcome: QuestionOutcome;
  /** Credit 0..1, or null when the question is left out of the score. */
  credit: number | null;
  weight: number;
}

/** What an answer says, before any scoring: shared by scoring and by conditions. */
export type AnswerReading =
  | { kind: 'none' }
  | { kind: 'na' }
  | { kind: 'invalid' }
  /** A Yes / Partial / No value, or the chosen option ids. */
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'number'; value: number }
  /** A free-text or date answer: present, never scored. */
  | { kind: 'given' };

export function answerFor<A>(answers: Readonly<Record<string, A | undefined>>, id: string): A | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

const YES_PARTIAL_NO: readonly string[] = ['yes', 'partial', 'no'];

export function readAnswer(question: ScoredQuestion, answer: QuestionAnswer | undefined): AnswerReading {
  if (!answer) return { kind: 'none' };
  if (answer.value === 'na') return { kind: 'na' };
  const rule = question.rule;
  switch (rule.kind) {
    case 'yes_partial_no':
      return answer.value !== undefined && YES_PARTIAL_NO.includes(answer.value) ? { kind: 'values', values: [answer.value] } : { kind: 'invalid' };
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = answer.options;
      if (!Array.isArray(chosen)) return { kind: 'invalid' };
      const known = new Set(rule.options.map((o) => o.id));
      const fits =
        chosen.every((id) => typeof id === 'string' && known.has(id)) &&
        new Set(chosen).size === chosen.length &&
        (rule.kind === 'multiple_choice' || chosen.length === 1);
      return fits ? { kind: 'values', values: chosen } : { kind: 'invalid' };
    }
    case 'number':
      return typeof answer.number === 'number' && Number.isFinite(answer.number) ? { kind: 'number', value: answer.number } : { kind: 'invalid' };
    case 'not_scored':
      return { kind: 'given' };
  }
}

/** Credit of a multiple choice: the chosen scores added up, at most 1 (rounded so 0.1 + 0.2 + 0.7 is 1). */
function sumCredit(scores: readonly number[]): number {
  const sum = scores.reduce((a, b) => a + b, 0);
  return Math.min(1, Math.round(sum * 1e6) / 1e6);
}

function bandScore(bands: readonly ScoreBand[], value: number): number {
  const band = bands.find((b) => (b.min === null || value >= b.min) && (b.max === null || value < b.max));
  // A number outside every band is not a number the template expected: unknown is not safe.
  return band ? band.score : 0;
}

function creditOf(rule: CreditRule, reading: AnswerReading): number {
  if (rule.kind === 'yes_partial_no' && reading.kind === 'values') return ANSWER_CREDIT[reading.values[0] as 'yes' | 'partial' | 'no'];
  if ((rule.kind === 'single_choice' || rule.kind === 'multiple_choice') && reading.kind === 'values') {
    const scoreOf = new Map(rule.options.map((o) => [o.id, o.score ?? 0]));
    return sumCredit(reading.values.map((id) => scoreOf.get(id) ?? 0));
  }
  if (rule.kind === 'number' && reading.kind === 'number') return bandScore(rule.bands, reading.value);
  return 0;
}

const outcomeForCredit = (credit: number): QuestionOutcome => (credit === 1 ? 'met' : credit === 0 ? 'not_met' : 'partial');

export interface EvaluateOptions {
  /** The question's condition is not met. */
  hidden?: boolean;
  /** Its remediation task was closed: it counts as fully met whatever was answered. */
  met?: boolean;
}

export function isScored(question: ScoredQuestion): boolean {
  return question.weight > 0 && question.rule.kind !== 'not_scored';
}

export function evaluateQuestion(question: ScoredQuestion, answer: QuestionAnswer | undefined, options: EvaluateOptions = {}): QuestionResult {
  const result = (outcome: QuestionOutcome, credit: number | null): QuestionResult => ({ question, outcome, credit, weight: question.weight });
  if (options.hidden) return result('hidden', null);
  if (!isScored(question)) return result('not_scored', null);
  if (options.met) return result('met', 1);
  if (!answer) return result('unanswered', 0);
  if (answer.rejected) return result('rejected', 0);
  const reading = readAnswer(question, answer);
  if (reading.kind === 'na') return question.allowNa ? result('not_applicable', null) : result('invalid_na', 0);
  if (reading.kind !== 'values' && reading.kind !== 'number') return result('invalid_answer', 0);
  const credit = creditOf(question.rule, reading);
  return result(outcomeForCredit(credit), credit);
}

/** The fields of a catalogue control that scoring needs. */
export type ControlScoringFields = Pick<ControlDefinition, 'id' | 'domain' | 'severity' | 'critical' | 'allowNa'>;

/**
 * A catalogue control as a scored question: Yes / Partial / No, its
 * severity's weight unless a template overrides it, in its domain's section
 * unless a template places it elsewhere.
 */
export function controlAsQuestion(
  control: ControlScoringFields,
  placement: { section?: string; weight?: number; condition?: QuestionCondition } = {},
): ScoredQuestion {
  const question: ScoredQuestion = {
    id: control.id,
    section: placement.section ?? control.domain,
    domain: control.domain,
    severity: control.severity,
    critical: control.critical,
    allowNa: control.allowNa,
    weight: placement.weight ?? SEVERITY_WEIGHT[control.severity],
    rule: { kind: 'yes_partial_no' },
  };
  if (placement.condition) question.condition = placement.condition;
  return question;
}
