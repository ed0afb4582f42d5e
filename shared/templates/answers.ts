/**
 * What an answer to any question may hold, kept apart from the template
 * model so the vendor portal can load it without the catalogue or zod:
 * Yes / Partial / No / N/A in `value`, or a custom question's chosen
 * options, number, date or text in `response`. checkAnswer is the rule an
 * answer must follow to be saved at all: its kind must fit the question.
 */
import type { AnswerValue } from '../scoring/constants.ts';
import type { QuestionAnswer } from '../scoring/questionScore.ts';
import type { QuestionType } from './schema.ts';

export interface AskedOption {
  id: string;
  label: string;
}

/** An answer beyond Yes / Partial / No / N/A: the chosen options, a number, a date or free text. */
export type AnswerResponse = { options: string[] } | { number: number } | { date: string } | { text: string };

/** The kind of value each question type takes, beside N/A. */
export function answerKindOf(type: QuestionType): 'value' | 'options' | 'number' | 'date' | 'text' {
  switch (type) {
    case 'control':
    case 'yes_partial_no':
      return 'value';
    case 'single_choice':
    case 'multiple_choice':
      return 'options';
    default:
      return type;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Why this answer cannot be saved for this question, or null when it fits.
 * A cleared answer (no value, no response) always fits: the question is
 * then unanswered. An answer to a question hidden by its condition is still
 * saved: it is kept, and ignored while the question stays hidden.
 */
export function checkAnswer(question: { id: string; type: QuestionType; allowNa: boolean; options: readonly AskedOption[] }, value: AnswerValue | null, response: AnswerResponse | null): string | null {
  const name = question.id;
  if (value === 'na') {
    if (!question.allowNa) return `"Not applicable" is not an answer for ${name}${answerKindOf(question.type) === 'value' ? ': answer Yes, Partial or No' : ''}.`;
    return response ? `An answer to ${name} is either "Not applicable" or a ${answerKindOf(question.type)}, not both.` : null;
  }
  const kind = answerKindOf(question.type);
  if (value !== null && kind !== 'value') return `${name} is not answered with Yes, Partial or No.`;
  if (kind === 'value') return response ? `${name} is answered with Yes, Partial or No only.` : null;
  if (!response) return null;
  const given = Object.keys(response);
  if (given.length !== 1 || given[0] !== kind) return `${name} takes ${kind === 'options' ? 'a choice of its options' : `a ${kind}`}.`;
  if ('options' in response) {
    const chosen = response.options;
    const known = new Set(question.options.map((o) => o.id));
    const unknown = chosen.find((id) => !known.has(id));
    if (unknown !== undefined) return `"${unknown}" is not an option of ${name}.`;
    if (new Set(chosen).size !== chosen.length) return `An option of ${name} is chosen twice.`;
    if (question.type === 'single_choice' && chosen.length !== 1) return `Choose exactly one option for ${name}.`;
    return null;
  }
  if ('number' in response) return Number.isFinite(response.number) ? null : `${name} takes a number.`;
  if ('date' in response) return isRealDate(response.date) ? null : `${name} takes a date written as YYYY-MM-DD.`;
  return response.text.trim() === '' ? `An answer to ${name} cannot be empty: clear it instead.` : null;
}

/** A stored answer as scoring and conditions read it. */
export function questionAnswerOf(row: { value: AnswerValue | null; response: AnswerResponse | null; rejected: boolean }): QuestionAnswer | undefined {
  if (row.value === null && row.response === null) return undefined;
  return { ...(row.value !== null ? { value: row.value } : {}), ...(row.response ?? {}), rejected: row.rejected };
}

const VALUE_WORDS: Record<AnswerValue, string> = { yes: 'Yes', partial: 'Partial', no: 'No', na: 'Not applicable' };

/** An answer in words, as the vendor gave it: "Yes", "Encrypted at rest, Encrypted in transit", "14", "2026-12-01"... */
export function describeAnswer(question: { options: readonly AskedOption[] }, value: AnswerValue | null, response: AnswerResponse | null | undefined): string | null {
  if (value !== null) return VALUE_WORDS[value];
  if (!response) return null;
  if ('options' in response) {
    if (response.options.length === 0) return 'None of the options';
    const labels = new Map(question.options.map((o) => [o.id, o.label]));
    return response.options.map((id) => labels.get(id) ?? id).join(', ');
  }
  if ('number' in response) return String(response.number);
  if ('date' in response) return response.date;
  return response.text;
}
