/**
 * Runs CSV imports in a worker thread, so that reading, checking and
 * planning a file (about a second for the largest) never blocks the thread
 * that answers everyone's requests. The worker reads the database through
 * its own connection and never writes it; a commit's rows come back staged
 * in a file, which this thread's connection copies in one short
 * transaction (importCommit.ts). One worker runs one job at a time, in the
 * order they came; it ends after a minute without work and starts again on
 * the next import. See docs/decisions/0014-imports-off-the-request-path.md.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/serviceContext.ts';
import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ImportInput } from '#shared/schemas/inventory.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AuditActor } from '../../platform/audit/auditTrail.ts';
import { applyCommit, KEPT_CHANGING, MAX_COMMIT_ATTEMPTS, prepareCommit, type ImportResult, type PreparedCommit } from './commit.ts';
import { previewImport, type ImportPreview } from './preview.ts';

export type ImportJob =
  | { op: 'preview'; input: ImportInput }
  | { op: 'prepareCommit'; input: ImportInput; actor: AuditActor; now: Date; stagingFile: string };

/** How an error crosses from the worker: enough to throw the same kind of error here. */
export type JobError =
  | { kind: 'app'; code: AppError['code']; message: string; details: unknown }
  | { kind: 'sqlite'; code: string; message: string }
  | { kind: 'internal'; message: string; stack: string | undefined };

export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JobError };

/** Runs a job on `db` in this thread: the worker's side, and the fallback for an in-memory database no other thread can open. */
export function runJob(db: Db, job: ImportJob): ImportPreview | PreparedCommit {
  return job.op === 'preview' ? previewImport(db, job.input) : prepareCommit(db, job.input, job.actor, job.now, job.stagingFile);
}

export function toJobError(error: unknown): JobError {
  if (error instanceof AppError) return { kind: 'app', code: error.code, message: error.message, details: error.details };
  if (error instanceof Database.SqliteError) return { kind: 'sqlite', code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'internal', message: e.message, stack: e.stack };
}

function fromJobError(error: JobError): Error {
  if (error.kind === 'app') return new AppError(error.code, error.message, error.details);
  if (error.kind === 'sqlite') return new Database.SqliteError(error.message, error.code);
  const e = new Error(`Import worker: ${error.message}`);
  if (error.stack) e.stack = error.stack;
  return e;
}

const IDLE_MS = 60_000;
// Through its entry point, which registers the module-resolution hooks first (workerEntry.ts says why).
const WORKER_URL = new URL('./workerEntry.ts', import.meta.url);

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function failPending(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(WORKER_URL);
  started.on('message', (reply: JobReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(fromJobError(reply.error));
    if (pending.size === 0) idle(started);
  });
  started.on('error', (error) => failPending(error));
  started.on('exit', (code) => {
    if (worker === started) worker = null;
    if (pending.size) failPending(new Error(`The import worker stopped (exit code ${code})`));
  });
  return started;
}

/** Nothing to do: the worker no longer keeps the process alive, and ends if no job comes for a while. */
function idle(current: Worker) {
  current.unref();
  idleTimer = setTimeout(() => {
    if (worker === current && pending.size === 0) {
      worker = null;
      void current.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

function run<T extends ImportPreview | PreparedCommit>(db: Db, job: ImportJob): Promise<T> {
  if (db.$client.memory) {
    try {
      return Promise.resolve(runJob(db, job) as T);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  if (idleTimer) clearTimeout(idleTimer);
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker!.postMessage({ id, file: db.$client.name, job });
  });
}

const STAGING_PREFIX = 'import-staging-';
const checkedDirs = new Set<string>();

/**
 * Staging files left by a process stopped in the middle of a commit: removed
 * once per directory, before this process stages anything there (one server
 * per DATA_DIR, so none of them is in use).
 */
function removeLeftoverStaging(dir: string) {
  if (checkedDirs.has(dir)) return;
  checkedDirs.add(dir);
  for (const name of readdirSync(dir)) if (name.startsWith(STAGING_PREFIX)) rmSync(path.join(dir, name), { force: true });
}

/** What the file would do, checked in the import worker. */
export function previewImportInWorker(db: Db, input: ImportInput): Promise<ImportPreview> {
  return run(db, { op: 'preview', input });
}

/**
 * The whole file written, or nothing: planned and staged by the import
 * worker, written here. Planned again when someone changed the inventory
 * meanwhile, a few times at most.
 */
export async function commitImportInWorker(svc: ServiceContext, input: ImportInput): Promise<ImportResult> {
  const { db, actor, now } = svc;
  // Beside the database, so staged rows stay inside the private DATA_DIR.
  const dir = db.$client.memory ? os.tmpdir() : path.dirname(path.resolve(db.$client.name));
  if (!db.$client.memory) removeLeftoverStaging(dir);
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const stagingFile = path.join(dir, `${STAGING_PREFIX}${randomUUID()}.sqlite`);
    try {
      const prepared = await run<PreparedCommit>(db, { op: 'prepareCommit', input, actor, now, stagingFile });
      const written = await applyCommit(db, prepared, stagingFile);
      if (written) return written;
    } finally {
      rmSync(stagingFile, { force: true });
    }
  }
  throw conflict(KEPT_CHANGING);
}
