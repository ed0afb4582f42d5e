/**
 * Which questions the vendor is asked now, by the rule the server and the
 * staff's lists count by (shared/templates/askedNow.ts): a question whose
 * condition waits for an answer, or is not met by the answer given, is not
 * shown, not required and not counted.
 */
import { hiddenForVendor } from '#shared/templates/askedNow.ts';
import type { Control, Questionnaire } from '../api.ts';

export function shownControls(questionnaire: Pick<Questionnaire, 'controls' | 'answers'>): Control[] {
  const hidden = hiddenForVendor(
    questionnaire.controls.map((c) => c.scoring),
    questionnaire.answers,
  );
  return questionnaire.controls.filter((c) => !hidden.has(c.id));
}
