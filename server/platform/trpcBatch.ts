/**
 * A tRPC batch (`/trpc/a,b,c?batch=1`) is one HTTP request carrying many
 * calls. Left alone it would count once against the rate limit however
 * many calls it holds (100 heavy reads, or 50 emailed codes, for the price
 * of one request). So a batch may hold at most MAX_BATCH_CALLS calls (400
 * beyond that, before any runs), and each call beyond the first takes one
 * more request from the caller's budget, in the same counter as the global
 * limit (`createRateLimit()` without options shares its store and key).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BATCH_CALLS } from '#shared/api.ts';

/** The procedures a /trpc URL names: one, or several separated by commas in a batch. */
export function callsIn(url: string): number {
  const [pathPart = '', query = ''] = url.split('?', 2);
  if (!pathPart.startsWith('/trpc/')) return 0;
  if (new URLSearchParams(query).get('batch') !== '1') return 1;
  let names: string;
  try {
    names = decodeURIComponent(pathPart.slice('/trpc/'.length));
  } catch {
    return 1;
  }
  return names.split(',').length;
}

export function registerBatchLimits(app: FastifyInstance): void {
  const takeOne = app.createRateLimit();
  const takeRest = async (request: FastifyRequest, reply: FastifyReply, calls: number) => {
    // The global limit counts the request itself; the other calls are counted here.
    for (let i = 1; i < calls; i++) {
      const result = await takeOne(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', result.ttlInSeconds);
        reply.code(429).send({ code: 'TOO_MANY_REQUESTS', message: `Too many requests. Try again in ${Math.max(1, result.ttlInSeconds)} seconds.` });
        return false;
      }
    }
    return true;
  };
  // Takes `done` rather than being async: a request that is not a batch (nearly all) passes without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const calls = callsIn(request.url);
    if (calls > MAX_BATCH_CALLS) {
      reply.code(400).send({ code: 'BAD_REQUEST', message: `One request may carry at most ${MAX_BATCH_CALLS} calls; this one carries ${calls}. Send them in smaller batches.` });
      return;
    }
    if (calls <= 1) return done();
    takeRest(request, reply, calls).then((allowed) => {
      if (allowed) done();
    }, done);
  });
}
