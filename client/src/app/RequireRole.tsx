/** Shows a page only to the roles it is meant for; anyone else is told plainly, not shown an error. */
import type { ReactNode } from 'react';
import type { StaffRole } from '#shared/statuses.ts';
import { NoAccessPage } from '../components/NoAccessPage.tsx';
import { hasRole, useMe } from '../lib/session.ts';

export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const me = useMe();
  if (!hasRole(me.data, roles)) return <NoAccessPage role={me.data?.user.role ?? null} />;
  return children;
}
