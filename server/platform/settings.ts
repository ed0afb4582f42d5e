/** Organisation-wide settings an admin can change, each change audited. */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from './serviceContext.ts';
import { z } from 'zod';
import type { OrganisationSettingsInput } from '#shared/schemas/admin.ts';
import { settings } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from './db/database.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from './audit/auditTrail.ts';
import type { AuditAction } from '#shared/auditActions.ts';

export const SecuritySettings = z.object({
  /** Everyone, not only admins, must use multi-factor authentication. */
  requireMfaForAll: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const SECURITY_SETTINGS_KEY = 'security';
const KEY = SECURITY_SETTINGS_KEY;
const DEFAULTS: SecuritySettings = { requireMfaForAll: false };

export function getSecuritySettings(db: Db | Tx): SecuritySettings {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  return securitySettingsFrom(row?.value);
}

/** The security settings from the stored value (the `settings` row keyed SECURITY_SETTINGS_KEY), or the defaults when none is stored. */
export function securitySettingsFrom(value: unknown): SecuritySettings {
  const parsed = SecuritySettings.safeParse(value);
  return parsed.success ? parsed.data : DEFAULTS;
}

export function updateSecuritySettings(svc: ServiceContext, next: SecuritySettings): SecuritySettings {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const before = getSecuritySettings(tx);
    tx.insert(settings)
      .values({ key: KEY, value: next, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedBy: actor.id, updatedAt: now } })
      .run();
    recordAudit(tx, { actor, action: 'settings.security.update', targetType: 'settings', targetId: KEY, before, after: next, at: now });
    return next;
  });
}

/**
 * The organisation vendors deal with: its name and a contact for their
 * questions. Set at first-run setup and in Settings; ORGANISATION_NAME only
 * seeds it on a start that finds none stored.
 */
export const OrganisationSettings = z.object({
  /** Null until someone sets it (an installation set up before it was asked for). */
  name: z.string().min(1).nullable(),
  vendorContact: z.object({ name: z.string().min(1), email: z.string().min(3) }).nullable(),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

const ORGANISATION_KEY = 'organisation';
const NO_ORGANISATION: OrganisationSettings = { name: null, vendorContact: null };

export function getOrganisation(db: Db | Tx): OrganisationSettings {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, ORGANISATION_KEY)).get();
  const parsed = OrganisationSettings.safeParse(row?.value);
  return parsed.success ? parsed.data : NO_ORGANISATION;
}

function writeOrganisation(tx: Tx, value: OrganisationSettings, actor: AuditActor, action: AuditAction, now: Date) {
  const before = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, ORGANISATION_KEY)).get() ? getOrganisation(tx) : null;
  const updatedBy = actor.type === 'user' ? actor.id : null;
  tx.insert(settings)
    .values({ key: ORGANISATION_KEY, value, updatedBy, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: now } })
    .run();
  recordAudit(tx, { actor, action, targetType: 'settings', targetId: ORGANISATION_KEY, before, after: value, at: now });
}

const fromInput = (input: OrganisationSettingsInput): OrganisationSettings => ({
  name: input.name,
  vendorContact: { name: input.vendorContactName, email: input.vendorContactEmail.toLowerCase() },
});

/** Writes a person's change inside the caller's transaction, audited with what it replaced. */
export function applyOrganisation(tx: Tx, input: OrganisationSettingsInput, actor: AuditActor, now: Date): OrganisationSettings {
  const next = fromInput(input);
  writeOrganisation(tx, next, actor, 'settings.organisation.update', now);
  return next;
}

export function updateOrganisation(svc: ServiceContext, input: OrganisationSettingsInput): OrganisationSettings {
  const { db, actor, now } = svc;
  return db.transaction((tx) => applyOrganisation(tx, input, actor, now));
}

/** At start: stores the seed (from ORGANISATION_NAME, or the demo's) only when nothing is stored yet. */
export function seedOrganisation(db: Db, seed: OrganisationSettings | null, now: Date): void {
  if (!seed?.name) return;
  db.transaction((tx) => {
    if (tx.select({ key: settings.key }).from(settings).where(eq(settings.key, ORGANISATION_KEY)).get()) return;
    writeOrganisation(tx, seed, SYSTEM_ACTOR, 'settings.organisation.seed', now);
  });
}
