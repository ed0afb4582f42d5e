/**
 * Whether the vendor's link session has ended, and why: once it has, the
 * portal shows only what happened and how to go on (open the link again, or
 * whom to ask when the questionnaire is closed or the link withdrawn).
 */
import { useSyncExternalStore } from 'react';

/** The server's reasons (server/assessments/links/linkSessions.ts); "ended" covers anything else. */
export type SessionEndReason = 'closed' | 'withdrawn' | 'expired' | 'review_complete' | 'ended';

export interface SessionEnd {
  reason: SessionEndReason;
  contact: { name: string; email: string | null } | null;
}

const REASONS: readonly SessionEndReason[] = ['closed', 'withdrawn', 'expired', 'review_complete', 'ended'];

/** Reads the reason from a refusal's details ({ sessionEnded, contact }), tolerating anything else. */
export function sessionEndFrom(details: unknown): SessionEnd {
  const d = (details ?? {}) as { sessionEnded?: unknown; contact?: unknown };
  const reason = REASONS.find((r) => r === d.sessionEnded) ?? 'ended';
  const c = d.contact as { name?: unknown; email?: unknown } | null | undefined;
  const contact = c && typeof c.name === 'string' ? { name: c.name, email: typeof c.email === 'string' ? c.email : null } : null;
  return { reason, contact };
}

let ended: SessionEnd | null = null;
const listeners = new Set<() => void>();

export function markSessionEnded(end: SessionEnd = { reason: 'ended', contact: null }): void {
  if (ended) return;
  ended = end;
  for (const listener of listeners) listener();
}

export function useSessionEnded(): SessionEnd | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => ended,
  );
}
