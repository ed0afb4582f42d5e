/**
 * The HTTP server: tRPC at /trpc, authentication at /api/auth, a health
 * check, and the built SPA, behind security headers, rate limits and a
 * cross-site request check. Built without listening, so tests can start it
 * on a free port.
 */
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type Auth, createStaffSessionResolver, CLIENT_IP_HEADER, registerAuthRoutes, type StaffRequest } from './accounts/index.ts';
import { registerExportRoutes } from './vendors/index.ts';
import { linkAccessOf, registerLinkRoutes } from './portal/index.ts';
import { declareAccessForScope, registerRouteAccess, type DeclaredRoute } from './platform/http/routeAccess.ts';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, type AppConfig } from './platform/config.ts';
import { createContextInner } from './platform/context.ts';
import { isDatabaseReachable, type Db } from './platform/db/database.ts';
import { registerOriginCheck } from './platform/http/originCheck.ts';
import { requestCallers } from './platform/http/requestCallers.ts';
import { registerRefusalAudit } from './platform/http/refusalAudit.ts';
import { registerSecurityHeaders } from './platform/http/securityHeaders.ts';
import { registerSpa } from './platform/http/spa.ts';
import { registerHostileInputDefences } from './platform/hostileInput.ts';
import { storageHealth } from './platform/storageHealth.ts';
import { registerBatchLimits } from './platform/trpcBatch.ts';
import { appRouter } from './router.ts';
import { registerTrpcRoute } from './platform/trpcHttp.ts';
import { flushRefusals } from './platform/audit/refusals.ts';
import { registerStaffFileRoutes, type EvidenceLimits, EVIDENCE_LIMITS } from './assessments/index.ts';

export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    /** Every HTTP route with who may call it (platform/http/routeAccess.ts); the access test walks this list. */
    declaredRoutes: () => DeclaredRoute[];
  }
}

export interface AppOptions {
  db: Db;
  auth: Auth;
  config: Pick<AppConfig, 'logLevel' | 'publicUrl' | 'smtpUrl' | 'trustProxy' | 'uploadsDir'> & Partial<Pick<AppConfig, 'rateLimitPerMinute'>>;
  clientDir?: string;
  now?: () => Date;
  /** Evidence quotas and disk reserve, when not the documented defaults (tests use small ones). */
  evidenceLimits?: EvidenceLimits;
}

