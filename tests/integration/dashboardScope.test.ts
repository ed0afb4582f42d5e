/**
 * The dashboard's counts for any scope: on a seeded portfolio (vendors never assessed, assessed, due soon and expired,
 * some archived, with owners and services), for generated filters and dates, the key figures, both heatmaps, the
 * failing-controls panel's assessed count, the top risks and the vendors holding most records equal the same figures worked out here vendor by vendor,
 * with the standing from standingAt (shared/standing.ts), the one statement of the rule. The trend's first month,
 * which starts part-way through, is checked from the snapshots with the window's start on either side of most of them.
 */
import { addDays, subMonths } from 'date-fns';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS } from '#shared/remediation/cadence.ts';
import { INHERENT_LIKELIHOOD } from '#shared/scoring/constants.ts';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { standingAt } from '#shared/standing.ts';
import { SERVICE_TYPES, type ServiceType } from '#shared/taxonomy.ts';
import { subProcessors, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { topRisks } from '../../server/dashboard/portfolio.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { takeRiskSnapshot } from '../../server/risk/index.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const OWNERS = ['Ana', 'Bo', 'Cy'];
const ANSWERS = ['yes', 'partial', 'no'] as const;
let db: Db;

/** A small deterministic generator, so the portfolio is the same on every run. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

beforeAll(() => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' }).run();
  const g = generator(7);
  for (let i = 0; i < 40; i++) {
    const id = createVendor(db, {
      // Some names shared by prefix and case, so ties and byte order matter.
      name: `${g.pick(['Acme', 'acme', 'Zed', 'Mid'])} ${String(i).padStart(2, '0')}`,
      services: SERVICE_TYPES.filter(() => g.next() < 0.25),
      access: g.pick(['none', 'read', 'write', 'privileged'] as const),
      criticality: g.int(1, 5) as 1 | 2 | 3 | 4 | 5,
      holdings: [{ category: g.pick(['contact.email', 'financial.payment_card', 'health', 'gov_id.national_id'] as const), records: g.pick([50, 20_000, 3_000_000]) }],
      status: g.next() < 0.15 ? 'archived' : 'active',
    });
    if (g.next() < 0.6) db.insert(subProcessors).values({ vendorId: id, name: g.pick(['Stratus Cloud', ' stratus cloud', 'Nimbus', 'Solo Mail']), country: 'IE', dataShared: [] }).run();
    const owner = g.pick([...OWNERS, null]);
    if (owner) db.update(vendors).set({ businessOwner: owner }).where(eq(vendors.id, id)).run();
    if (g.next() < 0.25) continue; // never assessed
    // Completed up to 20 months ago: some still vouch, some fall due soon, some have expired.
    const value = g.pick(ANSWERS);
    completeAssessment(db, id, { value, exceptions: { 'IAM-01': g.pick(ANSWERS), 'GOV-03': g.pick(ANSWERS) }, completedAt: addDays(NOW, -g.int(0, 600)) });
  }
  // One assessment with no expiry recorded: it vouches, and is never due.
  db.update(vendorRisk).set({ assessmentExpiresAt: null }).where(sql`${vendorRisk.vendorId} = (select min(vendor_id) from vendor_risk where assessment_id is not null)`).run();
});

/** Each vendor with its position, as stored. */
function portfolio() {
  return db
    .select({ id: vendors.id, name: vendors.name, status: vendors.status, services: vendors.services, owner: vendors.businessOwner, risk: vendorRisk })
    .from(vendors)
    .innerJoin(vendorRisk, eq(vendorRisk.vendorId, vendors.id))
    .all();
}

/** The figures worked out vendor by vendor, as the dashboard defines them. */
function expected(filters: DashboardFilters, now: Date) {
  const rows = portfolio().map((v) => ({ ...v, standing: standingAt(v.risk.assessmentId, v.risk.assessmentExpiresAt, now) }));
  const inScope = rows.filter(
    (v) =>
      v.status === 'active' &&
      (!filters.tiers?.length || filters.tiers.includes(v.risk.tier)) &&
      (!filters.owners?.length || (v.owner !== null && filters.owners.includes(v.owner))) &&
      (!filters.services?.length || v.services.some((s) => filters.services!.includes(s))) &&
      (!filters.bands?.length || (v.standing === 'assessed' ? filters.bands.includes(v.risk.band!) : filters.bands.includes('not_assessed'))),
  );
  const assessed = inScope.filter((v) => v.standing === 'assessed');
  const others = inScope.filter((v) => v.standing !== 'assessed');
  const byBand: Record<string, number> = { low: 0, medium: 0, high: 0, critical: 0, not_assessed: others.length };
  for (const v of assessed) byBand[v.risk.band!]! += 1;
  const byTier: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const v of inScope) byTier[v.risk.tier]! += 1;
  const dueSoonEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + DUE_SOON_DAYS + 1);
  const cells = (vs: typeof inScope, likelihood: (v: (typeof inScope)[number]) => number) => {
    const counts = new Map<string, { likelihood: number; impact: number; count: number }>();
    for (const v of vs) {
      const cell = counts.get(`${likelihood(v)}:${v.risk.impact}`) ?? { likelihood: likelihood(v), impact: v.risk.impact, count: 0 };
      cell.count += 1;
      counts.set(`${likelihood(v)}:${v.risk.impact}`, cell);
    }
    return [...counts.values()].sort((a, b) => a.likelihood - b.likelihood || a.impact - b.impact);
  };
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const rank = (v: (typeof inScope)[number]) => (v.standing === 'assessed' ? v.risk.residual! : v.risk.inherentResidual);
  return {
    byBand,
    expired: inScope.filter((v) => v.standing === 'expired').length,
    byTier,
    assessed: assessed.length,
    reassessments: {
      overdue: inScope.filter((v) => v.risk.assessmentId !== null && v.risk.assessmentExpiresAt && v.risk.assessmentExpiresAt.getTime() <= now.getTime()).length,
      dueSoon: inScope.filter((v) => v.risk.assessmentId !== null && v.risk.assessmentExpiresAt && v.risk.assessmentExpiresAt.getTime() > now.getTime() && v.risk.assessmentExpiresAt.getTime() < dueSoonEnd).length,
    },
    residualCells: cells(assessed, (v) => v.risk.likelihood!),
    inherentCells: cells(inScope, () => INHERENT_LIKELIHOOD),
    notAssessed: [...others].sort((a, b) => b.risk.impact - a.risk.impact || byName(a, b)).slice(0, 200).map((v) => ({ id: v.id, name: v.name, impact: v.risk.impact, standing: v.standing, tier: v.risk.tier })),
    notAssessedTotal: others.length,
    // Sub-processors shared by two or more vendors in scope, their vendors by id.
    fourthParties: sharedSubProcessors(inScope.map((v) => v.id)),
    // The 20 vendors in scope holding the most records (many hold the same count: ties go by name, in byte order).
    exposureTop: inScope
      .filter((v) => v.risk.largestHolding > 0)
      .sort((a, b) => b.risk.largestHolding - a.risk.largestHolding || byName(a, b))
      .slice(0, 20)
      .map((v) => v.id),
    topRisks: [...inScope]
      .sort((a, b) => rank(b) - rank(a) || b.risk.impact - a.risk.impact || Number(b.standing === 'assessed') - Number(a.standing === 'assessed') || byName(a, b))
      .slice(0, 10)
      .map((v) => v.id),
  };
}

