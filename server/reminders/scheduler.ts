/**
 * Sends the reminders that are due, exactly once each.
 *
 * The schedule is a pure function of the database and `now`
 * (shared/remediation/reminders.ts). Each reminder is sent in one short
 * transaction that first inserts its key into reminders_sent (a primary
 * key, so a second insert does nothing) and, only if that row is new,
 * queues its emails in the outbox. Both commit together or not at all: a
 * restart recomputes the same keys and skips those recorded; a crash in the
 * middle of a batch loses only the reminder in flight, whose rollback
 * leaves it due for the next run. A reminder that fell due while the server
 * was down is still in the schedule at the first run after it, while its
 * window is open.
 *
 * The job reads the portfolio a slice of vendors at a time (ADR 0038): the
 * schedule of each vendor depends on that vendor alone (and on the staff
 * list), so the slices' schedules together are the whole one, while only a
 * slice's tasks and links are in memory and the event loop is handed back
 * between slices.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { findControl } from '#shared/catalogue/coreV1.ts';
import { daysUntil } from '#shared/dates.ts';
import { remindersDue, type Reminder } from '#shared/remediation/reminders.ts';
import type { RemediationState } from '#shared/remediation/state.ts';
import { assessments, remediationTasks, remindersSent, shareLinks, users, vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { enqueueEmail, type MailSettings, type OutgoingEmail } from '../platform/mail/outbox.ts';
import { issueReminderLink, vendorContactLine } from '../assessments/index.ts';
import { getOrganisation, type OrganisationSettings } from '../platform/settings.ts';
import { getCadence, getReminderSettings } from './settings.ts';
import { loadRemediationSlice, loadRemediationState } from './state.ts';

export interface ReminderDeps {
  publicUrl: string;
  mail: Pick<MailSettings, 'smtpUrl'>;
}

/** Test seams: called inside a reminder's transaction after its emails are queued, and after it commits. */
export interface ReminderHooks {
  beforeCommit?: (reminder: Reminder) => void;
  afterCommit?: (reminder: Reminder) => void;
}

/**
 * Vendors read per slice of the schedule. At 10,000 vendors (about 13 open tasks and, on a first start, 13 due
 * reminders each) a slice of 100 held the event loop for a median of about 40 ms (the longest about 150 ms) on a
 * shared machine; a slice of 250, about 150 ms (the longest 730 ms) (docs/benchmarks.md, "The reminders' pass in
 * slices").
 */
export const SLICE_VENDORS = 100;

/** The reminders due for one slice of the state that were never sent, in key order. */
function unsentOf(db: Db, state: RemediationState, now: Date): Reminder[] {
  const due = remindersDue(state, now, { kinds: getReminderSettings(db), cadence: getCadence(db) });
  if (due.length === 0) return [];
  const sent = new Set<string>();
  // Chunked: SQLite limits the number of bound parameters.
  for (let i = 0; i < due.length; i += 500) {
    const keys = due.slice(i, i + 500).map((r) => r.key);
    for (const row of db.select({ key: remindersSent.key }).from(remindersSent).where(inArray(remindersSent.key, keys)).all()) sent.add(row.key);
  }
  return due.filter((r) => !sent.has(r.key));
}

/** Every reminder due at `now` that was never sent, over the whole portfolio at once, in key order (tests compare the slices with it). */
export function unsentReminders(db: Db, now: Date): Reminder[] {
  return unsentOf(db, loadRemediationState(db), now);
}

/**
 * The unsent reminders of the next `size` vendors after `afterVendorId`, and the last vendor id the slice covers
 * (Number.MAX_SAFE_INTEGER for the last slice); null when no vendor is left. One step of the job's reading.
 */
export function unsentInSlice(db: Db, now: Date, afterVendorId: number, size = SLICE_VENDORS): { reminders: Reminder[]; throughVendorId: number } | null {
  const slice = loadRemediationSlice(db, afterVendorId, size);
  return slice && { reminders: unsentOf(db, slice.state, now), throughVendorId: slice.range.throughId };
}

/**
 * Where one run of the jobs (one `now`) has got to: the last vendor whose slice was read, and that slice's
 * reminders not yet handed out. Each reminder's own transaction still checks its key, so a queue a little stale
 * never sends anything twice; and a run stopped between slices leaves nothing behind but this cursor in memory:
 * the next run (a new `now`, or a restart) starts again from the first vendor and skips every key recorded.
 */
