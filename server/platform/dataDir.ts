/**
 * DATA_DIR holds everything worth stealing: the database (with its -wal and
 * -shm files), evidence uploads and the keys. Only the server's own user
 * may read it: directories 0700, files 0600. New files get these modes from
 * the umask the server sets at start, whatever code creates them (SQLite,
 * uploads, secrets); files left by an older version, a restore or a hand
 * copy are tightened at every start.
 */
import { accessSync, chmodSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** From now on this process creates files 0600 and directories 0700 (not available in worker threads). */
export function usePrivateFileModes(): void {
  process.umask(0o077);
}

/** Removes any permission beyond `mode`; never adds one (a read-only 0400 key stays 0400). */
export function tightenMode(file: string, mode: number): void {
  const current = statSync(file).mode & 0o777;
  if ((current & ~mode) !== 0) chmodSync(file, current & mode);
}

/** Creates `dir` if needed and makes it and everything under it private; symbolic links are left alone. */
export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenMode(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(full);
    else if (entry.isFile()) tightenMode(full, PRIVATE_FILE_MODE);
  }
}

/** Run at start, before anything is opened: DATA_DIR and its uploads directory exist and are private. */
export function prepareDataDir(dataDir: string, uploadsDir: string): void {
  makePrivate(dataDir);
  // Asked outright, a read-only mount says EROFS; left to mkdir below, it can surface as a puzzling ENOENT.
  accessSync(dataDir, constants.W_OK);
  mkdirSync(uploadsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenMode(uploadsDir, PRIVATE_DIR_MODE);
}
