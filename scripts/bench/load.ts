/**
 * Load over HTTP with autocannon (many connections, as long as asked), and
 * latency sampled one request at a time. Everything goes to 127.0.0.1.
 */
import autocannon from 'autocannon';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/router.ts';
import { transformer } from '#shared/transformer.ts';
import type { LinkSession } from './portfolio.ts';

export interface LoadShape {
  connections: number;
  /** Seconds measured, after `warmupSeconds` not measured. */
  seconds: number;
  warmupSeconds: number;
  /** Requests per second across all connections; unset, as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Everything that was not a 2xx answer: socket errors, timeouts, 4xx and 5xx. */
  errors: number;
  /** Socket errors and timeouts alone. */
  socketErrors: number;
  timeouts: number;
  requests: number;
}

type Request = autocannon.Request;

/**
 * Runs one load: `requestsFor(i)` gives connection i its own requests (its
 * own session, its own questionnaire), so per-connection state stays in
 * that connection's closures.
 */
export async function runLoad(url: string, shape: LoadShape, requestsFor: (connection: number) => Request[]): Promise<LoadResult> {
  let nextClient = 0;
  const result = await autocannon({
    url,
    connections: shape.connections,
    duration: shape.seconds,
    ...(shape.overallRate ? { overallRate: shape.overallRate } : {}),
    ...(shape.warmupSeconds > 0 ? { warmup: { connections: shape.connections, duration: shape.warmupSeconds } } : {}),
    // The warm-up's clients come first; the measured run's clients get the same connection numbers again.
    setupClient: (client) => client.setRequests(requestsFor(nextClient++ % shape.connections)),
  });
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    requests: ok + result.non2xx,
  };
}

/** The same GET on every connection, with that connection's cookie. */
export function getEach(path: string, cookieFor: (connection: number) => string | null): (connection: number) => Request[] {
  return (connection) => {
    const cookie = cookieFor(connection);
    return [{ method: 'GET', path, headers: cookie ? { cookie } : {} }];
  };
}

/** The vendors' saves across every load of a run (warm-ups included). */
export interface SaveState {
  /** The revision each answer ("assessment:control") had at its last save seen. */
  revisions: Map<string, number>;
  /** Per answer, the comments of saves sent whose answer never came back (a warm-up cut short, a timeout). */
  unanswered: Map<string, Set<string>>;
  sent: number;
  saved: number;
  /** Refused because someone else's save came first: never expected here, so an error. */
  conflicts: number;
  /** Refused because our own earlier save, whose answer was lost, came first: the bench picks up from there. */
  resynced: number;
  failed: number;
}

export const newSaveState = (): SaveState => ({ revisions: new Map(), unanswered: new Map(), sent: 0, saved: 0, conflicts: 0, resynced: 0, failed: 0 });

type SaveResponse = { result?: { data?: { json?: { revision?: number } } }; error?: { json?: { data?: { details?: { current?: { revision?: number; comment?: string } } } } } };

/**
 * Vendors saving answers: each connection is one vendor's browser on its
 * own questionnaires (link sessions), going from question to question, each
 * save based on the revision its previous save returned, as the portal
 * does. No two connections share a questionnaire. A save whose answer was
 * lost (autocannon resends it after a timeout, or a warm-up ends with it in
 * flight) makes the next save of that answer stale: the server's 409 then
 * shows our own comment, and the bench carries on from its revision. Any
 * other 409 is a real conflict.
 */
export function saveAnswers(sessions: LinkSession[], controlIds: string[], origin: string, connections: number, state: SaveState): (connection: number) => Request[] {
  return (connection) => {
    const mine = sessions.filter((_, k) => k % connections === connection);
    if (mine.length === 0) throw new Error(`Not enough questionnaires for ${connections} connections (${sessions.length}).`);
    let n = 0;
    let pending = { key: '', comment: '' };
    return [
      {
        method: 'POST',
        path: '/trpc/portal.saveAnswer',
        setupRequest: (request) => {
          const session = mine[n % mine.length]!;
          const controlId = controlIds[Math.floor(n / mine.length) % controlIds.length]!;
          const value = ['yes', 'partial', 'no'][n % 3];
          n++;
          // Unique, so that a 409 tells our own lost save from anyone else's.
          pending = { key: `${session.assessmentId}:${controlId}`, comment: `Bench save ${++state.sent}` };
          const unanswered = state.unanswered.get(pending.key) ?? new Set();
          state.unanswered.set(pending.key, unanswered.add(pending.comment));
          return {
            ...request,
            headers: { cookie: session.cookie, origin, 'content-type': 'application/json' },
            body: JSON.stringify({ json: { controlId, value, comment: pending.comment, baseRevision: state.revisions.get(pending.key) ?? 0, overwrite: false } }),
          };
        },
        onResponse: (status, body) => {
          const unanswered = state.unanswered.get(pending.key);
          unanswered?.delete(pending.comment);
          if (status === 200) {
            state.saved++;
            const revision = (JSON.parse(body) as SaveResponse).result?.data?.json?.revision;
            if (typeof revision === 'number') state.revisions.set(pending.key, revision);
          } else if (status === 409) {
            const current = (JSON.parse(body) as SaveResponse).error?.json?.data?.details?.current;
            const ours = current?.comment !== undefined && (current.comment === pending.comment || unanswered?.has(current.comment));
            if (ours) {
              state.resynced++;
              unanswered?.delete(current.comment!);
            } else {
              state.conflicts++;
            }
            if (typeof current?.revision === 'number') state.revisions.set(pending.key, current.revision);
          } else {
            state.failed++;
          }
        },
      },
    ];
  };
}

/** Signs in over HTTP as a person would; returns the session cookie. */
export async function signIn(base: string, origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`Sign-in as ${email} set no cookie.`);
  return cookie;
}

/** The typed client the SPA uses (one batched request for the calls made together), with a session cookie. */
export function trpcClient(base: string, origin: string, cookie: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/trpc`, transformer, headers: { cookie, origin } })] });
}

/** Times `fn` `n` times, one after another, after `before` (not timed) each time; returns milliseconds. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, before?: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    if (before) await before(i);
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

/** The value below which p percent of the samples fall (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
