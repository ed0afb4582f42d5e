/**
 * Tollgate's rules around better-auth's endpoints, as its before and after
 * hooks: who may change sign-in methods, the password policy on every new
 * password, single-use TOTP codes, no "remember this device", a fresh
 * sign-in for factor changes, notification emails, and the audit trail of
 * every security event (failed codes, sign-outs, password changes).
 */
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { mayChangeSignInMethods } from '#shared/signInMethods.ts';
import { sessions, setPasswordLinks, users } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { enqueueEmail } from '../platform/mail/outbox.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';
import { setPasswordIdentifier } from './identifiers.ts';
import { mfaStateOfSession } from './mfaState.ts';
import { passwordProblem } from './passwordPolicy.ts';
import { FACTOR_CHANGE_PATHS, FACTOR_PATHS, FRESH_SIGN_IN_SECONDS } from './policy.ts';
import { claimTotpCode, releaseTotpCode } from './totpClaims.ts';
import type { AuditAction } from '#shared/auditActions.ts';

type AuthMiddlewareContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export interface HookSettings {
  smtpUrl: string | null;
}

/** Sent to the person when their sign-in methods change (only an enrolment for verify-totp). */
const FACTOR_NOTICES: Record<string, { subject: string; action: AuditAction }> = {
  '/two-factor/verify-totp': { subject: 'An authenticator app was added to your Tollgate account', action: 'auth.factor.two-factor.verify-totp' },
  '/two-factor/disable': { subject: 'The authenticator app was removed from your Tollgate account', action: 'auth.factor.two-factor.disable' },
  '/two-factor/generate-backup-codes': { subject: 'New recovery codes were created for your Tollgate account', action: 'auth.factor.two-factor.generate-backup-codes' },
  '/passkey/verify-registration': { subject: 'A passkey was added to your Tollgate account', action: 'auth.factor.passkey.verify-registration' },
  '/passkey/delete-passkey': { subject: 'A passkey was removed from your Tollgate account', action: 'auth.factor.passkey.delete-passkey' },
};

export const SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED';
const SECOND_FACTOR_REQUIRED_MESSAGE =
  'Your account already has a passkey or an authenticator app: sign in with it before changing how you sign in. Your password alone is not enough.';

/** What a before hook learned that the after hook of the same request needs. */
interface RequestNotes {
  /** The TOTP code this request claimed, to release if it proves wrong. */
  totpClaim?: { userId: string; code: string };
  /** verify-totp inside a session for a user without an app yet: an enrolment, not a sign-in step. */
  enrolling?: boolean;
  /** Whose code a verify-totp or verify-backup-code checks. */
  codeUserId?: string | null;
  stage?: 'sign_in' | 'signed_in';
  signingOut?: string;
  passwordReset?: { userId: string; verificationId: string };
}

// better-auth hands the before and after hooks of one request the same context object.
const notesByRequest = new WeakMap<object, RequestNotes>();
function notesOf(ctx: AuthMiddlewareContext): RequestNotes {
  let notes = notesByRequest.get(ctx.context);
  if (!notes) {
    notes = {};
    notesByRequest.set(ctx.context, notes);
  }
  return notes;
}

export function clientIp(request: Request | undefined): string | null {
  return request?.headers.get('x-tollgate-client-ip') ?? null;
}

const errorCodeOf = (returned: unknown): string | null => {
  if (!(returned instanceof APIError)) return null;
  const body = returned.body as { code?: unknown } | undefined;
  return typeof body?.code === 'string' ? body.code : returned.status.toString();
};

/** The signed-in user, or the one named by the pending two-factor cookie of a password sign-in. */
async function codeOwner(ctx: AuthMiddlewareContext): Promise<{ userId: string; stage: 'sign_in' | 'signed_in' } | null> {
  const current = await getSessionFromCtx(ctx).catch(() => null);
  if (current) return { userId: current.user.id, stage: 'signed_in' };
  const cookie = ctx.context.createAuthCookie('two_factor');
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return pending ? { userId: pending.value, stage: 'sign_in' } : null;
}

