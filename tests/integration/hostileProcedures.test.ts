/**
 * Every procedure of the router, as every kind of caller (anonymous, a
 * vendor's link session, each staff role), sent generated inputs built to
 * hurt over real HTTP: wrong types, hostile text, huge and negative
 * numbers, prototype keys, superjson annotations that lie, bodies that are
 * not JSON, the wrong content type or the wrong method. The server never
 * answers 5xx, refuses with a typed 4xx, and a refused call changes no row
 * of any table (see TABLES_A_REFUSAL_MAY_CHANGE for the few that may).
 *
 * The procedures come from the router itself, so one added later is
 * covered without touching this file. Runs are few per procedure and
 * caller (the whole suite must stay quick on two cores) but seeded: a
 * failure prints its seed and shrunk input, and FC_SEED=n explores others.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '#shared/api.ts';
import { transformer } from '#shared/transformer.ts';
import { appRouter } from '../../server/router.ts';
import type { ProcedureMeta } from '../../server/platform/trpc.ts';
import { expectCleanAnswer, FC_SEED, hostileInputFor, hostileMeta, hostileValue, nextClientIp, rowCounts, startHostileWorld, type Caller, type HostileWorld } from '../helpers/hostile.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

interface ProcedureDef {
  _def: { type: 'query' | 'mutation'; meta?: ProcedureMeta; inputs: unknown[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

function mayCall(procedure: ProcedureDef, caller: Caller): boolean {
  const access = procedure._def.meta!.access;
  switch (access.kind) {
    case 'anonymous':
      return true;
    case 'signed_in':
      return caller.name !== 'anonymous' && caller.name !== 'link';
    case 'link':
      return caller.name === 'link';
    case 'staff':
      return (access.roles as readonly string[]).includes(caller.name);
    default:
      return false;
  }
}

/** How a generated call travels: mostly as the client sends it, sometimes malformed. */
type Envelope =
  | { kind: 'proper'; input: unknown }
  | { kind: 'bare'; input: unknown }
  | { kind: 'meta'; input: unknown; meta: unknown }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'wrongMethod'; input: unknown };

const contentTypes = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', '');
const brokenText = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{"json":', '{"json":{"id":1}}}', '\u0000', 'null', '[]', '{"json":1,"json":2}', '{"__proto__":{"polluted":1},"json":{}}'));

function envelopes(schema: unknown): fc.Arbitrary<Envelope> {
  const input = hostileInputFor(schema);
  return fc.oneof(
    { weight: 6, arbitrary: input.map((i) => ({ kind: 'proper' as const, input: i })) },
    { weight: 1, arbitrary: input.map((i) => ({ kind: 'bare' as const, input: i })) },
    { weight: 1, arbitrary: fc.record({ input, meta: hostileMeta }).map((r) => ({ kind: 'meta' as const, ...r })) },
    { weight: 1, arbitrary: fc.record({ text: brokenText, contentType: contentTypes }).map((r) => ({ kind: 'text' as const, ...r })) },
    { weight: 1, arbitrary: input.map((i) => ({ kind: 'wrongMethod' as const, input: i })) },
  );
}

let world: HostileWorld;
beforeAll(async () => {
  world = await startHostileWorld(createTestDatabase().db);
});
afterAll(() => world.server.close());

async function send(path: string, type: 'query' | 'mutation', envelope: Envelope, caller: Caller): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { origin: world.server.base, 'x-forwarded-for': nextClientIp() };
  if (caller.cookie) headers.cookie = caller.cookie;
  const url = `${world.server.base}/trpc/${path}`;
  let method = type === 'query' ? 'GET' : 'POST';
  let payload: string;
  switch (envelope.kind) {
    case 'proper':
      // As the app's client sends it: superjson, so dates and undefined travel with their annotations.
      // (superjson will not write a `__proto__` key; such an input goes as plain JSON, as a hand-made client would send it.)
      try {
        payload = JSON.stringify(transformer.serialize(envelope.input));
      } catch {
        payload = JSON.stringify({ json: envelope.input });
      }
      break;
    case 'bare':
      payload = JSON.stringify(envelope.input) ?? 'null';
      break;
    case 'meta':
      payload = JSON.stringify({ json: envelope.input, meta: envelope.meta });
      break;
    case 'text':
      payload = envelope.text;
      if (envelope.contentType) headers['content-type'] = envelope.contentType;
      break;
    case 'wrongMethod':
      payload = JSON.stringify({ json: envelope.input });
      method = method === 'GET' ? 'POST' : 'GET';
      break;
  }
  if (envelope.kind !== 'text' && method === 'POST') headers['content-type'] = 'application/json';
  const response =
    method === 'GET'
      ? await fetch(`${url}?input=${encodeURIComponent(payload)}`, { headers })
      : await fetch(url, { method, headers, body: payload });
  return { status: response.status, text: await response.text() };
}

