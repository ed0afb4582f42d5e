/**
 * Properties of the reminder schedule on generated states and clocks:
 * one key per (kind, subject, occasion) and back; once due, a reminder
 * stays due until its window closes (so the first run after an outage
 * catches it up); a server that records keys sends each exactly once,
 * even when it crashes in the middle of a batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STATUSES } from '#shared/assessmentLifecycle.ts';
import { daysUntil, toIsoDate } from '#shared/dates.ts';
import { QUESTIONNAIRE_DUE_OFFSETS, remindersDue, type Reminder } from '#shared/remediation/reminders.ts';
import type { LinkState, QuestionnaireState, RemediationState, TaskState, VendorState } from '#shared/remediation/state.ts';
import { TASK_LIFECYCLE_STATUSES } from '#shared/remediation/taskLifecycle.ts';
import { STAFF } from './fixtures.ts';

const BASE = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A moment between `fromDays` and `toDays` days from BASE, to the hour. */
const moment = (fromDays: number, toDays: number) => fc.integer({ min: fromDays * 24, max: toDays * 24 }).map((h) => new Date(BASE + h * HOUR));
const isoDay = (fromDays: number, toDays: number) => moment(fromDays, toDays).map(toIsoDate);
const staffId = fc.option(fc.constantFrom(...STAFF.map((m) => m.id)), { nil: null, freq: 5 });
const vendorId = fc.integer({ min: 1, max: 3 });
const assessmentId = fc.integer({ min: 10, max: 13 });

const linkArb = (id: number): fc.Arbitrary<LinkState> =>
  fc.record({ id: fc.constant(id), createdAt: moment(-30, 60), opened: fc.boolean(), revokedAt: fc.option(moment(-10, 100), { nil: null, freq: 4 }), expiresAt: moment(0, 200) });

const questionnaireArb = (id: number): fc.Arbitrary<QuestionnaireState> =>
  fc.record({
    assessmentId: fc.constant(id),
    vendorId,
    status: fc.constantFrom(...ASSESSMENT_STATUSES),
    sentAt: fc.option(moment(-60, 60), { nil: null, freq: 5 }),
    dueDate: fc.option(isoDay(-30, 90), { nil: null, freq: 5 }),
    assessorId: staffId,
    answersAwaitingReview: fc.nat({ max: 5 }),
    links: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => linkArb(id * 10 + i)))),
  });

const taskArb = (id: number): fc.Arbitrary<TaskState> =>
  fc.record({
    id: fc.constant(id),
    vendorId,
    assessmentId,
    controlId: fc.constantFrom('IAM-01', 'REC-01', 'DAT-04'),
    severity: fc.constantFrom('critical', 'high', 'medium', 'low'),
    status: fc.constantFrom(...TASK_LIFECYCLE_STATUSES),
    dueDate: isoDay(-30, 120),
    createdAt: moment(-60, 30),
    ownerId: staffId,
    readyByUserId: staffId,
    acceptedBy: staffId,
    acceptedAt: fc.option(moment(-200, 30), { nil: null, freq: 5 }),
    acceptanceExpiresOn: fc.option(isoDay(-5, 200), { nil: null, freq: 5 }),
  });

const vendorArb = (id: number): fc.Arbitrary<VendorState> =>
  fc.record({
    id: fc.constant(id),
    active: fc.constant(true),
    tier: fc.constantFrom(1, 2, 3, 4),
    lastCompletedAt: fc.option(moment(-1200, 0), { nil: null, freq: 5 }),
    reassessmentOpen: fc.boolean(),
    ownerId: staffId,
  });

const stateArb: fc.Arbitrary<RemediationState> = fc.record({
  staff: fc.constant(STAFF),
  vendors: fc.tuple(vendorArb(1), vendorArb(2), vendorArb(3), fc.boolean()).map(([a, b, c, archiveOne]) => [a, b, archiveOne ? { ...c, active: false } : c]),
  questionnaires: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionnaireArb(10 + i)))),
  tasks: fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(100 + i)))),
});

/** Ticks every 6 hours across the span the states live in. */
const DENSE: Date[] = Array.from({ length: ((160 + 10) * 24) / 6 }, (_, i) => new Date(BASE - 10 * DAY + i * 6 * HOUR));
const sparseArb = fc.uniqueArray(fc.integer({ min: 0, max: DENSE.length - 1 }), { minLength: 1, maxLength: 60 }).map((ix) => ix.sort((a, b) => a - b).map((i) => DENSE[i]!));

const identity = (r: Reminder) => JSON.stringify([r.kind, r.subject, r.occasion]);

