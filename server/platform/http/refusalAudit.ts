/**
 * Refused calls on the plain HTTP routes go into the audit log, as tRPC's
 * do (server/platform/trpc.ts): every 403 answer, and the requests a route marks as
 * refused while answering otherwise (a link reaching another assessment's
 * file gets 404, so nothing leaks; the origin check's refusal on /trpc
 * never reaches a procedure). Recorded before the answer leaves, bounded by
 * server/platform/audit/refusals.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LinkScope, StaffSession } from '../callers.ts';
import type { Db } from '../db/database.ts';
import { recordRefusal, refusalActor } from '../audit/refusals.ts';

const marked = new WeakMap<FastifyRequest, string>();

/** Records this request as refused, whatever status it is answered with. */
export function markRefused(request: FastifyRequest, reason: string): void {
  marked.set(request, reason);
}

export interface RefusalAuditDeps {
  db: Db;
  now: () => Date;
  staffOf: (request: FastifyRequest) => Promise<StaffSession | null>;
  linkOf: (request: FastifyRequest) => LinkScope | null;
}

/** The message a refusal was answered with: our routes send { error }, better-auth { message, code }. */
function reasonIn(payload: unknown): string {
  if (typeof payload !== 'string' || payload.length > 10_000) return 'Refused';
  try {
    const body = JSON.parse(payload) as { error?: unknown; message?: unknown; code?: unknown };
    const text = [body.error, body.message].find((v) => typeof v === 'string');
    const code = typeof body.code === 'string' ? ` (${body.code})` : '';
    return text ? `${String(text).slice(0, 300)}${code}` : 'Refused';
  } catch {
    return 'Refused';
  }
}

function paramsOf(request: FastifyRequest): Record<string, string> | undefined {
  const params = Object.entries((request.params ?? {}) as Record<string, unknown>).filter(([name, value]) => name !== 'token' && typeof value === 'string');
  return params.length ? Object.fromEntries(params.map(([name, value]) => [name, String(value).slice(0, 100)])) : undefined;
}

export function registerRefusalAudit(app: FastifyInstance, deps: RefusalAuditDeps): void {
  const record = async (request: FastifyRequest, reply: FastifyReply, payload: unknown, reason: string | undefined, route: string) => {
    const staff = await deps.staffOf(request).catch(() => null);
    const link = staff ? null : deps.linkOf(request);
    const params = paramsOf(request);
    recordRefusal(
      deps.db,
      refusalActor({ user: staff?.user ?? null, link, ip: request.ip }),
      {
        kind: 'route',
        name: `${request.method} ${route || '(no route)'}`,
        reason: reason ?? reasonIn(payload),
        details: { ...(staff ? { role: staff.user.role } : {}), ...(params ? { params } : {}), status: reply.statusCode },
      },
      deps.now(),
    );
  };
  // Takes `done` rather than being async: nearly every answer is not a refusal and passes at once.
  app.addHook('onSend', (request, reply, payload, done) => {
    const reason = marked.get(request);
    if (reason === undefined && reply.statusCode !== 403) return done(null, payload);
    // Fastify builds routeOptions afresh on each read, so only a refusal reads it.
    const route = request.routeOptions.url ?? '';
    // A 403 from a procedure is recorded by the procedure's middleware, with its name.
    if (reason === undefined && route.startsWith('/trpc')) return done(null, payload);
    record(request, reply, payload, reason, route).then(() => done(null, payload), (error: Error) => done(error));
  });
}
