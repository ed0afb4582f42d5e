/**
 * tRPC over Fastify at /trpc/:path.
 *
 * Two ways through, one protocol (ADR 0047):
 *
 * - **Direct**: the calls Tollgate's client makes (a GET of queries or a
 *   POST of mutations, one call or a batch, JSON in and JSON out) are
 *   answered here with tRPC's own public parts: `callTRPCProcedure` runs
 *   each call through its procedure and middlewares, `getTRPCErrorShape`
 *   shapes a failure through the router's error formatter,
 *   `transformTRPCResponse` encodes the answer with the router's
 *   transformer, and `getHTTPStatusCode` gives its status. The answer is
 *   one string with a Content-Length, in one write.
 * - **tRPC's resolver** (`resolveResponse`, as tRPC's own adapters use it)
 *   for everything else, for example a JSON Lines stream, a body or input
 *   that does not parse, an unknown procedure, a method that does not fit
 *   its procedure, a mixed batch (`directCalls` decides). Those answers are
 *   tRPC's own, errors included.
 *
 * Why: tRPC's resolver speaks the web Fetch API, so each call built a web
 * Request from Node's, then a web Response that was read back as a stream.
 * On this stack that machinery alone cost a no-op call about 70 µs of CPU,
 * most of every cheap request (docs/benchmarks.md). The direct way does the
 * same work without it; `trpcDirect.test.ts` sends the same calls to this
 * route and to tRPC's own Fastify plugin and compares the answers.
 *
 * No multipart parser is registered: Tollgate's procedures take JSON, and a
 * multipart body would reach tRPC unread and unbounded by the body limit.
 */
import type { IncomingMessage } from 'node:http';
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type inferRouterContext,
} from '@trpc/server';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { getHTTPStatusCode, resolveResponse, type HTTPErrorHandler } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRecord } from '#shared/isRecord.ts';

export interface TrpcRouteOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: (request: FastifyRequest) => Promise<inferRouterContext<TRouter>>;
  onError?: HTTPErrorHandler<TRouter, FastifyRequest>;
}

interface TrpcRequest {
  Params: { path: string };
  /** As Fastify parses the query: a name given twice is an array. */
  Querystring: Record<string, string | string[] | undefined>;
}

type CallType = 'query' | 'mutation';
type Answer = { result: { data: unknown } } | { error: ReturnType<typeof getTRPCErrorShape> };

/** The calls of a request the direct way can answer, or null when tRPC's resolver should. */
interface DirectCalls {
  type: CallType;
  isBatch: boolean;
  paths: string[];
  /** The inputs as sent (JSON, before the transformer), by position in the batch. */
  sent: unknown[];
}

const TYPE_OF_METHOD: Record<string, CallType | undefined> = { GET: 'query', POST: 'mutation' };

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/**
 * tRPC refuses an answer that holds a stream or promises ("use httpBatchStreamLink"); the direct way
 * refuses the same, as tRPC's resolver does, rather than send one encoded as an empty object.
 */
function isDataStream(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const isStreamLike = (v: unknown) => !!v && typeof v === 'object' && (Symbol.asyncIterator in v || typeof (v as { then?: unknown }).then === 'function');
  return isStreamLike(value) || Object.values(value).some(isStreamLike);
}

function directCalls(request: FastifyRequest<TrpcRequest>, procedures: Record<string, AnyTRPCProcedure | undefined>): DirectCalls | null {
  const type = TYPE_OF_METHOD[request.method];
  if (!type) return null;
  const { headers, query } = request;
  // Streams, connection parameters, paths that need decoding and names given twice in the query (tRPC reads the
  // first) are tRPC's resolver's to handle.
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('application/jsonl') || query.connectionParams !== undefined) return null;
  const { batch, input } = query;
  if (Array.isArray(batch) || Array.isArray(input)) return null;
  if (type === 'mutation' && !headers['content-type']?.startsWith('application/json')) return null;
  const { path } = request.params;
  if (path.includes('%')) return null;
  const isBatch = batch === '1';
  const paths = isBatch ? path.split(',') : [path];
  if (!paths.every((p) => procedures[p]?._def.type === type)) return null;

  const text = type === 'query' ? input : (request.body as string | undefined);
  if (text === undefined || text === '') return type === 'query' ? { type, isBatch, paths, sent: [] } : null;
  const parsed = parseJson(text);
  if (!parsed.ok) return null;
  if (!isBatch) return { type, isBatch, paths, sent: [parsed.value] };
  if (!isRecord(parsed.value)) return null;
  const inputs = parsed.value;
  return { type, isBatch, paths, sent: paths.map((_, index) => inputs[index]) };
}