describe('reminder schedule properties', () => {
  it('over any sequence of runs, a key names one (kind, subject, occasion) and each of those has one key', () => {
    fc.assert(
      fc.property(stateArb, sparseArb, (state, ticks) => {
        const keyOf = new Map<string, string>();
        const occasionOf = new Map<string, string>();
        for (const now of ticks) {
          const batch = remindersDue(state, now);
          expect(new Set(batch.map((r) => r.key)).size).toBe(batch.length);
          for (const r of batch) {
            const id = identity(r);
            expect(keyOf.get(id) ?? r.key).toBe(r.key);
            expect(occasionOf.get(r.key) ?? id).toBe(id);
            keyOf.set(id, r.key);
            occasionOf.set(r.key, id);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never sends two countdowns of one subject at once, a countdown after its date, or an overdue one before', () => {
    fc.assert(
      fc.property(stateArb, sparseArb, (state, ticks) => {
        for (const now of ticks) {
          const batch = remindersDue(state, now);
          const today = toIsoDate(now);
          const perSubject = new Map<string, number>();
          for (const r of batch) {
            const slot = `${r.subject.type}:${r.subject.id}:${r.kind.replace(/_overdue$/, '_due')}`;
            perSubject.set(slot, (perSubject.get(slot) ?? 0) + 1);
            if (r.occasion.week !== undefined) expect(r.occasion.date! < today).toBe(true);
            else if (r.occasion.date !== undefined) expect(r.occasion.date >= today).toBe(true);
            if (r.kind === 'questionnaire_due') {
              // Never stale: "due in 7 days" is not sent once "due in 3 days" applies.
              const left = daysUntil(r.occasion.date!, now);
              expect(left).toBeLessThanOrEqual(r.occasion.offsetDays!);
              for (const smaller of QUESTIONNAIRE_DUE_OFFSETS.filter((k) => k < r.occasion.offsetDays!)) expect(left).toBeGreaterThan(smaller);
            }
            expect(r.recipients.length).toBeGreaterThan(0);
          }
          // A questionnaire or task is either counting down or overdue, with one reminder of that kind.
          for (const count of perSubject.values()) expect(count).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('once due, a reminder stays due until its window closes: the first run after an outage in that window sends it', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const dueAt = new Map<string, number[]>();
        DENSE.forEach((now, i) => {
          for (const r of remindersDue(state, now)) dueAt.set(r.key, [...(dueAt.get(r.key) ?? []), i]);
        });
        for (const ticks of dueAt.values()) {
          // Contiguous: no gap between the first and the last run that found it due.
          expect(ticks.at(-1)! - ticks[0]!).toBe(ticks.length - 1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a subject's reminders hand over without a gap: from the first countdown to the last overdue week, some reminder is always due", () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const dueAt = new Map<string, number[]>();
        DENSE.forEach((now, i) => {
          for (const r of remindersDue(state, now)) {
            const family = `${r.subject.type}:${r.subject.id}:${r.kind.replace(/_(due|overdue)$/, '')}`;
            const seen = dueAt.get(family) ?? [];
            if (seen.at(-1) !== i) dueAt.set(family, [...seen, i]);
          }
        });
        for (const ticks of dueAt.values()) expect(ticks.at(-1)! - ticks[0]!).toBe(ticks.length - 1);
      }),
      { numRuns: 60 },
    );
  });

  it('a server that records each key sends every reminder exactly once, crashes in the middle of batches included', () => {
    fc.assert(
      fc.property(stateArb, sparseArb, fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (state, ticks, crashes) => {
        const recorded = new Set<string>();
        const sent: Reminder[] = [];
        /** One run of the job: each reminder is one transaction that inserts its key (unique) and queues its email; the run may die part-way. */
        const runJob = (now: Date, crashAfter: number) => {
          remindersDue(state, now).forEach((r, j) => {
            if (j >= crashAfter || recorded.has(r.key)) return;
            recorded.add(r.key);
            sent.push(r);
          });
        };
        ticks.forEach((now, i) => runJob(now, crashes[i]! % 8));
        // The restart after the last crash runs to the end.
        const last = ticks.at(-1)!;
        runJob(last, Number.POSITIVE_INFINITY);

        expect(new Set(sent.map(identity)).size).toBe(sent.length);
        for (const r of remindersDue(state, last)) expect(recorded.has(r.key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('an outage only delays: what a server down for a while sends is what an always-up one sends, less the windows it slept through', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 0, max: DENSE.length - 1 }), fc.integer({ min: 1, max: 200 }), (state, start, length) => {
        const up = DENSE.filter((_, i) => i < start || i >= start + length);
        const sentBy = (ticks: readonly Date[]) => {
          const keys = new Set<string>();
          for (const now of ticks) for (const r of remindersDue(state, now)) keys.add(r.key);
          return keys;
        };
        const always = sentBy(DENSE);
        const withOutage = sentBy(up);
        for (const key of withOutage) expect(always.has(key)).toBe(true);
        // Anything due at some run of the interrupted server is sent by it.
        for (const now of up) for (const r of remindersDue(state, now)) expect(withOutage.has(r.key)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
