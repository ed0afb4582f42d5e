/** Per-route rate limits, on top of the global one set in server/app.ts. */
import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { addressBudget } from './requestCallers.ts';

/**
 * A limit checked in addition to the global one (the plugin's own route
 * hooks run only once per request, so several limits need this form).
 * Unless told otherwise it counts per client address, whatever session the
 * request carries: these are the strict limits on guessing (sign-in, link
 * tokens, codes) and on uploads, where the global budget per session does
 * not apply.
 */
export function limit(app: FastifyInstance, max: number, timeWindow: string, keyGenerator: (request: FastifyRequest) => string = addressBudget): preHandlerHookHandler {
  const check = app.createRateLimit({ max, timeWindow, keyGenerator });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    const minutes = Math.max(1, Math.ceil(result.ttlInSeconds / 60));
    return reply.code(429).send({ code: 'TOO_MANY_REQUESTS', message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` });
  };
}
