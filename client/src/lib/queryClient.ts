/** React Query defaults for the whole app, in one place. */
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';

const NOT_RETRIED = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying an error the server meant (not found, forbidden) only delays the message.
      retry: (failureCount, error) => {
        if (error instanceof TRPCClientError && NOT_RETRIED.has(String(error.data?.code))) return false;
        return failureCount < 2;
      },
    },
  },
});
