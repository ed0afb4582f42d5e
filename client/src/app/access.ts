/** Which roles see which pages: the navigation and the route guards read the same list. */
import { ADMIN_ROLES, AUDIT_READ_ROLES, INVENTORY_ROLES, READ_ROLES } from '#shared/roles.ts';
import { STAFF_ROLES, type StaffRole } from '#shared/statuses.ts';

export interface NavItem {
  to: string;
  label: string;
  roles: readonly StaffRole[];
}

/** The same role groups as the procedures each page calls (shared/roles.ts). */
export const PAGE_ACCESS = {
  dashboard: READ_ROLES,
  vendors: READ_ROLES,
  inventoryImport: INVENTORY_ROLES,
  assessments: READ_ROLES,
  tasks: READ_ROLES,
  templates: READ_ROLES,
  templateImport: INVENTORY_ROLES,
  reassessments: READ_ROLES,
  // Auditors act on nothing, so their list would always be empty.
  attention: ['admin', 'procurement', 'ciso'],
  users: ADMIN_ROLES,
  audit: AUDIT_READ_ROLES,
  outbox: ADMIN_ROLES,
  settings: ADMIN_ROLES,
  account: STAFF_ROLES,
} as const satisfies Record<string, readonly StaffRole[]>;

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', roles: PAGE_ACCESS.dashboard },
  { to: '/attention', label: 'Needs my attention', roles: PAGE_ACCESS.attention },
  { to: '/vendors', label: 'Vendors', roles: PAGE_ACCESS.vendors },
  { to: '/assessments', label: 'Assessments', roles: PAGE_ACCESS.assessments },
  { to: '/tasks', label: 'Tasks', roles: PAGE_ACCESS.tasks },
  { to: '/reassessments', label: 'Re-assessments', roles: PAGE_ACCESS.reassessments },
  { to: '/templates', label: 'Questionnaires', roles: PAGE_ACCESS.templates },
  { to: '/admin/users', label: 'Users', roles: PAGE_ACCESS.users },
  { to: '/admin/audit', label: 'Audit log', roles: PAGE_ACCESS.audit },
  { to: '/admin/outbox', label: 'Outbox', roles: PAGE_ACCESS.outbox },
  { to: '/admin/settings', label: 'Settings', roles: PAGE_ACCESS.settings },
  { to: '/account/security', label: 'My sign-in methods', roles: PAGE_ACCESS.account },
];

/** The one page open to someone who still owes a second factor. */
export const MFA_SETUP_PATH = '/account/security';

/** The signed-in person's own to-do list; the navigation shows its count. */
export const ATTENTION_PATH = '/attention';
