/**
 * Domain errors thrown by services, and the one place that turns them (and
 * database constraint failures) into what callers see: a tRPC error for
 * procedures, a status and JSON body for the plain HTTP routes. Both carry
 * the same message for people and the same machine-readable reason.
 */
import { TRPCError } from '@trpc/server';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ErrorReason } from '#shared/errorReasons.ts';
import { describeIssues } from '#shared/schemas/common.ts';

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
  /** What went wrong, for clients to act on (shared/errorReasons.ts). */
  readonly reason: ErrorReason;
  /** Which form fields are at fault, as input validation reports them: field -> messages. */
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: AppErrorCode, message: string, details?: unknown, opts: { refused?: boolean; reason?: ErrorReason; fieldErrors?: Record<string, string[]> } = {}) {
    super(message);
    this.code = code;
    this.details = details;
    this.refused = opts.refused ?? code === 'FORBIDDEN';
    this.reason = opts.reason ?? DEFAULT_REASON[code];
    this.fieldErrors = opts.fieldErrors;
  }
}

const DEFAULT_REASON: Record<AppErrorCode, ErrorReason> = {
  BAD_REQUEST: 'INVALID_INPUT',
  UNAUTHORIZED: 'SIGN_IN_REQUIRED',
  FORBIDDEN: 'NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'NOT_READY',
  PAYLOAD_TOO_LARGE: 'TOO_LARGE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

const INTERNAL_MESSAGE = 'Something went wrong on our side. Nothing was changed; please try again.';

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have access to this.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const badRequest = (message: string, details?: unknown) => new AppError('BAD_REQUEST', message, details);
/** A value the schema accepts but a rule across fields or records refuses: a 400 that names its field, as validation does. */
export const fieldError = (field: string, message: string) => new AppError('BAD_REQUEST', `${field}: ${message}`, undefined, { fieldErrors: { [field]: [message] } });
/**
 * A record that exists but lies outside the caller's scope (another
 * assessment's file, to a vendor's link): answered as "not found", so
 * nothing leaks about it, and recorded as a refused call.
 */
export const outOfScope = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`, undefined, { refused: true });

/** A plain route's input checked by the same schema a procedure would use; a bad one is a 400 naming the field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(describeIssues(parsed.error.issues));
  return parsed.data;
}

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
    message: INTERNAL_MESSAGE,
    cause: error instanceof Error ? error : undefined,
  });
}

/** The reason a tRPC error carries to the client: its AppError's, or the one its code implies. */
export function reasonOf(error: TRPCError): ErrorReason {
  if (error.cause instanceof AppError) return error.cause.reason;
  if (error.code === 'INTERNAL_SERVER_ERROR') return 'INTERNAL';
  return DEFAULT_REASON[error.code as AppErrorCode] ?? 'INVALID_INPUT';
}

/** The JSON body of an error answer on a plain HTTP route; `error` is the message for people. */
export interface HttpErrorBody {
  error: string;
  reason: ErrorReason;
  details?: unknown;
}

/**
 * Any error a plain HTTP route throws, as its status and body: the same
 * mapping as toTRPCError, so a route and a procedure refuse alike. Unknown
 * errors never show their text.
 */
export function toHttpError(error: unknown): { status: number; body: HttpErrorBody; internal: boolean } {
  const mapped = toTRPCError(error);
  if (mapped.code === 'INTERNAL_SERVER_ERROR') return { status: 500, body: { error: INTERNAL_MESSAGE, reason: 'INTERNAL' }, internal: true };
  const appError = mapped.cause instanceof AppError ? mapped.cause : null;
  const status = HTTP_STATUS[mapped.code as AppErrorCode] ?? 400;
  return { status, body: { error: mapped.message, reason: reasonOf(mapped), ...(appError?.details !== undefined ? { details: appError.details } : {}) }, internal: false };
}
