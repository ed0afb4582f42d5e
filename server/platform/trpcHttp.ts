/**
 * tRPC over Fastify at /trpc/:path, answering each call with one write.
 *
 * tRPC's own Fastify plugin hands Fastify the procedure's answer as a web
 * Response, which Fastify streams: the headers and the body go out in
 * chunked encoding, read through a stream reader, and the closing chunk in
 * a second write. Tollgate's client asks for plain JSON batches (no
 * streaming, no subscriptions), so the answer is already a whole string:
 * sent as one with a Content-Length, it leaves in one write and skips the
 * stream machinery (docs/benchmarks.md, ADR 0046). Anything tRPC streams
 * (a JSON Lines batch, when a client asks for one) is streamed as the
 * plugin would.
 *
 * The request side is tRPC's public adapter API (`incomingMessageToRequest`,
 * `resolveResponse`), used as the plugin uses it. Unlike the plugin, no
 * multipart parser is registered: Tollgate's procedures take JSON, and a
 * multipart body would reach tRPC unread and unbounded by the body limit.
 */
import type { IncomingMessage } from 'node:http';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse, type HTTPErrorHandler } from '@trpc/server/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface TrpcRouteOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: (request: FastifyRequest) => Promise<inferRouterContext<TRouter>>;
  onError?: HTTPErrorHandler<TRouter, FastifyRequest>;
}

/** tRPC marks the answers it streams (JSON Lines batches, subscriptions) as chunked; every other answer is one JSON string. */
const isWhole = (response: Response) => response.body !== null && !response.headers.has('transfer-encoding');

/** Registers /trpc/:path in `scope` (an encapsulated plugin: the JSON parser it sets applies to these routes alone). */
export function registerTrpcRoute<TRouter extends AnyTRPCRouter>(scope: FastifyInstance, opts: TrpcRouteOptions<TRouter>): void {
  // tRPC reads the body itself (superjson, batches): Fastify hands it over as the string received.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  scope.all<{ Params: { path: string } }>('/trpc/:path', async (request, reply) => {
    const raw = request.raw as IncomingMessage & { body?: unknown };
    raw.body = request.body;
    const response = await resolveResponse<TRouter>({
      router: opts.router,
      req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
      path: request.params.path,
      error: null,
      createContext: () => opts.createContext(request),
      ...(opts.onError ? { onError: (o) => opts.onError?.({ ...o, req: request }) } : {}),
    });
    if (!isWhole(response)) return reply.send(response);
    reply.code(response.status);
    for (const [name, value] of response.headers) reply.header(name, value);
    return reply.send(await response.text());
  });
}
