/** The audit trail, organisation and security settings, and the email outbox. */
import { desc } from 'drizzle-orm';
import { AuditListInput, OrganisationSettingsInput, SecuritySettingsInput } from '../../shared/schemas/admin.ts';
import { emailOutbox } from '../../drizzle/schema/index.ts';
import { auditFilterOptions, listAuditEvents } from '../services/auditLog.ts';
import { getOrganisation, getSecuritySettings, updateOrganisation, updateSecuritySettings } from '../services/settings.ts';
import { actorOf, adminProcedure, auditReadProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  list: auditReadProcedure.input(AuditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  filterOptions: auditReadProcedure.query(({ ctx }) => auditFilterOptions(ctx.db)),
});

export const settingsRouter = router({
  security: adminProcedure.query(({ ctx }) => getSecuritySettings(ctx.db)),
  updateSecurity: adminProcedure.input(SecuritySettingsInput).mutation(({ ctx, input }) => updateSecuritySettings(ctx.db, input, actorOf(ctx), ctx.now())),
  /** The organisation's name and contact, as vendors read them in the portal, emails and reports. */
  organisation: adminProcedure.query(({ ctx }) => getOrganisation(ctx.db)),
  updateOrganisation: adminProcedure.input(OrganisationSettingsInput).mutation(({ ctx, input }) => updateOrganisation(ctx.db, input, actorOf(ctx), ctx.now())),
});

export const outboxRouter = router({
  list: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.to,
        subject: emailOutbox.subject,
        text: emailOutbox.textBody,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.id))
      .limit(200)
      .all(),
  ),
});
