/**
 * The reminder schedule, as a pure function of the remediation state and
 * `now`. Each reminder carries an idempotency key naming its kind, its
 * subject and its occasion (which due date, which offset, which overdue
 * week) and nothing about the moment it was computed, so the server sends
 * it exactly once by inserting the key under a unique constraint in the
 * same transaction as the email. A reminder whose moment passed while the
 * server was down is still in the schedule at the next `now`, as long as
 * its window is open; docs/remediation.md lists the windows.
 */
import { z } from 'zod';
import { VENDOR_EDITABLE_STATUSES } from '../assessmentLifecycle.ts';
import { daysUntil, isoDateInDays, toIsoDate } from '../dates.ts';
import { classifyReassessment, DEFAULT_CADENCE_MONTHS, DUE_SOON_DAYS, type CadenceMonths } from './cadence.ts';
import { isAssessor, isRiskAcceptor, mayOwnTasks, responsibleStaff, type LinkState, type QuestionnaireState, type RemediationState } from './state.ts';

export const REMINDER_KINDS = [
  'link_not_opened',
  'questionnaire_due',
  'questionnaire_overdue',
  'task_due',
  'task_overdue',
  'acceptance_expiring',
  'reassessment_due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A link not opened this long after it was created is chased once. */
export const LINK_NOT_OPENED_DAYS = 3;
/** Days before a questionnaire's due date, largest first. */
export const QUESTIONNAIRE_DUE_OFFSETS = [7, 3, 1] as const;
export const TASK_DUE_OFFSET = 7;
export const ACCEPTANCE_EXPIRING_OFFSET = 14;
export const REASSESSMENT_DUE_OFFSET = DUE_SOON_DAYS;
export const OVERDUE_EVERY_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which kinds are on. Every kind is on unless an administrator turns it off. */
export const ReminderSettingsSchema = z.strictObject({
  link_not_opened: z.boolean(),
  questionnaire_due: z.boolean(),
  questionnaire_overdue: z.boolean(),
  task_due: z.boolean(),
  task_overdue: z.boolean(),
  acceptance_expiring: z.boolean(),
  reassessment_due: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;
export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.fromEntries(REMINDER_KINDS.map((k) => [k, true])) as ReminderSettings;

export type ReminderSubject =
  | { type: 'share_link'; id: number }
  | { type: 'assessment'; id: number }
  | { type: 'task'; id: number }
  | { type: 'vendor'; id: number };

/** Which moment of the subject's life the reminder is for. */
export interface ReminderOccasion {
  /** The due date or expiry it counts towards (absent for a link not opened). */
  date?: string;
  /** Days before that date (or, for a link, after it was created). */
  offsetDays?: number;
  /** Overdue reminders: the week since the date passed, 1 for days 1-7, 2 for days 8-14... */
  week?: number;
}

export type ReminderRecipient = { kind: 'vendor_link'; linkId: number } | { kind: 'staff'; userId: string };

/**
 * Where the reminder lets its reader act: the vendor reaches a
 * questionnaire or task through its link, staff through the app's page.
 */
export type ReminderAction = { kind: 'questionnaire'; assessmentId: number } | { kind: 'task'; taskId: number } | { kind: 'vendor'; vendorId: number };

export interface Reminder {
  key: string;
  kind: ReminderKind;
  subject: ReminderSubject;
  occasion: ReminderOccasion;
  vendorId: number;
  recipients: ReminderRecipient[];
  action: ReminderAction;
}

const KEY_PREFIX: Record<ReminderKind, string> = {
  link_not_opened: 'link-not-opened',
  questionnaire_due: 'questionnaire-due',
  questionnaire_overdue: 'questionnaire-overdue',
  task_due: 'task-due',
  task_overdue: 'task-overdue',
  acceptance_expiring: 'acceptance-expiring',
  reassessment_due: 'reassessment-due',
};

/** e.g. task-due-7d:41:2026-06-30, questionnaire-overdue:12:2026-05-01:w2. One key per (kind, subject, occasion), and back. */
export function reminderKey(kind: ReminderKind, subject: ReminderSubject, occasion: ReminderOccasion): string {
  const parts = [occasion.offsetDays === undefined ? KEY_PREFIX[kind] : `${KEY_PREFIX[kind]}-${occasion.offsetDays}d`, String(subject.id)];
  if (occasion.date !== undefined) parts.push(occasion.date);
  if (occasion.week !== undefined) parts.push(`w${occasion.week}`);
  return parts.join(':');
}

const dateMinusDays = (isoDate: string, days: number) => isoDateInDays(new Date(`${isoDate}T00:00:00Z`), -days);

/**
 * The countdown reminder due at `now`, if any. Offsets (days before
 * `dueOn`, largest first) each own a window down to the next offset, the
 * last one down to `floor`: only the most urgent reminder is sent, so a
 * server back after a week away says "due in 3 days", not also "in 7".
 * A window that opened on or before the day the subject began (the
 * questionnaire was sent, the task raised, the risk accepted) is skipped:
 * the vendor or owner was just told the date.
 */
export function countdownOffset(dueOn: string, offsets: readonly number[], floor: number, began: Date | null, now: Date): number | null {
  const left = daysUntil(dueOn, now);
  for (let i = 0; i < offsets.length; i++) {
    const high = offsets[i]!;
    const low = i + 1 < offsets.length ? offsets[i + 1]! + 1 : floor;
    if (left > high || left < low) continue;
    if (began && toIsoDate(began) >= dateMinusDays(dueOn, high)) return null;
    return high;
  }
  return null;
}

/** Overdue week (1 for days 1-7 after the date, 2 for 8-14...), or null when not overdue. Only the current week is due: weeks missed while down are not replayed. */
export function overdueWeek(dueOn: string, now: Date): number | null {
  const late = -daysUntil(dueOn, now);
  return late >= 1 ? Math.ceil(late / OVERDUE_EVERY_DAYS) : null;
}

const isLive = (link: LinkState, now: Date) => link.revokedAt === null && link.expiresAt.getTime() > now.getTime();

export interface ReminderOptions {
  kinds?: Readonly<ReminderSettings>;
  cadence?: Readonly<CadenceMonths>;
}

/** Every reminder due at `now`, sorted by key. The server sends those whose key it has not recorded yet. */
export function remindersDue(state: RemediationState, now: Date, options: ReminderOptions = {}): Reminder[] {
  const on = options.kinds ?? DEFAULT_REMINDER_SETTINGS;
  const cadence = options.cadence ?? DEFAULT_CADENCE_MONTHS;
  const activeVendors = new Set(state.vendors.filter((v) => v.active).map((v) => v.id));
  const questionnaires = new Map(state.questionnaires.map((q) => [q.assessmentId, q]));
  const out: Reminder[] = [];

  const staffIds = (ids: readonly string[]) => ids.map((userId): ReminderRecipient => ({ kind: 'staff', userId }));
  /** The one person answerable (first named who can act), or everyone who could when nobody named can. */
  const internal = (named: readonly (string | null)[], mayAct: Parameters<typeof responsibleStaff>[2], pool?: Parameters<typeof responsibleStaff>[3]) => {
    const r = responsibleStaff(state.staff, named, mayAct, pool);
    return staffIds(r.named.length > 0 ? r.named.slice(0, 1) : r.ids);
  };
  const vendorLinks = (q: QuestionnaireState | undefined) =>
    (q?.links ?? []).filter((l) => isLive(l, now)).map((l): ReminderRecipient => ({ kind: 'vendor_link', linkId: l.id }));
  const add = (kind: ReminderKind, subject: ReminderSubject, occasion: ReminderOccasion, vendorId: number, recipients: ReminderRecipient[], action: ReminderAction) => {
    const byId = new Map(recipients.map((r) => [r.kind === 'staff' ? `s:${r.userId}` : `l:${r.linkId}`, r]));
    const unique = [...byId.values()];
    // Nobody to tell (no live link, no one able to act): nothing is sent, and the window may still catch it later.
    if (unique.length > 0) out.push({ key: reminderKey(kind, subject, occasion), kind, subject, occasion, vendorId, recipients: unique, action });
  };

  for (const q of state.questionnaires) {
    if (!activeVendors.has(q.vendorId) || !VENDOR_EDITABLE_STATUSES.includes(q.status)) continue;
    const action: ReminderAction = { kind: 'questionnaire', assessmentId: q.assessmentId };
    const owner = () => internal([q.assessorId], isAssessor);
    if (on.link_not_opened) {
      for (const link of q.links) {
        if (link.opened || !isLive(link, now) || now.getTime() - link.createdAt.getTime() < LINK_NOT_OPENED_DAYS * DAY_MS) continue;
        add('link_not_opened', { type: 'share_link', id: link.id }, { offsetDays: LINK_NOT_OPENED_DAYS }, q.vendorId, [{ kind: 'vendor_link', linkId: link.id }, ...owner()], action);
      }
    }
    if (!q.dueDate) continue;
    const subject: ReminderSubject = { type: 'assessment', id: q.assessmentId };
    const offset = countdownOffset(q.dueDate, QUESTIONNAIRE_DUE_OFFSETS, 0, q.sentAt, now);
    if (on.questionnaire_due && offset !== null) {
      const vendor = vendorLinks(q);
      // With no live link the vendor cannot be reached: the owner hears instead, to send a new one.
      add('questionnaire_due', subject, { date: q.dueDate, offsetDays: offset }, q.vendorId, vendor.length ? vendor : owner(), action);
    }
    const week = overdueWeek(q.dueDate, now);
    if (on.questionnaire_overdue && week !== null) {
      add('questionnaire_overdue', subject, { date: q.dueDate, week }, q.vendorId, [...vendorLinks(q), ...owner()], action);
    }
  }

  for (const t of state.tasks) {
    if (!activeVendors.has(t.vendorId)) continue;
    const q = questionnaires.get(t.assessmentId);
    const subject: ReminderSubject = { type: 'task', id: t.id };
    const action: ReminderAction = { kind: 'task', taskId: t.id };
    // Only tasks waiting on the fix: a task ready for verification waits on the assessor, whose list shows it.
    if (t.status === 'open' || t.status === 'in_progress') {
      const owner = () => internal([t.ownerId, q?.assessorId ?? null], mayOwnTasks, isAssessor);
      const offset = countdownOffset(t.dueDate, [TASK_DUE_OFFSET], 0, t.createdAt, now);
      if (on.task_due && offset !== null) add('task_due', subject, { date: t.dueDate, offsetDays: offset }, t.vendorId, [...vendorLinks(q), ...owner()], action);
      const week = overdueWeek(t.dueDate, now);
      if (on.task_overdue && week !== null) add('task_overdue', subject, { date: t.dueDate, week }, t.vendorId, [...vendorLinks(q), ...owner()], action);
    }
    if (t.status === 'risk_accepted' && t.acceptanceExpiresOn && on.acceptance_expiring) {
      // Floor 1: on the expiry date itself the task reopens, and the reopening tells the owner.
      const offset = countdownOffset(t.acceptanceExpiresOn, [ACCEPTANCE_EXPIRING_OFFSET], 1, t.acceptedAt, now);
      if (offset !== null) {
        const acceptor = internal([t.acceptedBy], isRiskAcceptor);
        const owner = responsibleStaff(state.staff, [t.ownerId], mayOwnTasks, () => false).ids;
        add('acceptance_expiring', subject, { date: t.acceptanceExpiresOn, offsetDays: offset }, t.vendorId, [...acceptor, ...staffIds(owner)], action);
      }
    }
  }

  if (on.reassessment_due) {
    for (const v of state.vendors) {
      if (!v.active || v.reassessmentOpen) continue;
      const due = classifyReassessment(v.tier, v.lastCompletedAt, now, cadence);
      if (due.standing !== 'due_soon' || !due.dueOn) continue;
      if (v.lastCompletedAt && toIsoDate(v.lastCompletedAt) >= dateMinusDays(due.dueOn, REASSESSMENT_DUE_OFFSET)) continue;
      add('reassessment_due', { type: 'vendor', id: v.id }, { date: due.dueOn, offsetDays: REASSESSMENT_DUE_OFFSET }, v.id, internal([v.ownerId], isAssessor), { kind: 'vendor', vendorId: v.id });
    }
  }

  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