/** Node refuses request heads over 16 KB itself (431, before Tollgate sees them): a generated GET may be that long. */
const HEAD_TOO_LARGE = 431;

const RUNS_WHEN_LET_IN = 10;
const RUNS_WHEN_REFUSED = 2;

describe('every procedure, every caller, generated hostile input', () => {
  it('finds the procedures to try', () => {
    expect(procedures.length).toBeGreaterThan(50);
    for (const [path, procedure] of procedures) expect(procedure._def.meta?.access, path).toBeDefined();
  });

  // By caller, then procedure: the link session is tried before staff calls can revoke it, the administrator last.
  for (const callerIndex of [0, 1, 2, 3, 4, 5]) {
    describe(`caller ${callerIndex}`, () => {
      for (const [path, procedure] of procedures) {
        it(`${path}: never a 5xx, a typed refusal, and a refused call changes nothing`, async () => {
          const caller = world.callers[callerIndex]!;
          const runs = mayCall(procedure, caller) ? RUNS_WHEN_LET_IN : RUNS_WHEN_REFUSED;
          await fc.assert(
            fc.asyncProperty(envelopes(procedure._def.inputs[0]), async (envelope) => {
              const before = rowCounts(world.db);
              const { status, text } = await send(path, procedure._def.type, envelope, caller);
              if (status === HEAD_TOO_LARGE) return;
              expectCleanAnswer(`${caller.name} ${path} (${envelope.kind})`, status, text);
              if (status >= 400) expect(rowCounts(world.db), `${caller.name} ${path}: a refused call changed rows`).toEqual(before);
            }),
            { seed: FC_SEED + callerIndex, numRuns: runs },
          );
        });
      }
    });
  }
});

describe('generated batches', () => {
  const names = procedures.map(([path]) => path);

  it(`any mix of procedures in one request: never a 5xx, and more than ${MAX_BATCH_CALLS} calls are refused before any runs`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...world.callers.map((_, i) => i)),
        fc.array(fc.record({ path: fc.constantFrom(...names), input: hostileValue }), { minLength: 1, maxLength: 3 * MAX_BATCH_CALLS }),
        fc.constantFrom('GET', 'POST'),
        async (callerIndex, calls, method) => {
          const caller = world.callers[callerIndex]!;
          const headers: Record<string, string> = { origin: world.server.base, 'x-forwarded-for': nextClientIp() };
          if (caller.cookie) headers.cookie = caller.cookie;
          const inputs = JSON.stringify(Object.fromEntries(calls.map((c, i) => [i, { json: c.input }])));
          const url = `${world.server.base}/trpc/${calls.map((c) => c.path).join(',')}?batch=1`;
          const before = rowCounts(world.db);
          const response =
            method === 'GET'
              ? await fetch(`${url}&input=${encodeURIComponent(inputs)}`, { headers })
              : await fetch(url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: inputs });
          const text = await response.text();
          if (response.status === HEAD_TOO_LARGE) return;
          expect(response.status, text.slice(0, 300)).toBeLessThan(500);
          for (const item of response.status === 200 || response.status === 207 ? (JSON.parse(text) as unknown[]) : []) {
            expect(JSON.stringify(item)).not.toContain('"INTERNAL_SERVER_ERROR"');
          }
          if (calls.length > MAX_BATCH_CALLS) {
            expect(response.status).toBe(400);
            expect(rowCounts(world.db)).toEqual(before);
          }
          if (response.status >= 400 && !text.startsWith('[')) expectCleanAnswer(`batch of ${calls.length}`, response.status, text);
        },
      ),
      { seed: FC_SEED, numRuns: 40 },
    );
  });
});
