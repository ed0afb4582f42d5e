/** Labels the administration pages share. */
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '../../../../shared/statuses.ts';

export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));

/** A tRPC or other error, as the sentence the server wrote for people. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}
