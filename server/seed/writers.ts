/**
 * Writes one piece of the demo portfolio at a simulated moment. Every row
 * gets its timestamps from that moment, never from the clock, so a seed is
 * reproducible and its history reads as if it had really happened.
 */
import { and, eq } from 'drizzle-orm';
import { toIsoDate } from '#shared/dates.ts';
import { computeInherentImpact } from '#shared/scoring/impact.ts';
import { suggestTier, templateForTier } from '#shared/scoring/tier.ts';
import { ACTIVE_TASK_STATUSES } from '#shared/statuses.ts';
import {
  answers,
  assessments,
  contacts,
  dataHoldings,
  integrations,
  remediationTasks,
  reviewMessages,
  subProcessors,
  users,
  vendors,
} from '../../drizzle/schema/index.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AuditActor } from '../platform/audit/auditTrail.ts';
import { completeReview } from '../assessments/index.ts';
import { recomputeVendorRisk } from '../risk/index.ts';
import { latestPublishedVersion } from '../templates/index.ts';
import type { DayOffset, SeedAssessment, SeedCompletedAssessment, SeedTaskEvent, SeedVendor } from './types.ts';
import { STAFF_USERS, staffUser, type StaffUserId } from './users.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function dayAt(now: Date, offset: DayOffset): Date {
  return new Date(now.getTime() + offset * DAY_MS);
}

export function userActor(id: StaffUserId): AuditActor {
  return { type: 'user', id, label: staffUser(id).name };
}

export function insertStaffUsers(tx: Tx, at: Date): void {
  tx.insert(users)
    .values(STAFF_USERS.map((u) => ({ ...u, emailVerified: true, createdAt: at, updatedAt: at })))
    .run();
}

/** Depth follows the tier the engine suggests from the vendor's profile, as for a real new assessment. */
export function templateKeyFor(vendor: SeedVendor): 'core' | 'lite' {
  const impact = computeInherentImpact({ holdings: vendor.holdings, access: vendor.accessLevel, criticality: vendor.criticality });
  return templateForTier(suggestTier(impact.impact, vendor.criticality));
}

export function addedOn(vendor: SeedVendor): DayOffset {
  // Due diligence before signing (CSF GV.SC-06): the vendor is on file a month before the contract starts.
  return vendor.addedOn ?? vendor.contractStart - 30;
}

export function insertVendor(tx: Tx, vendor: SeedVendor, now: Date): number {
  const at = dayAt(now, addedOn(vendor));
  const stamps = { createdAt: at, updatedAt: at };
  const { id } = tx
    .insert(vendors)
    .values({
      name: vendor.name,
      website: vendor.website,
      serviceDescription: vendor.serviceDescription,
      services: vendor.services,
      businessOwner: vendor.businessOwner,
      contractStart: toIsoDate(dayAt(now, vendor.contractStart)),
      contractEnd: toIsoDate(dayAt(now, vendor.contractEnd)),
      criticality: vendor.criticality,
      accessLevel: vendor.accessLevel,
      ...stamps,
    })
    .returning({ id: vendors.id })
    .get();
  if (vendor.holdings.length) {
    tx.insert(dataHoldings)
      .values(vendor.holdings.map((h) => ({ ...h, notes: h.notes ?? null, vendorId: id, ...stamps })))
      .run();
  }
  if (vendor.contacts.length) {
    tx.insert(contacts)
      .values(vendor.contacts.map((c) => ({ ...c, phone: c.phone ?? null, vendorId: id, ...stamps })))
      .run();
  }
  if (vendor.subProcessors.length) {
    tx.insert(subProcessors)
      .values(vendor.subProcessors.map((s) => ({ ...s, vendorId: id, ...stamps })))
      .run();
  }
  if (vendor.integrations.length) {
    tx.insert(integrations)
      .values(
        vendor.integrations.map((i) => ({
          ...i,
          lastTokenRotation: toIsoDate(dayAt(now, i.lastTokenRotation)),
          vendorId: id,
          ...stamps,
        })),
      )
      .run();
  }
  // vendor_risk must exist from day one: an unassessed vendor still shows its inherent risk.
  recomputeVendorRisk(tx, id, at);
  return id;
}

