/**
 * Keeps vendor_risk, each vendor's stored current position, in step with
 * its inputs. Call inside the transaction that changed a vendor's profile,
 * holdings, answers or tasks.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { toIsoDate } from '#shared/dates.ts';
import { standingAt } from '#shared/standing.ts';
import { ACTIVE_TASK_STATUSES, type AssessmentStanding, type TaskStatus } from '#shared/statuses.ts';
import { getDataCategory } from '#shared/taxonomy.ts';
import { INHERENT_LIKELIHOOD, type Tier } from '#shared/scoring/constants.ts';
import { asDomainScores } from '#shared/scoring/controlScore.ts';
import type { QuestionAnswerMap, ScoredQuestion } from '#shared/scoring/questionScore.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { computeInherentImpact, type HoldingInput } from '#shared/scoring/impact.ts';
import { needsRemediation } from '#shared/scoring/remediation.ts';
import { bandForResidual, computeResidualRisk } from '#shared/scoring/residual.ts';
import { remediatedQuestionnairePositions } from '#shared/remediation/riskOverlay.ts';
import type { VendorProfile } from '#shared/scoring/scoreVendor.ts';
import { suggestTier } from '#shared/scoring/tier.ts';
import { DEFAULT_CADENCE_MONTHS, nextAssessmentDue, type CadenceMonths } from '#shared/remediation/cadence.ts';
import { getCadence } from '../reminders/index.ts';
import { assessments, remediationTasks, riskSnapshots, templateVersions, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { loadAnswerMap, loadVendorProfile } from './vendorProfile.ts';

/** The category that would hurt most if breached; ties go to the larger holding. */
export function mostSensitiveCategory(holdings: readonly HoldingInput[]) {
  let best: { category: HoldingInput['category']; level: number; records: number } | null = null;
  for (const h of holdings) {
    if (h.records <= 0) continue;
    const level = getDataCategory(h.category).level + (h.subjects === 'children' ? 1 : 0);
    if (!best || level > best.level || (level === best.level && h.records > best.records)) {
      best = { category: h.category, level, records: h.records };
    }
  }
  return best?.category ?? null;
}

function latestCompletedAssessment(tx: Db | Tx, vendorId: number) {
  return tx
    .select({ id: assessments.id, completedAt: assessments.completedAt, content: templateVersions.content, template: templateVersions.template })
    .from(assessments)
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .where(and(eq(assessments.vendorId, vendorId), eq(assessments.status, 'completed'), isNotNull(assessments.completedAt)))
    .orderBy(desc(assessments.completedAt), desc(assessments.id))
    .limit(1)
    .get();
}

/** Everything a vendor's position is computed from. */
export interface RiskInputs {
  tierOverride: Tier | null;
  profile: VendorProfile;
  /** The latest completed assessment, with its answers and the status of each task it raised. */
  latest: { id: number; completedAt: Date; questions: readonly ScoredQuestion[]; answers: QuestionAnswerMap; tasks: readonly { controlId: string; status: TaskStatus; acceptanceExpiresOn?: string | null }[] } | null;
}

/** Reads one vendor's risk inputs; bulk writers such as imports read many at once (riskInputs.ts). */
export function loadRiskInputs(tx: Db | Tx, vendorId: number): RiskInputs {
  const vendor = tx.select({ tierOverride: vendors.tierOverride }).from(vendors).where(eq(vendors.id, vendorId)).get();
  if (!vendor) throw notFound('The vendor');
  const latest = latestCompletedAssessment(tx, vendorId);
  return {
    tierOverride: vendor.tierOverride,
    profile: loadVendorProfile(tx, vendorId),
    latest: latest?.completedAt
      ? {
          id: latest.id,
          completedAt: latest.completedAt,
          questions: askedVersion(latest).questions,
          answers: loadAnswerMap(tx, latest.id),
          tasks: tx
            .select({ controlId: remediationTasks.controlId, status: remediationTasks.status, acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn })
            .from(remediationTasks)
            .where(eq(remediationTasks.assessmentId, latest.id))
            .orderBy(asc(remediationTasks.id))
            .all(),
        }
      : null,
  };
}

