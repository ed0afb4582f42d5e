/**
 * The direct way through /trpc (server/platform/trpcHttp.ts, ADR 0047)
 * against tRPC's own Fastify adapter, the reference: the same router and
 * context behind both, the same requests to each over real HTTP, and the
 * answers compared (status, body, content type, vary, and what reached
 * onError). The router is built on Tollgate's own base procedures, so the
 * error formatter, the access checks and the transformer are the product's.
 */
import { fastifyTRPCPlugin, type CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { TRPCError } from '@trpc/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContextInner, type Context } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { AppError } from '../../server/platform/errors.ts';
import { anonymousProcedure, linkProcedure, router } from '../../server/platform/trpc.ts';
import { registerTrpcRoute } from '../../server/platform/trpcHttp.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const testRouter = router({
  echo: anonymousProcedure.input(z.object({ when: z.date(), n: z.number().int() })).query(({ input }) => ({ when: input.when, twice: input.n * 2, at: new Date('2026-01-02T03:04:05Z') })),
  nothing: anonymousProcedure.query(() => undefined),
  add: anonymousProcedure.input(z.object({ a: z.number(), b: z.number() })).mutation(({ input }) => input.a + input.b),
  conflict: anonymousProcedure.query(() => {
    throw new AppError('CONFLICT', 'Someone saved a newer answer.', { version: 3 });
  }),
  crash: anonymousProcedure.query(() => {
    throw new Error('the disk is on fire');
  }),
  vendorOnly: linkProcedure.query(() => 'never'),
  streamy: anonymousProcedure.query(() => ({ later: Promise.resolve(1) })),
  /** Which way answered: tRPC's resolver passes each call an abort signal, the direct way none. */
  way: anonymousProcedure.query(({ signal }) => (signal ? 'resolver' : 'direct')),
});

interface Server {
  app: FastifyInstance;
  base: string;
  errors: string[];
}

let db: Db;
let direct: Server;
let reference: Server;

function contextFor(headers: Record<string, string | string[] | undefined>): Context {
  if (headers['x-context-fails']) throw new AppError('UNAUTHORIZED', 'The context could not be built.');
  return createContextInner({ db, ip: '127.0.0.1' });
}

async function start(kind: 'direct' | 'reference'): Promise<Server> {
  const app = Fastify();
  const errors: string[] = [];
  const onError = ({ error, path, type, input }: { error: TRPCError; path?: string; type: string; input: unknown }) =>
    errors.push(`${type} ${path ?? '-'} ${error.code} ${JSON.stringify(input) ?? '-'}`);
  if (kind === 'direct') {
    await app.register(async (scope) => registerTrpcRoute(scope, { router: testRouter, createContext: async (request) => contextFor(request.headers), onError }));
  } else {
    await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: testRouter, createContext: async ({ req }: CreateFastifyContextOptions) => contextFor(req.headers), onError } });
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: address, errors };
}

beforeAll(async () => {
  db = createTestDatabase().db;
  [direct, reference] = await Promise.all([start('direct'), start('reference')]);
});
afterAll(async () => {
  await Promise.all([direct.app.close(), reference.app.close()]);
});

const date = (iso: string) => ({ json: { when: iso, n: 21 }, meta: { values: { when: ['Date'] } } });
const query = (paths: string, inputs?: unknown, batch = true) =>
  `/trpc/${paths}?${batch ? 'batch=1' : ''}${inputs === undefined ? '' : `${batch ? '&' : ''}input=${encodeURIComponent(typeof inputs === 'string' ? inputs : JSON.stringify(inputs))}`}`;
const json = { 'content-type': 'application/json' };

interface Case {
  name: string;
  url: string;
  init?: RequestInit;
  /** Which way should answer it, where the router's `way` procedure can tell. */
  way?: 'direct' | 'resolver';
}

