/**
 * The better-auth client for staff sign-in, second factors and passkeys.
 * Every request goes through sameOriginFetch, so the server's cross-site
 * check sees our Origin, and through readableLimits, so a rate-limited
 * request reads "Too many attempts. Try again in N minutes." (or the server's
 * own words) wherever it shows.
 */
import { passkeyClient } from '@better-auth/passkey/client';
import { twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';
import { sameOriginFetch } from './trpc.ts';

/** "Too many attempts. Try again in 2 minutes." (or "in 8 seconds"), from a 429 response's Retry-After (seconds). */
export function tooManyAttemptsMessage(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds > 0 && seconds < 60) return `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Our server's fetch, with a 429 rewritten to carry a message a person can act on, unless the server already wrote one (with its code). */
export const authFetch: typeof fetch = async (input, init) => {
  const response = await sameOriginFetch(input, init);
  if (response.status !== 429) return response;
  const written = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown; message?: unknown } | null;
  if (typeof written?.code === 'string' && typeof written.message === 'string') return response;
  const message = tooManyAttemptsMessage(response.headers.get('retry-after'));
  return new Response(JSON.stringify({ code: 'TOO_MANY_REQUESTS', message, error: message }), {
    status: 429,
    statusText: 'Too Many Requests',
    headers: { 'content-type': 'application/json', 'retry-after': response.headers.get('retry-after') ?? '' },
  });
};

export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  fetchOptions: { customFetchImpl: authFetch },
  // Nothing here reads better-auth's session store (account.me does): no polling on focus.
  sessionOptions: { refetchOnWindowFocus: false },
  plugins: [twoFactorClient(), passkeyClient()],
});

/** The error half of a better-auth client result. */
export interface AuthError {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
  statusText: string;
}

export const SESSION_NOT_FRESH = 'SESSION_NOT_FRESH';

/** better-auth's terse messages, said so a person knows what to do next. */
const MESSAGES_BY_CODE: Record<string, string> = {
  INVALID_CODE: 'That code is not right. Codes change every 30 seconds: enter the one your app shows now.',
  INVALID_BACKUP_CODE: 'That recovery code is not valid, or it has been used already.',
  INVALID_TWO_FACTOR_COOKIE: 'This sign-in took too long. Start again with your email and password.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Too many wrong codes. For your safety, start again with your email and password.',
  ACCOUNT_TEMPORARILY_LOCKED:
    'Too many wrong codes in a row: codes for this account are paused for 15 minutes. Try again then, or sign in with a passkey if you have one.',
  INVALID_PASSWORD: 'That password is not right.',
  INVALID_TOKEN: 'This link is not valid or has expired. Ask your administrator for a new one.',
  AUTH_CANCELLED: 'The passkey was not used: the request was cancelled or timed out.',
  ERROR_CEREMONY_ABORTED: 'The passkey was not used: the request was cancelled or timed out.',
};

/** A sentence for a person from a better-auth error, never a bare status code. */
export function authErrorMessage(error: AuthError | null | undefined, fallback = 'Something went wrong. Please try again.'): string {
  if (!error) return fallback;
  const known = error.code ? MESSAGES_BY_CODE[error.code] : undefined;
  if (known) return known;
  if (error.message) return error.message.endsWith('.') ? error.message : `${error.message}.`;
  if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
  return fallback;
}

/** Runs a better-auth client call; a request that never reached the server becomes an error like any other. */
export async function callAuth<R extends { error: unknown }>(run: () => Promise<R>): Promise<R | { data: null; error: AuthError }> {
  try {
    return await run();
  } catch {
    return { data: null, error: { status: 0, statusText: 'NETWORK_ERROR', message: 'The server could not be reached. Check your connection and try again.' } };
  }
}
