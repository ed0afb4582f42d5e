/** Inputs of the account, user-administration, audit and settings procedures. */
import { z } from 'zod';
import { STAFF_ROLES } from '../statuses.ts';
import { namedEnum } from './common.ts';

export const StaffRoleSchema = namedEnum(STAFF_ROLES, 'role');

export const UserIdInput = z.strictObject({ userId: z.string().min(1).max(100) });

export const InviteUserInput = z.strictObject({
  email: z.email({ error: 'Enter a valid email address' }).max(254),
  name: z.string().trim().min(1, { error: 'Enter a name' }).max(120),
  role: StaffRoleSchema,
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const ChangeRoleInput = z.strictObject({ userId: z.string().min(1).max(100), role: StaffRoleSchema });
export const SetActiveInput = z.strictObject({ userId: z.string().min(1).max(100), active: z.boolean() });
export const ResetMfaInput = z.strictObject({
  userId: z.string().min(1).max(100),
  reason: z
    .string()
    .trim()
    .min(10, { error: 'Say how you verified who asked (at least 10 characters)' })
    .max(500),
});

export const AuditListInput = z.strictObject({
  actorId: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  /** ISO dates, inclusive. */
  from: z.iso.date({ error: 'from must be a date like 2026-01-31' }).optional(),
  to: z.iso.date({ error: 'to must be a date like 2026-01-31' }).optional(),
  page: z.int().min(1).max(100_000).default(1),
  pageSize: z.int().min(1).max(200).default(50),
});
export type AuditListInput = z.input<typeof AuditListInput>;

export const SecuritySettingsInput = z.strictObject({ requireMfaForAll: z.boolean() });

/**
 * Who asks vendors to answer, as they read it in the portal, in emails and
 * in reports, and whom they may contact about it.
 */
export const OrganisationSettingsInput = z.strictObject({
  name: z.string().trim().min(1, { error: "Enter your organisation's name" }).max(120, { error: 'Keep the name to 120 characters' }),
  vendorContactName: z.string().trim().min(1, { error: 'Enter who vendors may contact, e.g. a person or team' }).max(120, { error: 'Keep the contact name to 120 characters' }),
  vendorContactEmail: z.email({ error: 'Enter a valid email address for vendors to write to' }).max(254),
});
export type OrganisationSettingsInput = z.infer<typeof OrganisationSettingsInput>;

/** One message of the email outbox. */
export const EmailIdInput = z.strictObject({ id: z.int({ error: 'id must be a whole number' }).positive({ error: 'id must be a whole number' }) });
