/** What a failed request says, for people: the server's message, and which form field it is about. */
import { TRPCClientError } from '@trpc/client';

export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}

/**
 * The server names the field at fault at the start of each line
 * ("records: records must be 0 or more"); this maps field -> message so a
 * form can show it under the right input.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return {};
  const fields: Record<string, string> = {};
  for (const line of error.message.split('\n')) {
    const match = /^([A-Za-z_]\w*)(?:\[\d+\])?(?:\.\w+)*: (.+)$/.exec(line);
    if (match && !fields[match[1]!]) fields[match[1]!] = match[2]!;
  }
  return fields;
}

/** The facts a server error carries to help recover, e.g. the id of the assessment already open. */
export function errorDetails<T>(error: unknown): Partial<T> {
  if (!(error instanceof TRPCClientError)) return {};
  const details: unknown = (error.data as { details?: unknown } | undefined)?.details;
  return details && typeof details === 'object' ? (details as Partial<T>) : {};
}
