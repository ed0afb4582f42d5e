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

