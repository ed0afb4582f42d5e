/**
 * The ceiling: what this stack can serve at best on this machine. One tRPC
 * procedure that does nothing, through the same Fastify, tRPC adapter and
 * superjson transformer as Tollgate (same installed versions), and a bare
 * Fastify route beside it. No logging, no plugins, no database.
 * Run by the bench in its own process: PORT=... node scripts/bench/ceiling.ts
 */
import { initTRPC } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify from 'fastify';
import { transformer } from '#shared/transformer.ts';

const t = initTRPC.create({ transformer });
const ceilingRouter = t.router({ noop: t.procedure.query(() => null) });

const app = Fastify();
app.get('/bare', async () => ({ ok: true }));
await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: ceilingRouter } });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
