/**
 * The remediation task lifecycle: which status may follow which, who may
 * make each move and what each move needs. One table (TASK_TRANSITIONS)
 * is the rule; docs/remediation.md draws it and says why.
 *
 * open -> in_progress -> ready_for_verification -> closed (the assessor verifies)
 *                         \-> in_progress (sent back with a note)
 * any active status -> risk_accepted (a CISO, with a justification and an expiry)
 * risk_accepted -> open (the expiry passed, or a CISO revoked it)
 */
import { UTCDate } from '@date-fns/utc';
// Per-function entry: the date-fns index loads every function (about a second at start, in each thread).
import { addMonths } from 'date-fns/addMonths';
import { z } from 'zod';
import { toIsoDate } from '../dates.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES, type StaffRole } from '../statuses.ts';

/**
 * Today's stored statuses plus in_progress. The server adopts this list
 * for the task column (and the screens their labels) when it builds the
 * Tasks page; until then no stored task is in progress.
 */
export const TASK_LIFECYCLE_STATUSES = [
  'open',
  'in_progress',
  'ready_for_verification',
  'closed',
  'risk_accepted',
  'superseded',
] as const;
export type TaskLifecycleStatus = (typeof TASK_LIFECYCLE_STATUSES)[number];

// Every status the database holds today is a lifecycle status: this fails to compile otherwise.
const _storedStatusesAreLifecycleStatuses: readonly TaskLifecycleStatus[] = TASK_STATUSES;

export const TASK_LIFECYCLE_STATUS_LABELS: Record<TaskLifecycleStatus, string> = {
  ...TASK_STATUS_LABELS,
  in_progress: 'In progress',
};

/** Statuses in which a task still waits on someone: the vendor's fix, or the assessor's check. */
export const LIFECYCLE_ACTIVE_STATUSES: readonly TaskLifecycleStatus[] = ['open', 'in_progress', 'ready_for_verification'];

/** Roles that run assessments, and so verify fixes and send them back. */
export const ASSESSOR_ROLES: readonly StaffRole[] = ['admin', 'procurement'];
/** The only role that may accept a risk (issue 13: "by a CISO-role user only"; administrators may not). */
export const RISK_ACCEPTOR_ROLES: readonly StaffRole[] = ['ciso'];

/** Longest a risk may stay accepted, counted from the day it is accepted. */
export const MAX_ACCEPTANCE_MONTHS = 12;
export const NOTE_MAX_LENGTH = 2000;
export const JUSTIFICATION_MIN_LENGTH = 20;

/** Who is acting: a vendor through a questionnaire link, a staff user, or Tollgate itself (the scheduler, a completed review). */
export type TaskActor =
  | { kind: 'vendor'; assessmentId: number }
  | { kind: 'staff'; userId: string; role: StaffRole }
  | { kind: 'system' };

/**
 * The capacities in which an actor may move a task. A staff user may hold
 * two (a procurement user who owns the task is also an assessor).
 */
export const TASK_CAPACITIES = ['vendor', 'owner', 'assessor', 'ciso', 'system'] as const;
export type TaskCapacity = (typeof TASK_CAPACITIES)[number];

const CAPACITY_WORDS: Record<TaskCapacity, string> = {
  vendor: 'the vendor through its questionnaire link',
  owner: "the task's owner",
  assessor: 'an assessor (administrator or procurement)',
  ciso: 'a CISO-role user',
  system: 'Tollgate itself',
};

/** What the lifecycle needs to know about a task. */
export interface TaskFacts {
  status: TaskLifecycleStatus;
  /** The assessment that raised the task: a vendor's link acts only on its own assessment's tasks. */
  assessmentId: number;
  ownerId: string | null;
  /** The staff user who marked it ready for verification; null when the vendor did (or it is not ready). */
  readyByUserId: string | null;
  /** ISO date from which an accepted risk no longer holds. */
  acceptanceExpiresOn: string | null;
}

export interface TaskTransitionInput {
  /** Why: what was done (ready), what is missing (sent back), why revoked. */
  note?: string | undefined;
  /** Why the risk is acceptable (accepting only). */
  justification?: string | undefined;
  /** ISO date the acceptance ends, at most 12 months ahead (accepting only). */
  expiresOn?: string | undefined;
}

