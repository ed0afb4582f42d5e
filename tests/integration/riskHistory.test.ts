/**
 * A vendor's risk history, which the dashboard's trends are drawn from:
 * profile edits that move its position are recorded when they happen, and
 * the monthly job gives every active vendor one place a month, surviving
 * restarts and downtime. Positions are worked by hand from docs/scoring.md:
 *   created, no data, criticality 3:       impact 2 (criticality floor), tier 3, inherent 5 x 2 = 10
 *   all controls Yes:                      likelihood 1, so residual = 1 x impact
 *   5,700,000 customer names:              sensitivity 1, volume band 5 -> impact 3
 */
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { riskSnapshots } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { createCaller } from '../../server/router.ts';
import { takeMonthlySnapshots } from '../../server/risk/vendorRisk.ts';
import { completeAssessment, createUser } from '../helpers/factories.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

const procurement: StaffUser = { id: 'u-proc', name: 'Priya', email: 'priya@tollgate.example', role: 'procurement' };
const ciso: StaffUser = { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' };
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

function setup() {
  const { db } = createTestDatabase();
  createUser(db, procurement.id, 'procurement');
  createUser(db, ciso.id, 'ciso');
  const as = (user: StaffUser, now: Date) => createCaller(createContextInner({ db, user, now: () => now }));
  return { db, as };
}

const history = (db: Db, vendorId: number) =>
  db
    .select({ reason: riskSnapshots.reason, impact: riskSnapshots.impact, tier: riskSnapshots.tier, inherentResidual: riskSnapshots.inherentResidual, residual: riskSnapshots.residual, band: riskSnapshots.band, standing: riskSnapshots.standing })
    .from(riskSnapshots)
    .where(eq(riskSnapshots.vendorId, vendorId))
    .orderBy(asc(riskSnapshots.takenAt), asc(riskSnapshots.id))
    .all();

describe('risk history from profile edits', () => {
  it('records the position when an edit moves it, not when it does not, and the trend shows each month at its end', async () => {
    const { db, as } = setup();
    const { vendorId } = await as(procurement, at('2026-05-20')).vendors.create({ name: 'Skyline Loyalty Services' });
    expect(history(db, vendorId)).toEqual([{ reason: 'profile_change', impact: 2, tier: 3, inherentResidual: 10, residual: null, band: null, standing: 'not_assessed' }]);

    // Assessed on 1 June, every control Yes: 1 x 2 = 2, low.
    completeAssessment(db, vendorId, { completedAt: at('2026-06-01') });
    // The vendor now holds 5.7 M customer names: impact 3, so 1 x 3 = 3, still low; inherent 5 x 3 = 15.
    const names = await as(procurement, at('2026-06-10')).vendors.upsertHolding({ vendorId, category: 'contact.name', subjects: 'customers', records: 5_700_000 });
    // Neither a retention period nor a new business owner moves the position.
    await as(procurement, at('2026-06-11')).vendors.upsertHolding({ vendorId, id: names.holding.id, category: 'contact.name', subjects: 'customers', records: 5_700_000, retentionMonths: 24 });
    await as(procurement, at('2026-06-11')).vendors.update({ id: vendorId, businessOwner: 'Head of Loyalty' });

    expect(history(db, vendorId)).toEqual([
      { reason: 'profile_change', impact: 2, tier: 3, inherentResidual: 10, residual: null, band: null, standing: 'not_assessed' },
      { reason: 'review', impact: 2, tier: 3, inherentResidual: 10, residual: 2, band: 'low', standing: 'assessed' },
      { reason: 'profile_change', impact: 3, tier: 3, inherentResidual: 15, residual: 3, band: 'low', standing: 'assessed' },
    ]);

    const trend = await as(ciso, at('2026-06-12')).dashboard.trends({});
    expect(trend.map((m) => [m.month, m.vendors, m.notAssessed, m.low, m.totalResidual])).toEqual([
      ['2026-05', 1, 1, 0, 0],
      ['2026-06', 1, 0, 1, 3],
    ]);
  });
});

describe('monthly snapshots', () => {
  it('give every active vendor one place a month, skip archived vendors, and catch up after downtime', async () => {
    const { db, as } = setup();
    const staff = as(procurement, at('2026-05-20'));
    const { vendorId: kept } = await staff.vendors.create({ name: 'Kept Ltd' });
    const { vendorId: archived } = await staff.vendors.create({ name: 'Gone Ltd' });
    await staff.vendors.archive({ id: archived });

    // Both vendors already have a May snapshot, from their creation.
    expect(takeMonthlySnapshots(db, at('2026-05-25'))).toBe(0);
    // July: only the active vendor, and only once however often the job runs.
    expect(takeMonthlySnapshots(db, at('2026-07-01'))).toBe(1);
    expect(takeMonthlySnapshots(db, at('2026-07-01'))).toBe(0);
    expect(takeMonthlySnapshots(db, at('2026-07-31'))).toBe(0);
    // The server was down all August; back in September it takes September's, and August stays empty rather than invented.
    expect(takeMonthlySnapshots(db, at('2026-09-03'))).toBe(1);

    expect(history(db, kept).map((s) => s.reason)).toEqual(['profile_change', 'monthly', 'monthly']);
    expect(history(db, archived).map((s) => s.reason)).toEqual(['profile_change']);
    const trend = await as(ciso, at('2026-09-03')).dashboard.trends({});
    expect(trend.map((m) => [m.month, m.vendors])).toEqual([
      ['2026-05', 1],
      ['2026-07', 1],
      ['2026-09', 1],
    ]);
  });

  it('run as a scheduled job in small batches, reporting what it did and surviving a failing run', async () => {
    const { db, as } = setup();
    for (const name of ['Kept Ltd', 'Kept Two Ltd', 'Kept Three Ltd']) await as(procurement, at('2026-05-20')).vendors.create({ name });
    const logged: { level: string; details: object }[] = [];
    const log = { info: (details: object) => logged.push({ level: 'info', details }), error: (details: object) => logged.push({ level: 'error', details }) };
    const jobs = { db, uploadsDir: makeTempDir('uploads-') };

    // Batches of two: two, then one, then done; a second run finds nothing to do.
    await runDueJobs(jobs, log, at('2026-06-02'), 2);
    await runDueJobs(jobs, log, at('2026-06-02'), 2);
    expect(logged).toEqual([
      { level: 'info', details: { job: 'monthly risk snapshots', done: 3 } },
      { level: 'info', details: { done: 3, ms: expect.any(Number) } },
      { level: 'info', details: { done: 0, ms: expect.any(Number) } },
    ]);
    expect(db.select().from(riskSnapshots).where(eq(riskSnapshots.reason, 'monthly')).all()).toHaveLength(3);

    // A closed database makes the job fail: it is logged, and nothing is thrown at the timer.
    db.$client.close();
    await expect(runDueJobs(jobs, log, at('2026-07-02'))).resolves.toBeUndefined();
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', details: expect.objectContaining({ job: 'monthly risk snapshots' }) }));
  });

  it('leaves the server free to finish other work between batches, however many batches a run takes', async () => {
    const { db, as } = setup();
    for (let i = 0; i < 40; i++) await as(procurement, at('2026-05-20')).vendors.create({ name: `Batch Vendor ${i}` });
    const log = { info: () => {}, error: () => {} };
    // A stand-in for a request: it needs several turns of the event loop (read the body, run the call, write the answer).
    let served = 0;
    let running = true;
    const requests = (async () => {
      while (running) {
        for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
        served++;
      }
    })();
    // Twenty batches of two snapshots: between batches, requests must get more than one step each.
    await runDueJobs({ db, uploadsDir: makeTempDir('uploads-') }, log, at('2026-06-02'), 2);
    running = false;
    await requests;
    expect(db.select().from(riskSnapshots).where(eq(riskSnapshots.reason, 'monthly')).all()).toHaveLength(40);
    expect(served).toBeGreaterThan(40);
  });
});
