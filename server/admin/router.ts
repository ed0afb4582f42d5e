/** The audit trail, organisation and security settings, and the email outbox. */
import { AuditListInput, EmailIdInput, OrganisationSettingsInput, SecuritySettingsInput } from '#shared/schemas/admin.ts';
import { listOutbox, markPassedOn } from '../platform/mail/outbox.ts';
import { auditFilterOptions, listAuditEvents } from './auditSearch.ts';
import { getOrganisation, getSecuritySettings, updateOrganisation, updateSecuritySettings } from '../platform/settings.ts';
import { adminProcedure, auditReadProcedure, router } from '../platform/trpc.ts';

export const auditRouter = router({
  list: auditReadProcedure.input(AuditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  filterOptions: auditReadProcedure.query(({ ctx }) => auditFilterOptions(ctx.db)),
});

export const settingsRouter = router({
  security: adminProcedure.query(({ ctx }) => getSecuritySettings(ctx.db)),
  updateSecurity: adminProcedure.input(SecuritySettingsInput).mutation(({ ctx, input }) => updateSecuritySettings(ctx.service, input)),
  /** The organisation's name and contact, as vendors read them in the portal, emails and reports. */
  organisation: adminProcedure.query(({ ctx }) => getOrganisation(ctx.db)),
  updateOrganisation: adminProcedure.input(OrganisationSettingsInput).mutation(({ ctx, input }) => updateOrganisation(ctx.service, input)),
});

export const outboxRouter = router({
  /** Texts are shown only while they still have to be passed on by hand (server/platform/mail/outbox.ts). */
  list: adminProcedure.query(({ ctx }) => listOutbox(ctx.db, ctx.now())),
  /** The admin passed a held message on by hand: its text is erased, and the audit log says who. */
  markPassedOn: adminProcedure.input(EmailIdInput).mutation(({ ctx, input }) => markPassedOn(ctx.service, input.id)),
});
