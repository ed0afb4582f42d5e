/**
 * Refused calls go into the audit log, so that probing shows: a role
 * reaching for what it may not (403), a session still owing its second
 * factor, a vendor's link reaching into another assessment (answered as
 * "not found", recorded all the same).
 *
 * Whoever can make refusals could otherwise grow the log without end, so it
 * takes at most PER_CALLER entries per caller and OVERALL in all per window.
 * Refusals past either limit are counted in memory and written as one
 * "access.denied.counted" entry (how many, from whom) once the window is
 * over: at the next refusal, by a timer, or when the server stops. At most
 * OVERALL + 1 entries per window, whatever the attacker does.
 */
import type { Db } from '../db/database.ts';
import type { Context } from '../context.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from './auditTrail.ts';

export const REFUSAL_WINDOW_MS = 15 * 60_000;
export const REFUSALS_PER_CALLER = 10;
export const REFUSALS_OVERALL = 100;
/** Callers tracked per window; beyond it, new callers are only counted (memory stays bounded). */
const MAX_CALLERS = 10_000;
/** Callers named one by one in the counted entry, the most frequent first. */
const NAMED_CALLERS = 20;

export interface Refusal {
  /** A tRPC procedure ("procedure") or a plain HTTP route ("route"). */
  kind: 'procedure' | 'route';
  /** "vendors.create", or "GET /api/evidence/:id". */
  name: string;
  /** The message the caller was given. */
  reason: string;
  /** Anything else that says what was reached for, e.g. the route's parameters. */
  details?: Record<string, unknown>;
}

interface Tally {
  actor: AuditActor;
  count: number;
}

interface WindowState {
  start: number;
  recorded: number;
  perCaller: Map<string, number>;
  unrecorded: number;
  unrecordedBy: Map<string, Tally>;
  timer: NodeJS.Timeout | null;
}

const windows = new WeakMap<Db, WindowState>();

function freshWindow(start: number): WindowState {
  return { start, recorded: 0, perCaller: new Map(), unrecorded: 0, unrecordedBy: new Map(), timer: null };
}

function callerKey(actor: AuditActor): string {
  if (actor.id) return `${actor.type}:${actor.id}`;
  return `ip:${actor.ip ?? 'unknown'}`;
}

/** Who made a refused call: the staff user, the vendor's link, or an address. */
export function refusalActor(ctx: Pick<Context, 'user' | 'link' | 'ip'>): AuditActor {
  if (ctx.user) return { type: 'user', id: ctx.user.id, label: ctx.user.name, ip: ctx.ip };
  if (ctx.link) return { type: 'vendor_link', id: String(ctx.link.shareLinkId), label: ctx.link.recipientName, ip: ctx.ip };
  return { type: 'user', id: null, label: 'Not signed in', ip: ctx.ip };
}

/** Writes the count of refusals that were not recorded one by one, if any, and clears it. */
function writeCount(db: Db, state: WindowState, now: Date): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (state.unrecorded === 0 || !db.$client.open) return;
  const callers = [...state.unrecordedBy.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, NAMED_CALLERS)
    .map(({ actor, count }) => ({ type: actor.type, id: actor.id, label: actor.label, ip: actor.ip ?? null, count }));
  recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'access.denied.counted',
    targetType: 'audit_log',
    targetId: null,
    after: {
      count: state.unrecorded,
      from: new Date(state.start).toISOString(),
      to: new Date(Math.min(now.getTime(), state.start + REFUSAL_WINDOW_MS)).toISOString(),
      callers,
      otherCallers: Math.max(0, state.unrecordedBy.size - NAMED_CALLERS),
    },
    at: now,
  });
  state.unrecorded = 0;
  state.unrecordedBy.clear();
}

function currentWindow(db: Db, now: Date): WindowState {
  const state = windows.get(db);
  const t = now.getTime();
  if (state && t < state.start + REFUSAL_WINDOW_MS && t >= state.start) return state;
  if (state) writeCount(db, state, now);
  const next = freshWindow(t);
  windows.set(db, next);
  return next;
}

export function recordRefusal(db: Db, actor: AuditActor, refusal: Refusal, now: Date): void {
  const state = currentWindow(db, now);
  const key = callerKey(actor);
  const mine = state.perCaller.get(key);
  const trackable = mine !== undefined || state.perCaller.size < MAX_CALLERS;
  if (trackable && (mine ?? 0) < REFUSALS_PER_CALLER && state.recorded < REFUSALS_OVERALL) {
    state.perCaller.set(key, (mine ?? 0) + 1);
    state.recorded += 1;
    recordAudit(db, {
      actor,
      action: 'access.denied',
      targetType: refusal.kind,
      targetId: refusal.name,
      after: { reason: refusal.reason, ...refusal.details },
      at: now,
    });
    return;
  }
  state.unrecorded += 1;
  const tally = state.unrecordedBy.get(key);
  if (tally) tally.count += 1;
  else if (state.unrecordedBy.size < MAX_CALLERS) state.unrecordedBy.set(key, { actor, count: 1 });
  if (!state.timer) {
    // Written when the window ends even if no refusal comes after it; unref: never keeps the process alive.
    const wait = Math.max(0, state.start + REFUSAL_WINDOW_MS - now.getTime());
    state.timer = setTimeout(() => {
      try {
        writeCount(db, state, new Date());
      } catch {
        // The count is kept (it is cleared only once written): the next refusal or the shutdown writes it.
      }
    }, wait);
    state.timer.unref();
  }
}

/** Writes any refusals still only counted: when the server stops. */
export function flushRefusals(db: Db, now: Date): void {
  const state = windows.get(db);
  if (state) writeCount(db, state, now);
}
