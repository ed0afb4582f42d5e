/**
 * Every dashboard aggregate on a crafted portfolio, with exact numbers
 * worked out by hand (positions from docs/scoring.md):
 *   Alpha CC     contact centre, airline data, weak answers: L5 x I5 = 25 critical, tier 1, 9 tasks (8 critical, 1 high)
 *   Bravo Cater  200 employee names, all Yes:                L1 x I1 = 1 low, tier 4
 *   Charlie Mail 2 M names + emails (emails not needed), 4 high No: 89.7 -> L2 x I3 = 6 medium, tier 3, 5 high tasks
 *   Delta Pay    never assessed, named national IDs:          impact 4, tier 2
 *   Echo Host    assessed 14 months ago (expired), privileged: impact 4, tier 2
 */
import { addDays, addMonths } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { subProcessors, users, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { takeRiskSnapshot } from '../../server/risk/vendorRisk.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { airlineHoldings, contactCentreAnswers } from '../unit/scoring/examples.ts';
import { eq } from 'drizzle-orm';

let db: Db;
let caller: ReturnType<typeof createCaller>;
const ids: Record<string, number> = {};

beforeAll(() => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' }).run();
  caller = createCaller(createContextInner({ db, user: { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' }, now: () => NOW }));

  ids.alpha = createVendor(db, { name: 'Alpha CC', services: ['contact_centre', 'saas'], access: 'write', criticality: 5, holdings: airlineHoldings });
  completeAssessment(db, ids.alpha, { exceptions: Object.fromEntries(Object.entries(contactCentreAnswers).map(([id, a]) => [id, a?.value ?? null])) });
  ids.bravo = createVendor(db, { name: 'Bravo Cater', criticality: 1, holdings: [{ category: 'contact.name', subjects: 'employees', records: 200 }] });
  completeAssessment(db, ids.bravo);
  ids.charlie = createVendor(db, {
    name: 'Charlie Mail',
    services: ['marketing'],
    criticality: 3,
    holdings: [{ category: 'contact.name', records: 2_000_000 }, { category: 'contact.email', records: 2_000_000, needed: false }],
  });
  completeAssessment(db, ids.charlie, { exceptions: { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no', 'IAM-05': 'no' } });
  ids.delta = createVendor(db, {
    name: 'Delta Pay',
    criticality: 4,
    holdings: [
      { category: 'contact.name', subjects: 'employees', records: 2_400 },
      { category: 'employee.hr', subjects: 'employees', records: 2_400 },
      { category: 'gov_id.national_id', subjects: 'employees', records: 2_400 },
    ],
  });
  ids.echo = createVendor(db, { name: 'Echo Host', access: 'privileged', criticality: 4, holdings: [{ category: 'contact.email', records: 50_000 }] });
  completeAssessment(db, ids.echo, { completedAt: addMonths(NOW, -14) });

  db.update(vendors).set({ businessOwner: 'Marcus' }).where(eq(vendors.id, ids.alpha)).run();
  for (const id of [ids.bravo, ids.charlie]) db.update(vendors).set({ businessOwner: 'Jo' }).where(eq(vendors.id, id!)).run();
  for (const id of [ids.alpha, ids.charlie, ids.delta]) db.insert(subProcessors).values({ vendorId: id!, name: 'Stratus Cloud', country: 'IE', dataShared: ['contact.email'] }).run();
  db.insert(subProcessors).values({ vendorId: ids.echo!, name: ' stratus cloud', country: 'DE', dataShared: ['contact.name'] }).run();
  db.insert(subProcessors).values({ vendorId: ids.bravo!, name: 'Solo SMS', country: 'GB', dataShared: [] }).run();

  // Two snapshots in June: a vendor must still count once that month, at its latest.
  for (const at of [new Date('2026-05-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'), NOW]) {
    for (const id of Object.values(ids)) takeRiskSnapshot(db, id, at, 'monthly');
  }
});

describe('dashboard', () => {
  it('places assessed vendors on the residual heatmap and lists the others apart with their inherent impact', async () => {
    const map = await caller.dashboard.heatmap({});
    expect(map.cells.map((c) => [c.likelihood, c.impact, c.count]).sort()).toEqual([[1, 1, 1], [2, 3, 1], [5, 5, 1]]);
    expect(map.notAssessed.map((v) => [v.name, v.impact, v.standing])).toEqual([['Delta Pay', 4, 'not_assessed'], ['Echo Host', 4, 'expired']]);
    expect(map.notAssessedTotal).toBe(2);
    expect((await caller.dashboard.heatmapCell({ likelihood: 5, impact: 5 })).map((v) => v.name)).toEqual(['Alpha CC']);
  });

  it('puts every vendor at worst-credible likelihood on the inherent view', async () => {
    const map = await caller.dashboard.heatmap({ view: 'inherent' });
    expect(map.cells.map((c) => [c.likelihood, c.impact, c.count]).sort()).toEqual([[5, 1, 1], [5, 3, 1], [5, 4, 2], [5, 5, 1]]);
    expect((await caller.dashboard.heatmapCell({ view: 'inherent', likelihood: 5, impact: 4 })).map((v) => v.name)).toEqual(['Delta Pay', 'Echo Host']);
  });

  it('counts vendors by band and tier, open and overdue tasks by severity, and critical controls failing', async () => {
    const f = await caller.dashboard.keyFigures({});
    expect(f.byBand).toEqual({ low: 1, medium: 1, high: 0, critical: 1, not_assessed: 2 });
    expect(f.expired).toBe(1);
    expect(f.byTier).toEqual({ 1: 1, 2: 2, 3: 1, 4: 1 });
    expect(f.tasks).toEqual({ critical: { open: 8, overdue: 0 }, high: { open: 6, overdue: 0 }, medium: { open: 0, overdue: 0 }, low: { open: 0, overdue: 0 } });
    const iam01 = f.criticalControls.find((c) => c.controlId === 'IAM-01');
    expect(iam01).toMatchObject({ failing: 1, assessed: 3 });
    expect(iam01?.share).toBeCloseTo(1 / 3);
    expect(f.criticalControls.find((c) => c.controlId === 'IRN-01')).toMatchObject({ failing: 0 });
    // Names: 5,700,000 + 200 + 2,000,000 + 2,400; emails: 5,700,000 + 2,000,000 + 50,000.
    expect(f.recordsByCategory.find((r) => r.category === 'contact.name')).toEqual({ category: 'contact.name', records: 7_702_600, vendors: 4 });
    expect(f.recordsByCategory.find((r) => r.category === 'contact.email')).toEqual({ category: 'contact.email', records: 7_750_000, vendors: 3 });
  });

  it('counts tasks past their due date as overdue: 40 days on, critical (15 days) and high (30 days) are late', async () => {
    const later = createCaller(createContextInner({ db, user: { id: 'u-ciso', name: 'Cara', email: 'c@t.example', role: 'ciso' }, now: () => addDays(NOW, 40) }));
    const f = await later.dashboard.keyFigures({});
    expect(f.tasks.critical).toEqual({ open: 8, overdue: 8 });
    expect(f.tasks.high).toEqual({ open: 6, overdue: 6 });
  });

  it('shows data exposure per vendor and per category, with excess data', async () => {
    const exposure = await caller.dashboard.dataExposure({});
    expect(exposure.vendors.map((v) => [v.name, v.largestHolding])).toEqual([
      ['Alpha CC', 5_700_000], ['Charlie Mail', 2_000_000], ['Echo Host', 50_000], ['Delta Pay', 2_400], ['Bravo Cater', 200],
    ]);
    expect(exposure.vendors[1]?.holdings).toContainEqual({ category: 'contact.email', records: 2_000_000, excess: 2_000_000 });
    expect(exposure.byCategory.find((c) => c.category === 'identity.birth_date')).toEqual({ category: 'identity.birth_date', vendors: 1, records: 1_100_000, excessRecords: 0, excessVendors: 0 });
    expect(exposure.byCategory.find((c) => c.category === 'contact.email')).toMatchObject({ excessRecords: 2_000_000, excessVendors: 1 });
  });

  it('counts vendors failing each control, with the attack techniques left open', async () => {
    const controls = await caller.dashboard.failingControls({});
    const flat = controls.domains.flatMap((d) => d.controls);
    expect(controls.assessed).toBe(3);
    expect(flat.find((c) => c.controlId === 'IAM-04')).toMatchObject({ failing: 2 });
    expect(flat.find((c) => c.controlId === 'IAM-03')).toMatchObject({ failing: 1 });
    expect(flat.find((c) => c.controlId === 'IAM-04')?.techniques.map((t) => t.id)).toContain('T1621');
    expect(flat.filter((c) => c.failing > 0).length).toBe(12); // 9 at Alpha + GOV-03, IAM-03, IAM-05 at Charlie (IAM-04 shared)
  });

  it('finds sub-processors shared by several vendors, whatever their spelling', async () => {
    expect(await caller.dashboard.fourthParties({})).toEqual([
      { name: 'stratus cloud', vendorCount: 4, vendors: expect.any(Array), countries: ['DE', 'IE'], categories: ['contact.email', 'contact.name'] },
    ]);
  });

  it('charts the monthly snapshots: residual total, bands and open work', async () => {
    const t = await caller.dashboard.trends({});
    expect(t.map((m) => m.month)).toEqual(['2026-05', '2026-06']);
    expect(t[1]).toMatchObject({ vendors: 5, totalResidual: 32, averageResidual: 10.7, critical: 1, medium: 1, low: 1, high: 0, notAssessed: 2, openTasks: 14 });
  });

  it('ranks the top risks with their projection, unknown vendors at their inherent risk', async () => {
    const top = await caller.dashboard.topRisks({});
    expect(top.map((v) => [v.name, v.standing, v.residual, v.inherentResidual, v.projectedResidual])).toEqual([
      ['Alpha CC', 'assessed', 25, 25, 5],
      ['Delta Pay', 'not_assessed', null, 20, null],
      ['Echo Host', 'expired', 4, 20, 4],
      ['Charlie Mail', 'assessed', 6, 15, 3],
      ['Bravo Cater', 'assessed', 1, 5, 1],
    ]);
  });

  it('filters every view by service type, business owner, tier and band', async () => {
    expect((await caller.dashboard.keyFigures({ filters: { services: ['contact_centre'] } })).byBand).toEqual({ low: 0, medium: 0, high: 0, critical: 1, not_assessed: 0 });
    expect((await caller.dashboard.topRisks({ filters: { owners: ['Jo'] } })).map((v) => v.name)).toEqual(['Charlie Mail', 'Bravo Cater']);
    expect((await caller.dashboard.heatmap({ filters: { tiers: [2] } })).notAssessedTotal).toBe(2);
    expect((await caller.dashboard.topRisks({ filters: { bands: ['not_assessed'] } })).map((v) => v.name)).toEqual(['Delta Pay', 'Echo Host']);
    expect(await caller.dashboard.owners()).toEqual(['Jo', 'Marcus']);
  });
});