/** The shape of a transition request, for the procedure that will carry it; checkTaskTransition checks the rest. */
export const TaskTransitionInputSchema = z.strictObject({
  to: z.enum(TASK_LIFECYCLE_STATUSES, { error: (i) => `Unknown task status ${JSON.stringify(i.input)}` }),
  note: z.string().max(NOTE_MAX_LENGTH, { error: `Keep the note to ${NOTE_MAX_LENGTH} characters` }).optional(),
  justification: z.string().max(NOTE_MAX_LENGTH, { error: `Keep the justification to ${NOTE_MAX_LENGTH} characters` }).optional(),
  expiresOn: z.iso.date({ error: 'The expiry must be a date like 2027-01-31' }).optional(),
});

export const TASK_TRANSITION_NAMES = [
  'start_work',
  'mark_ready',
  'verify',
  'send_back',
  'accept_risk',
  'revoke_acceptance',
  'reopen_on_expiry',
  'close_by_reassessment',
  'supersede',
] as const;
export type TaskTransitionName = (typeof TASK_TRANSITION_NAMES)[number];

export interface TaskTransitionRule {
  name: TaskTransitionName;
  from: readonly TaskLifecycleStatus[];
  to: TaskLifecycleStatus;
  by: readonly TaskCapacity[];
  /** What the move does, in words, for error messages and the docs. */
  does: string;
  note: 'required' | 'optional';
  /** Needs a justification and an expiry at most 12 months ahead. */
  acceptance?: true;
  /** The person who marked the task ready may not be the one who verifies it. */
  fourEyes?: true;
  /** Only once the acceptance's expiry date has come. */
  afterExpiry?: true;
}

const ACTIVE = LIFECYCLE_ACTIVE_STATUSES;

export const TASK_TRANSITIONS: readonly TaskTransitionRule[] = [
  { name: 'start_work', from: ['open'], to: 'in_progress', by: ['vendor', 'owner', 'assessor'], does: 'start work on a task', note: 'optional' },
  {
    name: 'mark_ready',
    from: ['open', 'in_progress'],
    to: 'ready_for_verification',
    by: ['vendor', 'owner'],
    does: 'mark a task ready for verification',
    note: 'required',
  },
  { name: 'verify', from: ['ready_for_verification'], to: 'closed', by: ['assessor'], does: 'verify a fix and close its task', note: 'optional', fourEyes: true },
  {
    name: 'send_back',
    from: ['ready_for_verification'],
    to: 'in_progress',
    by: ['assessor'],
    does: 'send a task back to the vendor',
    note: 'required',
  },
  { name: 'accept_risk', from: ACTIVE, to: 'risk_accepted', by: ['ciso'], does: 'accept a risk', note: 'optional', acceptance: true },
  { name: 'revoke_acceptance', from: ['risk_accepted'], to: 'open', by: ['ciso'], does: 'revoke a risk acceptance before it expires', note: 'required' },
  {
    name: 'reopen_on_expiry',
    from: ['risk_accepted'],
    to: 'open',
    by: ['system'],
    does: 'reopen a task whose risk acceptance expired',
    note: 'optional',
    afterExpiry: true,
  },
  {
    name: 'close_by_reassessment',
    from: ACTIVE,
    to: 'closed',
    by: ['system'],
    does: 'close a task because a newer completed assessment met its control',
    note: 'optional',
  },
  {
    name: 'supersede',
    from: [...ACTIVE, 'risk_accepted'],
    to: 'superseded',
    by: ['system'],
    does: "supersede a task by a newer assessment's own task",
    note: 'optional',
  },
];

export type TaskTransitionCheck =
  | { ok: true; rule: TaskTransitionRule; input: { note: string | null; justification: string | null; expiresOn: string | null } }
  | {
      ok: false;
      /** illegal: no rule makes this move from this status; forbidden: a rule exists but not for this actor; invalid_input: the note, justification or expiry; too_early: the acceptance has not expired. */
      reason: 'illegal' | 'forbidden' | 'invalid_input' | 'too_early';
      rule: TaskTransitionName | null;
      message: string;
    };

