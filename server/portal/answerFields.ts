/**
 * An answer as the portal gives it to the vendor: the questionnaire's
 * answers and the one a save returns are the same shape, read from the
 * same columns.
 */
import { answers } from '../../drizzle/schema/index.ts';

export const VENDOR_ANSWER_FIELDS = {
  controlId: answers.controlId,
  value: answers.value,
  response: answers.response,
  comment: answers.comment,
  revision: answers.revision,
  answeredBy: answers.answeredBy,
  answeredAt: answers.answeredAt,
  carriedOver: answers.carriedOver,
  confirmedAt: answers.confirmedAt,
};
