/**
 * Replays the portfolio's past in date order (vendors signed, assessments
 * reviewed, tasks verified, monthly snapshots), so every stored position
 * and snapshot is what the engine would have computed on that day.
 */
import type { Tx } from '../platform/db/database.ts';
import { recomputeVendorRisk, takeRiskSnapshot } from '../risk/index.ts';
import type { SeedVendor } from './types.ts';
import { addedOn, applyTaskEvent, completeSeededAssessment, dayAt, insertAssessment, insertVendor, milestones } from './writers.ts';

interface TimelineEvent {
  at: Date;
  /** Among events at the same instant: profiles first, then reviews, then tasks, then snapshots. */
  rank: number;
  seq: number;
  run: (tx: Tx) => void;
}

export const MONTHLY_SNAPSHOT_MONTHS = 12;

/**
 * Midnight UTC on the first day of each of the last twelve months,
 * including the current one, then `now` itself.
 */
export function snapshotDates(now: Date): Date[] {
  const starts: Date[] = [];
  for (let back = MONTHLY_SNAPSHOT_MONTHS - 1; back >= 0; back -= 1) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    // Seeding at midnight on the 1st would otherwise snapshot that instant twice.
    if (start.getTime() < now.getTime()) starts.push(start);
  }
  return [...starts, now];
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Demo portfolio: ${message}`);
}

/** Catches data mistakes that would otherwise write an impossible history. */
function validate(portfolio: readonly SeedVendor[], now: Date): void {
  for (const vendor of portfolio) {
    const added = dayAt(now, addedOn(vendor)).getTime();
    check(vendor.contacts.filter((c) => c.isPrimary).length === 1, `${vendor.name} needs exactly one primary contact`);
    let previous = added;
    for (const seed of vendor.assessments) {
      const m = milestones(seed, now);
      check(m.created!.getTime() >= previous, `${vendor.name}: assessments must follow the vendor's addition and each other`);
      check(seed.on <= 0, `${vendor.name}: an assessment step lies in the future`);
      previous = dayAt(now, seed.on).getTime();
      if (seed.status !== 'completed') continue;
      for (const task of seed.tasks ?? []) {
        check(task.on > seed.on && task.on <= 0, `${vendor.name}: task event on ${task.control} outside its assessment's life`);
      }
    }
  }
}

export interface SeedState {
  vendorIds: number[];
}

export function buildTimeline(portfolio: readonly SeedVendor[], now: Date, state: SeedState): TimelineEvent[] {
  validate(portfolio, now);
  const events: TimelineEvent[] = [];
  const push = (at: Date, rank: number, run: TimelineEvent['run']) => events.push({ at, rank, seq: events.length, run });
  const vendorId = (index: number) => {
    const id = state.vendorIds[index];
    if (id === undefined) throw new Error('Demo portfolio: a vendor event ran before the vendor was added');
    return id;
  };

  portfolio.forEach((vendor, index) => {
    push(dayAt(now, addedOn(vendor)), 0, (tx) => {
      state.vendorIds[index] = insertVendor(tx, vendor, now);
    });
    for (const seed of vendor.assessments) {
      let assessmentId: number | undefined;
      push(dayAt(now, seed.on), 1, (tx) => {
        assessmentId = insertAssessment(tx, vendorId(index), vendor, seed, now);
        if (seed.status === 'completed') completeSeededAssessment(tx, assessmentId, seed, now);
      });
      if (seed.status !== 'completed') continue;
      for (const task of seed.tasks ?? []) {
        push(dayAt(now, task.on), 2, (tx) => applyTaskEvent(tx, vendorId(index), assessmentId!, seed, task, now));
      }
    }
  });

  for (const date of snapshotDates(now)) {
    const isNow = date.getTime() === now.getTime();
    push(date, 3, (tx) => {
      portfolio.forEach((vendor, index) => {
        if (dayAt(now, addedOn(vendor)).getTime() > date.getTime()) return;
        // The last snapshot is the position as of now, so every vendor is stamped with it.
        if (isNow) recomputeVendorRisk(tx, vendorId(index), now);
        takeRiskSnapshot(tx, vendorId(index), date, 'monthly');
      });
    });
  }

  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank || a.seq - b.seq);
}
