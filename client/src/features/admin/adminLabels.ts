/** Labels the administration pages share. */
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '#shared/statuses.ts';

export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));