export function redactUrl(url: string): string {
  return url.replace(/\/q\/[^/?#]+/, '/q/[token]').replace(/([?&]token=)[^&#]+/g, '$1[token]');
}

const cookieName = (setCookie: string) => setCookie.slice(0, setCookie.indexOf('='));

function headersOf(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * One log line per request, when it ends, instead of Fastify's two ("incoming request" and "request completed"):
 * under load the log was a large part of a cheap request's cost (docs/benchmarks.md). Fastify's other lines
 * (errors, unknown routes) are unchanged.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // Link tokens and set-password tokens travel in URLs: they never reach the logs.
    const line = { method: request.method, url: redactUrl(request.url), ip: request.ip, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger: {
      level: opts.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        // Link tokens and set-password tokens travel in URLs: they never reach the logs.
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
      },
    },
    logController: new OneLinePerRequest(),
    trustProxy: opts.config.trustProxy,
    // tRPC batches several calls into one URL.
    routerOptions: { maxParamLength: 5000 },
    // CSV imports travel as tRPC bodies (up to 5 MB); evidence uploads have their own multipart limit.
    bodyLimit: 6 * 1_048_576,
  });

  registerHostileInputDefences(app);
  registerSecurityHeaders(app, { https: opts.config.publicUrl.startsWith('https:') });
  await app.register(cookie);
  const resolveStaff = await createStaffSessionResolver(opts.auth, opts.db);
  // The cookies better-auth rewrote while a request's session was looked up (a slid session's new end, an ended one
  // cleared), sent with that request's answer below: the browser then keeps a session as long as the server does.
  const rewrittenCookies = new WeakMap<FastifyRequest, string[]>();
  const staffRequest = (request: FastifyRequest): StaffRequest => ({
    cookies: request.cookies,
    headers: () => headersOf(request),
    setCookies: (values) => rewrittenCookies.set(request, [...(rewrittenCookies.get(request) ?? []), ...values]),
  });
  // Only a request that carries a staff cookie costs a lookup, and one that carries a link cookie another; better-auth
  // sees its headers only when it is asked. Each is looked up once per request, whoever asks first.
  const callers = requestCallers({
    staffOf: (request) => resolveStaff(staffRequest(request), now()),
    linkOf: (request) => linkAccessOf(request, opts.db, now()),
  });
  // A budget per staff session, per link session, or per address for requests with neither (platform/http/requestCallers.ts).
  await app.register(rateLimit, { global: true, max: opts.config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute', keyGenerator: callers.budgetKey });
  registerBatchLimits(app);
  // A refusal is recorded as its request ended: the session as it stands then (a sign-out may have ended it).
  const staffOf = (request: FastifyRequest) => resolveStaff(staffRequest(request), now());
  registerRefusalAudit(app, { db: opts.db, now, staffOf, linkOf: (request) => linkAccessOf(request, opts.db, now()).scope });
  // After the cookie plugin's and the refusal audit's onSend: a cookie the answer sets itself (sign-in, sign-out) wins.
  app.addHook('onSend', (request, reply, payload, done) => {
    const rewritten = rewrittenCookies.get(request);
    if (rewritten) {
      const current = reply.getHeader('set-cookie');
      const already = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).map(cookieName);
      const extra = rewritten.filter((value) => !already.includes(cookieName(value)));
      if (extra.length) reply.header('set-cookie', extra);
    }
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    try {
      flushRefusals(opts.db, now());
    } catch (error) {
      app.log.error({ err: error }, 'the count of refused calls could not be written to the audit log');
    }
  });
  registerOriginCheck(app, opts.config.publicUrl);
  const declaredRoutes = registerRouteAccess(app, { staffOf: callers.staffOf, linkOf: callers.linkOf });
  app.decorate('declaredRoutes', declaredRoutes);

  const minFreeBytes = (opts.evidenceLimits ?? EVIDENCE_LIMITS).minFreeBytes;
  app.get('/healthz', { config: { access: { kind: 'anonymous' } } }, async (_request, reply) => {
    if (!isDatabaseReachable(opts.db)) return reply.code(503).send({ status: 'unavailable' });
    // Short of storage, reads still work: 200 with "degraded", for monitoring to alert on (docs/security.md, Operations).
    const storage = storageHealth(opts.db, opts.config.uploadsDir, minFreeBytes);
    return storage.ok ? { status: 'ok' } : { status: 'degraded', storage: storage.problem };
  });

  await registerAuthRoutes(app, { auth: opts.auth, db: opts.db, publicUrl: opts.config.publicUrl, now });
  await registerLinkRoutes(app, { db: opts.db, publicUrl: opts.config.publicUrl, uploadsDir: opts.config.uploadsDir, now, ...(opts.evidenceLimits ? { evidenceLimits: opts.evidenceLimits } : {}) });
  registerStaffFileRoutes(app, { db: opts.db, uploadsDir: opts.config.uploadsDir, publicUrl: opts.config.publicUrl, now });
  await registerExportRoutes(app, { db: opts.db, now });

  // The same for every call: made once, not per request.
  const services = { auth: opts.auth, publicUrl: opts.config.publicUrl, mail: { smtpUrl: opts.config.smtpUrl } };
  await app.register(async (scope) => {
    declareAccessForScope(scope, { kind: 'procedures' });
    registerTrpcRoute(scope, {
      router: appRouter,
      createContext: async (req) => {
        const staff = await callers.staffOf(req);
        const link = callers.linkOf(req);
        return createContextInner({
          db: opts.db,
          user: staff?.user ?? null,
          link: link.scope,
          linkRefusal: link.refusal,
          mfa: staff?.mfa ?? null,
          sessionId: staff?.sessionId ?? null,
          ip: req.ip,
          now,
          services,
        });
      },
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    });
  });

  await registerSpa(app, opts.clientDir ?? DEFAULT_CLIENT_DIR);
  return app;
}
