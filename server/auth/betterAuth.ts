/**
 * Staff authentication on better-auth: email and password (no sign-up:
 * admins invite), TOTP with recovery codes, and passkeys. Tollgate's own
 * rules hook in here: password policy, deactivated accounts, fresh sign-in
 * for factor changes, notification emails and the audit trail.
 */
import { passkey } from '@better-auth/passkey';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';

type AuthMiddlewareContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
import { twoFactor } from 'better-auth/plugins/two-factor';
import { eq } from 'drizzle-orm';
import { accounts, passkeys, sessions, twoFactors, users, verifications } from '../../drizzle/schema/index.ts';
import type { Db } from '../db/database.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import type { AuditAction } from '../../shared/auditActions.ts';
import { recordAudit, type AuditActor } from '../services/audit.ts';
import { passwordProblem, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwordPolicy.ts';
import {
  AUTH_METHOD_BY_PATH,
  DISABLED_AUTH_PATHS,
  FACTOR_CHANGE_PATHS,
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

const FACTOR_NOTICES: Record<string, string> = {
  '/two-factor/verify-totp': 'An authenticator app was added to your Tollgate account',
  '/two-factor/disable': 'The authenticator app was removed from your Tollgate account',
  '/two-factor/generate-backup-codes': 'New recovery codes were created for your Tollgate account',
  '/passkey/verify-registration': 'A passkey was added to your Tollgate account',
  '/passkey/delete-passkey': 'A passkey was removed from your Tollgate account',
};

const FACTOR_AUDIT_ACTIONS: Record<string, AuditAction> = {
  '/two-factor/verify-totp': 'auth.factor.two-factor.verify-totp',
  '/two-factor/disable': 'auth.factor.two-factor.disable',
  '/two-factor/generate-backup-codes': 'auth.factor.two-factor.generate-backup-codes',
  '/passkey/verify-registration': 'auth.factor.passkey.verify-registration',
  '/passkey/delete-passkey': 'auth.factor.passkey.delete-passkey',
};

function clientIp(request: Request | undefined): string | null {
  return request?.headers.get('x-tollgate-client-ip') ?? null;
}

/** A code stays valid one 30 s step either side of now: remember it that long. */
const TOTP_REUSE_WINDOW_SECONDS = 120;
const usedTotpKey = (userId: string, code: string) => `totp-used:${userId}:${code}`;

/** Whose code this is: the signed-in user (enrolment) or the one named by the pending two-factor cookie. */
async function totpUserId(ctx: AuthMiddlewareContext): Promise<string | null> {
  const current = await getSessionFromCtx(ctx).catch(() => null);
  if (current) return current.user.id;
  const cookie = ctx.context.createAuthCookie('two_factor');
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return pending?.value ?? null;
}

export function createAuth(db: Db, settings: AuthSettings) {
  const secure = settings.publicUrl.startsWith('https:');
  const userLabel = (id: string) => db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id)).get();
  const audit = (actor: AuditActor, action: AuditAction, targetId: string | null, after?: unknown) =>
    recordAudit(db, { actor, action, targetType: 'user', targetId, after, at: new Date() });

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
    // Rate limits live in the HTTP layer (server/http/authRoutes.ts), where they answer 429 with Retry-After.
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
    verification: { storeIdentifier: 'hashed' },
    advanced: {
      cookiePrefix: 'tollgate',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: ['x-tollgate-client-ip'] },
    },
    plugins: [
      twoFactor({ issuer: 'Tollgate', backupCodeOptions: { amount: 10, length: 10 } }),
      passkey({ rpID: new URL(settings.publicUrl).hostname, rpName: 'Tollgate', origin: settings.publicUrl }),
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
            audit({ type: 'user', id: session.userId, label: label?.name ?? session.userId, ip: clientIp(ctx?.request) }, 'auth.sign_in', session.userId, {
              method: AUTH_METHOD_BY_PATH[ctx?.path ?? ''] ?? 'password',
            });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (ctx.path === '/reset-password' || ctx.path === '/change-password') {
          const problem = passwordProblem(String(body.newPassword ?? ''));
          if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'WEAK_PASSWORD' });
        }
        // A TOTP code works once (RFC 6238 section 5.2): a code seen over a shoulder or relayed is spent.
        if (ctx.path === '/two-factor/verify-totp' && typeof body.code === 'string') {
          const userId = await totpUserId(ctx);
          const used = userId ? await ctx.context.internalAdapter.findVerificationValue(usedTotpKey(userId, body.code)) : null;
          if (used && new Date(used.expiresAt).getTime() > Date.now()) {
            throw new APIError('UNAUTHORIZED', { message: 'This code was already used. Wait for the next one.', code: 'TOTP_CODE_REUSED' });
          }
        }
        // Remembering a device would let later sign-ins skip the second factor.
        if (ctx.path.startsWith('/two-factor/verify') && body.trustDevice) {
          throw new APIError('BAD_REQUEST', { message: 'Tollgate does not remember devices: every sign-in asks for your second factor.' });
        }
        if (FACTOR_CHANGE_PATHS.includes(ctx.path)) {
          const current = await getSessionFromCtx(ctx);
          const signedInAt = current?.session.createdAt ? new Date(current.session.createdAt).getTime() : 0;
          if (!current || Date.now() - signedInAt > FRESH_SIGN_IN_SECONDS * 1000) {
            throw new APIError('FORBIDDEN', { message: 'For your security, sign in again before changing how you sign in.', code: 'SESSION_NOT_FRESH' });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const failed = returned instanceof APIError || returned instanceof Error;
        if (ctx.path === '/sign-in/email' && failed) {
          const email = String((ctx.body as Record<string, unknown> | undefined)?.email ?? '').toLowerCase().slice(0, 200);
          audit({ type: 'user', id: null, label: email || 'unknown', ip: clientIp(ctx.request) }, 'auth.sign_in_failed', null, { email });
          return;
        }
        if (ctx.path === '/two-factor/verify-totp' && !failed) {
          const userId = (ctx.context.newSession ?? ctx.context.session)?.user.id;
          const code = String((ctx.body as Record<string, unknown> | undefined)?.code ?? '');
          if (userId && code) {
            await ctx.context.internalAdapter.createVerificationValue({ identifier: usedTotpKey(userId, code), value: '1', expiresAt: new Date(Date.now() + TOTP_REUSE_WINDOW_SECONDS * 1000) });
          }
        }
        const notice = FACTOR_NOTICES[ctx.path];
        const action = FACTOR_AUDIT_ACTIONS[ctx.path];
        if (!notice || !action || failed) return;
        const current = ctx.context.session ?? ctx.context.newSession;
        if (!current) return;
        // Enrolling a factor proves it inside a fresh session: that session now counts as multi-factor.
        const proven = ctx.path === '/two-factor/verify-totp' ? 'totp' : ctx.path === '/passkey/verify-registration' ? 'passkey' : null;
        if (proven && ctx.context.session) db.update(sessions).set({ authMethod: proven }).where(eq(sessions.id, ctx.context.session.session.id)).run();
        // verify-totp also completes ordinary sign-ins; only the first verification (enrolment) is news.
        if (ctx.path === '/two-factor/verify-totp' && !ctx.context.session) return;
        const user = userLabel(current.user.id);
        if (!user) return;
        db.transaction((tx) => {
          enqueueEmail(tx, { smtpUrl: settings.smtpUrl }, {
            to: user.email,
            subject: notice,
            text: `${notice} on ${new Date().toUTCString()}.\n\nIf this was not you, contact your Tollgate administrator at once: someone may have your password.`,
          });
          recordAudit(tx, {
            actor: { type: 'user', id: current.user.id, label: user.name, ip: clientIp(ctx.request) },
            action,
            targetType: 'user',
            targetId: current.user.id,
            at: new Date(),
          });
        });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
