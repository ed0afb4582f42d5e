/**
 * Which staff roles do what, in one place: the server's base procedures
 * and routes, and the client's navigation and page guards, read these.
 */
import { STAFF_ROLES, type StaffRole } from './statuses.ts';

/** Every staff role reads the portfolio, vendors, assessments and reports. */
export const READ_ROLES: readonly StaffRole[] = STAFF_ROLES;
/** Keep the inventory and run assessments. */
export const INVENTORY_ROLES: readonly StaffRole[] = ['admin', 'procurement'];
/** Read the audit trail. */
export const AUDIT_READ_ROLES: readonly StaffRole[] = ['admin', 'auditor'];
/** Manage users, settings and the outbox. */
export const ADMIN_ROLES: readonly StaffRole[] = ['admin'];
