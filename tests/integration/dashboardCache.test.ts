/**
 * The dashboard keeps its answers only while they are true: a write to any
 * table it reads (through the product or straight into the database), a new
 * day, or an assessment reaching its expiry time shows at the next view.
 * Positions worked by hand from docs/scoring.md:
 *   Kilo Kiosk: 200 customer emails, criticality 3, all Yes: impact 2, likelihood 1, residual 2 (low), tier 3
 */
import { addMonths } from 'date-fns';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { remediationTasks, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import { createCaller } from '../../server/router.ts';
import { completeAssessment, createVendor, NOW, setTaskStatus } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const ciso: StaffUser = { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' };
const procurement: StaffUser = { id: 'u-proc', name: 'Pia', email: 'pia@tollgate.example', role: 'procurement' };

function setup() {
  const { db } = createTestDatabase();
  db.insert(users).values([
    { id: ciso.id, name: ciso.name, email: ciso.email, role: 'ciso' },
    { id: procurement.id, name: procurement.name, email: procurement.email, role: 'procurement' },
  ]).run();
  const at = (user: StaffUser, now: Date) => createCaller(createContextInner({ db, user, now: () => now }));
  return { db, at };
}

describe('dashboard answers', () => {
  it('are reused while nothing changed, and recomputed after a change made through the product', async () => {
    const { db, at } = setup();
    const kilo = createVendor(db, { name: 'Kilo Kiosk', holdings: [{ category: 'contact.email', records: 200 }] });
    const first = await at(ciso, NOW).dashboard.dataExposure({});
    expect(await at(ciso, NOW).dashboard.dataExposure({})).toBe(first); // the very same answer, not a new computation
    expect(first.byCategory.find((c) => c.category === 'contact.email')?.records).toBe(200);
    // Another filter is another answer.
    expect((await at(ciso, NOW).dashboard.dataExposure({ filters: { tiers: [1] } })).byCategory).toEqual([]);

    await at(procurement, NOW).vendors.upsertHolding({ vendorId: kilo, category: 'contact.phone', records: 300 });
    const after = await at(ciso, NOW).dashboard.dataExposure({});
    expect(after).not.toBe(first);
    expect(after.byCategory.find((c) => c.category === 'contact.phone')?.records).toBe(300);
  });

  it('show writes made straight into the database, as the CLI or another process would', async () => {
    const { db, at } = setup();
    createVendor(db, { name: 'Lima Labs' });
    expect((await at(ciso, NOW).dashboard.topRisks({})).map((v) => v.name)).toEqual(['Lima Labs']);
    db.$client.prepare("update vendors set name = 'Lima Laboratories' where name = 'Lima Labs'").run();
    expect((await at(ciso, NOW).dashboard.topRisks({})).map((v) => v.name)).toEqual(['Lima Laboratories']);
    db.update(vendors).set({ status: 'archived' }).where(eq(vendors.name, 'Lima Laboratories')).run();
    expect(await at(ciso, NOW).dashboard.topRisks({})).toEqual([]);
  });

  it('count overdue work by the day: a task due today is overdue tomorrow without any write', async () => {
    const { db, at } = setup();
    const vendorId = createVendor(db, { name: 'Mike Mail', holdings: [{ category: 'contact.email', records: 200 }] });
    completeAssessment(db, vendorId, { exceptions: { 'IAM-04': 'no' } });
    const task = db.select().from(remediationTasks).where(eq(remediationTasks.vendorId, vendorId)).get()!;
    const dueDay = new Date(`${task.dueDate}T12:00:00Z`);
    const dayAfter = new Date(`${task.dueDate}T23:59:59Z`).getTime() + 1000;

    expect((await at(ciso, dueDay).dashboard.keyFigures({})).tasks[task.severity]).toEqual({ open: 1, overdue: 0 });
    expect((await at(ciso, new Date(dayAfter)).dashboard.keyFigures({})).tasks[task.severity]).toEqual({ open: 1, overdue: 1 });
    // And a status change is a write like any other.
    setTaskStatus(db, task.id, 'closed', new Date(dayAfter));
    expect((await at(ciso, new Date(dayAfter)).dashboard.keyFigures({})).tasks[task.severity]).toEqual({ open: 0, overdue: 0 });
  });

  it('stop showing a vendor as assessed at the moment its assessment expires', async () => {
    const { db, at } = setup();
    const vendorId = createVendor(db, { name: 'Kilo Kiosk', holdings: [{ category: 'contact.email', subjects: 'customers', records: 200 }] });
    completeAssessment(db, vendorId);
    const expiresAt = db.select({ at: vendorRisk.assessmentExpiresAt }).from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!.at!;
    expect(expiresAt.getTime()).toBeGreaterThan(addMonths(NOW, 1).getTime());

    const justBefore = new Date(expiresAt.getTime() - 1);
    const before = await at(ciso, justBefore).dashboard.heatmap({});
    expect(before.cells.map((c) => [c.likelihood, c.impact, c.count])).toEqual([[1, 2, 1]]);
    expect(before.notAssessedTotal).toBe(0);

    const after = await at(ciso, expiresAt).dashboard.heatmap({});
    expect(after.cells).toEqual([]);
    expect(after.notAssessed.map((v) => [v.name, v.standing])).toEqual([['Kilo Kiosk', 'expired']]);
  });
});
