/**
 * Staff authentication on better-auth: email and password (no sign-up:
 * admins invite), TOTP with recovery codes, and passkeys. Tollgate's own
 * rules hook in: deactivated accounts and how each session was won here,
 * the rest (who may change factors, password policy, single-use codes,
 * notification emails, the audit trail) in server/accounts/authHooks.ts.
 */
import { passkey } from '@better-auth/passkey';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { eq } from 'drizzle-orm';
import { accounts, passkeys, sessions, twoFactors, users, verifications } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { clientIp, createAuthHooks } from './authHooks.ts';
import { hashVerificationIdentifier } from './identifiers.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwordPolicy.ts';
import {
  AUTH_METHOD_BY_PATH,
  DISABLED_AUTH_PATHS,
  FRESH_SIGN_IN_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  SESSION_REFRESH_SECONDS,
  SET_PASSWORD_LINK_SECONDS,
} from './policy.ts';

export interface AuthSettings {
  publicUrl: string;
  secret: string;
  smtpUrl: string | null;
}

export function createAuth(db: Db, settings: AuthSettings) {
  const secure = settings.publicUrl.startsWith('https:');
  const userLabel = (id: string) => db.select({ name: users.name }).from(users).where(eq(users.id, id)).get();

  return betterAuth({
    appName: 'Tollgate',
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    trustedOrigins: [settings.publicUrl],
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      usePlural: true,
      schema: { users, sessions, accounts, verifications, twoFactors, passkeys },
    }),
    disabledPaths: DISABLED_AUTH_PATHS,
    // Rate limits live in the HTTP layer (server/accounts/authRoutes.ts), where they answer 429 with Retry-After.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      resetPasswordTokenExpiresIn: SET_PASSWORD_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'procurement' },
        active: { type: 'boolean', required: false, input: false, defaultValue: true },
      },
    },
    session: {
      expiresIn: IDLE_TIMEOUT_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      freshAge: FRESH_SIGN_IN_SECONDS,
      additionalFields: { authMethod: { type: 'string', required: false, input: false } },
    },
    // Only a hash of each one-time identifier is stored (server/accounts/identifiers.ts).
    verification: { storeIdentifier: { hash: async (identifier) => hashVerificationIdentifier(identifier) } },
    advanced: {
      cookiePrefix: 'tollgate',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: ['x-tollgate-client-ip'] },
    },
    plugins: [
      twoFactor({ issuer: 'Tollgate', backupCodeOptions: { amount: 10, length: 10 } }),
      passkey({
        rpID: new URL(settings.publicUrl).hostname,
        rpName: 'Tollgate',
        origin: settings.publicUrl,
        // A passkey is a second factor only with the user verified (PIN or biometrics), not just present: a stolen
        // security key without a PIN must not pass as MFA. Asked for in the options, and checked in the answer.
        authenticatorSelection: { userVerification: 'required' },
        registration: {
          afterVerification: ({ verification }) => {
            if (!verification.registrationInfo?.userVerified) throw new APIError('BAD_REQUEST', { message: PASSKEY_UV_MESSAGE });
            return Promise.resolve({});
          },
        },
        authentication: {
          afterVerification: ({ verification }) => {
            if (!verification.authenticationInfo.userVerified) throw new APIError('UNAUTHORIZED', { message: PASSKEY_UV_MESSAGE });
            return Promise.resolve();
          },
        },
      }),
    ],
    databaseHooks: {
      session: {
        create: {
          async before(session, ctx) {
            const user = db.select({ active: users.active }).from(users).where(eq(users.id, session.userId)).get();
            // A deactivated account gets the same answer as a wrong password: nothing to learn from it.
            if (!user?.active) throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password' });
            return { data: { ...session, authMethod: AUTH_METHOD_BY_PATH[ctx?.path ?? ''] ?? 'password' } };
          },
          async after(session, ctx) {
            const label = userLabel(session.userId);
            recordAudit(db, {
              actor: { type: 'user', id: session.userId, label: label?.name ?? session.userId, ip: clientIp(ctx?.request) },
              action: 'auth.sign_in',
              targetType: 'user',
              targetId: session.userId,
              after: { method: AUTH_METHOD_BY_PATH[ctx?.path ?? ''] ?? 'password' },
              at: new Date(),
            });
          },
        },
      },
    },
    hooks: createAuthHooks(db, { smtpUrl: settings.smtpUrl }),
  });
}

export type Auth = ReturnType<typeof createAuth>;

export const PASSKEY_UV_MESSAGE = 'This passkey did not check that it is you (a PIN, fingerprint or face). Use a passkey or security key that asks for one.';

declare module '../platform/context.ts' {
  interface Services {
    /** better-auth, for the procedures that manage accounts; null where accounts are not set up (e.g. unit callers). */
    auth: Auth | null;
  }
}
