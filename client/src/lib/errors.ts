/** What a failed request says, for people: the server's message, and which form field it is about. */
import { TRPCClientError } from '@trpc/client';
import { ERROR_REASONS, type ErrorReason } from '#shared/errorReasons.ts';

export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}

/**
 * The fields the server named as at fault (`data.fieldErrors`: field ->
 * messages), as field -> first message, so a form can show each under the
 * right input.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const reported = (error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(reported)) if (messages?.[0]) fields[field] = messages[0];
  return fields;
}

/** The server's machine-readable reason for an error (shared/errorReasons.ts), or null. */
export function errorReasonOf(error: unknown): ErrorReason | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason: unknown = (error.data as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && (ERROR_REASONS as readonly string[]).includes(reason) ? (reason as ErrorReason) : null;
}

/** The facts a server error carries to help recover, e.g. the id of the assessment already open. */
export function errorDetails<T>(error: unknown): Partial<T> {
  if (!(error instanceof TRPCClientError)) return {};
  const details: unknown = (error.data as { details?: unknown } | undefined)?.details;
  return details && typeof details === 'object' ? (details as Partial<T>) : {};
}