/** Registers /trpc/:path in `scope` (an encapsulated plugin: the JSON parser it sets applies to these routes alone). */
export function registerTrpcRoute<TRouter extends AnyTRPCRouter>(scope: FastifyInstance, opts: TrpcRouteOptions<TRouter>): void {
  const { router } = opts;
  const config = router._def._config;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;

  // tRPC reads the body itself (superjson, batches): Fastify hands it over as the string received.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  /** tRPC's own resolver, for every request the direct way does not answer. */
  async function resolved(request: FastifyRequest<TrpcRequest>, reply: FastifyReply) {
    const raw = request.raw as IncomingMessage & { body?: unknown };
    raw.body = request.body;
    const response = await resolveResponse<TRouter>({
      router,
      req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
      path: request.params.path,
      error: null,
      createContext: () => opts.createContext(request),
      ...(opts.onError ? { onError: (o) => opts.onError?.({ ...o, req: request }) } : {}),
    });
    // tRPC marks what it streams (JSON Lines batches) as chunked: streamed on. Every other answer is one string.
    if (response.body === null || response.headers.has('transfer-encoding')) return reply.send(response);
    reply.code(response.status);
    for (const [name, value] of response.headers) reply.header(name, value);
    return reply.send(await response.text());
  }

  /** The direct way: tRPC's procedure calls, error shapes and encoding, without the web Request and Response. */
  async function direct(request: FastifyRequest<TrpcRequest>, reply: FastifyReply, calls: DirectCalls) {
    const { type, paths, sent } = calls;
    let ctx: inferRouterContext<TRouter> | undefined;
    let contextError: TRPCError | undefined;
    try {
      ctx = await opts.createContext(request);
    } catch (cause) {
      contextError = getTRPCErrorFromUnknown(cause);
    }
    // As in tRPC's resolver: the inputs are decoded together when the first call asks for its own, and an
    // input that does not decode is the caller's fault (400), in the decoder's words.
    let decoded: unknown[] | undefined;
    const decodeAll = () => {
      try {
        return (decoded ??= sent.map((input) => (input === undefined ? undefined : config.transformer.input.deserialize(input))));
      } catch (cause) {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
      }
    };

    const answers = await Promise.all(
      paths.map(async (path, batchIndex): Promise<Answer> => {
        let data: unknown;
        try {
          if (contextError) throw contextError;
          data = await callTRPCProcedure({ router, path, ctx, type, signal: undefined, batchIndex, getRawInput: async () => decodeAll()[batchIndex] });
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          const input = decoded?.[batchIndex];
          opts.onError?.({ error, path, input, ctx, type, req: request });
          return { error: getTRPCErrorShape({ config, ctx, error, input, path, type }) };
        }
        if (!isDataStream(data)) return { result: { data } };
        // Refused as tRPC's resolver refuses it: in a batch, as that call's answer; alone, as the request's.
        const error = new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink' });
        if (calls.isBatch) return { error: getTRPCErrorShape({ config, ctx, error, input: decoded?.[batchIndex], path, type }) };
        opts.onError?.({ error, path: undefined, input: undefined, ctx, type, req: request });
        return { error: getTRPCErrorShape({ config, ctx, error, input: undefined, path: undefined, type }) };
      }),
    );
    const body = calls.isBatch ? answers : answers[0]!;
    reply.code(getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]));
    reply.header('vary', 'trpc-accept, accept');
    reply.header('content-type', 'application/json');
    return reply.send(JSON.stringify(transformTRPCResponse(config, body as Parameters<typeof transformTRPCResponse>[1])));
  }

  scope.all<TrpcRequest>('/trpc/:path', async (request, reply) => {
    const calls = directCalls(request, procedures);
    return calls ? direct(request, reply, calls) : resolved(request, reply);
  });
}
