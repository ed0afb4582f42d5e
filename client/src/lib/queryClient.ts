/** React Query defaults for the whole app, in one place. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { errorReasonOf } from './errors.ts';

const NOT_RETRIED = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);

/** account.me's key, written out: lib/trpc.ts imports this module, so it cannot use the proxy. */
const ME_KEY = [['account', 'me']];

/**
 * A session that ended (idle timeout, deactivation, MFA reset) or now owes
 * a second factor shows up as an error on whatever was asked; checking who
 * we are again lets the sign-in guard send the person where they need to go.
 */
function recheckSessionOn(error: unknown) {
  const reason = errorReasonOf(error);
  if (reason === 'SIGN_IN_REQUIRED' || reason === 'MFA_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: recheckSessionOn }),
  mutationCache: new MutationCache({ onError: recheckSessionOn }),
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
