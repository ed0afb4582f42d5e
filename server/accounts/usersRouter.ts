import { ChangeRoleInput, InviteUserInput, ResetMfaInput, SetActiveInput, UserIdInput } from '#shared/schemas/admin.ts';
import { AppError } from '../platform/errors.ts';
import { changeRole, createUser, issueSetPasswordLink, listUsers, resetMfa, setActive } from './users.ts';
import { actorOf, adminProcedure, router } from '../platform/trpc.ts';
import type { Context } from '../platform/context.ts';

function userDeps(ctx: Context) {
  if (!ctx.services.auth) throw new AppError('PRECONDITION_FAILED', 'Accounts are not available in this context.');
  return { db: ctx.db, auth: ctx.services.auth, publicUrl: ctx.services.publicUrl, mail: ctx.services.mail };
}

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  /** Creates the account and returns a one-time set-password link (also emailed, or held in the outbox). */
  invite: adminProcedure.input(InviteUserInput).mutation(({ ctx, input }) => createUser(userDeps(ctx), input, actorOf(ctx))),
  /** Voids the user's earlier link, emails the new one to them (or holds it in the outbox) and says which. */
  newSetPasswordLink: adminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => issueSetPasswordLink(ctx.service, input.userId)),
  changeRole: adminProcedure.input(ChangeRoleInput).mutation(({ ctx, input }) => changeRole(ctx.service, input.userId, input.role)),
  setActive: adminProcedure.input(SetActiveInput).mutation(({ ctx, input }) => setActive(ctx.service, input.userId, input.active)),
  resetMfa: adminProcedure
    .input(ResetMfaInput)
    .mutation(({ ctx, input }) => resetMfa(ctx.service, input.userId, input.reason)),
});