const runs = new WeakMap<Db, { at: number; afterVendorId: number; exhausted: boolean; queue: Reminder[] }>();

/**
 * The next reminders to send: at most `limit`, from the queue, reading the next slice of vendors only when the
 * queue is empty, and at most one slice per call so that a run that finds every reminder already sent still hands
 * the event loop back between slices. `more` says whether the run has anything left (reminders or slices).
 */
function nextBatch(db: Db, now: Date, limit: number, sliceVendors: number): { batch: Reminder[]; more: boolean } {
  let run = runs.get(db);
  if (!run || run.at !== now.getTime()) {
    run = { at: now.getTime(), afterVendorId: 0, exhausted: false, queue: [] };
    runs.set(db, run);
  }
  if (run.queue.length === 0 && !run.exhausted) {
    const slice = unsentInSlice(db, now, run.afterVendorId, sliceVendors);
    if (slice) {
      run.queue = slice.reminders;
      run.afterVendorId = slice.throughVendorId;
      if (slice.throughVendorId === Number.MAX_SAFE_INTEGER) run.exhausted = true;
    } else run.exhausted = true;
  }
  const batch = run.queue.splice(0, limit);
  const more = run.queue.length > 0 || !run.exhausted;
  if (!more) runs.delete(db);
  return { batch, more };
}

/**
 * One step of the reminders' job: reads at most one slice of vendors and sends at most `limit` of the due
 * reminders; says how many it sent and whether there is more to do. The job runner (server/jobs.ts) calls it
 * again, giving way to requests in between, while there is.
 *
 * Order: within a slice reminders go out in key order, slices in vendor id order. Nothing depends on it: each
 * reminder is its own key and its own transaction, and the schedule of one vendor never depends on another's.
 */
export function sendReminderStep(db: Db, deps: ReminderDeps, now: Date, limit: number, hooks: ReminderHooks = {}, sliceVendors = SLICE_VENDORS): { done: number; more: boolean } {
  const { batch, more } = nextBatch(db, now, limit, sliceVendors);
  return { done: sendBatch(db, deps, now, batch, hooks), more };
}

/**
 * Sends every due reminder (or at most `limit`) in one go, slice after slice; returns how many it sent. For
 * tools and tests: the server's jobs use sendReminderStep, which gives way between slices.
 */
export function sendDueReminders(db: Db, deps: ReminderDeps, now: Date, limit = Number.MAX_SAFE_INTEGER, hooks: ReminderHooks = {}, sliceVendors = SLICE_VENDORS): number {
  let total = 0;
  const failures: unknown[] = [];
  for (let more = true; more && total < limit; ) {
    try {
      const step = sendReminderStep(db, deps, now, limit - total, hooks, sliceVendors);
      total += step.done;
      more = step.more;
    } catch (error) {
      // A slice's failures are reported once every slice has been tried, as one batch's are.
      if (!(error instanceof AggregateError)) throw error;
      failures.push(...(error.errors as unknown[]));
      more = runs.has(db);
    }
  }
  if (failures.length) throw new AggregateError(failures, `${failures.length} reminder(s) could not be sent and stay due`);
  return total;
}

