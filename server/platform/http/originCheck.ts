/**
 * Refuses state-changing requests that a browser sent from another site
 * (cross-site request forgery), using Fetch Metadata and Origin. Requests
 * with neither header come from non-browser clients, which cannot carry a
 * victim's cookies without being told them.
 */
import type { FastifyInstance } from 'fastify';
import type { HttpErrorBody } from '../errors.ts';
import { markRefused } from './refusalAudit.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginCheck(app: FastifyInstance, publicUrl: string): void {
  const ownOrigin = new URL(publicUrl).origin;
  // Takes `done` rather than being async: it runs on every request.
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== 'null' && origin !== ownOrigin);
    if (crossSite) {
      // Marked: on /trpc this refusal never reaches the procedure that would otherwise record it.
      markRefused(request, 'A request from another site (cross-site request forgery check)');
      reply.code(403).send({ error: 'This request came from another site and was refused.', reason: 'NOT_ALLOWED' } satisfies HttpErrorBody);
      return;
    }
    done();
  });
}