const label = (s: TaskLifecycleStatus) => TASK_LIFECYCLE_STATUS_LABELS[s].toLowerCase();
const joinOr = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? ''));
const ruleTag = (rule: TaskTransitionRule) => ` (rule ${rule.name}: ${joinOr(rule.from.map(label))} -> ${label(rule.to)})`;

/** The capacities this actor holds for this task. Auditors hold none: they read, they never change. */
export function capacitiesOf(actor: TaskActor, task: Pick<TaskFacts, 'assessmentId' | 'ownerId'>): TaskCapacity[] {
  if (actor.kind === 'system') return ['system'];
  if (actor.kind === 'vendor') return actor.assessmentId === task.assessmentId ? ['vendor'] : [];
  if (actor.role === 'auditor') return [];
  const held: TaskCapacity[] = [];
  if (task.ownerId !== null && actor.userId === task.ownerId) held.push('owner');
  if (ASSESSOR_ROLES.includes(actor.role)) held.push('assessor');
  if (RISK_ACCEPTOR_ROLES.includes(actor.role)) held.push('ciso');
  return held;
}

/** The latest expiry a risk accepted at `now` may have: the same calendar day 12 months on. */
export function latestAcceptanceExpiry(now: Date): string {
  return toIsoDate(addMonths(new UTCDate(now), MAX_ACCEPTANCE_MONTHS));
}

/** True from the acceptance's expiry date on (UTC): the day it expires it no longer holds. */
export function acceptanceHasExpired(expiresOn: string, now: Date): boolean {
  return expiresOn <= toIsoDate(now);
}

function refuse(reason: Exclude<TaskTransitionCheck, { ok: true }>['reason'], rule: TaskTransitionName | null, message: string): TaskTransitionCheck {
  return { ok: false, reason, rule, message };
}

const whoMay = (rule: TaskTransitionRule) => joinOr(rule.by.map((c) => CAPACITY_WORDS[c]));

/** The moves this actor could make on this task now, before any note or date is given (for the screen's buttons). */
export function availableTaskTransitions(task: TaskFacts, actor: TaskActor, now: Date): TaskTransitionRule[] {
  return TASK_TRANSITIONS.filter((rule) => permission(task, rule.to, actor, now).ok);
}

/** Whether the status may move to `to` and this actor may move it, ignoring the note, justification and expiry. */
function permission(task: TaskFacts, to: TaskLifecycleStatus, actor: TaskActor, now: Date): TaskTransitionCheck {
  if (task.status === to) return refuse('illegal', null, `The task is already ${label(to)}.`);
  const candidates = TASK_TRANSITIONS.filter((r) => r.to === to && r.from.includes(task.status));
  if (candidates.length === 0) {
    const onward = [...new Set(TASK_TRANSITIONS.filter((r) => r.from.includes(task.status)).map((r) => label(r.to)))];
    const way = onward.length ? `from ${label(task.status)} it can only become ${joinOr(onward)}` : `${label(task.status)} is final`;
    return refuse('illegal', null, `A task that is ${label(task.status)} cannot become ${label(to)}: ${way}.`);
  }
  // Name the rule a person could use; a rule only Tollgate applies is named when it is the only one.
  const shown = candidates.find((r) => !r.by.includes('system')) ?? candidates[0]!;
  if (actor.kind === 'staff' && actor.role === 'auditor') {
    return refuse('forbidden', shown.name, `Auditors are read-only: they cannot ${shown.does}${ruleTag(shown)}.`);
  }
  if (actor.kind === 'vendor' && actor.assessmentId !== task.assessmentId) {
    return refuse('forbidden', shown.name, `This questionnaire link belongs to another assessment: it cannot ${shown.does} on this task${ruleTag(shown)}.`);
  }
  const held = capacitiesOf(actor, task);
  const rule = candidates.find((r) => r.by.some((c) => held.includes(c)));
  if (!rule) {
    const also = candidates.filter((r) => r !== shown).map((r) => `; ${CAPACITY_WORDS[r.by[0]!]} may also ${r.does}${ruleTag(r)}`);
    // The actor's own way to the same status, from another one (e.g. verify needs the task ready first).
    const yours = TASK_TRANSITIONS.find((r) => r.to === to && !r.from.includes(task.status) && r.by.some((c) => held.includes(c)));
    const hint = yours ? ` You may ${yours.does} once it is ${joinOr(yours.from.map(label))}${ruleTag(yours)}.` : '';
    return refuse('forbidden', shown.name, `Only ${whoMay(shown)} may ${shown.does}${ruleTag(shown)}${also.join('')}.${hint}`);
  }
  if (rule.fourEyes && actor.kind === 'staff' && task.readyByUserId === actor.userId) {
    return refuse('forbidden', rule.name, `You marked this task ready for verification, so someone else must verify it${ruleTag(rule)}.`);
  }
  if (rule.afterExpiry) {
    if (!task.acceptanceExpiresOn) return refuse('too_early', rule.name, `This accepted risk has no expiry date to reopen on${ruleTag(rule)}.`);
    if (!acceptanceHasExpired(task.acceptanceExpiresOn, now)) {
      return refuse('too_early', rule.name, `The risk stays accepted until ${task.acceptanceExpiresOn}; the task reopens by itself only then${ruleTag(rule)}.`);
    }
  }
  return { ok: true, rule, input: { note: null, justification: null, expiresOn: null } };
}