/** The part of a position that comes from the latest completed assessment; all null without one. */
type AssessedFields = {
  [K in
    | 'assessmentId'
    | 'assessedAt'
    | 'assessmentExpiresAt'
    | 'score'
    | 'grade'
    | 'likelihood'
    | 'residual'
    | 'band'
    | 'projectedResidual'
    | 'projectedBand'
    | 'domains'
    | 'failingControls']: (typeof vendorRisk.$inferSelect)[K];
};

/** The vendor's stored position as the engine computes it from its inputs. Pure: the one place this is worked out. */
export function computeVendorRisk(vendorId: number, inputs: RiskInputs, now: Date, cadence: Readonly<CadenceMonths> = DEFAULT_CADENCE_MONTHS) {
  const { profile, latest } = inputs;
  const impact = computeInherentImpact(profile);
  const suggestedTier = suggestTier(impact.impact, profile.criticality);
  const tier: Tier = inputs.tierOverride ?? suggestedTier;
  const inherentResidual = computeResidualRisk(INHERENT_LIKELIHOOD, impact.impact);

  let assessed: AssessedFields = {
    assessmentId: null,
    assessedAt: null,
    assessmentExpiresAt: null,
    score: null,
    grade: null,
    likelihood: null,
    residual: null,
    band: null,
    projectedResidual: null,
    projectedBand: null,
    domains: null,
    failingControls: null,
  };
  if (latest) {
    // The effect of remediation (docs/scoring.md section 14): a verified task's control counts as met, an accepted
    // risk keeps failing, and the projection verifies only what is still waiting on a fix.
    const overlayTasks = latest.tasks.map((t, i) => ({ id: i, assessmentId: latest.id, controlId: t.controlId, status: t.status, acceptanceExpiresOn: t.acceptanceExpiresOn ?? null }));
    // The positions alone (scoreQuestionnaireWithRemediation's, without the task drafts and summaries nothing here keeps).
    const { current, projected } = remediatedQuestionnairePositions({ ...profile, questions: latest.questions, answers: latest.answers }, latest.id, overlayTasks, now);
    assessed = {
      assessmentId: latest.id,
      assessedAt: latest.completedAt,
      // The organisation's cadence setting, so "not assessed" and the re-assessment lists agree.
      assessmentExpiresAt: nextAssessmentDue(tier, latest.completedAt, cadence),
      score: current.score.score,
      grade: current.score.grade,
      likelihood: current.likelihood.likelihood,
      residual: current.residual,
      band: current.band,
      projectedResidual: projected.residual,
      projectedBand: projected.band,
      // Every section of the template, a custom one too, so a custom question's failure shows on the vendor page's
      // chart as it does in the report (for Core and Lite the sections are the catalogue's domains).
      domains: asDomainScores(current.score.sections),
      failingControls: current.score.questions.filter((r) => r.question.domain !== null && needsRemediation(r)).map((r) => r.question.id),
    };
  }

  return {
    vendorId,
    impact: impact.impact,
    sensitivity: impact.sensitivity,
    volumeBand: impact.volumeBand,
    suggestedTier,
    tier,
    largestHolding: impact.largestHolding,
    mostSensitiveCategory: mostSensitiveCategory(profile.holdings),
    excessData: impact.excessCategories.length > 0,
    inherentResidual,
    inherentBand: bandForResidual(inherentResidual),
    ...assessed,
    computedAt: now,
  };
}
export type ComputedRisk = ReturnType<typeof computeVendorRisk>;

/** Recomputes and stores the vendor's position; returns what was stored. */
export function recomputeVendorRisk(tx: Db | Tx, vendorId: number, now: Date) {
  const row = computeVendorRisk(vendorId, loadRiskInputs(tx, vendorId), now, getCadence(tx));
  tx.insert(vendorRisk).values(row).onConflictDoUpdate({ target: vendorRisk.vendorId, set: row }).run();
  return row;
}

/** The fields of a stored position that a snapshot copies. */
type SnapshotSource = Pick<typeof vendorRisk.$inferSelect, 'assessmentId' | 'tier' | 'impact' | 'inherentResidual' | 'score' | 'grade' | 'likelihood' | 'residual' | 'band'> & {
  assessmentExpiresAt?: Date | null | undefined;
};