/** Sends the reminders of one batch, each in its own transaction; returns how many it sent. */
function sendBatch(db: Db, deps: ReminderDeps, now: Date, batch: readonly Reminder[], hooks: ReminderHooks): number {
  let sent = 0;
  const failures: unknown[] = [];
  for (const reminder of batch) {
    let committed = false;
    try {
      committed = db.transaction(
        (tx) => {
          const claimed = tx
            .insert(remindersSent)
            .values({ key: reminder.key, kind: reminder.kind, subjectType: reminder.subject.type, subjectId: reminder.subject.id, occasion: reminder.occasion, vendorId: reminder.vendorId, emails: 0, sentAt: now })
            .onConflictDoNothing()
            .run();
          // Another process (a second server on the same file) got there first.
          if (claimed.changes === 0) return false;
          const emails = composeReminder(tx, reminder, deps.publicUrl, now);
          for (const email of emails) enqueueEmail(tx, deps.mail, email, now);
          tx.update(remindersSent).set({ emails: emails.length }).where(eq(remindersSent.key, reminder.key)).run();
          hooks.beforeCommit?.(reminder);
          return true;
        },
        // Take the write lock at once, so the check and the insert see the same database.
        { behavior: 'immediate' },
      );
    } catch (error) {
      // One reminder that cannot be written (rolled back, still due) must not hold up the others.
      failures.push(error);
    }
    if (committed) {
      sent += 1;
      hooks.afterCommit?.(reminder);
    }
  }
  // Reported once the others are sent, so the job log says what failed.
  if (failures.length) throw new AggregateError(failures, `${failures.length} reminder(s) could not be sent and stay due`);
  return sent;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

interface Facts {
  vendorName: string;
  organisation: OrganisationSettings;
  assessment: { id: number; dueDate: string | null } | null;
  task: { id: number; controlId: string; controlTitle: string; dueDate: string; assessmentId: number; acceptanceExpiresOn: string | null } | null;
}

function loadFacts(tx: Tx, reminder: Reminder): Facts {
  const vendorName = tx.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, reminder.vendorId)).get()?.name ?? 'the vendor';
  const action = reminder.action;
  let task: Facts['task'] = null;
  let assessmentId: number | null = action.kind === 'questionnaire' ? action.assessmentId : null;
  if (action.kind === 'task') {
    const row = tx.select().from(remediationTasks).where(eq(remediationTasks.id, action.taskId)).get();
    if (row) {
      task = { id: row.id, controlId: row.controlId, controlTitle: findControl(row.controlId)?.title ?? row.controlId, dueDate: row.dueDate, assessmentId: row.assessmentId, acceptanceExpiresOn: row.acceptanceExpiresOn };
      assessmentId = row.assessmentId;
    }
  }
  const assessment = assessmentId === null ? null : (tx.select({ id: assessments.id, dueDate: assessments.dueDate }).from(assessments).where(eq(assessments.id, assessmentId)).get() ?? null);
  return { vendorName, organisation: getOrganisation(tx), assessment, task };
}

/** Where staff act on a reminder: the vendor, the questionnaire, or the task's own page. */
function staffUrl(publicUrl: string, reminder: Reminder, facts: Facts): string {
  const base = publicUrl.replace(/\/$/, '');
  const a = reminder.action;
  if (a.kind === 'vendor') return `${base}/vendors/${a.vendorId}`;
  if (a.kind === 'questionnaire') return `${base}/assessments/${a.assessmentId}`;
  return facts.task ? `${base}/tasks/${facts.task.id}` : `${base}/vendors/${reminder.vendorId}`;
}