/** Sub-processors (by name, whatever its case and spaces) that two or more of the vendors share, and those vendors: by spelling, then id. */
function sharedSubProcessors(vendorIds: number[]) {
  const byKey = new Map<string, Set<number>>();
  const rows = db.select({ vendorId: subProcessors.vendorId, name: subProcessors.name }).from(subProcessors).all();
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.vendorId - b.vendorId));
  for (const s of rows) {
    if (!vendorIds.includes(s.vendorId)) continue;
    const key = s.name.trim().toLowerCase();
    byKey.set(key, (byKey.get(key) ?? new Set()).add(s.vendorId));
  }
  return [...byKey]
    .map(([key, ids]) => ({ key, vendors: [...ids] }))
    .filter((p) => p.vendors.length >= 2)
    .sort((a, b) => b.vendors.length - a.vendors.length || a.key.localeCompare(b.key));
}

/** Every figure of the dashboard for this scope and moment against the vendors in scope counted one by one. */
async function expectScopeMatches(filters: DashboardFilters, now: Date) {
  const caller = createCaller(createContextInner({ db, user: { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' }, now: () => now }));
  const want = expected(filters, now);
  const figures = await caller.dashboard.keyFigures({ filters });
  expect({ byBand: figures.byBand, expired: figures.expired, byTier: figures.byTier, reassessments: figures.reassessments }).toEqual({
    byBand: want.byBand,
    expired: want.expired,
    byTier: want.byTier,
    reassessments: want.reassessments,
  });
  for (const c of figures.criticalControls) expect(c.assessed).toBe(want.assessed);
  expect((await caller.dashboard.failingControls({ filters })).assessed).toBe(want.assessed);
  const residual = await caller.dashboard.heatmap({ filters, view: 'residual' });
  expect({ cells: residual.cells, notAssessed: residual.notAssessed, notAssessedTotal: residual.notAssessedTotal }).toEqual({
    cells: want.residualCells,
    notAssessed: want.notAssessed,
    notAssessedTotal: want.notAssessedTotal,
  });
  expect((await caller.dashboard.heatmap({ filters, view: 'inherent' })).cells).toEqual(want.inherentCells);
  expect((await caller.dashboard.topRisks({ filters })).map((v) => v.id)).toEqual(want.topRisks);
  // Shorter lists cut through more ties of rank and impact, where each standing's own walk must stop at the right vendor.
  for (const limit of [1, 2, 3, 5]) expect(topRisks(db, filters, now, limit).map((v) => v.id)).toEqual(want.topRisks.slice(0, limit));
  expect((await caller.dashboard.dataExposure({ filters })).vendors.map((v) => v.id)).toEqual(want.exposureTop);
  expect((await caller.dashboard.fourthParties({ filters })).map((p) => ({ key: p.name.toLowerCase(), vendors: p.vendors.map((v) => v.id) }))).toEqual(want.fourthParties);
}

const filtersArbitrary: fc.Arbitrary<DashboardFilters> = fc.record(
  {
    tiers: fc.subarray([1, 2, 3, 4] as const),
    owners: fc.subarray([...OWNERS, 'Nobody']),
    services: fc.subarray<ServiceType>([...SERVICE_TYPES]),
    bands: fc.subarray(['low', 'medium', 'high', 'critical', 'not_assessed'] as const),
  },
  { requiredKeys: [] },
);

describe('dashboard counts for any scope', () => {
  it('equal the vendors in scope counted one by one, for generated filters and dates', async () => {
    // The portfolio holds every standing, and the whole portfolio is among the cases.
    expect(new Set(portfolio().map((v) => standingAt(v.risk.assessmentId, v.risk.assessmentExpiresAt, NOW)))).toEqual(new Set(['assessed', 'expired', 'not_assessed']));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant({}), filtersArbitrary), fc.integer({ min: -120, max: 400 }), async (filters, days) => {
        await expectScopeMatches(filters, addDays(NOW, days));
      }),
      { numRuns: 60, seed: 20_260_615 },
    );
  });

  it("sum the trend's first month from the snapshots in the window, whichever side of its start most of them fall", async () => {
    // Snapshots through June 2025 (the first month seen from June 2026) and after, some vendors' latest early, some late.
    const g = generator(11);
    const ids = portfolio().map((v) => v.id);
    for (const id of ids) {
      for (const [day, chance] of [[3, 0.5], [9, 0.5], [14, 0.5], [21, 0.5], [28, 0.2]] as const) {
        if (g.next() < chance) takeRiskSnapshot(db, id, new Date(Date.UTC(2025, 5, day, 12)), 'monthly');
      }
      takeRiskSnapshot(db, id, new Date(Date.UTC(2025, 6 + g.int(0, 10), 2, 12)), 'monthly');
    }
    // The window starts in June 2025 on the 1st (every vendor's month in it), the 15th (more than half) and the 22nd (a few).
    for (const clock of [new Date('2026-06-01T09:00:00Z'), new Date('2026-06-15T09:00:00Z'), new Date('2026-06-22T09:00:00Z')]) {
      const caller = createCaller(createContextInner({ db, user: { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' }, now: () => clock }));
      const cases: [DashboardFilters, ReturnType<typeof sql>][] = [
        [{}, sql`1`],
        [{ tiers: [1, 2] }, sql`r.tier in (1, 2)`],
      ];
      for (const [filters, scope] of cases) {
        const trend = await caller.dashboard.trends({ filters });
        expect(trend, `${clock.toISOString()} ${JSON.stringify(filters)}`).toEqual(trendFromSnapshots(clock, scope));
        expect(trend[0]?.month).toBe('2025-06');
      }
    }
  });

  it('count a vendor whose assessment expires today as assessed until the moment it expires, not the day', async () => {
    // Two assessments end today, one at 07:00 and one at 11:00; a third ends at the first moment of tomorrow. At 09:00
    // the first has expired, the others still vouch and are due soon; by 11:00 the second has expired too.
    const assessed = portfolio().filter((v) => v.status === 'active' && standingAt(v.risk.assessmentId, v.risk.assessmentExpiresAt, NOW) === 'assessed');
    const moments = [Date.parse('2026-06-15T07:00:00Z'), Date.parse('2026-06-15T11:00:00Z'), Date.parse('2026-06-16T00:00:00Z')];
    moments.forEach((at, i) => db.update(vendorRisk).set({ assessmentExpiresAt: new Date(at) }).where(eq(vendorRisk.vendorId, assessed[i]!.id)).run());
    for (const now of [NOW, new Date('2026-06-15T10:59:59.999Z'), new Date('2026-06-15T11:00:00Z'), new Date('2026-06-15T23:59:59.999Z'), new Date('2026-06-16T00:00:00Z')]) {
      for (const filters of [{}, { tiers: [1, 2, 3, 4] as (1 | 2 | 3 | 4)[] }]) await expectScopeMatches(filters, now);
    }
  });
});

/** The trend straight from the snapshots: each vendor in scope at its latest snapshot of each month in the window. */
function trendFromSnapshots(clock: Date, scope: ReturnType<typeof sql>) {
  const since = subMonths(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate()), 12).getTime();
  return db.all(sql`
    select month, count(*) as vendors, coalesce(sum(residual), 0) as totalResidual, round(avg(residual), 1) as averageResidual,
           coalesce(sum(band = 'low'), 0) as low, coalesce(sum(band = 'medium'), 0) as medium, coalesce(sum(band = 'high'), 0) as high,
           coalesce(sum(band = 'critical'), 0) as critical, sum(standing <> 'assessed') as notAssessed, sum(open_tasks) as openTasks, sum(overdue_tasks) as overdueTasks
    from (select s.*, strftime('%Y-%m', taken_at / 1000, 'unixepoch') as month,
                 row_number() over (partition by vendor_id, strftime('%Y-%m', taken_at / 1000, 'unixepoch') order by taken_at desc, id desc) as rn
          from risk_snapshots s where vendor_id in (select v.id from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active' and ${scope}))
    where rn = 1 and taken_at >= ${since} group by month order by month`);
}
