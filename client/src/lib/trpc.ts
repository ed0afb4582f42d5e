/** The typed API client: `useQuery(trpc.vendors.list.queryOptions(input))`. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/routers/_app.ts';
import { transformer } from '../../../shared/transformer.ts';
import { queryClient } from './queryClient.ts';

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', transformer })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

export type RouterOutputs = inferRouterOutputs<AppRouter>;