/** What the reminder says, as subject and a first paragraph, to staff and to the vendor. */
function wording(reminder: Reminder, facts: Facts, now: Date): { subject: string; staff: string; vendor: string } {
  const v = facts.vendorName;
  const date = reminder.occasion.date ?? '';
  const late = date ? -daysUntil(date, now) : 0;
  const control = facts.task ? `${facts.task.controlId} ${facts.task.controlTitle}` : 'a remediation task';
  switch (reminder.kind) {
    case 'link_not_opened':
      return {
        subject: `Reminder: the security questionnaire for ${v} is waiting`,
        staff: `The questionnaire link sent for ${v} has not been opened in ${plural(reminder.occasion.offsetDays ?? 3, 'day')}. You may want to check the address or send a new link.`,
        vendor: `We sent you a link to a security questionnaire for ${v} a few days ago, and it has not been opened yet.`,
      };
    case 'questionnaire_due':
      return {
        subject: `Reminder: the security questionnaire for ${v} is due on ${date}`,
        staff: `The questionnaire for ${v} is due on ${date}, in ${plural(reminder.occasion.offsetDays ?? 0, 'day')}, and the vendor has no working link to it: send a new link if it should still answer.`,
        vendor: `The security questionnaire for ${v} is due on ${date}, in ${plural(reminder.occasion.offsetDays ?? 0, 'day')}.`,
      };
    case 'questionnaire_overdue':
      return {
        subject: `Overdue: the security questionnaire for ${v} was due on ${date}`,
        staff: `The questionnaire for ${v} was due on ${date}, ${plural(late, 'day')} ago, and has not been submitted.`,
        vendor: `The security questionnaire for ${v} was due on ${date}, ${plural(late, 'day')} ago, and has not been submitted yet.`,
      };
    case 'task_due':
      return {
        subject: `Reminder: a remediation task for ${v} is due on ${date}`,
        staff: `The remediation task ${control} for ${v} is due on ${date}, in ${plural(reminder.occasion.offsetDays ?? 7, 'day')}.`,
        vendor: `The remediation task ${control} is due on ${date}, in ${plural(reminder.occasion.offsetDays ?? 7, 'day')}. Tell us what you did, with evidence if you have it.`,
      };
    case 'task_overdue':
      return {
        subject: `Overdue: a remediation task for ${v} was due on ${date}`,
        staff: `The remediation task ${control} for ${v} was due on ${date}, ${plural(late, 'day')} ago.`,
        vendor: `The remediation task ${control} was due on ${date}, ${plural(late, 'day')} ago. Tell us what you did, or what stands in the way.`,
      };
    case 'acceptance_expiring':
      return {
        subject: `An accepted risk for ${v} ends on ${date}`,
        staff: `The accepted risk on ${control} for ${v} ends on ${date}, in ${plural(daysUntil(date, now), 'day')}. On that day the task reopens with a new due date, unless the risk is accepted again with a fresh justification.`,
        vendor: '',
      };
    case 'reassessment_due':
      return {
        subject: `${v} is due for re-assessment on ${date}`,
        staff: `${v}'s last assessment stops counting on ${date}, in ${plural(daysUntil(date, now), 'day')}. After that it shows as not assessed. Start a re-assessment before then.`,
        vendor: '',
      };
  }
}

/**
 * One email per recipient, each with a way to act: staff get the page in
 * Tollgate; a vendor contact gets its questionnaire through a new token for
 * the link it already holds (ADR 0027), issued only to that link's own
 * recipient and dying with the link.
 */
function composeReminder(tx: Tx, reminder: Reminder, publicUrl: string, now: Date): OutgoingEmail[] {
  const facts = loadFacts(tx, reminder);
  const words = wording(reminder, facts, now);
  const staffIds = reminder.recipients.flatMap((r) => (r.kind === 'staff' ? [r.userId] : []));
  const linkIds = reminder.recipients.flatMap((r) => (r.kind === 'vendor_link' ? [r.linkId] : []));
  const out: OutgoingEmail[] = [];
  if (staffIds.length) {
    const url = staffUrl(publicUrl, reminder, facts);
    for (const u of tx.select({ name: users.name, email: users.email }).from(users).where(inArray(users.id, staffIds)).orderBy(users.email).all()) {
      out.push({ to: u.email, subject: words.subject, text: `Hello ${u.name},\n\n${words.staff}\n\nOpen it in Tollgate: ${url}\n\nYou receive this because you are named on it in Tollgate. An administrator can turn this kind of reminder off in Settings.` });
    }
  }
  if (linkIds.length && words.vendor) {
    const seen = new Set<string>();
    const links = tx
      .select({ id: shareLinks.id, assessmentId: shareLinks.assessmentId, name: shareLinks.recipientName, recipientEmail: shareLinks.recipientEmail, expiresAt: shareLinks.expiresAt, emailCodeRequired: shareLinks.emailCodeRequired })
      .from(shareLinks)
      .where(inArray(shareLinks.id, linkIds))
      // Two links to the same person: one email, through the newest.
      .orderBy(desc(shareLinks.id))
      .all();
    for (const l of links) {
      if (seen.has(l.recipientEmail.toLowerCase())) continue;
      seen.add(l.recipientEmail.toLowerCase());
      const url = issueReminderLink(tx, l, reminder.key, publicUrl, now);
      const code = l.emailCodeRequired ? 'When you open it, we email a one-time code to this address for you to enter. ' : '';
      out.push({
        to: l.recipientEmail,
        subject: words.subject,
        text: `Hello ${l.name},\n\n${words.vendor}\n\nOpen it here (no account needed; like the link we sent you before, which keeps working, it works until ${dayOf(l.expiresAt)}):\n\n${url}\n\n${code}Do not forward this email: the link gives access to your organisation's answers.${vendorContactLine(facts.organisation)}`,
      });
    }
  }
  return out;
}
