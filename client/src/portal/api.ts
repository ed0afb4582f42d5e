/**
 * The portal's own API client and React Query defaults. It shares nothing
 * with the staff app's client code, so the portal never loads its libraries.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import { MAX_BATCH_CALLS } from '#shared/api.ts';
import { transformer } from '#shared/transformer.ts';
import { markSessionEnded, sessionEndFrom } from './lib/session.ts';

/** The page's Referrer-Policy is no-referrer; same-origin lets the server's cross-site check see our origin. */
export const sameOriginFetch: typeof fetch = (input, init) => fetch(input, { ...init, referrerPolicy: 'same-origin', credentials: 'same-origin' });

export type PortalOutputs = inferRouterOutputs<AppRouter>['portal'];
export type Overview = PortalOutputs['overview'];
export type Questionnaire = PortalOutputs['questionnaire'];
export type Control = Questionnaire['controls'][number];
export type Answer = Questionnaire['answers'][number];
export type Evidence = Questionnaire['evidence'][number];
export type Task = PortalOutputs['tasks']['tasks'][number];
export type Thread = Questionnaire['threads'][string];
export type ThreadMessage = Thread['messages'][number];
export type ReviewRequest = Overview['review']['questions'][number];
export type AnswerValue = NonNullable<Answer['value']>;

/** The tRPC error code of a failure (CONFLICT, UNAUTHORIZED...), or undefined for a network failure. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as { code?: string } | undefined;
  return data?.code;
}

/** A sentence for people: the server's own message, or what to do when it could not be reached. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && errorCode(error)) return error.message;
  return 'We could not reach Tollgate. Check your connection, then try again.';
}

/** Facts the server attached to an error: why a session ended, when to try again... */
export function errorDetails(error: unknown): unknown {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { details?: unknown } | undefined)?.details;
}

/** A lost session shows one page only: what happened, and how to go on. */
export function noteSessionError(error: unknown): void {
  if (errorCode(error) === 'UNAUTHORIZED') markSessionEnded(sessionEndFrom(errorDetails(error)));
}

const NOT_RETRIED = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED', 'TOO_MANY_REQUESTS']);

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noteSessionError }),
  mutationCache: new MutationCache({ onError: noteSessionError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !NOT_RETRIED.has(errorCode(error) ?? '') && failureCount < 2,
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', transformer, fetch: sameOriginFetch, maxItems: MAX_BATCH_CALLS })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** Keeps the cached questionnaire in step with what was just saved, so every page shows it without a refetch. */
export function updateQuestionnaire(update: (q: Questionnaire) => Questionnaire): void {
  queryClient.setQueryData(trpc.portal.questionnaire.queryKey(), (old) => (old ? update(old) : old));
  // Progress on the welcome page is counted on the server: fetched again when that page is next shown.
  void queryClient.invalidateQueries({ queryKey: trpc.portal.overview.queryKey(), refetchType: 'none' });
}
