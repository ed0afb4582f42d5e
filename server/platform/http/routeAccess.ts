/**
 * Access and errors for the plain HTTP routes, in the same vocabulary as
 * the procedures: every route declares `config.access` (platform/access.ts),
 * one preHandler lets through only the callers it allows, and one error
 * handler answers every error through toHttpError (platform/errors.ts).
 * A route without a declaration stops the server from starting.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refusalFor, type Access } from '../access.ts';
import type { LinkRefusal, LinkScope, StaffSession } from '../callers.ts';
import { AppError, toHttpError, type HttpErrorBody } from '../errors.ts';
import { markRefused } from './refusalAudit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in staff member, on routes whose access asks for one. */
    staff: StaffSession | null;
    /** The vendor's link session, on routes whose access asks for one. */
    link: LinkScope | null;
  }
}

/** Fastify's and its plugins' own 4xx answers, in our words. */
const FRAMEWORK_REFUSALS: Record<number, HttpErrorBody> = {
  413: { error: 'The request is too large.', reason: 'TOO_LARGE' },
  415: { error: 'This content type is not accepted here.', reason: 'INVALID_INPUT' },
  429: { error: 'Too many requests. Please wait a minute and try again.', reason: 'RATE_LIMITED' },
};

export interface RouteAccessDeps {
  staffOf: (request: FastifyRequest) => Promise<StaffSession | null>;
  linkOf: (request: FastifyRequest) => { scope: LinkScope | null; refusal: LinkRefusal | null };
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

/**
 * Declares `access` for the routes a plugin registers in `scope` (static
 * files, the tRPC endpoint), which cannot take our route config.
 */
export function declareAccessForScope(scope: FastifyInstance, access: Access): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? access };
  });
}

/** Installs the access check and the error handler; returns the list of routes with their access, for tests and docs. */
export function registerRouteAccess(app: FastifyInstance, deps: RouteAccessDeps): () => DeclaredRoute[] {
  const routes: { method: string | string[]; url: string; config?: { access?: Access } }[] = [];
  app.decorateRequest('staff', null);
  app.decorateRequest('link', null);

  // Plugins' scopes set their access after this hook has seen the route, so the check waits until every route is in.
  app.addHook('onRoute', (route) => {
    routes.push(route as (typeof routes)[number]);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => !route.config?.access).map((route) => `${String(route.method)} ${route.url}`);
    if (undeclared.length) throw new Error(`Every HTTP route must declare who may call it (config.access); these do not: ${undeclared.join(', ')}`);
  });

  const check = async (request: FastifyRequest, access: Access) => {
    const link = access.kind === 'link' ? deps.linkOf(request) : { scope: null, refusal: null };
    const staff = access.kind === 'link' ? null : await deps.staffOf(request);
    const refusal = refusalFor(access, { staff, link: link.scope, linkRefusal: link.refusal });
    if (refusal) throw refusal;
    request.staff = staff;
    request.link = link.scope;
  };
  // Takes `done` rather than being async: the open routes and /trpc (whose procedures check for themselves) pass at once.
  app.addHook('preHandler', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'anonymous' || access.kind === 'procedures') return done();
    check(request, access).then(() => done(), done);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const fastifyStatus = (error as { statusCode?: number }).statusCode;
    // Fastify's own refusals (body too large, bad JSON, wrong content type) are the caller's to fix: say so plainly.
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500 && !(error instanceof AppError)) {
      // Their messages describe the request (malformed JSON, nesting too deep), never the server.
      const message = error instanceof Error && error.message ? error.message : 'The request could not be read.';
      return reply.code(fastifyStatus).send(FRAMEWORK_REFUSALS[fastifyStatus] ?? { error: message, reason: 'INVALID_INPUT' });
    }
    const { status, body, internal } = toHttpError(error);
    if (internal) request.log.error({ err: error }, 'request failed');
    else if (status === 503) request.log.warn({ err: error }, 'request refused: service unavailable');
    if (error instanceof AppError && error.refused) markRefused(request, body.error);
    return reply.code(status).send(body);
  });

  return () =>
    routes.flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method, url: route.url, access: route.config!.access! })));
}
