/**
 * What can stop a server from starting because of its DATA_DIR, checked
 * before anything else runs, each with a message that names DATA_DIR, says
 * what is wrong and what to do: never a raw SQLITE_CANTOPEN, EACCES or
 * stack trace for an operator to decode.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db/database.ts';

/** A reason not to start, in words for the operator. */
export class StartupProblem extends Error {
  override name = 'StartupProblem';
}

/** Below this, the database cannot be migrated or written safely. */
export const MIN_FREE_BYTES_TO_START = 64 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.floor(bytes / 1024 ** 2)} MB`;
const codeOf = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : '');

/**
 * The message for an error met while preparing or opening DATA_DIR, or null
 * for one this module does not recognise (which then surfaces as it is).
 */
export function describeStartupError(error: unknown, dataDir: string): string | null {
  if (error instanceof StartupProblem) return error.message;
  const code = codeOf(error);
  const who = typeof process.getuid === 'function' ? ` (user id ${process.getuid()})` : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return `Tollgate cannot read and write DATA_DIR ${dataDir}: permission denied. Make the directory and everything in it owned by the user the server runs as${who}, or set DATA_DIR to a directory that user owns.`;
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return `DATA_DIR ${dataDir} is read-only, and Tollgate must write there (its database and evidence files). Mount it read-write, or set DATA_DIR to a writable directory.`;
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return `The disk holding DATA_DIR ${dataDir} is full. Free some space there (old logs, old backup copies), then start Tollgate again; nothing was changed.`;
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return `DATA_DIR ${dataDir} is not a directory (a file of that name is in the way). Move the file, or set DATA_DIR to a directory.`;
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return (
      `The database in DATA_DIR ${dataDir} (tollgate.sqlite) is damaged or is not a Tollgate database, so the server did not start and changed nothing. ` +
      'Keep the damaged file for investigation, and restore the latest backup into an empty DATA_DIR: npm run cli -- restore BACKUP_DIR.'
    );
  }
  return null;
}

/** DATA_DIR takes a new file, durably, and has room to work in. */
export function checkDataDirWritable(dataDir: string): void {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    const fd = openSync(probe, 'w', 0o600);
    try {
      writeSync(fd, 'ok');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(probe, { force: true });
  }
  const stats = statfsSync(dataDir);
  const free = stats.bavail * stats.bsize;
  if (free < MIN_FREE_BYTES_TO_START) {
    throw new StartupProblem(
      `The disk holding DATA_DIR ${dataDir} is nearly full (${megabytes(free)} free; Tollgate needs at least ${megabytes(MIN_FREE_BYTES_TO_START)} to start safely). Free some space there, then start again; nothing was changed.`,
    );
  }
}

/** The newest migration this version of Tollgate ships, by the time drizzle-kit stamped on it. */
function newestKnownMigration(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Refuses a database that a newer Tollgate has migrated. Drizzle's migrator
 * would silently apply nothing, and this older code would then run against
 * tables it does not know.
 */
export function checkDatabaseVersion(db: Db, dataDir: string, migrationsFolder: string): void {
  const table = db.$client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return; // A new database.
  const row = db.$client.prepare('select max(created_at) as newest from __drizzle_migrations').get() as { newest: number | null };
  if (row.newest !== null && Number(row.newest) > newestKnownMigration(migrationsFolder)) {
    throw new StartupProblem(
      `The database in DATA_DIR ${dataDir} was last used by a newer version of Tollgate, with changes this version does not know. ` +
        'Run that newer version (or later), or restore a backup taken with this version into an empty DATA_DIR. Nothing was changed.',
    );
  }
}
