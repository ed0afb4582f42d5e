/**
 * One server per DATA_DIR. Two would run two job schedulers and two
 * dashboard caches over one database, each unaware of the other's writes.
 *
 * The lock is an SQLite file held in an exclusive transaction for the
 * server's whole life. The operating system drops the lock when the process
 * ends, however it ends (a crash or SIGKILL leaves no stale lock to clear
 * by hand, and a reused PID cannot fool it). A small text file beside it
 * names the PID and start time for the refusal message. The operator CLI
 * does not take the lock: it may write while the server serves (every
 * transaction begins IMMEDIATE); `restore`, which replaces the database,
 * does take it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'server.lock';
const OWNER_FILE = 'server.lock.owner';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release: () => void;
}

function ownerOf(dataDir: string): string {
  try {
    const owner = JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as { pid?: number; startedAt?: string; purpose?: string };
    return ` (${owner.purpose ?? 'a server'}, process ${owner.pid ?? '?'}, started ${owner.startedAt ?? 'at an unknown time'})`;
  } catch {
    return '';
  }
}

/** Takes the lock or throws DataDirLockedError with a message naming DATA_DIR and what to do. */
export function lockDataDir(dataDir: string, purpose = 'a Tollgate server'): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
      throw new DataDirLockedError(
        `Another Tollgate server is already using DATA_DIR ${dataDir}${ownerOf(dataDir)}. ` +
          'Only one server may run per DATA_DIR: stop the other one first, or give this one its own DATA_DIR.',
      );
    }
    throw error;
  }
  writeFileSync(path.join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), purpose }));
  return {
    release: () => {
      rmSync(path.join(dataDir, OWNER_FILE), { force: true });
      lock.close();
    },
  };
}