const cases: Case[] = [
  { name: 'one query, batched, with a Date in and out', url: query('echo', { 0: date('2026-05-06T07:08:09.000Z') }) },
  { name: 'one query, not batched', url: query('echo', date('2026-05-06T07:08:09.000Z'), false) },
  { name: 'a query without input', url: query('nothing') },
  { name: 'a query without input, not batched', url: '/trpc/nothing' },
  { name: 'a mixed batch: answers, a conflict with its details, a crash, a refusal (207)', url: query('echo,nothing,conflict,crash,vendorOnly', { 0: date('2026-05-06T07:08:09.000Z') }) },
  { name: 'a batch whose calls all fail the same way', url: query('conflict,conflict') },
  { name: 'input the transformer cannot read is a 400, in its words', url: query('echo,nothing', { 0: { json: {}, meta: { values: 'Date' } } }) },
  { name: 'input that fails validation, with field errors', url: query('echo', { 0: { json: { when: 'not a date', n: 1.5 } } }) },
  { name: 'an answer holding a promise is refused', url: query('streamy,nothing') },
  { name: 'an answer holding a promise is refused, not batched', url: '/trpc/streamy' },
  { name: 'one mutation', url: '/trpc/add', init: { method: 'POST', headers: json, body: JSON.stringify({ json: { a: 2, b: 3 } }) } },
  { name: 'a batch of mutations', url: '/trpc/add,add?batch=1', init: { method: 'POST', headers: json, body: JSON.stringify({ 0: { json: { a: 2, b: 3 } }, 1: { json: { a: 1, b: 'x' } } }) } },
  { name: 'a context that fails to build fails every call', url: query('echo,nothing', { 0: date('2026-05-06T07:08:09.000Z') }), init: { headers: { 'x-context-fails': '1' } } },
  { name: 'the direct way answers a batch of queries', url: query('way,nothing'), way: 'direct' },
  { name: 'the direct way answers a query, not batched', url: '/trpc/way', way: 'direct' },
  // tRPC's resolver answers the rest; these pin that its answers are unchanged.
  { name: 'an unknown procedure', url: query('echo,missing', { 0: date('2026-05-06T07:08:09.000Z') }) },
  { name: 'a GET of a mutation', url: query('add', { 0: { json: { a: 1, b: 2 } } }) },
  { name: 'a POST of a query', url: '/trpc/way?batch=1', init: { method: 'POST', headers: json, body: '{}' } },
  { name: 'a batch that mixes queries and mutations', url: '/trpc/add,way?batch=1', init: { method: 'POST', headers: json, body: '{}' } },
  { name: 'query input that is not JSON', url: query('echo', '{not json') },
  { name: 'batch input that is an array', url: query('echo', '[1]') },
  { name: 'a mutation body that is not JSON', url: '/trpc/add', init: { method: 'POST', headers: json, body: '{not json' } },
  { name: 'a mutation without a body', url: '/trpc/add', init: { method: 'POST', headers: json } },
  { name: 'a JSON Lines stream', url: query('way,nothing'), init: { headers: { 'trpc-accept': 'application/jsonl' } }, way: 'resolver' },
  { name: 'batch named twice in the query', url: `${query('echo', { 0: date('2026-05-06T07:08:09.000Z') })}&batch=1` },
  { name: 'input named twice in the query', url: `${query('echo', { 0: date('2026-05-06T07:08:09.000Z') })}&input=%7B%7D` },
  { name: 'a path that is still encoded', url: '/trpc/way%2525?batch=1' },
];

/** The body as JSON, or as text when it is not one JSON value (a JSON Lines stream). */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function answer(server: Server, c: Case) {
  server.errors.length = 0;
  const response = await fetch(server.base + c.url, c.init);
  const text = await response.text();
  return {
    status: response.status,
    // Fastify adds a charset to the string it sends; the media type is what a client reads.
    contentType: response.headers.get('content-type')?.split(';')[0],
    vary: response.headers.get('vary'),
    body: parsed(text),
    errors: [...server.errors],
  };
}

describe('the direct way answers as tRPC does', () => {
  it.each(cases.filter((c) => !c.way))('$name', async (c) => {
    expect(await answer(direct, c)).toEqual(await answer(reference, c));
  });

  // So that the comparisons above are not all answered by tRPC's resolver on both sides.
  it.each(cases.filter((c) => c.way))('$name', async (c) => {
    const ours = await answer(direct, c);
    expect(ours.status).toBe(200);
    expect(typeof ours.body === 'string' ? ours.body : JSON.stringify(ours.body)).toContain(`"${c.way}"`);
  });

  it('sends its answer in one piece, with a Content-Length', async () => {
    const response = await fetch(direct.base + query('echo,nothing', { 0: date('2026-05-06T07:08:09.000Z') }));
    const text = await response.text();
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  });
});