type Step = 'created' | 'sent' | 'started' | 'submitted' | 'reviewStarted' | 'completed';
const STEPS: readonly Step[] = ['created', 'sent', 'started', 'submitted', 'reviewStarted', 'completed'];
/** Days from the previous step to this one: a typical questionnaire round. */
const DAYS_BEFORE: Record<Step, number> = { created: 0, sent: 1, started: 4, submitted: 18, reviewStarted: 4, completed: 6 };
const LAST_STEP: Record<SeedAssessment['status'], Step> = {
  draft: 'created',
  sent: 'sent',
  in_progress: 'started',
  submitted: 'submitted',
  in_review: 'reviewStarted',
  completed: 'completed',
  cancelled: 'sent',
};
const CANCELLED_AFTER_SENT_DAYS = 10;
const VENDOR_ANSWER_WINDOW_DAYS = 30;

/** The dates of each lifecycle step reached, counted back from the last one. */
export function milestones(seed: SeedAssessment, now: Date): Partial<Record<Step | 'cancelled', Date>> {
  const end = dayAt(now, seed.on);
  const out: Partial<Record<Step | 'cancelled', Date>> = {};
  let last = LAST_STEP[seed.status];
  let at = end.getTime();
  if (seed.status === 'cancelled') {
    out.cancelled = end;
    at -= CANCELLED_AFTER_SENT_DAYS * DAY_MS;
  }
  for (let i = STEPS.indexOf(last); i >= 0; i -= 1) {
    last = STEPS[i]!;
    out[last] = new Date(at);
    at -= DAYS_BEFORE[last] * DAY_MS;
  }
  return out;
}

/**
 * Inserts an assessment with its answers. A completed one goes in as
 * 'in_review' so completeReview can score it exactly as in production.
 */
export function insertAssessment(tx: Tx, vendorId: number, vendor: SeedVendor, seed: SeedAssessment, now: Date): number {
  const version = latestPublishedVersion(tx, templateKeyFor(vendor));
  const m = milestones(seed, now);
  const status = seed.status === 'completed' ? 'in_review' : seed.status;
  const lastChange = m.cancelled ?? m.reviewStarted ?? m.submitted ?? m.started ?? m.sent ?? m.created!;
  const { id } = tx
    .insert(assessments)
    .values({
      vendorId,
      templateVersionId: version.id,
      status,
      dueDate: m.sent ? toIsoDate(dayAt(m.sent, VENDOR_ANSWER_WINDOW_DAYS)) : null,
      assessorId: seed.assessor,
      createdBy: seed.assessor,
      sentAt: m.sent ?? null,
      startedAt: m.started ?? null,
      submittedAt: m.submitted ?? null,
      reviewStartedAt: m.reviewStarted ?? null,
      cancelledAt: m.cancelled ?? null,
      createdAt: m.created!,
      updatedAt: lastChange,
    })
    .returning({ id: assessments.id })
    .get();

  const profile = seed.answers ?? {};
  let controls = version.content.controls;
  if (seed.status === 'in_progress') controls = controls.slice(0, seed.answeredCount ?? 0);
  else if (!['submitted', 'in_review', 'completed'].includes(seed.status)) controls = [];
  const clarifications = seed.status === 'in_review' ? (seed.clarifications ?? {}) : {};
  const answeredBy = vendor.contacts.find((c) => c.isPrimary)?.name ?? null;
  const rows = controls.flatMap((control) => {
    const value = profile[control.id];
    if (value === undefined) return [];
    const note = clarifications[control.id];
    const reviewed = seed.status === 'completed' || seed.status === 'in_review';
    const answeredAt = m.submitted ?? lastChange;
    // The review happens after the answers: its own reviewer and time, never the answer's.
    const reviewedAt = m.reviewStarted ?? lastChange;
    return [
      {
        assessmentId: id,
        controlId: control.id,
        value,
        comment: seed.comments?.[control.id] ?? '',
        reviewStatus: note ? ('clarification_requested' as const) : reviewed ? ('accepted' as const) : ('pending' as const),
        answeredBy,
        answeredAt,
        reviewedBy: reviewed ? seed.assessor : null,
        reviewerName: reviewed ? staffUser(seed.assessor).name : null,
        reviewedAt: reviewed ? reviewedAt : null,
        createdAt: m.started ?? lastChange,
        updatedAt: reviewed ? reviewedAt : answeredAt,
      },
    ];
  });
  for (const key of Object.keys(clarifications)) {
    if (!rows.some((r) => r.controlId === key)) throw new Error(`${vendor.name}: clarification on unanswered control ${key}`);
  }
  if (rows.length) tx.insert(answers).values(rows).run();
  for (const [controlId, question] of Object.entries(clarifications)) {
    tx.insert(reviewMessages)
      .values({ assessmentId: id, controlId, kind: 'question', body: question, authorType: 'staff', authorUserId: seed.assessor, authorName: staffUser(seed.assessor).name, createdAt: m.reviewStarted ?? lastChange })
      .run();
  }
  return id;
}

