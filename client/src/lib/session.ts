/** The signed-in person as the server sees them, and signing out. */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { INVENTORY_ROLES } from '#shared/roles.ts';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { StaffRole } from '#shared/statuses.ts';
import { trpc, type RouterOutputs } from './trpc.ts';

export type Me = NonNullable<RouterOutputs['account']['me']>;

/** The caller's account and MFA state; null when signed out. */
export function useMe() {
  return useQuery(trpc.account.me.queryOptions());
}

export function hasRole(me: Me | null | undefined, roles: readonly StaffRole[]): boolean {
  return Boolean(me && roles.includes(me.user.role));
}

/** The roles that keep the inventory and run assessments (the server's procurementProcedure). */
export const MANAGER_ROLES: readonly StaffRole[] = INVENTORY_ROLES;

/** Whether the signed-in person may change the inventory and run assessments; the others only read. */
export function useCanManage(): boolean {
  return hasRole(useMe().data, MANAGER_ROLES);
}

/** Whether the person still owes a second factor before they may use the app. */
export function owesMfa(me: Me | null | undefined): boolean {
  return Boolean(me && me.mfa.required && !me.mfa.satisfied);
}

/** After signing in: forget everything cached for whoever came before, and learn who we are now. */
export async function startFreshSession(queryClient: QueryClient): Promise<void> {
  queryClient.clear();
  await queryClient.fetchQuery(trpc.account.me.queryOptions());
}

/** Only paths inside the app may follow sign-in: never another site. */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/dashboard';
}

export function signInPath(next?: string): string {
  return next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/** Signs out, forgets every cached answer, and goes to the sign-in page (then back to `next`, if given). */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (next?: string) => {
      // Loaded on demand: the auth client is not needed to show the app.
      const { authClient, callAuth } = await import('./authClient.ts');
      await callAuth(() => authClient.signOut());
      queryClient.clear();
      await navigate(signInPath(next), { replace: true });
    },
    [queryClient, navigate],
  );
}
