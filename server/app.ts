/**
 * The HTTP server: tRPC at /trpc, a health check, and the built SPA, behind
 * security headers and a rate limit. Built without listening, so tests
 * can start it on a free port.
 */
import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './config.ts';
import { createContextInner, type StaffUser } from './context.ts';
import { isDatabaseReachable, type Db } from './db/database.ts';
import { registerSecurityHeaders } from './http/securityHeaders.ts';
import { registerSpa } from './http/spa.ts';
import { appRouter, type AppRouter } from './routers/_app.ts';

export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/**
 * Until sign-in exists the server listens on loopback only and every
 * request acts as this local operator (docs/decisions/0004).
 */
export const LOCAL_OPERATOR: StaffUser = {
  id: 'local-operator',
  name: 'Local operator',
  email: 'operator@localhost',
  role: 'admin',
};

export interface AppOptions {
  db: Db;
  config: Pick<AppConfig, 'logLevel'>;
  clientDir?: string;
  now?: () => Date;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: opts.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    // tRPC batches several calls into one URL.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1_048_576,
  });

  await registerSecurityHeaders(app, { https: false });
  await app.register(rateLimit, { global: true, max: 600, timeWindow: '1 minute' });

  app.get('/healthz', async (_request, reply) => {
    if (isDatabaseReachable(opts.db)) return { status: 'ok' };
    return reply.code(503).send({ status: 'unavailable' });
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) =>
        createContextInner({ db: opts.db, user: LOCAL_OPERATOR, ip: req.ip, ...(opts.now ? { now: opts.now } : {}) }),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await registerSpa(app, opts.clientDir ?? DEFAULT_CLIENT_DIR);
  return app;
}
