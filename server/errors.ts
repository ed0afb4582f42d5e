/**
 * Domain errors thrown by services, and the one place that turns them (and
 * database constraint failures) into tRPC errors with a plain message.
 */
import { TRPCError } from '@trpc/server';
import Database from 'better-sqlite3';

const { SqliteError } = Database;
type SqliteError = InstanceType<typeof SqliteError>;

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  /** The server cannot do it just now (e.g. storage short), through no fault of the caller's. */
  | 'SERVICE_UNAVAILABLE';

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  /** Extra facts for the client, e.g. the current version of a record in a conflict. */
  readonly details: unknown;
  /** The caller reached for something outside its rights: recorded in the audit log as a refused call, whatever the answer says. */
  readonly refused: boolean;

  constructor(code: AppErrorCode, message: string, details?: unknown, opts: { refused?: boolean } = {}) {
    super(message);
    this.code = code;
    this.details = details;
    this.refused = opts.refused ?? code === 'FORBIDDEN';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have access to this.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const badRequest = (message: string, details?: unknown) => new AppError('BAD_REQUEST', message, details);
/**
 * A record that exists but lies outside the caller's scope (another
 * assessment's file, to a vendor's link): answered as "not found", so
 * nothing leaks about it, and recorded as a refused call.
 */
export const outOfScope = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`, undefined, { refused: true });

/** Whether an error is a refused call (403, or an out-of-scope reach answered as 404) that the audit log records. */
export function isRefusal(error: unknown): boolean {
  if (error instanceof TRPCError) return error.code === 'FORBIDDEN' || isRefusal(error.cause);
  return error instanceof AppError && error.refused;
}

function constraintMessage(error: SqliteError): { code: AppErrorCode; message: string } | null {
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return { code: 'CONFLICT', message: 'A record with these details already exists.' };
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { code: 'BAD_REQUEST', message: 'This refers to a record that does not exist, or is still in use.' };
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case 'SQLITE_CONSTRAINT_CHECK':
      return { code: 'BAD_REQUEST', message: 'A required value is missing or not allowed.' };
    case 'SQLITE_FULL':
      // The disk (or the database's size limit) is full: the write was rolled back whole.
      return { code: 'SERVICE_UNAVAILABLE', message: 'Tollgate is short of storage space just now, so nothing was saved. Try again later, and tell your Tollgate administrator if it keeps happening.' };
    default:
      return null;
  }
}

/** Maps any error a procedure throws to the TRPCError the client sees; unknown errors stay internal. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (cause instanceof AppError || cause instanceof SqliteError) return toTRPCError(cause);
    return error;
  }
  if (error instanceof AppError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  if (error instanceof SqliteError) {
    const mapped = constraintMessage(error);
    if (mapped) return new TRPCError({ code: mapped.code, message: mapped.message, cause: error });
  }
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Something went wrong on our side. Nothing was changed; please try again.',
    cause: error instanceof Error ? error : undefined,
  });
}
