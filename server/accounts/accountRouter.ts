/** The caller's own session: who they are, and what their sign-in still needs. */
import { asc, eq } from 'drizzle-orm';
import { passkeys } from '../../drizzle/schema/index.ts';
import { hasUsers } from './setup.ts';
import { anonymousProcedure, router, signedInProcedure } from '../platform/trpc.ts';

export const accountRouter = router({
  /** Null when signed out; otherwise the user and their MFA state (the UI routes to enrolment when MFA is owed). */
  me: anonymousProcedure.query(({ ctx }) => (ctx.user && ctx.mfa ? { user: ctx.user, mfa: ctx.mfa } : null)),
  setupStatus: anonymousProcedure.query(({ ctx }) => ({ setupRequired: !hasUsers(ctx.db) })),
  security: signedInProcedure.query(({ ctx }) => ({
    mfa: ctx.mfa,
    passkeys: ctx.db
      .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, deviceType: passkeys.deviceType })
      .from(passkeys)
      .where(eq(passkeys.userId, ctx.user.id))
      .orderBy(asc(passkeys.createdAt))
      .all(),
  })),
});
