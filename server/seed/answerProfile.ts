/**
 * A compact way to write a vendor's answers: a default plus the exceptions.
 * Mistakes in the data (an unknown control id, N/A where the control does
 * not allow it, a control listed twice) throw at load time, so a typo can
 * never quietly become an unanswered control that changes the score.
 */
import { CORE_CATALOGUE_V1, findControl } from '#shared/catalogue/coreV1.ts';
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { AnswerProfile } from './types.ts';

export interface ProfileSpec {
  default: Exclude<AnswerValue, 'na'>;
  yes?: readonly string[];
  partial?: readonly string[];
  no?: readonly string[];
  na?: readonly string[];
  unanswered?: readonly string[];
}

export function profile(spec: ProfileSpec): AnswerProfile {
  const exceptions: [string, AnswerValue | null][] = [
    ...(spec.yes ?? []).map((id): [string, AnswerValue] => [id, 'yes']),
    ...(spec.partial ?? []).map((id): [string, AnswerValue] => [id, 'partial']),
    ...(spec.no ?? []).map((id): [string, AnswerValue] => [id, 'no']),
    ...(spec.na ?? []).map((id): [string, AnswerValue] => [id, 'na']),
    ...(spec.unanswered ?? []).map((id): [string, null] => [id, null]),
  ];
  const seen = new Set<string>();
  for (const [id, value] of exceptions) {
    const control = findControl(id);
    if (!control) throw new Error(`Seed profile names unknown control ${id}`);
    if (seen.has(id)) throw new Error(`Seed profile lists control ${id} twice`);
    if (value === 'na' && !control.allowNa) throw new Error(`Control ${id} does not allow N/A`);
    seen.add(id);
  }
  const answers: Record<string, AnswerValue> = {};
  for (const control of CORE_CATALOGUE_V1.controls) answers[control.id] = spec.default;
  for (const [id, value] of exceptions) {
    if (value === null) delete answers[id];
    else answers[id] = value;
  }
  return answers;
}

/**
 * The same answers with some controls changed: an earlier, weaker
 * questionnaire is usually today's answers with more gaps.
 */
export function amend(base: AnswerProfile, changes: Omit<ProfileSpec, 'default'>): AnswerProfile {
  const overlay = profile({ default: 'yes', ...changes });
  const answers: Record<string, AnswerValue> = { ...base };
  const listed = [changes.yes, changes.partial, changes.no, changes.na, changes.unanswered].flatMap((ids) => ids ?? []);
  for (const id of listed) {
    const value = overlay[id];
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  return answers;
}
