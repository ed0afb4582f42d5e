/**
 * The changes an administrator makes to someone's account. Each reports
 * back a sentence for the page's status line, or the server's reason for
 * refusing (e.g. removing the last administrator).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLE_LABELS, type StaffRole } from '#shared/statuses.ts';
import { emailDeliveryText } from '../../../components/EmailDelivery.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc, type RouterOutputs } from '../../../lib/trpc.ts';

export type UserRow = RouterOutputs['users']['list'][number];
export type IssuedSetPasswordLink = RouterOutputs['users']['newSetPasswordLink'];

export interface UserAdminReport {
  done: (message: string) => void;
  failed: (message: string) => void;
  linkIssued: (user: UserRow, issued: IssuedSetPasswordLink) => void;
}

export function useUserAdmin(report: UserAdminReport) {
  const queryClient = useQueryClient();
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions());
  const setActive = useMutation(trpc.users.setActive.mutationOptions());
  const resetMfa = useMutation(trpc.users.resetMfa.mutationOptions());
  const newLink = useMutation(trpc.users.newSetPasswordLink.mutationOptions());

  /** Runs a change; the list (and our own account, whose role may have changed) is re-read whatever happened. */
  const run = async (change: () => Promise<string | null>) => {
    try {
      const message = await change();
      if (message) report.done(message);
      return true;
    } catch (error) {
      report.failed(errorMessage(error));
      return false;
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });
    }
  };

  return {
    busy: changeRole.isPending || setActive.isPending || resetMfa.isPending || newLink.isPending,
    changeRole: (user: UserRow, role: StaffRole) =>
      run(async () => {
        await changeRole.mutateAsync({ userId: user.id, role });
        return `${user.name} is now ${STAFF_ROLE_LABELS[role]}.`;
      }),
    setActive: (user: UserRow, active: boolean) =>
      run(async () => {
        await setActive.mutateAsync({ userId: user.id, active });
        return active ? `${user.name} can sign in again.` : `${user.name} was deactivated and signed out.`;
      }),
    resetMfa: (user: UserRow, reason: string) =>
      run(async () => {
        const { email } = await resetMfa.mutateAsync({ userId: user.id, reason });
        const notice = emailDeliveryText([email], { what: 'The email telling them', otherwise: 'Tell them yourself.' });
        return `${user.name}'s authenticator app and passkeys were removed; they set up MFA again at their next sign-in. ${notice}`;
      }),
    newSetPasswordLink: (user: UserRow) =>
      run(async () => {
        report.linkIssued(user, await newLink.mutateAsync({ userId: user.id }));
        return null;
      }),
  };
}

export type UserAdmin = ReturnType<typeof useUserAdmin>;
