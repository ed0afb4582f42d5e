/**
 * The re-assessment lists (due within 30 days, overdue, never assessed)
 * and each staff user's "needs my attention" list, from the shared rules
 * over the state the reminders read.
 */
import { inArray } from 'drizzle-orm';
import { findControl } from '#shared/catalogue/coreV1.ts';
import { needsMyAttention, ATTENTION_KINDS, ATTENTION_LISTED_PER_KIND } from '#shared/remediation/attention.ts';
import { classifyReassessment, type ReassessmentStanding } from '#shared/remediation/cadence.ts';
import type { ReassessmentListStanding } from '#shared/schemas/reminders.ts';
import { vendors } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { getCadence } from './settings.ts';
import { loadAttentionState, loadVendorStates } from './state.ts';

function vendorNames(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: vendors.id, name: vendors.name }).from(vendors).where(inArray(vendors.id, [...new Set(ids)])).all().map((v) => [v.id, v.name]));
}

/** Active vendors in one standing, most urgent first, with a count of every standing for the tabs. */
export function listReassessments(db: Db, standing: ReassessmentListStanding, now: Date) {
  // Only the vendors: the tasks, questionnaires and links of the whole state (about 141,000 open tasks at 10,000
  // vendors) play no part in a vendor's re-assessment standing.
  const vendorStates = loadVendorStates(db);
  const cadence = getCadence(db);
  const counts: Record<ReassessmentStanding, number> = { overdue: 0, due_soon: 0, never_assessed: 0, current: 0 };
  const rows = [];
  for (const v of vendorStates) {
    if (!v.active) continue;
    const status = classifyReassessment(v.tier, v.lastCompletedAt, now, cadence);
    counts[status.standing] += 1;
    if (status.standing === standing) rows.push({ vendorId: v.id, tier: v.tier, lastCompletedAt: v.lastCompletedAt, dueOn: status.dueOn, daysLeft: status.daysLeft, reassessmentOpen: v.reassessmentOpen });
  }
  const names = vendorNames(db, rows.map((r) => r.vendorId));
  const vendorsOut = rows
    .map((r) => ({ ...r, vendorName: names.get(r.vendorId) ?? '' }))
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.tier - b.tier || a.vendorName.localeCompare(b.vendorName));
  return { standing, cadence, counts: { overdue: counts.overdue, due_soon: counts.due_soon, never_assessed: counts.never_assessed }, vendors: vendorsOut };
}

/**
 * One staff user's list, with what the screen shows for each item (vendor, control): the most urgent
 * ATTENTION_LISTED_PER_KIND of each kind, and how many there are of each.
 */
export function attentionFor(db: Db, userId: string, now: Date) {
  const state = loadAttentionState(db, now);
  const list = needsMyAttention(userId, state, now, getCadence(db), ATTENTION_LISTED_PER_KIND);
  const names = vendorNames(db, list.items.map((i) => i.vendorId));
  const listedTasks = new Set(list.items.flatMap((i) => (i.taskId === null ? [] : [i.taskId])));
  const controls = new Map(state.tasks.filter((t) => listedTasks.has(t.id)).map((t) => [t.id, t.controlId]));
  return {
    total: list.total,
    counts: list.counts,
    kinds: ATTENTION_KINDS,
    items: list.items.map((i) => {
      const controlId = i.taskId === null ? null : (controls.get(i.taskId) ?? null);
      return { ...i, vendorName: names.get(i.vendorId) ?? '', controlId, controlTitle: controlId ? (findControl(controlId)?.title ?? null) : null };
    }),
  };
}
