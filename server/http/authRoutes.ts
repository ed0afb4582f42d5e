/**
 * better-auth's endpoints under /api/auth, and the first-admin setup, with
 * rate limits per IP and per account that answer 429 with Retry-After.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { Auth } from '../auth/betterAuth.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { completeSetup, SetupInput } from '../services/setup.ts';
import { describeIssues } from '../../shared/schemas/common.ts';

/** Header through which the server tells better-auth the caller's IP; any copy sent by a client is dropped. */
export const CLIENT_IP_HEADER = 'x-tollgate-client-ip';

function toWebRequest(request: FastifyRequest, publicUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
  return new Request(new URL(request.url, publicUrl), {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
  });
}

const emailOf = (request: FastifyRequest) => {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : 'no-email';
};

/**
 * A limit checked in addition to the global one (the plugin's own route
 * hooks run only once per request, so several limits need this form).
 */
export function limit(app: FastifyInstance, max: number, timeWindow: string, keyGenerator?: (request: FastifyRequest) => string): preHandlerHookHandler {
  const check = app.createRateLimit({ max, timeWindow, ...(keyGenerator ? { keyGenerator } : {}) });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    const minutes = Math.max(1, Math.ceil(result.ttlInSeconds / 60));
    return reply.code(429).send({ code: 'TOO_MANY_REQUESTS', message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` });
  };
}

export async function registerAuthRoutes(app: FastifyInstance, deps: { auth: Auth; db: Db; publicUrl: string }): Promise<void> {
  const perIp = (max: number, timeWindow: string) => limit(app, max, timeWindow, (request) => `ip:${request.ip}:${request.routeOptions.url}`);
  const perAccount = (max: number, timeWindow: string) => limit(app, max, timeWindow, (request) => `account:${emailOf(request)}`);

  // Guessing passwords or codes is slow by design: per IP, and per account whatever the IP.
  const limits: Record<string, preHandlerHookHandler[]> = {
    '/api/auth/sign-in/email': [perIp(20, '1 minute'), perAccount(10, '15 minutes')],
    '/api/auth/two-factor/verify-totp': [perIp(10, '1 minute')],
    '/api/auth/two-factor/verify-backup-code': [perIp(10, '1 minute')],
    '/api/auth/two-factor/enable': [perIp(10, '1 minute')],
    '/api/auth/reset-password': [perIp(10, '1 minute')],
    '/api/auth/passkey/verify-authentication': [perIp(20, '1 minute')],
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const response = await deps.auth.handler(toWebRequest(request, deps.publicUrl));
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key.toLowerCase() !== 'set-cookie') reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    return reply.send(response.body ? await response.text() : null);
  };

  for (const [url, preHandler] of Object.entries(limits)) {
    app.route({ method: 'POST', url, preHandler, handler: handle });
  }
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', preHandler: [perIp(120, '1 minute')], handler: handle });

  app.post('/api/setup', { preHandler: [perIp(10, '1 minute')] }, async (request, reply) => {
    const parsed = SetupInput.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: describeIssues(parsed.error.issues) });
    try {
      const result = await completeSetup(deps.auth, deps.db, parsed.data, request.ip);
      return reply.send(result);
    } catch (error) {
      if (error instanceof AppError) return reply.code(error.code === 'CONFLICT' ? 409 : 400).send({ error: error.message });
      throw error;
    }
  });
}
