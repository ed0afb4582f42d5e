/**
 * Searching the audit log: by person, by target, by date. Searching by person
 * reads only that person's entries through an index that holds staff entries
 * alone; a vendor's entries (written on every save, and not in that index)
 * are found through the assessment they were made on.
 */
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../drizzle/schema/index.ts';
import { auditFilter, listAuditEvents } from '../../server/admin/auditSearch.ts';
import { recordAudit, type AuditActor } from '../../server/platform/audit/auditTrail.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const ines: AuditActor = { type: 'user', id: 'u-ines', label: 'Ines Admin', ip: '192.0.2.1' };
const ana: AuditActor = { type: 'user', id: 'u-ana', label: 'Ana Procurement', ip: '192.0.2.2' };
// A vendor's link whose id is written as the same text as a person's would be: the filter by person must not pick it up.
const vendor: AuditActor = { type: 'vendor_link', id: 'u-ines', label: 'Dana at Brightwing', ip: '198.51.100.7' };

function portfolioLog(db: Db): void {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  recordAudit(db, { actor: ines, action: 'vendor.create', targetType: 'vendor', targetId: 1, after: { name: 'Brightwing' }, at: at(1) });
  recordAudit(db, { actor: ana, action: 'assessment.start', targetType: 'assessment', targetId: 7, after: { vendorId: 1 }, at: at(2) });
  for (let n = 0; n < 5; n++) {
    recordAudit(db, { actor: vendor, action: 'answer.save', targetType: 'assessment', targetId: 7, before: null, after: { controlId: 'IAM-01', value: 'yes' }, at: at(3 + n) });
  }
  recordAudit(db, { actor: ines, action: 'vendor.update', targetType: 'vendor', targetId: 1, before: { criticality: 3 }, after: { criticality: 4 }, at: at(10) });
}

const search = (db: Db, filters: Parameters<typeof auditFilter>[0]) => listAuditEvents(db, { ...filters, page: 1, pageSize: 50 });

describe('searching the audit log', () => {
  it('by person: that staff member’s entries, newest first, and no vendor’s', () => {
    const { db } = createTestDatabase();
    portfolioLog(db);
    const byInes = search(db, { actorId: 'u-ines' });
    expect(byInes.total).toBe(2);
    expect(byInes.rows.map((r) => r.action)).toEqual(['vendor.update', 'vendor.create']);
    expect(search(db, { actorId: 'u-ana' }).rows.map((r) => r.action)).toEqual(['assessment.start']);
  });

  it('a vendor’s saves through their assessment, with the person and the link named on each', () => {
    const { db } = createTestDatabase();
    portfolioLog(db);
    const onAssessment = search(db, { targetType: 'assessment', targetId: '7' });
    expect(onAssessment.total).toBe(6);
    expect(onAssessment.rows.filter((r) => r.action === 'answer.save')).toHaveLength(5);
    expect(onAssessment.rows[0]).toMatchObject({ actorType: 'vendor_link', actorLabel: 'Dana at Brightwing', ip: '198.51.100.7' });
  });

  it('by person, reads that person’s entries through the staff index rather than the whole log', () => {
    const { db } = createTestDatabase();
    portfolioLog(db);
    const query = db.select().from(auditEvents).where(auditFilter({ actorId: 'u-ines' })).orderBy(desc(auditEvents.id)).toSQL();
    const plan = db.$client
      .prepare(`explain query plan ${query.sql}`)
      .all(...query.params)
      .map((step) => (step as { detail: string }).detail);
    // One search of the index for that person, in id order: no scan of the log and no sort.
    expect(plan).toEqual(['SEARCH audit_events USING INDEX audit_events_user_actor_idx (actor_id=?)']);
  });
});
