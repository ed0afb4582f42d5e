/**
 * How many tRPC calls one HTTP request may carry. The browser's batch link
 * splits anything larger; the server refuses a larger batch with 400, and
 * counts every call in a batch against the caller's request budget, so a
 * batch is never a way around the rate limits.
 */
export const MAX_BATCH_CALLS = 10;
