/** Reading the audit trail with filters, for admins and auditors. */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { addDays, parseISO } from 'date-fns';
import type { z } from 'zod';
import type { AuditListInput } from '#shared/schemas/admin.ts';
import { auditEvents, users } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';

/** The filters of an audit search, as one WHERE condition (undefined when there are none). */
export function auditFilter(input: Pick<z.output<typeof AuditListInput>, 'actorId' | 'targetType' | 'targetId' | 'from' | 'to'>): SQL | undefined {
  const filters: SQL[] = [];
  // The actor filter is by person (the people offered are staff). Its first term is the condition of the index of
  // staff entries (drizzle/schema/system.ts), which SQLite uses only when the query implies that condition (ADR 0050).
  if (input.actorId) filters.push(eq(auditEvents.actorType, 'user'), eq(auditEvents.actorId, input.actorId));
  if (input.targetType) filters.push(eq(auditEvents.targetType, input.targetType));
  if (input.targetId) filters.push(eq(auditEvents.targetId, input.targetId));
  if (input.from) filters.push(gte(auditEvents.at, parseISO(`${input.from}T00:00:00Z`)));
  if (input.to) filters.push(lt(auditEvents.at, addDays(parseISO(`${input.to}T00:00:00Z`), 1)));
  return filters.length ? and(...filters) : undefined;
}

export function listAuditEvents(db: Db, input: z.output<typeof AuditListInput>) {
  const where = auditFilter(input);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      before: auditEvents.before,
      after: auditEvents.after,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** People and target types to offer as filters. */
export function auditFilterOptions(db: Db) {
  const actors = db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name).all();
  const targetTypes = db.selectDistinct({ targetType: auditEvents.targetType }).from(auditEvents).orderBy(auditEvents.targetType).all();
  return { actors, targetTypes: targetTypes.map((t) => t.targetType) };
}
