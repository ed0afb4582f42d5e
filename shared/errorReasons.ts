/**
 * Machine-readable reasons every error answer carries (`data.reason` from
 * tRPC, `reason` in an HTTP route's JSON body), so clients decide what to
 * do without reading the message meant for people.
 */
export const ERROR_REASONS = [
  'SIGN_IN_REQUIRED',
  'MFA_REQUIRED',
  'ROLE_NOT_ALLOWED',
  'NOT_ALLOWED',
  'LINK_SESSION_ENDED',
  'EMAIL_CODE_REQUIRED',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_READY',
  'TOO_LARGE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
