/**
 * Staff accounts and sessions. Column names follow better-auth's core
 * schema (plural table names) so its drizzle adapter can own them.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { STAFF_ROLES } from '#shared/statuses.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';

export const users = sqliteTable('users', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: integer({ mode: 'boolean' }).notNull().default(false),
  image: text(),
  role: text({ enum: STAFF_ROLES }).notNull().default('procurement'),
  /** Deactivated users cannot sign in and lose every session. */
  active: integer({ mode: 'boolean' }).notNull().default(true),
  twoFactorEnabled: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text().notNull().unique(),
    expiresAt: timestamp().notNull(),
    ipAddress: text(),
    userAgent: text(),
    /** How the session was won: "password", "totp", "backup_code" or "passkey"; MFA is met by the last three. */
    authMethod: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Sign-in methods of a user; for email and password, `password` holds the library's hash. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text().notNull(),
    providerId: text().notNull(),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestamp(),
    refreshTokenExpiresAt: timestamp(),
    scope: text(),
    password: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

/** One-time values: set-password links, email codes. */
export const verifications = sqliteTable(
  'verifications',
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestamp().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** TOTP secrets and hashed recovery codes (better-auth two-factor plugin). */
export const twoFactors = sqliteTable(
  'two_factors',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secret: text().notNull(),
    backupCodes: text().notNull(),
    verified: integer({ mode: 'boolean' }).notNull().default(true),
    failedVerificationCount: integer().notNull().default(0),
    lockedUntil: timestamp(),
  },
  (t) => [index('two_factors_user_idx').on(t.userId), index('two_factors_secret_idx').on(t.secret)],
);

/** WebAuthn credentials (better-auth passkey plugin). */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text().primaryKey(),
    name: text(),
    publicKey: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    credentialID: text().notNull(),
    counter: integer().notNull(),
    deviceType: text().notNull(),
    backedUp: integer({ mode: 'boolean' }).notNull(),
    transports: text(),
    aaguid: text(),
    createdAt: timestamp(),
  },
  (t) => [index('passkeys_user_idx').on(t.userId), index('passkeys_credential_idx').on(t.credentialID)],
);

/**
 * The one live set-password link of each user: issuing a new link deletes
 * the verification row of the previous one, so an older link sent
 * somewhere else stops working at once.
 */
export const setPasswordLinks = sqliteTable('set_password_links', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  verificationId: text().notNull(),
  issuedAt: timestamp().notNull(),
});

/**
 * TOTP codes claimed by a check in progress or accepted: the primary key
 * makes the claim atomic, so a code works once even when several requests
 * race with it (RFC 6238 section 5.2). Rows expire once the code cannot be
 * valid any more.
 */
export const totpCodeClaims = sqliteTable(
  'totp_code_claims',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    expiresAt: timestamp().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/**
 * Consecutive wrong passwords per sign-in lane (an account, or a browser
 * that signed in to it before), for the progressive delay. The key is a
 * hash, so addresses typed by strangers are not kept.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    laneKey: text().primaryKey(),
    failures: integer().notNull(),
    lastFailureAt: timestamp().notNull(),
    retryAt: timestamp().notNull(),
  },
  (t) => [index('sign_in_failures_last_idx').on(t.lastFailureAt)],
);
