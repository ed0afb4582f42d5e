/**
 * The risk inputs, stored positions and active-task counts of many vendors
 * at once, for bulk writers such as imports: a handful of set-based queries
 * in place of about ten per vendor. Each vendor's inputs are exactly what
 * loadRiskInputs reads for it alone (tests/integration/imports.test.ts
 * compares the stored results).
 */
import { and, asc, desc, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { toIsoDate } from '#shared/dates.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { answers, assessments, dataHoldings, integrations, remediationTasks, templateVersions, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { allDecoded } from '../platform/db/decodedRows.ts';
import type { RiskInputs } from './vendorRisk.ts';
import { answerMapFrom } from './vendorProfile.ts';

/** `column in (ids)` with the ids as one JSON parameter: no limit on how many, one statement to prepare. */
export function idsIn(column: SQLiteColumn, ids: readonly number[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A stored holding as the engine reads it, with its id, so a bulk writer can replace it in place. */
export type StoredHolding = RiskInputs['profile']['holdings'][number] & { id: number };
export type BulkRiskInputs = Omit<RiskInputs, 'profile'> & { profile: Omit<RiskInputs['profile'], 'holdings'> & { holdings: StoredHolding[] } };

/** Risk inputs of each vendor in `vendorIds` that exists, keyed by vendor id. */
export function loadRiskInputsFor(tx: Db | Tx, vendorIds: readonly number[]): Map<number, BulkRiskInputs> {
  const result = new Map<number, BulkRiskInputs>();
  if (vendorIds.length === 0) return result;
  // The queries whose rows grow with the portfolio are decoded by allDecoded: drizzle's own row mapping cost more
  // than SQLite's read of them (decodedRows.ts).
  const vendorRows = allDecoded({ id: vendors.id, services: vendors.services, access: vendors.accessLevel, criticality: vendors.criticality, tierOverride: vendors.tierOverride }, (fields) =>
    tx.select(fields).from(vendors).where(idsIn(vendors.id, vendorIds)),
  );
  const holdings = groupBy(
    allDecoded(
      { id: dataHoldings.id, vendorId: dataHoldings.vendorId, category: dataHoldings.category, subjects: dataHoldings.subjects, records: dataHoldings.records, needed: dataHoldings.needed },
      (fields) => tx.select(fields).from(dataHoldings).where(idsIn(dataHoldings.vendorId, vendorIds)).orderBy(asc(dataHoldings.id)),
    ),
    (h) => h.vendorId,
  );
  const connected = groupBy(
    allDecoded({ vendorId: integrations.vendorId, name: integrations.name, access: integrations.accessLevel }, (fields) =>
      tx.select(fields).from(integrations).where(idsIn(integrations.vendorId, vendorIds)).orderBy(asc(integrations.id)),
    ),
    (i) => i.vendorId,
  );

  // The latest completed assessment of each vendor: newest completion first, then the highest id.
  const latest = new Map<number, { id: number; completedAt: Date; templateVersionId: number }>();
  const completed = allDecoded({ id: assessments.id, vendorId: assessments.vendorId, completedAt: assessments.completedAt, templateVersionId: assessments.templateVersionId }, (fields) =>
    tx
      .select(fields)
      .from(assessments)
      // `+status`: left to choose, SQLite walked every completed assessment by the status index and filtered by vendor
      // (15 ms a chunk of 500 vendors at 10,000 vendors, about 300 ms of a full rescore); by the vendor index, 1.2 ms.
      .where(and(idsIn(assessments.vendorId, vendorIds), sql`+${assessments.status} = 'completed'`, isNotNull(assessments.completedAt)))
      .orderBy(asc(assessments.vendorId), desc(assessments.completedAt), desc(assessments.id)),
  );
  for (const a of completed) if (!latest.has(a.vendorId) && a.completedAt) latest.set(a.vendorId, { id: a.id, completedAt: a.completedAt, templateVersionId: a.templateVersionId });
  const assessmentIds = [...latest.values()].map((a) => a.id);
  const templateIds = [...new Set([...latest.values()].map((a) => a.templateVersionId))];
  const contents = new Map(
    templateIds.length ? tx.select({ id: templateVersions.id, content: templateVersions.content, template: templateVersions.template }).from(templateVersions).where(idsIn(templateVersions.id, templateIds)).all().map((t) => [t.id, askedVersion(t).questions]) : [],
  );
  const answerRows = groupBy(
    assessmentIds.length
      ? allDecoded(
          {
            assessmentId: answers.assessmentId,
            controlId: answers.controlId,
            value: answers.value,
            response: answers.response,
            reviewStatus: answers.reviewStatus,
            // Whether it is last time's answer still waiting for the vendor, which answerMapFrom leaves out as the vendor's own rescore does.
            carriedOver: answers.carriedOver,
            confirmedAt: answers.confirmedAt,
          },
          (fields) => tx.select(fields).from(answers).where(idsIn(answers.assessmentId, assessmentIds)),
        )
      : [],
    (a) => a.assessmentId,
  );
  const taskRows = groupBy(
    assessmentIds.length
      ? allDecoded(
          { assessmentId: remediationTasks.assessmentId, controlId: remediationTasks.controlId, status: remediationTasks.status, acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn },
          (fields) => tx.select(fields).from(remediationTasks).where(idsIn(remediationTasks.assessmentId, assessmentIds)).orderBy(asc(remediationTasks.id)),
        )
      : [],
    (t) => t.assessmentId,
  );

  for (const v of vendorRows) {
    const last = latest.get(v.id);
    const content = last ? contents.get(last.templateVersionId) : undefined;
    result.set(v.id, {
      tierOverride: v.tierOverride,
      profile: {
        services: v.services,
        access: v.access,
        integrations: (connected.get(v.id) ?? []).map(({ name, access }) => ({ name, access })),
        criticality: v.criticality,
        holdings: (holdings.get(v.id) ?? []).map(({ vendorId: _v, ...h }) => h),
      },
      latest:
        last && content
          ? {
              id: last.id,
              completedAt: last.completedAt,
              questions: content,
              answers: answerMapFrom(answerRows.get(last.id) ?? []),
              // With the acceptance's end, as loadRiskInputs reads it: an accepted risk past its date scores as open again.
              tasks: (taskRows.get(last.id) ?? []).map(({ controlId, status, acceptanceExpiresOn }) => ({ controlId, status, acceptanceExpiresOn })),
            }
          : null,
    });
  }
  return result;
}

/** The stored positions of these vendors, keyed by vendor id. */
export function storedRiskFor(tx: Db | Tx, vendorIds: readonly number[]) {
  if (vendorIds.length === 0) return new Map<number, typeof vendorRisk.$inferSelect>();
  return new Map(tx.select().from(vendorRisk).where(idsIn(vendorRisk.vendorId, vendorIds)).all().map((r) => [r.vendorId, r]));
}

/** Open and overdue remediation tasks of these vendors at `at`, as a snapshot counts them. */
export function activeTaskCountsFor(tx: Db | Tx, vendorIds: readonly number[], at: Date): Map<number, { open: number; overdue: number }> {
  if (vendorIds.length === 0) return new Map();
  const today = toIsoDate(at);
  const rows = tx
    .select({
      vendorId: remediationTasks.vendorId,
      open: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(case when ${remediationTasks.dueDate} < ${today} then 1 else 0 end), 0)`,
    })
    .from(remediationTasks)
    .where(and(idsIn(remediationTasks.vendorId, vendorIds), inArray(remediationTasks.status, ACTIVE_TASK_STATUSES)))
    .groupBy(remediationTasks.vendorId)
    .all();
  return new Map(rows.map((r) => [r.vendorId, { open: r.open, overdue: r.overdue }]));
}
