/**
 * Builders for test data. They write inputs (vendors, holdings, answers)
 * and let the server's own services compute every score.
 */
import { eq } from 'drizzle-orm';
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { HoldingInput } from '#shared/scoring/impact.ts';
import type { AccessLevel, ServiceType } from '#shared/taxonomy.ts';
import { answers, assessments, dataHoldings, integrations, remediationTasks, users, vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { SYSTEM_ACTOR } from '../../server/platform/audit/auditTrail.ts';
import { completeReview } from '../../server/assessments/review/completeReview.ts';
import { recomputeVendorRisk } from '../../server/risk/vendorRisk.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';

export const NOW = new Date('2026-06-15T09:00:00Z');

export interface VendorSpec {
  name: string;
  services?: ServiceType[];
  access?: AccessLevel;
  criticality?: 1 | 2 | 3 | 4 | 5;
  holdings?: Partial<HoldingInput>[];
  /** Integrations recorded for the vendor, by name (their access counts, and names the access path's reasons). */
  integrations?: { name: string; access: 'read' | 'write' | 'privileged' }[];
  status?: 'active' | 'archived';
}

export function createVendor(db: Db, spec: VendorSpec, now = NOW): number {
  return db.transaction((tx) => {
    const vendor = tx
      .insert(vendors)
      .values({
        name: spec.name,
        services: spec.services ?? [],
        accessLevel: spec.access ?? 'none',
        criticality: spec.criticality ?? 3,
        status: spec.status ?? 'active',
      })
      .returning({ id: vendors.id })
      .get();
    for (const h of spec.holdings ?? []) {
      tx.insert(dataHoldings)
        .values({
          vendorId: vendor.id,
          category: h.category ?? 'contact.email',
          subjects: h.subjects ?? 'customers',
          records: h.records ?? 100,
          needed: h.needed ?? true,
        })
        .run();
    }
    for (const i of spec.integrations ?? []) tx.insert(integrations).values({ vendorId: vendor.id, name: i.name, accessLevel: i.access }).run();
    recomputeVendorRisk(tx, vendor.id, now);
    return vendor.id;
  });
}

export function createUser(db: Db, id: string, role: 'admin' | 'procurement' | 'ciso' | 'auditor') {
  db.insert(users).values({ id, name: `User ${id}`, email: `${id}@tollgate.example`, role }).run();
  return id;
}

/** An assessment answered with `value` everywhere except `exceptions`, reviewed and completed at `completedAt`. */
export function completeAssessment(
  db: Db,
  vendorId: number,
  opts: { template?: 'core' | 'lite'; value?: AnswerValue; exceptions?: Record<string, AnswerValue | null>; completedAt?: Date } = {},
): number {
  const completedAt = opts.completedAt ?? NOW;
  return db.transaction((tx) => {
    const version = latestPublishedVersion(tx, opts.template ?? 'core');
    const assessment = tx
      .insert(assessments)
      .values({ vendorId, templateVersionId: version.id, status: 'in_review', submittedAt: completedAt, reviewStartedAt: completedAt })
      .returning({ id: assessments.id })
      .get();
    for (const control of version.content.controls) {
      const value = opts.exceptions && control.id in opts.exceptions ? opts.exceptions[control.id] : (opts.value ?? 'yes');
      if (value === null || value === undefined) continue;
      tx.insert(answers).values({ assessmentId: assessment.id, controlId: control.id, value, reviewStatus: 'accepted' }).run();
    }
    completeReview(tx, { assessmentId: assessment.id, actor: SYSTEM_ACTOR, now: completedAt });
    return assessment.id;
  });
}

export function setTaskStatus(db: Db, taskId: number, status: 'open' | 'in_progress' | 'ready_for_verification' | 'closed' | 'risk_accepted', now = NOW) {
  db.transaction((tx) => {
    const task = tx.update(remediationTasks).set({ status }).where(eq(remediationTasks.id, taskId)).returning().get();
    recomputeVendorRisk(tx, task.vendorId, now);
  });
}
