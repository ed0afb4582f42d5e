/**
 * better-auth's endpoints under /api/auth, and the first-admin setup, with
 * rate limits per IP, and a progressive delay per account on wrong
 * passwords, that answer 429 with Retry-After.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '../platform/http/routeAccess.ts';
// Route `config.access` and `request.staff` / `request.link` (platform/http/routeAccess.ts).
import { limit } from '../platform/http/rateLimit.ts';
import type { Auth } from './betterAuth.ts';
import { KNOWN_BROWSER_COOKIE, SignInThrottle, type SignInOutcome } from './signInThrottle.ts';
import type { Db } from '../platform/db/database.ts';
import { parseInput } from '../platform/errors.ts';
import { completeSetup, SetupInput } from './setup.ts';

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


/** What a bodiless better-auth refusal says instead, as { code, message } like its other answers. */
function emptyRefusal(status: number): { code: string; message: string } {
  if (status === 404) return { code: 'NOT_FOUND', message: 'There is no such sign-in endpoint.' };
  if (status === 405) return { code: 'METHOD_NOT_ALLOWED', message: 'This sign-in endpoint does not take this method.' };
  return { code: 'REFUSED', message: 'The request was refused.' };
}

/** A wait in words: short waits in seconds, so a person is not told a minute for two seconds. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export async function registerAuthRoutes(app: FastifyInstance, deps: { auth: Auth; db: Db; publicUrl: string; now: () => Date }): Promise<void> {
  const perIp = (max: number, timeWindow: string) => limit(app, max, timeWindow, (request) => `ip:${request.ip}:${request.routeOptions.url}`);
  const throttle = new SignInThrottle(deps.db, { secret: (await deps.auth.$context).secret, secure: deps.publicUrl.startsWith('https:') });

  // Guessing is slow by design: per IP for every endpoint, and per account for passwords (signIn below).
  const limits: Record<string, preHandlerHookHandler[]> = {
    '/api/auth/two-factor/verify-totp': [perIp(10, '1 minute')],
    '/api/auth/two-factor/verify-backup-code': [perIp(10, '1 minute')],
    '/api/auth/two-factor/enable': [perIp(10, '1 minute')],
    '/api/auth/reset-password': [perIp(10, '1 minute')],
    '/api/auth/passkey/verify-authentication': [perIp(20, '1 minute')],
  };

  const forward = async (request: FastifyRequest) => {
    const webRequest = toWebRequest(request, deps.publicUrl);
    // The URL parser folds "/./" and "%2e" segments that the HTTP router does not: a path spelled
    // otherwise would reach a limited endpoint through the catch-all route and dodge its limits.
    if (new URL(webRequest.url).pathname !== request.url.split('?')[0]) return Response.json({ code: 'NOT_FOUND', message: 'Not found.' }, { status: 404 });
    return deps.auth.handler(webRequest);
  };
  const send = async (reply: FastifyReply, response: Response, extraCookies: string[] = []) => {
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key.toLowerCase() !== 'set-cookie') reply.header(key, value);
    });
    const cookies = [...response.headers.getSetCookie(), ...extraCookies];
    if (cookies.length) reply.header('set-cookie', cookies);
    const text = response.body ? await response.text() : '';
    // better-auth answers an endpoint it does not have (or has turned off) with no body or a bare "Not Found": say why, in its own JSON shape.
    if (response.status >= 400 && !(response.headers.get('content-type') ?? '').includes('json')) return reply.removeHeader('content-length').type('application/json; charset=utf-8').send(emptyRefusal(response.status));
    return reply.send(text || null);
  };
  const handle = async (request: FastifyRequest, reply: FastifyReply) => send(reply, await forward(request));

  /** Password sign-in: wrong passwords delay the next attempt of their lane; a right one clears it and marks the browser as known. */
  const signIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as { email?: unknown; password?: unknown } | undefined;
    if (typeof body?.email !== 'string' || typeof body.password !== 'string') return handle(request, reply);
    const email = body.email.trim().toLowerCase();
    const lane = throttle.laneFor(email, request.cookies[KNOWN_BROWSER_COOKIE]);
    const wait = throttle.begin(lane, deps.now());
    if (wait !== null) {
      reply.header('retry-after', wait);
      return reply
        .code(429)
        .send({ code: 'TOO_MANY_REQUESTS', message: `Too many wrong passwords for this account. For your security, wait ${waitInWords(wait)} before trying again.` });
    }
    const response = await forward(request);
    const outcome: SignInOutcome = response.status === 200 ? 'right' : response.status === 401 ? 'wrong' : 'not_checked';
    throttle.finish(lane, outcome);
    return send(reply, response, outcome === 'right' ? [throttle.knownBrowserCookie(email, lane)] : []);
  };

  // Anyone may call better-auth's endpoints: signing in is how one stops being anonymous; better-auth checks the session on the ones that need it.
  const ANYONE = { access: { kind: 'anonymous' } } as const;
  app.route({ method: 'POST', url: '/api/auth/sign-in/email', config: ANYONE, preHandler: [perIp(20, '1 minute')], handler: signIn });
  for (const [url, preHandler] of Object.entries(limits)) {
    app.route({ method: 'POST', url, config: ANYONE, preHandler, handler: handle });
  }
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', config: ANYONE, preHandler: [perIp(120, '1 minute')], handler: handle });

  // The first administrator, only while there is none (completeSetup refuses otherwise).
  app.post('/api/setup', { config: ANYONE, preHandler: [perIp(10, '1 minute')] }, async (request, reply) => {
    const input = parseInput(SetupInput, request.body);
    return reply.send(await completeSetup(deps.auth, deps.db, input, request.ip));
  });
}
