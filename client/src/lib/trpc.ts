/** The typed API client: `useQuery(trpc.vendors.list.queryOptions(input))`. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import { MAX_BATCH_CALLS } from '#shared/api.ts';
import { transformer } from '#shared/transformer.ts';
import { queryClient } from './queryClient.ts';

/**
 * The page's Referrer-Policy is no-referrer, under which browsers send
 * "Origin: null" on POST; same-origin here lets the server's cross-site
 * check see our real origin. Nothing is sent to other sites.
 */
export const sameOriginFetch: typeof fetch = (input, init) => fetch(input, { ...init, referrerPolicy: 'same-origin', credentials: 'same-origin' });

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', transformer, fetch: sameOriginFetch, maxItems: MAX_BATCH_CALLS })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

export type RouterOutputs = inferRouterOutputs<AppRouter>;
