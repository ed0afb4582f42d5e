/**
 * The one place that opens the SQLite file. WAL journal with synchronous
 * FULL: a write that was acknowledged survives a crash or power loss. The
 * file is readable by the server's user only, and so are the -wal and -shm
 * files SQLite creates beside it (it gives them the database file's mode).
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../../drizzle/schema/index.ts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenMode } from '../dataDir.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a `db.transaction((tx) => ...)` callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle/migrations', import.meta.url));

/** Creates the database file 0600 before SQLite does (SQLite would follow the umask), and tightens one left looser. */
function makeFilePrivate(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) tightenMode(f, PRIVATE_FILE_MODE);
}

export function openDatabase(file: string): Db {
  if (file !== ':memory:') makeFilePrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The WAL is copied into the database file (a checkpoint) after 10,000 pages (40 MB) rather than SQLite's 1,000:
  // the pages a burst of saves rewrites (an answer's, the audit log's tail) are copied once per checkpoint however
  // often they were written, and the checkpoint's two fsyncs come ten times less often (ADR 0049).
  sqlite.pragma('wal_autocheckpoint = 10000');
  // Deleted and overwritten content (erased outbox texts, ended sessions) is zeroed on the pages
  // SQLite writes anyway, so it does not linger in the file; FAST costs no extra I/O.
  sqlite.pragma('secure_delete = FAST');
  // Memory chosen, not inherited (docs/decisions/0031-start-up-memory.md): an 8 MB page cache for this connection
  // (SQLite's default is 2 MB; the operating system's file cache holds the rest of the file outside the process),
  // and no memory-mapped I/O, which would count the database file's pages in the server's resident memory.
  sqlite.pragma('cache_size = -8192');
  sqlite.pragma('mmap_size = 0');
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
  return beginImmediately(db);
}

/**
 * Every transaction begins IMMEDIATE unless the caller asks otherwise. A
 * deferred transaction reads under a snapshot and only asks for the write
 * lock at its first write; if another process (a second connection, the
 * CLI) wrote in between, SQLite answers SQLITE_BUSY_SNAPSHOT at once and
 * the busy timeout cannot help. Taking the write lock at BEGIN makes a
 * writer wait its turn (up to busy_timeout) instead. Nearly every
 * transaction here writes, so immediate is the default: a new one cannot
 * forget it. Savepoints (nested transactions) are unaffected.
 */
function beginImmediately(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
  return db;
}

/** Applies the committed migrations in order; safe to run on every start. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export function isDatabaseReachable(db: Db): boolean {
  try {
    return db.$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}