/**
 * A snapshot of a position as it stands at `at`: an assessment past its
 * re-assessment date no longer vouches for the vendor, so the snapshot
 * says "expired" and carries no residual. Pure.
 */
export function snapshotValues(
  risk: SnapshotSource & { vendorId: number },
  tasks: { open: number; overdue: number },
  at: Date,
  reason: (typeof riskSnapshots.$inferInsert)['reason'],
  assessmentId: number | null = null,
): typeof riskSnapshots.$inferInsert {
  const standing: AssessmentStanding = standingAt(risk.assessmentId, risk.assessmentExpiresAt ?? null, at);
  const current = standing === 'assessed';
  return {
    vendorId: risk.vendorId,
    assessmentId: assessmentId ?? risk.assessmentId,
    takenAt: at,
    reason,
    tier: risk.tier,
    impact: risk.impact,
    inherentResidual: risk.inherentResidual,
    standing,
    score: current ? risk.score : null,
    grade: current ? risk.grade : null,
    likelihood: current ? risk.likelihood : null,
    residual: current ? risk.residual : null,
    band: current ? risk.band : null,
    openTasks: tasks.open,
    overdueTasks: tasks.overdue,
    createdAt: at,
  };
}

/**
 * Records the vendor's stored position in its history, as it stands at
 * `at` (see snapshotValues).
 */
export function takeRiskSnapshot(
  tx: Db | Tx,
  vendorId: number,
  at: Date,
  reason: (typeof riskSnapshots.$inferInsert)['reason'],
  assessmentId: number | null = null,
): void {
  const risk = tx.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get();
  if (!risk) throw notFound('The vendor risk record');
  const today = toIsoDate(at);
  const counts = tx
    .select({
      open: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(case when ${remediationTasks.dueDate} < ${today} then 1 else 0 end), 0)`,
    })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.vendorId, vendorId), inArray(remediationTasks.status, ACTIVE_TASK_STATUSES)))
    .get();
  tx.insert(riskSnapshots)
    .values(snapshotValues(risk, { open: counts?.open ?? 0, overdue: counts?.overdue ?? 0 }, at, reason, assessmentId))
    .run();
}

const POSITION_FIELDS = ['tier', 'impact', 'inherentResidual', 'likelihood', 'residual', 'band'] as const;
type Position = { [K in (typeof POSITION_FIELDS)[number]]?: (typeof vendorRisk.$inferSelect)[K] | undefined };

/** Whether a change moved the vendor's position (a new vendor has none before): such a change is recorded in its history. */
export function positionMoved(before: Position | null | undefined, after: Position): boolean {
  return !before || POSITION_FIELDS.some((field) => before[field] !== after[field]);
}

/**
 * Recomputes after an edit to a vendor's profile or holdings and, when its
 * position moved (or the vendor is new), records it in the vendor's history,
 * so trends and the vendor's timeline show the change in the month it happened.
 */
export function applyProfileChange(tx: Db | Tx, vendorId: number, now: Date): void {
  const before = tx.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get();
  const after = recomputeVendorRisk(tx, vendorId, now);
  if (positionMoved(before, after)) takeRiskSnapshot(tx, vendorId, now, 'profile_change');
}

/**
 * Makes sure every active vendor has a place in this month's history: the
 * vendors with no snapshot since the first of the month (UTC) get one now,
 * at most `limit` of them per call (one short transaction each, so a large
 * portfolio never holds the server for long); returns how many it took.
 * Idempotent, so it runs at every start and on a timer, and a server that
 * was down at the turn of the month catches up when it comes back.
 */
export function takeMonthlySnapshots(db: Db, now: Date, limit = Number.MAX_SAFE_INTEGER): number {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return db.transaction((tx) => {
    const due = tx
      .select({ id: vendors.id })
      .from(vendors)
      .where(
        and(
          eq(vendors.status, 'active'),
          notExists(tx.select({ one: sql`1` }).from(riskSnapshots).where(and(eq(riskSnapshots.vendorId, vendors.id), gte(riskSnapshots.takenAt, monthStart)))),
        ),
      )
      .limit(limit)
      .all();
    for (const v of due) takeRiskSnapshot(tx, v.id, now, 'monthly');
    return due.length;
  });
}
