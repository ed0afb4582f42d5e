/**
 * Who may call what, for procedures and plain HTTP routes alike. Each
 * procedure starts from a base procedure (platform/trpc.ts) and each route
 * declares `config.access` (platform/http/routeAccess.ts); both ask
 * refusalFor, so the same caller gets the same answer and reason from
 * either surface.
 */
import type { StaffRole } from '#shared/statuses.ts';
import type { LinkRefusal, LinkScope, StaffSession } from './callers.ts';
import { AppError } from './errors.ts';

export type Access =
  | { kind: 'anonymous' }
  /** A vendor's questionnaire-link session; `beforeCode` also serves sessions still owing the emailed code. */
  | { kind: 'link'; beforeCode?: boolean }
  /** Signed in with any role, even before the required second factor: only for setting up one's own sign-in. */
  | { kind: 'signed_in' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** The tRPC endpoint itself: each procedure behind it declares its own access. */
  | { kind: 'procedures' };

/** What a request carries: a staff session, a link session, or why its link cookie no longer works. */
export interface Caller {
  staff: StaffSession | null;
  link: LinkScope | null;
  linkRefusal: LinkRefusal | null;
}

export const SIGN_IN_MESSAGE = 'Please sign in.';
export const MFA_REQUIRED_MESSAGE = 'Set up or use multi-factor authentication to continue.';
export const ROLE_MESSAGE = 'Your role does not allow this.';
export const LINK_LOST_MESSAGE = 'Your questionnaire session has ended: open the link from your email again to continue.';
export const EMAIL_CODE_MESSAGE = 'Enter the code we emailed you to continue.';

/** Why this caller may not pass, or null when it may. */
export function refusalFor(access: Access, caller: Caller): AppError | null {
  switch (access.kind) {
    case 'anonymous':
    case 'procedures':
      return null;
    case 'link':
      if (!caller.link) return new AppError('UNAUTHORIZED', caller.linkRefusal?.message ?? LINK_LOST_MESSAGE, caller.linkRefusal?.details, { reason: 'LINK_SESSION_ENDED' });
      if (caller.link.codePending && !access.beforeCode) return new AppError('FORBIDDEN', EMAIL_CODE_MESSAGE, undefined, { reason: 'EMAIL_CODE_REQUIRED' });
      return null;
    case 'signed_in':
      return caller.staff ? null : new AppError('UNAUTHORIZED', SIGN_IN_MESSAGE, undefined, { reason: 'SIGN_IN_REQUIRED' });
    case 'staff': {
      const { staff } = caller;
      if (!staff) return new AppError('UNAUTHORIZED', SIGN_IN_MESSAGE, undefined, { reason: 'SIGN_IN_REQUIRED' });
      if (staff.mfa.required && !staff.mfa.satisfied) return new AppError('FORBIDDEN', MFA_REQUIRED_MESSAGE, undefined, { reason: 'MFA_REQUIRED' });
      if (!access.roles.includes(staff.user.role)) return new AppError('FORBIDDEN', ROLE_MESSAGE, undefined, { reason: 'ROLE_NOT_ALLOWED' });
      return null;
    }
  }
}