const trimmed = (s: string | undefined) => (s === undefined ? '' : s.trim());

/**
 * Whether `actor` may move `task` to `to` now with this input. Returns the
 * rule that allows it with the cleaned input, or a refusal whose message
 * names the rule and says what is missing.
 */
export function checkTaskTransition(task: TaskFacts, to: TaskLifecycleStatus, actor: TaskActor, input: TaskTransitionInput, now: Date): TaskTransitionCheck {
  const allowed = permission(task, to, actor, now);
  if (!allowed.ok) return allowed;
  const { rule } = allowed;
  const tag = ruleTag(rule);

  const note = trimmed(input.note);
  if (rule.note === 'required' && note.length === 0) {
    const why = rule.name === 'mark_ready' ? 'say what was done, so the assessor knows what to check' : rule.name === 'send_back' ? 'say what is still missing: the vendor reads it' : 'say why';
    return refuse('invalid_input', rule.name, `A note is required to ${rule.does}: ${why}${tag}.`);
  }
  if (note.length > NOTE_MAX_LENGTH) return refuse('invalid_input', rule.name, `Keep the note to ${NOTE_MAX_LENGTH} characters${tag}.`);

  if (!rule.acceptance) {
    if (input.justification !== undefined || input.expiresOn !== undefined) {
      return refuse('invalid_input', rule.name, `A justification and an expiry belong only to accepting a risk (rule accept_risk), not to this move${tag}.`);
    }
    return { ok: true, rule, input: { note: note || null, justification: null, expiresOn: null } };
  }

  const justification = trimmed(input.justification);
  if (justification.length < JUSTIFICATION_MIN_LENGTH) {
    return refuse('invalid_input', rule.name, `Accepting a risk needs a written justification of at least ${JUSTIFICATION_MIN_LENGTH} characters: why the risk is acceptable until it expires${tag}.`);
  }
  if (justification.length > NOTE_MAX_LENGTH) return refuse('invalid_input', rule.name, `Keep the justification to ${NOTE_MAX_LENGTH} characters${tag}.`);
  const latest = latestAcceptanceExpiry(now);
  if (input.expiresOn === undefined) {
    return refuse('invalid_input', rule.name, `Accepting a risk needs an expiry date, at most ${MAX_ACCEPTANCE_MONTHS} months ahead (no later than ${latest})${tag}.`);
  }
  if (!z.iso.date().safeParse(input.expiresOn).success) {
    return refuse('invalid_input', rule.name, `The expiry must be a date like ${latest}${tag}.`);
  }
  if (input.expiresOn <= toIsoDate(now)) {
    return refuse('invalid_input', rule.name, `The expiry must be after today (${toIsoDate(now)}): an acceptance that has already ended accepts nothing${tag}.`);
  }
  if (input.expiresOn > latest) {
    return refuse('invalid_input', rule.name, `A risk may be accepted for at most ${MAX_ACCEPTANCE_MONTHS} months: choose an expiry no later than ${latest}${tag}.`);
  }
  return { ok: true, rule, input: { note: note || null, justification, expiresOn: input.expiresOn } };
}
