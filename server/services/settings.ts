/** Organisation-wide settings an admin can change, each change audited. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';
import { recordAudit, type AuditActor } from './audit.ts';

export const SecuritySettings = z.object({
  /** Everyone, not only admins, must use multi-factor authentication. */
  requireMfaForAll: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

const KEY = 'security';
const DEFAULTS: SecuritySettings = { requireMfaForAll: false };

export function getSecuritySettings(db: Db | Tx): SecuritySettings {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  const parsed = SecuritySettings.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULTS;
}

export function updateSecuritySettings(db: Db, next: SecuritySettings, actor: AuditActor, now: Date): SecuritySettings {
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
