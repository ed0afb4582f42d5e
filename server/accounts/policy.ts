/** Session and sign-in policy, in one place (docs/security.md explains each value). */

/** A session unused for this long ends (sliding: each use pushes the end back). */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** How often a used session's end is pushed back. */
export const SESSION_REFRESH_SECONDS = 5 * 60;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
/** Adding or removing a sign-in factor needs a sign-in at most this old. */
export const FRESH_SIGN_IN_SECONDS = 10 * 60;
/** Set-password links (invitations, first admin, MFA resets) stay valid this long. */
export const SET_PASSWORD_LINK_SECONDS = 24 * 60 * 60;

/** Methods that prove a second factor (or a phishing-resistant one). */
export const MFA_AUTH_METHODS = ['totp', 'backup_code', 'passkey'] as const;

/** Which better-auth endpoint created a session tells how the person signed in. */
export const AUTH_METHOD_BY_PATH: Record<string, string> = {
  '/sign-in/email': 'password',
  '/two-factor/verify-totp': 'totp',
  '/two-factor/verify-backup-code': 'backup_code',
  '/passkey/verify-authentication': 'passkey',
};

/** better-auth endpoints Tollgate does not offer: accounts are created by admins, recovery goes through them. */
export const DISABLED_AUTH_PATHS = [
  '/sign-up/email',
  '/request-password-reset',
  '/forget-password',
  '/change-email',
  '/delete-user',
  '/update-user',
  '/sign-in/social',
  '/link-social',
  '/two-factor/send-otp',
  '/two-factor/verify-otp',
];

/** Endpoints that add or remove a factor: they need a fresh sign-in, and the person is told by email. */
export const FACTOR_CHANGE_PATHS = [
  '/two-factor/enable',
  '/two-factor/disable',
  '/two-factor/generate-backup-codes',
  '/passkey/generate-register-options',
  '/passkey/delete-passkey',
];

/**
 * Endpoints that add, change, remove or reveal a way of signing in. On an
 * account that has any second factor, the session must have presented one
 * (shared/signInMethods.ts); verify-totp is checked only when it completes
 * an enrolment inside a session, not when it is the sign-in's second step.
 */
export const FACTOR_PATHS = [
  ...FACTOR_CHANGE_PATHS,
  '/two-factor/verify-totp',
  '/two-factor/get-totp-uri',
  '/passkey/verify-registration',
  '/passkey/update-passkey',
  '/change-password',
];

/** A TOTP code is accepted one 30-second step either side of its own (90 s at most): a claimed code is kept longer than that. */
export const TOTP_CLAIM_SECONDS = 120;

/**
 * Wrong passwords slow guessing down without locking the owner out (issue
 * 10 item 15). Only wrong passwords count. The first few in a row cost
 * nothing; after that each attempt waits twice as long as the one before,
 * up to a ceiling; a right password clears the count. Counts are kept per
 * lane: one per account for browsers it has never been used in, and one
 * per browser that signed in to it before (a signed "known browser"
 * cookie), so a stranger's wrong passwords never hold up the owner on their
 * usual browser. docs/security.md works out the bounds.
 */
export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_MAX_DELAY_SECONDS = 5 * 60;
/** A lane's count is forgotten this long after its last wrong password. */
export const SIGN_IN_FAILURE_MEMORY_SECONDS = 24 * 60 * 60;
/** How long a browser stays known to an account after its last sign-in. */
export const KNOWN_BROWSER_SECONDS = 180 * 24 * 60 * 60;

/** Seconds the next attempt must wait after `failures` wrong passwords in a row: 0 x 4, then 1, 2, 4, ... up to 5 minutes. */
export function signInDelaySeconds(failures: number): number {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_DELAY_SECONDS, 2 ** (failures - SIGN_IN_FREE_FAILURES));
}
