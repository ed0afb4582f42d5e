/**
 * The demo portfolio: about 25 vendors of an airline-like company with a
 * year of history, written through the same scoring services the product
 * uses. Deterministic for a given `now`, and all or nothing.
 */
import { eq, gt, max, sql } from 'drizzle-orm';
import { riskSnapshots, settings } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/auditTrail.ts';
import { ensureBuiltInTemplates } from '../templates/index.ts';
import { DEMO_PORTFOLIO } from './portfolio/index.ts';
import { buildTimeline, type SeedState } from './timeline.ts';
import { STAFF_USERS } from './users.ts';
import { addedOn, dayAt, insertStaffUsers } from './writers.ts';

export const DEMO_SEEDED_KEY = 'demo_seeded_at';

/** Staff accounts predate the oldest vendor record, which they created. */
const STAFF_LEAD_DAYS = 7;

export function hasBeenSeeded(db: Db): boolean {
  return db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_SEEDED_KEY)).get() !== undefined;
}

export function seedDemoPortfolio(db: Db, opts: { now: Date }): { vendors: number } {
  // A private copy: the caller's Date is never mutated or re-read later.
  const now = new Date(opts.now.getTime());
  ensureBuiltInTemplates(db, now);

  return db.transaction((tx) => {
    if (tx.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_SEEDED_KEY)).get()) {
      throw new Error('The demo portfolio has already been seeded into this database.');
    }
    const snapshotsBefore = tx.select({ id: max(riskSnapshots.id) }).from(riskSnapshots).get()?.id ?? 0;

    const earliest = Math.min(...DEMO_PORTFOLIO.map(addedOn));
    insertStaffUsers(tx, dayAt(now, earliest - STAFF_LEAD_DAYS));

    const state: SeedState = { vendorIds: [] };
    const events = buildTimeline(DEMO_PORTFOLIO, now, state);
    for (const event of events) event.run(tx);

    // takeRiskSnapshot stamps createdAt with the wall clock; the simulated moment keeps reruns identical.
    tx.update(riskSnapshots)
      .set({ createdAt: sql`${riskSnapshots.takenAt}` })
      .where(gt(riskSnapshots.id, snapshotsBefore))
      .run();

    tx.insert(settings).values({ key: DEMO_SEEDED_KEY, value: now.toISOString(), updatedAt: now }).run();
    recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seed',
      targetType: 'settings',
      targetId: DEMO_SEEDED_KEY,
      after: { vendors: DEMO_PORTFOLIO.length, staffUsers: STAFF_USERS.length, seededAt: now.toISOString() },
      at: now,
    });
    return { vendors: DEMO_PORTFOLIO.length };
  });
}
