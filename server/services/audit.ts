/**
 * The audit trail: every state change records who did what to which record,
 * with before and after values. Rows are hash-chained: each hash covers the
 * row and the previous hash, so editing or deleting a row breaks the chain.
 * Always call inside the transaction that makes the change.
 */
import { createHash } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import { auditEvents } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  type: 'user' | 'vendor_link' | 'system';
  id: string | null;
  label: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'Tollgate' };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

type ChainFields = Pick<
  typeof auditEvents.$inferSelect,
  'at' | 'actorType' | 'actorId' | 'actorLabel' | 'action' | 'targetType' | 'targetId' | 'before' | 'after' | 'ip' | 'prevHash'
>;

export function auditHash(row: ChainFields): string {
  const canonical = JSON.stringify([
    row.prevHash,
    row.at.toISOString(),
    row.actorType,
    row.actorId,
    row.actorLabel,
    row.action,
    row.targetType,
    row.targetId,
    row.before ?? null,
    row.after ?? null,
    row.ip,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function recordAudit(tx: Db | Tx, entry: AuditEntry): void {
  const last = tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const fields: ChainFields = {
    at: entry.at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    // A JSON round trip stores exactly what the hash covered (Dates as strings).
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
    ip: entry.actor.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  tx.insert(auditEvents).values({ ...fields, hash: auditHash(fields) }).run();
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain from the first entry and names the first one that does not match. */
export function verifyAuditChain(db: Db): ChainCheck {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let lastId = 0;
  for (;;) {
    // Pages keep memory flat however long the log grows.
    const page = db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(1000).all();
    if (page.length === 0) return { ok: true, entries };
    for (const row of page) {
      entries += 1;
      if (row.prevHash !== prevHash) {
        return { ok: false, entries, brokenAt: row.id, reason: 'its link to the previous entry does not match (an entry before it was removed or changed)' };
      }
      if (auditHash(row) !== row.hash) {
        return { ok: false, entries, brokenAt: row.id, reason: 'its content does not match its hash (it was edited)' };
      }
      prevHash = row.hash;
      lastId = row.id;
    }
  }
}
