/** Which roles see which pages: the navigation and the route guards read the same list. */
import { STAFF_ROLES, type StaffRole } from '../../../shared/statuses.ts';

export interface NavItem {
  to: string;
  label: string;
  roles: readonly StaffRole[];
}

export const PAGE_ACCESS = {
  dashboard: STAFF_ROLES,
  vendors: STAFF_ROLES,
  inventoryImport: ['admin', 'procurement'],
  assessments: STAFF_ROLES,
  templates: STAFF_ROLES,
  templateImport: ['admin', 'procurement'],
  users: ['admin'],
  audit: ['admin', 'auditor'],
  outbox: ['admin'],
  settings: ['admin'],
  account: STAFF_ROLES,
} as const satisfies Record<string, readonly StaffRole[]>;

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', roles: PAGE_ACCESS.dashboard },
  { to: '/vendors', label: 'Vendors', roles: PAGE_ACCESS.vendors },
  { to: '/assessments', label: 'Assessments', roles: PAGE_ACCESS.assessments },
  { to: '/templates', label: 'Questionnaires', roles: PAGE_ACCESS.templates },
  { to: '/admin/users', label: 'Users', roles: PAGE_ACCESS.users },
  { to: '/admin/audit', label: 'Audit log', roles: PAGE_ACCESS.audit },
  { to: '/admin/outbox', label: 'Outbox', roles: PAGE_ACCESS.outbox },
  { to: '/admin/settings', label: 'Settings', roles: PAGE_ACCESS.settings },
  { to: '/account/security', label: 'My sign-in methods', roles: PAGE_ACCESS.account },
];

/** The one page open to someone who still owes a second factor. */
export const MFA_SETUP_PATH = '/account/security';