/** Scores a seeded assessment through the real review service, which also settles earlier tasks. */
export function completeSeededAssessment(tx: Tx, assessmentId: number, seed: SeedCompletedAssessment, now: Date): void {
  completeReview(tx, { assessmentId, actor: userActor(seed.assessor), now: dayAt(now, seed.on) });
}

export function applyTaskEvent(tx: Tx, vendorId: number, assessmentId: number, seed: SeedCompletedAssessment, event: SeedTaskEvent, now: Date): void {
  const at = dayAt(now, event.on);
  const task = tx
    .select({ id: remediationTasks.id, status: remediationTasks.status })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.assessmentId, assessmentId), eq(remediationTasks.controlId, event.control)))
    .get();
  if (!task || !ACTIVE_TASK_STATUSES.includes(task.status)) {
    throw new Error(`Seed task event on ${event.control}: no active task for it on assessment ${assessmentId}`);
  }
  const by = staffUser(event.by ?? seed.assessor);
  if (event.action === 'verify') {
    tx.update(remediationTasks)
      .set({
        status: 'closed',
        vendorResponse: event.note ?? null,
        readyAt: dayAt(at, -2),
        verifiedBy: by.id,
        closedAt: at,
        updatedAt: at,
      })
      .where(eq(remediationTasks.id, task.id))
      .run();
  } else if (event.action === 'ready') {
    tx.update(remediationTasks)
      .set({ status: 'ready_for_verification', vendorResponse: event.note ?? null, readyAt: at, updatedAt: at })
      .where(eq(remediationTasks.id, task.id))
      .run();
  } else {
    if (by.role !== 'ciso') throw new Error(`Seed risk acceptance on ${event.control} must be by a CISO, not ${by.id}`);
    if (event.acceptUntil === undefined || !event.note) throw new Error(`Seed risk acceptance on ${event.control} needs a note and an expiry`);
    tx.update(remediationTasks)
      .set({
        status: 'risk_accepted',
        acceptedBy: by.id,
        acceptanceJustification: event.note,
        acceptanceExpiresOn: toIsoDate(dayAt(now, event.acceptUntil)),
        updatedAt: at,
      })
      .where(eq(remediationTasks.id, task.id))
      .run();
  }
  // A verified control counts as met and an accepted one leaves the projection: the stored position moves.
  if (event.action !== 'ready') recomputeVendorRisk(tx, vendorId, at);
}
