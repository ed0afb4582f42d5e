/**
 * The whole dashboard's aggregates as plain SQL on better-sqlite3: the
 * yardstick for `ratio_dashboard_vs_sql`. Each statement computes what one
 * part of the dashboard shows (unfiltered, as the page first opens), from
 * the same tables the server reads, with no ORM, no tRPC, no HTTP and no
 * cache. Each aggregate is computed once, even where today's server
 * computes it twice (failing controls). It is written by hand on purpose:
 * the yardstick must not move when the server's queries change.
 */
import Database from 'better-sqlite3';
import { subMonths } from 'date-fns';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { SNAPSHOT_REASONS } from '../../drizzle/schema/index.ts';

const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const ACTIVE_TASKS = list(ACTIVE_TASK_STATUSES);
const ASSESSED = '(r.assessment_id is not null and r.assessment_expires_at > @now)';
const STANDING = `case when r.assessment_id is null then 'not_assessed' when r.assessment_expires_at <= @now then 'expired' else 'assessed' end`;
const IN_SCOPE = `(select v.id from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active')`;
const FROM_SCOPE = `from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active'`;
const TOP_RISKS = `select v.id from vendors v join vendor_risk r on r.vendor_id = v.id where v.status = 'active'
  order by case when ${ASSESSED} then r.residual else r.inherent_residual end desc, r.impact desc,
           case when ${STANDING} = 'assessed' then 0 else 1 end, v.name limit 10`;

function trendsSql(now: Date): { sql: string; since: number } {
  const since = subMonths(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()), 12).getTime();
  const months: string[] = [];
  let start: number;
  do {
    start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months.length, 1);
    months.push(`when taken_at >= ${start} then '${new Date(start).toISOString().slice(0, 7)}'`);
  } while (start > since);
  return {
    since,
    sql: `select month, count(*), sum(residual), round(avg(residual), 1), sum(band = 'low'), sum(band = 'medium'), sum(band = 'high'), sum(band = 'critical'),
            sum(standing <> 'assessed'), sum(open_tasks), sum(overdue_tasks)
          from (select vendor_id, case ${months.join(' ')} end as month, max(taken_at), residual, band, standing, open_tasks, overdue_tasks
                from risk_snapshots where reason in ${list(SNAPSHOT_REASONS)} and taken_at >= @since and vendor_id in ${IN_SCOPE}
                group by vendor_id, month)
          group by month order by month`,
  };
}

/** Prepares every statement once on its own read-only connection; `run()` computes the whole dashboard once. */
export function dashboardSql(databaseFile: string, now: Date) {
  const db = new Database(databaseFile, { readonly: true });
  const trends = trendsSql(now);
  const statements = [
    // Heatmap: assessed vendors by likelihood x impact; the others apart, the first 200 listed and all counted.
    `select r.likelihood, r.impact, count(*) ${FROM_SCOPE} and ${ASSESSED} group by r.likelihood, r.impact`,
    `select v.id, v.name, r.impact, ${STANDING}, r.tier ${FROM_SCOPE} and not ${ASSESSED} order by r.impact desc, v.name limit 200`,
    `select count(*) ${FROM_SCOPE} and not ${ASSESSED}`,
    // Key figures: bands, tiers, overdue assessments, tasks by severity, records by category, assessed vendors.
    `select case when ${STANDING} = 'assessed' then r.band else 'not_assessed' end, ${STANDING}, count(*) ${FROM_SCOPE} group by 1, 2`,
    `select r.tier, count(*) ${FROM_SCOPE} group by r.tier`,
    `select count(*) from assessments where vendor_id in ${IN_SCOPE} and status in ('draft', 'sent', 'in_progress') and due_date is not null and due_date < @today`,
    `select severity, count(*), sum(due_date < @today) from remediation_tasks where vendor_id in ${IN_SCOPE} and status in ${ACTIVE_TASKS} group by severity`,
    `select category, sum(records), count(distinct vendor_id) from data_holdings where vendor_id in ${IN_SCOPE} and records > 0 group by category order by 2 desc`,
    `select count(*) ${FROM_SCOPE} and ${ASSESSED}`,
    // Failing controls across assessed vendors (key figures and the failing-controls panel share it).
    `select f.value, count(*) from vendors v join vendor_risk r on r.vendor_id = v.id, json_each(r.failing_controls) f where v.status = 'active' and ${ASSESSED} group by f.value`,
    // Data exposure: the 20 vendors holding most, their holdings by category, and every category across vendors.
    `select v.id, v.name, r.largest_holding ${FROM_SCOPE} and r.largest_holding > 0 order by r.largest_holding desc, v.name limit 20`,
    `select vendor_id, category, sum(records), sum(case when needed then 0 else records end) from data_holdings
       where vendor_id in (select v.id ${FROM_SCOPE} and r.largest_holding > 0 order by r.largest_holding desc, v.name limit 20) group by vendor_id, category`,
    `select category, count(distinct vendor_id), sum(records), sum(case when needed then 0 else records end), count(distinct case when needed then null else vendor_id end)
       from data_holdings where vendor_id in ${IN_SCOPE} and records > 0 group by category order by 3 desc`,
    // Fourth parties: sub-processors that two or more vendors share.
    `select lower(trim(s.name)), min(trim(s.name)), count(distinct v.id), group_concat(distinct v.id), group_concat(distinct s.country)
       from sub_processors s join vendors v on v.id = s.vendor_id join vendor_risk r on r.vendor_id = v.id where v.status = 'active'
       group by 1 having count(distinct v.id) >= 2 order by 3 desc, 2`,
    // Trends: twelve months, each vendor at its latest snapshot of the month.
    trends.sql,
    // Top risks, with their open and overdue tasks.
    `select v.id, v.name, r.tier, ${STANDING}, r.likelihood, r.impact, r.residual, r.band, r.inherent_residual, r.projected_residual, r.projected_band
       ${FROM_SCOPE} order by case when ${ASSESSED} then r.residual else r.inherent_residual end desc, r.impact desc,
       case when ${STANDING} = 'assessed' then 0 else 1 end, v.name limit 10`,
    `select vendor_id, count(*), sum(due_date < @today) from remediation_tasks where vendor_id in (${TOP_RISKS}) and status in ${ACTIVE_TASKS} group by vendor_id`,
    // The business owners offered as a filter.
    `select distinct business_owner from vendors where status = 'active' and business_owner is not null order by 1`,
  ].map((text) => {
    const params = { now: now.getTime(), today: now.toISOString().slice(0, 10), since: trends.since };
    // Each statement is given only the parameters it names.
    const bound = Object.fromEntries(Object.entries(params).filter(([name]) => text.includes(`@${name}`)));
    return { text, statement: db.prepare(text).raw(), bound };
  });
  return {
    /** Runs every statement once; returns how many rows came back (so the work cannot be skipped). */
    run(): number {
      let rows = 0;
      for (const { statement, bound } of statements) rows += statement.all(bound).length;
      return rows;
    },
    /** Each statement's time in ms, with the start of its SQL: where the aggregates' cost lies. */
    timeEach(): { sql: string; ms: number }[] {
      return statements.map(({ text, statement, bound }) => {
        const started = performance.now();
        statement.all(bound);
        return { sql: text.replace(/\s+/g, ' ').slice(0, 90), ms: performance.now() - started };
      });
    },
    close: () => db.close(),
  };
}