export function createAuthHooks(db: Db, settings: HookSettings) {
  const userRow = (id: string) => db.select({ name: users.name, email: users.email, twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, id)).get();
  const actorFor = (userId: string | null, label: string, ctx: AuthMiddlewareContext): AuditActor => ({ type: 'user', id: userId, label, ip: clientIp(ctx.request) });
  const auditUser = (ctx: AuthMiddlewareContext, userId: string, action: AuditAction, after?: unknown) => {
    recordAudit(db, { actor: actorFor(userId, userRow(userId)?.name ?? userId, ctx), action, targetType: 'user', targetId: userId, after, at: new Date() });
  };

  /** Item 1: a password alone never changes the factors of an account that has one. */
  async function checkFactorChange(ctx: AuthMiddlewareContext, notes: RequestNotes) {
    const current = await getSessionFromCtx(ctx).catch(() => null);
    // Without a session better-auth answers 401 itself; verify-totp without one is a sign-in's second step.
    if (!current) return;
    const state = mfaStateOfSession(db, current.session.id);
    if (!state) return;
    if (ctx.path === '/two-factor/verify-totp') {
      // Proving an app the account already has is presenting a factor, which is always allowed.
      if (state.totp) return;
      notes.enrolling = true;
    }
    if (mayChangeSignInMethods(state)) return;
    auditUser(ctx, state.userId, 'auth.factor.change_refused', { path: ctx.path, factors: { totp: state.totp, passkeys: state.passkeys } });
    throw new APIError('FORBIDDEN', { code: SECOND_FACTOR_REQUIRED, message: SECOND_FACTOR_REQUIRED_MESSAGE });
  }

  async function checkFreshSignIn(ctx: AuthMiddlewareContext) {
    const current = await getSessionFromCtx(ctx);
    const signedInAt = current?.session.createdAt ? new Date(current.session.createdAt).getTime() : 0;
    if (!current || Date.now() - signedInAt > FRESH_SIGN_IN_SECONDS * 1000) {
      throw new APIError('FORBIDDEN', { message: 'For your security, sign in again before changing how you sign in.', code: 'SESSION_NOT_FRESH' });
    }
  }

  /** Item 14: every new password meets the whole policy, including "not built from your email". */
  async function checkNewPassword(ctx: AuthMiddlewareContext, body: Record<string, unknown>, notes: RequestNotes) {
    let email: string | null = null;
    if (ctx.path === '/reset-password') {
      // better-auth takes the token from the body, or else from the query string: so must this check.
      const query = (ctx.query ?? {}) as Record<string, unknown>;
      const token = typeof body.token === 'string' && body.token ? body.token : typeof query.token === 'string' ? query.token : null;
      const link = token ? await ctx.context.internalAdapter.findVerificationValue(setPasswordIdentifier(token)) : null;
      if (link && new Date(link.expiresAt).getTime() > Date.now()) {
        notes.passwordReset = { userId: link.value, verificationId: link.id };
        email = userRow(link.value)?.email ?? null;
      }
    } else {
      const current = await getSessionFromCtx(ctx).catch(() => null);
      email = current?.user.email ?? null;
    }
    const problem = passwordProblem(String(body.newPassword ?? ''), { email });
    if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'WEAK_PASSWORD' });
  }

  /** Item 12: claim the code before better-auth checks it, so it can be accepted once only. */
  async function claimCode(ctx: AuthMiddlewareContext, code: string, notes: RequestNotes) {
    const owner = notes.codeUserId;
    if (!owner) return;
    if (!claimTotpCode(db, owner, code, new Date())) {
      auditUser(ctx, owner, 'auth.totp.failed', { reason: 'TOTP_CODE_REUSED', stage: notes.stage });
      throw new APIError('UNAUTHORIZED', { message: 'This code was already used. Wait for the next one.', code: 'TOTP_CODE_REUSED' });
    }
    notes.totpClaim = { userId: owner, code };
  }

  const before = createAuthMiddleware(async (ctx) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const notes = notesOf(ctx);
    // Remembering a device would let later sign-ins skip the second factor.
    if (ctx.path.startsWith('/two-factor/verify') && body.trustDevice) {
      throw new APIError('BAD_REQUEST', { message: 'Tollgate does not remember devices: every sign-in asks for your second factor.' });
    }
    if (FACTOR_PATHS.includes(ctx.path)) await checkFactorChange(ctx, notes);
    if (FACTOR_CHANGE_PATHS.includes(ctx.path)) await checkFreshSignIn(ctx);
    if (ctx.path === '/reset-password' || ctx.path === '/change-password') await checkNewPassword(ctx, body, notes);
    if (ctx.path === '/two-factor/verify-totp' || ctx.path === '/two-factor/verify-backup-code') {
      const owner = await codeOwner(ctx);
      notes.codeUserId = owner?.userId ?? null;
      notes.stage = owner?.stage ?? 'sign_in';
      if (ctx.path === '/two-factor/verify-totp' && typeof body.code === 'string') await claimCode(ctx, body.code, notes);
    }
    if (ctx.path === '/sign-out') {
      const current = await getSessionFromCtx(ctx).catch(() => null);
      if (current) notes.signingOut = current.user.id;
    }
  });

  /** Tells the person and records the change, in one transaction. */
  function noticeAndAudit(ctx: AuthMiddlewareContext, userId: string, action: AuditAction, subject: string, text: string, after?: unknown) {
    const user = userRow(userId);
    if (!user) return;
    db.transaction((tx) => {
      enqueueEmail(tx, { smtpUrl: settings.smtpUrl }, { to: user.email, subject, text });
      recordAudit(tx, { actor: actorFor(userId, user.name, ctx), action, targetType: 'user', targetId: userId, after, at: new Date() });
    });
  }

  const after = createAuthMiddleware(async (ctx) => {
    const returned = ctx.context.returned;
    const failed = returned instanceof APIError || returned instanceof Error;
    const notes = notesByRequest.get(ctx.context) ?? {};
    const now = new Date();

    if (ctx.path === '/sign-in/email' && failed) {
      const email = String((ctx.body as Record<string, unknown> | undefined)?.email ?? '').toLowerCase().slice(0, 200);
      recordAudit(db, { actor: actorFor(null, email || 'unknown', ctx), action: 'auth.sign_in_failed', targetType: 'user', targetId: null, after: { email }, at: now });
      return;
    }
    if (ctx.path === '/two-factor/verify-totp' && failed) {
      // A wrong code frees its claim: a guess must not spend a code that becomes valid later.
      if (notes.totpClaim) releaseTotpCode(db, notes.totpClaim.userId, notes.totpClaim.code);
      if (notes.codeUserId) auditUser(ctx, notes.codeUserId, 'auth.totp.failed', { reason: errorCodeOf(returned), stage: notes.stage });
      return;
    }
    if (ctx.path === '/two-factor/verify-backup-code' && failed) {
      if (notes.codeUserId) auditUser(ctx, notes.codeUserId, 'auth.recovery_code.failed', { reason: errorCodeOf(returned), stage: notes.stage });
      return;
    }
    if (ctx.path === '/sign-out' && !failed && notes.signingOut) {
      auditUser(ctx, notes.signingOut, 'auth.sign_out');
      return;
    }
    if (ctx.path === '/reset-password' && !failed && notes.passwordReset) {
      const { userId, verificationId } = notes.passwordReset;
      // The link is spent: it is no longer the user's live one.
      db.delete(setPasswordLinks).where(eq(setPasswordLinks.verificationId, verificationId)).run();
      noticeAndAudit(
        ctx,
        userId,
        'auth.set_password_link.use',
        'Your Tollgate password was set',
        `Your Tollgate password was set through a one-time link on ${now.toUTCString()}, and every session signed in before was ended.\n\nIf this was not you, contact your Tollgate administrator at once.`,
      );
      return;
    }
    if (ctx.path === '/change-password' && !failed) {
      const current = ctx.context.session ?? ctx.context.newSession;
      if (!current) return;
      noticeAndAudit(
        ctx,
        current.user.id,
        'auth.password.change',
        'Your Tollgate password was changed',
        `Your Tollgate password was changed on ${now.toUTCString()}.\n\nIf this was not you, contact your Tollgate administrator at once: someone may be signed in as you.`,
      );
      return;
    }

    const notice = FACTOR_NOTICES[ctx.path];
    if (!notice || failed) return;
    // verify-totp also completes ordinary sign-ins and proves an app the account already has: only an enrolment is news.
    if (ctx.path === '/two-factor/verify-totp' && !notes.enrolling) {
      // Proving the app inside a session makes that session multi-factor.
      if (ctx.context.session) db.update(sessions).set({ authMethod: 'totp' }).where(eq(sessions.id, ctx.context.session.session.id)).run();
      return;
    }
    const current = ctx.context.session ?? ctx.context.newSession;
    if (!current) return;
    // Enrolling a factor proves it inside the session: that session now counts as multi-factor.
    const proven = ctx.path === '/two-factor/verify-totp' ? 'totp' : ctx.path === '/passkey/verify-registration' ? 'passkey' : null;
    if (proven && ctx.context.session) db.update(sessions).set({ authMethod: proven }).where(eq(sessions.id, ctx.context.session.session.id)).run();
    noticeAndAudit(
      ctx,
      current.user.id,
      notice.action,
      notice.subject,
      `${notice.subject} on ${now.toUTCString()}.\n\nIf this was not you, contact your Tollgate administrator at once: someone may have your password.`,
    );
  });

  return { before, after };
}
