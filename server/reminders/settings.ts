/**
 * The remediation settings this module owns: how often each tier is
 * re-assessed, and which reminder kinds are sent. The rules (bounds,
 * ordering, defaults) are the shared ones in shared/remediation; this file
 * stores them, audited.
 */
import { eq, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { DEFAULT_CADENCE_MONTHS, nextAssessmentDue, ReassessmentCadenceSetting, type CadenceMonths } from '#shared/remediation/cadence.ts';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema, type ReminderSettings } from '#shared/remediation/reminders.ts';
import { settings, vendorRisk } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';

const CADENCE_KEY = 'reassessment_cadence';
const REMINDERS_KEY = 'reminders';

function read<T>(db: Db | Tx, key: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, fallback: Readonly<T>): T {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  // A stored value that no longer passes the rules (hand-edited, or from an older version) falls back to the defaults rather than stopping the server.
  const parsed = row ? schema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : { ...fallback };
}

function write(tx: Tx, key: string, value: unknown, actor: AuditActor, now: Date) {
  const updatedBy = actor.type === 'user' ? actor.id : null;
  tx.insert(settings).values({ key, value, updatedBy, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: now } }).run();
}

/** Months between assessments per tier. */
export function getCadence(db: Db | Tx): CadenceMonths {
  return read(db, CADENCE_KEY, ReassessmentCadenceSetting, DEFAULT_CADENCE_MONTHS);
}

/**
 * A new cadence moves every assessed vendor's re-assessment date at once,
 * in the same transaction: the moment an assessment stops vouching for a
 * vendor ("not assessed" on its risk) and the overdue list never disagree.
 */
export function updateCadence(svc: ServiceContext, input: CadenceMonths): CadenceMonths {
  const { db, actor, now } = svc;
  const next = ReassessmentCadenceSetting.parse(input);
  return db.transaction((tx) => {
    const before = getCadence(tx);
    write(tx, CADENCE_KEY, next, actor, now);
    const assessed = tx.select({ vendorId: vendorRisk.vendorId, tier: vendorRisk.tier, assessedAt: vendorRisk.assessedAt }).from(vendorRisk).where(isNotNull(vendorRisk.assessedAt)).all();
    for (const row of assessed) {
      tx.update(vendorRisk).set({ assessmentExpiresAt: nextAssessmentDue(row.tier, row.assessedAt, next) }).where(eq(vendorRisk.vendorId, row.vendorId)).run();
    }
    recordAudit(tx, { actor, action: 'settings.cadence.update', targetType: 'settings', targetId: CADENCE_KEY, before, after: { ...next, vendorsRescheduled: assessed.length }, at: now });
    return next;
  });
}

/** Which reminder kinds are on (all, unless an administrator turned some off). */
export function getReminderSettings(db: Db | Tx): ReminderSettings {
  return read(db, REMINDERS_KEY, ReminderSettingsSchema, DEFAULT_REMINDER_SETTINGS);
}

export function updateReminderSettings(svc: ServiceContext, input: ReminderSettings): ReminderSettings {
  const { db, actor, now } = svc;
  const next = ReminderSettingsSchema.parse(input);
  return db.transaction((tx) => {
    const before = getReminderSettings(tx);
    write(tx, REMINDERS_KEY, next, actor, now);
    recordAudit(tx, { actor, action: 'settings.reminders.update', targetType: 'settings', targetId: REMINDERS_KEY, before, after: next, at: now });
    return next;
  });
}
