/**
 * The dashboard's rollups (migrations 0018-0020, ADRs 0032, 0037 and 0040) stay exactly right.
 * Data changes only through the product's own paths, over real HTTP on a
 * real SQLite file: vendors created, assessed, archived and restored, tasks
 * moved through their lifecycle, a risk accepted, days passing so tasks
 * fall overdue, the monthly history job, and a CSV import. After each step
 * the dashboard's figures (tasks by severity, failing controls, records by
 * data category, the monthly trend, whole and filtered, the vendor list's
 * task counts and its open-tasks order) are compared with the same figures worked out from the
 * base tables, and each rollup table with what it should hold.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subMonths } from 'date-fns';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { assessments, users } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { recomputeAllVendorRisk, takeMonthlySnapshots } from '../../server/risk/index.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { completeAssessment } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let clock = new Date('2026-03-10T09:00:00Z');
let lead: StaffClient;
let second: StaffClient;
let ciso: StaffClient;
const vendorIds: number[] = [];
let leadId: string;

const ACTIVE = sql.raw(`(${ACTIVE_TASK_STATUSES.map((s) => `'${s}'`).join(', ')})`);
const today = () => clock.toISOString().slice(0, 10);
const nowMs = () => clock.getTime();

async function ok<T>(answer: Promise<{ status: number; data?: T; error?: { message: string } }>): Promise<T> {
  const a = await answer;
  expect(a.status, JSON.stringify(a.error)).toBe(200);
  return a.data as T;
}

/** Each rollup table against what it should hold, worked out from the base tables. */
function expectRollupTablesExact() {
  const rows = (q: ReturnType<typeof sql>) => db.all<Record<string, unknown>>(q);
  expect(rows(sql`select vendor_id, severity, due_date, open from vendor_task_counts order by 1, 2, 3`)).toEqual(
    rows(sql`select vendor_id, severity, due_date, count(*) as open from remediation_tasks where status in ${ACTIVE} group by 1, 2, 3 order by 1, 2, 3`),
  );
  expect(rows(sql`select vendor_id, open from vendor_open_tasks order by 1`)).toEqual(
    rows(sql`select vendor_id, count(*) as open from remediation_tasks where status in ${ACTIVE} group by 1 order by 1`),
  );
  expect(rows(sql`select severity, due_date, open from active_task_counts order by 1, 2`)).toEqual(
    rows(sql`select t.severity, t.due_date, count(*) as open from remediation_tasks t join vendors v on v.id = t.vendor_id
             where t.status in ${ACTIVE} and v.status = 'active' group by 1, 2 order by 1, 2`),
  );
  expect(rows(sql`select vendor_id, control_id from vendor_failing_controls order by 1, 2`)).toEqual(
    rows(sql`select r.vendor_id, f.value as control_id from vendor_risk r, json_each(r.failing_controls) f order by 1, 2`),
  );
  const latestPerMonth = sql`
    select vendor_id, month, id as snapshot_id, taken_at, standing, residual, band, open_tasks, overdue_tasks from (
      select s.*, strftime('%Y-%m', taken_at / 1000, 'unixepoch') as month,
             row_number() over (partition by vendor_id, strftime('%Y-%m', taken_at / 1000, 'unixepoch') order by taken_at desc, id desc) as rn
      from risk_snapshots s) where rn = 1`;
  expect(rows(sql`select vendor_id, month, snapshot_id, taken_at, standing, residual, band, open_tasks, overdue_tasks from risk_snapshot_months order by 1, 2`)).toEqual(
    rows(sql`${latestPerMonth} order by 1, 2`),
  );
  expect(rows(sql`select month, vendors, residual_sum, residual_count, low, medium, high, critical, not_assessed, open_tasks, overdue_tasks from risk_month_totals order by 1`)).toEqual(
    rows(sql`select m.month, count(*) as vendors, coalesce(sum(residual), 0) as residual_sum, count(residual) as residual_count,
                    sum(band is 'low') as low, sum(band is 'medium') as medium, sum(band is 'high') as high, sum(band is 'critical') as critical,
                    sum(standing <> 'assessed') as not_assessed, sum(open_tasks) as open_tasks, sum(overdue_tasks) as overdue_tasks
             from (${latestPerMonth}) m join vendors v on v.id = m.vendor_id where v.status = 'active' group by 1 order by 1`),
  );
  expect(rows(sql`select control_id, expires_day, vendors from failing_control_days order by 1, 2`)).toEqual(
    rows(sql`select f.value as control_id, coalesce(r.assessment_expires_at / 86400000, 2147483647) as expires_day, count(distinct r.vendor_id) as vendors
             from vendors v join vendor_risk r on r.vendor_id = v.id, json_each(r.failing_controls) f
             where v.status = 'active' and r.assessment_id is not null group by 1, 2 order by 1, 2`),
  );
  expect(rows(sql`select expires_day, tier, band, likelihood, impact, vendors from vendor_position_days order by 1, 2, 3, 4, 5`)).toEqual(
    rows(sql`select case when r.assessment_id is null then -1 else coalesce(r.assessment_expires_at / 86400000, 2147483647) end as expires_day,
                    r.tier, coalesce(r.band, '') as band, coalesce(r.likelihood, 0) as likelihood, r.impact, count(*) as vendors
             from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active' group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
  );
  expect(rows(sql`select category, vendors, records, excess_vendors, excess_records from data_category_totals order by 1`)).toEqual(rows(sql`${recordsByCategoryFromHoldings()} order by 1`));
}

/** Records per data category over the active vendors' holdings, as the dashboard defines it. */
const recordsByCategoryFromHoldings = () => sql`
  select h.category, count(distinct h.vendor_id) as vendors, sum(h.records) as records,
         count(distinct case when h.needed then null else h.vendor_id end) as excess_vendors, sum(case when h.needed then 0 else h.records end) as excess_records
  from data_holdings h join vendors v on v.id = h.vendor_id where v.status = 'active' and h.records > 0 group by 1`;

type Trend = { month: string; vendors: number; totalResidual: number; averageResidual: number | null; low: number; medium: number; high: number; critical: number; notAssessed: number; openTasks: number; overdueTasks: number };

/** The trend as the dashboard defines it, straight from the snapshots: each vendor in scope at its latest snapshot of each month in the window. */
function trendFromSnapshots(scope: ReturnType<typeof sql>): Trend[] {
  const since = subMonths(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate()), 12).getTime();
  return db.all<Trend>(sql`
    select month, count(*) as vendors, coalesce(sum(residual), 0) as totalResidual, round(avg(residual), 1) as averageResidual,
           coalesce(sum(band = 'low'), 0) as low, coalesce(sum(band = 'medium'), 0) as medium, coalesce(sum(band = 'high'), 0) as high,
           coalesce(sum(band = 'critical'), 0) as critical, sum(standing <> 'assessed') as notAssessed, sum(open_tasks) as openTasks, sum(overdue_tasks) as overdueTasks
    from (select s.*, strftime('%Y-%m', taken_at / 1000, 'unixepoch') as month,
                 row_number() over (partition by vendor_id, strftime('%Y-%m', taken_at / 1000, 'unixepoch') order by taken_at desc, id desc) as rn
          from risk_snapshots s where taken_at >= ${since} and vendor_id in (select v.id from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active' and ${scope}))
    where rn = 1 group by month order by month`);
}

/** What a CISO sees on the dashboard and the vendor list, against the same figures from the base tables. */
async function expectDashboardMatchesBaseTables() {
  const figures = await ok(ciso.trpcQuery<{ tasks: Record<string, { open: number; overdue: number }> }>('dashboard.keyFigures', { filters: {} }));
  const tasks = db.all<{ severity: string; open: number; overdue: number }>(
    sql`select severity, count(*) as open, sum(due_date < ${today()}) as overdue from remediation_tasks
        where status in ${ACTIVE} and vendor_id in (select id from vendors where status = 'active') group by severity`,
  );
  for (const severity of ['critical', 'high', 'medium', 'low']) {
    const base = tasks.find((t) => t.severity === severity);
    expect(figures.tasks[severity], severity).toEqual({ open: base?.open ?? 0, overdue: base?.overdue ?? 0 });
  }

  const panel = await ok(ciso.trpcQuery<{ domains: { controls: { controlId: string; failing: number }[] }[] }>('dashboard.failingControls', { filters: {} }));
  const failing = new Map(
    db
      .all<{ controlId: string; n: number }>(
        sql`select f.value as controlId, count(*) as n from vendors v join vendor_risk r on r.vendor_id = v.id, json_each(r.failing_controls) f
            where v.status = 'active' and r.assessment_id is not null and r.assessment_expires_at > ${nowMs()} group by f.value`,
      )
      .map((r) => [r.controlId, r.n]),
  );
  for (const c of panel.domains.flatMap((d) => d.controls)) expect(c.failing, c.controlId).toBe(failing.get(c.controlId) ?? 0);
  expect(panel.domains.flatMap((d) => d.controls).reduce((n, c) => n + c.failing, 0)).toBe([...failing.values()].reduce((a, b) => a + b, 0));

  type Category = { category: string; vendors: number; records: number; excessRecords: number; excessVendors: number };
  const categories = db
    .all<{ category: string; vendors: number; records: number; excess_vendors: number; excess_records: number }>(sql`${recordsByCategoryFromHoldings()} order by records desc, category`)
    .map((c) => ({ category: c.category, vendors: c.vendors, records: c.records, excessRecords: c.excess_records, excessVendors: c.excess_vendors }));
  const exposure = await ok(ciso.trpcQuery<{ byCategory: Category[] }>('dashboard.dataExposure', { filters: {} }));
  expect(exposure.byCategory).toEqual(categories);
  const keyFigures = await ok(ciso.trpcQuery<{ recordsByCategory: Omit<Category, 'excessRecords' | 'excessVendors'>[] }>('dashboard.keyFigures', { filters: {} }));
  expect(keyFigures.recordsByCategory).toEqual(categories.map(({ category, records, vendors }) => ({ category, records, vendors })));

  expect(await ok(ciso.trpcQuery<Trend[]>('dashboard.trends', { filters: {} }))).toEqual(trendFromSnapshots(sql`1`));
  expect(await ok(ciso.trpcQuery<Trend[]>('dashboard.trends', { filters: { tiers: [1, 2] } }))).toEqual(trendFromSnapshots(sql`r.tier in (1, 2)`));

  const list = await ok(ciso.trpcQuery<{ rows: { id: number; openTasks: number; overdueTasks: number }[] }>('vendors.list', { sort: 'openTasks', direction: 'desc', pageSize: 50 }));
  const perVendor = new Map(
    db
      .all<{ vendorId: number; open: number; overdue: number }>(
        sql`select vendor_id as vendorId, count(*) as open, sum(due_date < ${today()}) as overdue from remediation_tasks where status in ${ACTIVE} group by vendor_id`,
      )
      .map((r) => [r.vendorId, r]),
  );
  for (const row of list.rows) expect([row.id, row.openTasks, row.overdueTasks]).toEqual([row.id, perVendor.get(row.id)?.open ?? 0, perVendor.get(row.id)?.overdue ?? 0]);
  const order = list.rows.map((r) => r.openTasks);
  expect(order).toEqual([...order].sort((a, b) => b - a));
}

function expectAllExact() {
  expectRollupTablesExact();
  return expectDashboardMatchesBaseTables();
}

async function tasksOf(vendorId: number) {
  return (await ok(lead.trpcQuery<{ tasks: { id: number; status: string }[] }>('tasks.list', { vendorId }))).tasks;
}

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db, { now: () => clock });
  const clients: StaffClient[] = [];
  const ids: string[] = [];
  for (const [role, email] of [
    ['procurement', 'lead@tollgate.example'],
    ['procurement', 'second@tollgate.example'],
    ['ciso', 'ciso@tollgate.example'],
  ] as const) {
    ids.push((await createUserWithPassword(server.auth, role, email)).id);
    const client = new StaffClient(server.base);
    expect((await client.signIn(email)).status).toBe(200);
    clients.push(client);
  }
  [lead, second, ciso] = clients as [StaffClient, StaffClient, StaffClient];
  leadId = ids[0]!;
  expect(db.select().from(users).all()).toHaveLength(3);
});

afterAll(async () => {
  await server?.close();
});

describe('dashboard rollups', () => {
  it('match the base tables as vendors are created, assessed and their tasks move, a risk is accepted and tasks fall overdue', async () => {
    for (const [name, criticality] of [['Skyline Loyalty', 5], ['Harbour Payroll', 4], ['Quill Print', 2], ['Northwind Help Desk', 3]] as const) {
      const created = await ok(lead.trpcMutation<{ vendorId: number }>('vendors.create', { name, criticality }));
      vendorIds.push(created.vendorId);
      await ok(lead.trpcMutation('vendors.upsertHolding', { vendorId: created.vendorId, category: 'contact.name', subjects: 'customers', records: 100_000 * criticality }));
    }
    await expectAllExact();

    // Two vendors assessed with gaps (tasks raised), one clean; one never assessed.
    completeAssessment(db, vendorIds[0]!, { completedAt: clock, value: 'no' });
    completeAssessment(db, vendorIds[1]!, { completedAt: clock, value: 'partial' });
    completeAssessment(db, vendorIds[2]!, { completedAt: clock, value: 'yes' });
    await expectAllExact();

    // A questionnaire answered through the vendor's link and completed through the review, as in the product.
    const version = latestPublishedVersion(db, 'lite');
    const assessmentId = db.insert(assessments).values({ vendorId: vendorIds[3]!, templateVersionId: version.id, status: 'draft', dueDate: '2026-04-15' }).returning().get().id;
    const link = await ok(lead.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@northwind.example' }));
    const cookie = (await linkClient(server.base).openLink(link.url)).cookie!;
    expect((await linkClient(server.base).portal(cookie, 'submit', { confirmUnanswered: true }, 'POST')).status).toBe(200);
    await ok(lead.trpcMutation('assessments.transition', { assessmentId, to: 'in_review' }));
    await ok(lead.trpcMutation('assessments.transition', { assessmentId, to: 'completed' }));
    await expectAllExact();

    // Tasks move: in progress, ready, verified by someone else (closed), and a risk accepted by the CISO.
    const [first, second_, third] = await tasksOf(vendorIds[0]!);
    await ok(lead.trpcMutation('tasks.assign', { taskIds: [first!.id, second_!.id], ownerId: leadId }));
    await ok(lead.trpcMutation('tasks.transition', { taskId: first!.id, to: 'in_progress' }));
    await ok(lead.trpcMutation('tasks.transition', { taskId: second_!.id, to: 'ready_for_verification', note: 'Fixed in the admin console.' }));
    await ok(second.trpcMutation('tasks.transition', { taskId: second_!.id, to: 'closed', note: 'Checked the console export.' }));
    await ok(ciso.trpcMutation('tasks.transition', { taskId: third!.id, to: 'risk_accepted', justification: 'Compensating control in place at the network edge.', expiresOn: '2026-09-01' }));
    await expectAllExact();

    // Weeks pass: tasks fall overdue, with no write at all; the dashboard counts them on the new day.
    clock = new Date('2026-05-20T09:00:00Z');
    await expectAllExact();
    const overdue = await ok(ciso.trpcQuery<{ tasks: Record<string, { overdue: number }> }>('dashboard.keyFigures', { filters: {} }));
    expect(Object.values(overdue.tasks).reduce((n, t) => n + t.overdue, 0)).toBeGreaterThan(0);
  });

  it('match the base tables through the monthly history, archiving and restoring, and a CSV import', async () => {
    // The monthly job gives every active vendor a place in May and June.
    takeMonthlySnapshots(db, clock);
    clock = new Date('2026-06-03T09:00:00Z');
    takeMonthlySnapshots(db, clock);
    await expectAllExact();

    // Archived: out of every figure and every month of the trend; restored: back in all of them.
    await ok(lead.trpcMutation('vendors.archive', { id: vendorIds[0]! }));
    await expectAllExact();
    const trend = await ok(ciso.trpcQuery<Trend[]>('dashboard.trends', { filters: {} }));
    expect(trend.every((m) => m.vendors === 3)).toBe(true);
    await ok(lead.trpcMutation('vendors.restore', { id: vendorIds[0]! }));
    await expectAllExact();

    // A profile edit that moves a position, on the same day as the month's snapshot: the later one counts.
    await ok(lead.trpcMutation('vendors.upsertHolding', { vendorId: vendorIds[2]!, category: 'financial.payment_card', subjects: 'customers', records: 2_000_000 }));
    await expectAllExact();

    // An import: new vendors and their holdings, planned in the worker and written in one transaction.
    const vendorsCsv = ['name,criticality', 'Imported Alpha,4', 'Imported Beta,2'].join('\n');
    expect((await ok(lead.trpcMutation<{ counts: { rows: number } }>('vendors.commitImport', { kind: 'vendors', csv: vendorsCsv }))).counts.rows).toBe(2);
    const holdingsCsv = ['vendor,category,records,needed', 'Imported Alpha,contact.email,50000,yes', 'Imported Beta,health,900,no', 'Skyline Loyalty,contact.phone,10000,yes'].join('\n');
    expect((await ok(lead.trpcMutation<{ counts: { rows: number } }>('vendors.commitImport', { kind: 'holdings', csv: holdingsCsv }))).counts.rows).toBe(3);
    await expectAllExact();
  });

  it('match the base tables as holdings change, an assessment expires part-way through its day, positions are rescored and a vendor is deleted outright', async () => {
    // Holdings: a second holding of a category the vendor already holds, one held without need, one emptied, one removed.
    const [alpha, beta] = ['Imported Alpha', 'Imported Beta'].map((name) => db.all<{ id: number }>(sql`select id from vendors where name = ${name}`)[0]!.id);
    const added = (await ok(lead.trpcMutation<{ holding: { id: number } }>('vendors.upsertHolding', { vendorId: alpha!, category: 'contact.email', subjects: 'employees', records: 700, needed: false }))).holding;
    await expectAllExact();
    await ok(lead.trpcMutation('vendors.upsertHolding', { vendorId: alpha!, id: added.id, category: 'contact.email', subjects: 'employees', records: 0, needed: false }));
    await expectAllExact();
    await ok(lead.trpcMutation('vendors.upsertHolding', { vendorId: alpha!, id: added.id, category: 'health', subjects: 'employees', records: 40, needed: false }));
    await expectAllExact();
    await ok(lead.trpcMutation('vendors.deleteHolding', { id: added.id }));
    await expectAllExact();

    // The day an assessment expires: in the morning it still vouches, a minute after its time it no longer does, with no
    // write. Its expiry is set by hand to a minute from now: the sessions of this test cannot live a year on.
    const expiring = db.all<{ vendorId: number }>(sql`select vendor_id as vendorId from vendor_risk where assessment_id is not null and failing_controls <> '[]' order by 1 limit 1`)[0]!;
    db.run(sql`update vendor_risk set assessment_expires_at = ${nowMs() + 60_000} where vendor_id = ${expiring.vendorId}`);
    const failingOf = async () =>
      (await ok(ciso.trpcQuery<{ domains: { controls: { failing: number }[] }[] }>('dashboard.failingControls', { filters: {} }))).domains.flatMap((d) => d.controls).reduce((n, c) => n + c.failing, 0);
    expect(clock.toISOString().slice(0, 10)).toBe(new Date(nowMs() + 120_000).toISOString().slice(0, 10));
    await expectAllExact();
    const before = await failingOf();
    clock = new Date(nowMs() + 120_000);
    await expectAllExact();
    expect(await failingOf()).toBeLessThan(before);

    // Rescoring every vendor: a position left stale by hand (no failing controls, another expiry) is put back, and the
    // rollups follow both the stale write and the rescore.
    db.run(sql`update vendor_risk set failing_controls = '[]', assessment_expires_at = assessment_expires_at + 86400000 * 3 where vendor_id = ${vendorIds[1]!}`);
    db.run(sql`update vendor_risk set assessment_id = null where vendor_id = ${vendorIds[3]!}`);
    await expectAllExact();
    db.transaction((tx) => recomputeAllVendorRisk(tx, clock));
    await expectAllExact();

    // A vendor deleted outright (no product path does; a hand-run statement might): its holdings and position cascade.
    db.run(sql`delete from vendors where id = ${beta!}`);
    await expectAllExact();
  });
});
