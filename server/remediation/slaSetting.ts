/**
 * The SLA days per severity, stored as an organisation setting. The rule
 * and its bounds are shared/remediation/sla.ts; a task keeps the due date
 * it was raised with, so a change here moves new tasks' deadlines only.
 */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { DEFAULT_SLA_DAYS, SlaDaysSetting, type SlaDays } from '#shared/remediation/sla.ts';
import { settings } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';

const KEY = 'remediation.sla';

export function getSlaDays(db: Db | Tx): SlaDays {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  const parsed = SlaDaysSetting.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...DEFAULT_SLA_DAYS };
}

export function updateSlaDays(svc: ServiceContext, next: SlaDays): SlaDays {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const before = getSlaDays(tx);
    const updatedBy = actor.type === 'user' ? actor.id : null;
    tx.insert(settings)
      .values({ key: KEY, value: next, updatedBy, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedBy, updatedAt: now } })
      .run();
    recordAudit(tx, { actor, action: 'settings.sla.update', targetType: 'settings', targetId: KEY, before, after: next, at: now });
    return next;
  });
}
