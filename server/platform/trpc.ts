/**
 * Base procedures, one per access level. Every procedure in the routers
 * starts from one of these, so who may call it is visible where it is
 * defined, and recorded in its meta for the authorisation test.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { describeIssues } from '#shared/schemas/common.ts';
import { ADMIN_ROLES, AUDIT_READ_ROLES, INVENTORY_ROLES, READ_ROLES } from '#shared/roles.ts';
import type { StaffRole } from '#shared/statuses.ts';
import { refusalFor, type Access, type Caller } from './access.ts';
import type { Context } from './context.ts';
import type { ServiceContext } from './serviceContext.ts';
import { linkActor, type LinkScope, type MfaState, type StaffUser } from './callers.ts';
import type { AuditActor } from './audit/auditTrail.ts';
import { AppError, isRefusal, reasonOf, toTRPCError } from './errors.ts';
import { recordRefusal, refusalActor } from './audit/refusals.ts';
import { serverTransformer } from './trpcInput.ts';

export interface ProcedureMeta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: serverTransformer,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof z.ZodError ? error.cause : null;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          // Facts a client needs to recover, e.g. the newer answer in a save conflict.
          details: error.cause instanceof AppError ? error.cause.details : undefined,
          reason: zodError ? 'INVALID_INPUT' : reasonOf(error),
          fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : error.cause instanceof AppError ? error.cause.fieldErrors : undefined,
          issues: zodError ? zodError.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : undefined,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A failed call's error as the caller gets it, with every refusal recorded on its way out. */
function failure(ctx: Context, path: string, error: unknown): TRPCError {
  const cause = error instanceof TRPCError ? error.cause : undefined;
  if (cause instanceof z.ZodError) {
    // Input validation: one line per field at fault, for callers and people alike.
    return new TRPCError({ code: 'BAD_REQUEST', message: describeIssues(cause.issues), cause });
  }
  const mapped = toTRPCError(error);
  // Every refusal, from the access checks below or from a service, passes here on its way out.
  if (isRefusal(mapped)) {
    recordRefusal(ctx.db, refusalActor(ctx), { kind: 'procedure', name: path, reason: mapped.message, details: ctx.user ? { role: ctx.user.role } : undefined }, ctx.now());
  }
  return mapped;
}

const mapErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  throw failure(ctx, path, result.error);
});

const base = t.procedure.use(mapErrors);

/** Anyone, signed in or not. */
export const anonymousProcedure = base.meta({ access: { kind: 'anonymous' } });

export type { Access } from './access.ts';

/** The service context of a call: built once, so every service it reaches shares one instant and one actor. */
function serviceFor(ctx: Context, actor: AuditActor): ServiceContext {
  return { db: ctx.db, actor, now: ctx.now(), mail: ctx.services.mail, publicUrl: ctx.services.publicUrl };
}

function callerOf(ctx: Context): Caller {
  return {
    staff: ctx.user && ctx.mfa ? { user: ctx.user, mfa: ctx.mfa, sessionId: ctx.sessionId ?? '' } : null,
    link: ctx.link,
    linkRefusal: ctx.linkRefusal,
  };
}

/**
 * The access check, the context the procedure gets, and the errors' mapping, in one middleware: each tRPC
 * middleware level copies the call's options and context (twice), so a guarded call made three copies of
 * everything before this (docs/benchmarks.md). `extend` gives only what it adds to the context.
 */
function guardedWith<Extra extends object>(access: Access, extend: (ctx: Context) => Extra) {
  return t.procedure.meta({ access }).use(async ({ ctx, path, next }) => {
    const refusal = refusalFor(access, callerOf(ctx));
    if (refusal) throw failure(ctx, path, refusal);
    const result = await next({ ctx: extend(ctx) });
    if (result.ok) return result;
    throw failure(ctx, path, result.error);
  });
}

const LINK_ACCESS: Access = { kind: 'link' };
const LINK_BEFORE_CODE_ACCESS: Access = { kind: 'link', beforeCode: true };

/** A vendor's context: its link, and the service context acting as the link. */
function linkContext(ctx: Context) {
  const link = ctx.link as LinkScope;
  return { link, service: serviceFor(ctx, linkActor(link, ctx.ip)) };
}

/** A vendor holding a session from a questionnaire link; ctx.link says which assessment. */
export const linkProcedure = guardedWith(LINK_ACCESS, linkContext);

/** A link session that may still owe the emailed code: only to ask for and give that code. */
export const linkBeforeCodeProcedure = guardedWith(LINK_BEFORE_CODE_ACCESS, linkContext);

/** Signed in, with MFA possibly still owed: for the account's own security settings. */
export const signedInProcedure = guardedWith({ kind: 'signed_in' }, (ctx) => ({ user: ctx.user as StaffUser, mfa: ctx.mfa as MfaState }));

/** Signed-in staff with one of these roles and any MFA they owe; ctx.user is then never null. */
export function staffProcedure(roles: readonly StaffRole[]) {
  return guardedWith({ kind: 'staff', roles }, (ctx) => {
    const user = ctx.user as StaffUser;
    return { user, service: serviceFor(ctx, { type: 'user', id: user.id, label: user.name, ip: ctx.ip }) };
  });
}

/** The audit trail's view of the caller. */
export function actorOf(ctx: Pick<Context, 'user' | 'ip'>): AuditActor {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return { type: 'user', id: ctx.user.id, label: ctx.user.name, ip: ctx.ip };
}

/** Administrators and auditors: the audit trail. */
export const auditReadProcedure = staffProcedure(AUDIT_READ_ROLES);
/** Every staff role, including read-only auditors. */
export const readProcedure = staffProcedure(READ_ROLES);
/** People who change the vendor inventory and run assessments. */
export const procurementProcedure = staffProcedure(INVENTORY_ROLES);
export const adminProcedure = staffProcedure(ADMIN_ROLES);
