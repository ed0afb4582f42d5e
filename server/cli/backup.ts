/**
 * Backups an operator can trust, taken while the server serves and writes:
 *   backup DEST            a consistent copy of DATA_DIR into the new directory DEST
 *   backup --verify SRC    checks a backup without restoring it
 *   restore SRC            restores a backup into an empty DATA_DIR
 *
 * The database is copied with SQLite's online backup API, never as a file:
 * a plain copy of tollgate.sqlite taken during writes can pass
 * integrity_check yet lack acknowledged saves still in the WAL. The copy is
 * a snapshot of one moment; the evidence files copied are exactly those its
 * rows refer to, each checked against the SHA-256 stored with it. The
 * DATA_DIR key files come too (the audit key verifies the audit chain, the
 * auth secret decrypts authenticator secrets), so a backup is as secret as
 * the server itself. manifest.json records counts, sizes and hashes of
 * everything, and the audit chain's last entry as a checkpoint.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../drizzle/schema/index.ts';
import { openDatabase, type Db } from '../platform/db/database.ts';
import { lockDataDir } from '../platform/dataDirLock.ts';
import { formatCheckpoint, useAuditKey, verifyAuditChain } from '../platform/audit/auditTrail.ts';
import { AUDIT_KEY_FILE } from '../platform/secrets.ts';

export const MANIFEST = 'manifest.json';
const DATABASE = 'tollgate.sqlite';
const UPLOADS = 'uploads';
const KEY_FILES = [AUDIT_KEY_FILE, 'auth-secret'];
const FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  database: { file: string; sizeBytes: number; sha256: string; tables: Record<string, number> };
  evidence: { storedName: string; sizeBytes: number; sha256: string }[];
  keys: { file: string; sha256: string }[];
  auditChain: { entries: number; checkpoint: string | null };
}

export class BackupError extends Error {
  override name = 'BackupError';
}

const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

/** The audit key the backup's chain is checked with: AUDIT_KEY when set, else the key file beside the database. */
function auditKeyFor(dir: string, configured: string | null): string | null {
  if (configured) return configured;
  const file = path.join(dir, AUDIT_KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/** Opens a database copy read-only and checks it: integrity, foreign keys and the audit chain. */
function checkDatabase(file: string, auditKey: string | null): { problems: string[]; tables: Record<string, number>; chain: Manifest['auditChain'] } {
  const problems: string[] = [];
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') problems.push(`the database fails integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
    const orphans = sqlite.pragma('foreign_key_check') as unknown[];
    if (orphans.length) problems.push(`the database has ${orphans.length} rows whose references are missing (foreign_key_check)`);
    const tables = tableCounts(sqlite);
    let chain: Manifest['auditChain'] = { entries: tables.audit_events ?? 0, checkpoint: null };
    if (!auditKey) {
      if (chain.entries > 0) problems.push('there is no audit key to check the audit chain with: set AUDIT_KEY as the server does');
    } else {
      const drizzleDb = overConnection(sqlite);
      useAuditKey(drizzleDb, auditKey);
      const result = verifyAuditChain(drizzleDb);
      if (!result.ok) problems.push(`the audit chain does not verify: ${result.reason}${result.brokenAt ? ` (entry #${result.brokenAt})` : ''}`);
      else chain = { entries: result.entries, checkpoint: result.entries ? formatCheckpoint(result.last) : null };
    }
    return { problems, tables, chain };
  } finally {
    sqlite.close();
  }
}

/** Drizzle over an already-open connection (read-only here), for the audit service. */
function overConnection(sqlite: Database.Database): Db {
  return drizzle({ client: sqlite, schema, casing: 'snake_case' });
}

function evidenceRows(file: string): { storedName: string; sha256: string; sizeBytes: number; removed: boolean }[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // One row per stored file: a file carried over into a re-assessment has a record in each assessment.
    return (sqlite.prepare('select stored_name as storedName, sha256, size_bytes as sizeBytes, min(deleted_at is not null) as removed from evidence_files group by stored_name, sha256, size_bytes').all() as { storedName: string; sha256: string; sizeBytes: number; removed: number }[]).map(
      (r) => ({ ...r, removed: Boolean(r.removed) }),
    );
  } finally {
    sqlite.close();
  }
}

export async function createBackup(dataDir: string, dest: string, configuredAuditKey: string | null): Promise<Manifest> {
  const source = path.join(dataDir, DATABASE);
  if (!existsSync(source)) throw new BackupError(`There is no database in DATA_DIR ${dataDir} to back up.`);
  if (existsSync(dest) && readdirSync(dest).length > 0) throw new BackupError(`${dest} is not empty: give a new or empty directory, so no earlier backup is overwritten.`);
  mkdirSync(path.join(dest, UPLOADS), { recursive: true, mode: 0o700 });
  const target = path.join(dest, DATABASE);
  const live = openDatabase(source);
  try {
    // SQLite's online backup: a consistent snapshot, while the server goes on writing.
    await live.$client.backup(target);
  } finally {
    live.$client.close();
  }
  // The copy must stand alone: no WAL beside it.
  const copy = new Database(target);
  copy.pragma('journal_mode = DELETE');
  copy.close();

  const evidence: Manifest['evidence'] = [];
  for (const row of evidenceRows(target)) {
    const from = path.join(dataDir, UPLOADS, row.storedName);
    if (!existsSync(from)) {
      // A removed file may already be gone from the disk (the purge job clears it); a live one must be there.
      if (row.removed) continue;
      throw new BackupError(`Evidence file ${row.storedName} is missing from DATA_DIR ${dataDir}/uploads, yet the database refers to it. Run the backup again; if it recurs, the file was lost.`);
    }
    const to = path.join(dest, UPLOADS, row.storedName);
    copyFileSync(from, to);
    const sha256 = sha256File(to);
    if (sha256 !== row.sha256) throw new BackupError(`Evidence file ${row.storedName} does not match the SHA-256 recorded when it was uploaded: it was altered or damaged on disk.`);
    evidence.push({ storedName: row.storedName, sizeBytes: statSync(to).size, sha256 });
  }
  const keys: Manifest['keys'] = [];
  for (const name of KEY_FILES) {
    const from = path.join(dataDir, name);
    if (!existsSync(from)) continue;
    copyFileSync(from, path.join(dest, name));
    keys.push({ file: name, sha256: sha256File(from) });
  }
  const checked = checkDatabase(target, auditKeyFor(dest, configuredAuditKey));
  if (checked.problems.length) throw new BackupError(`The copy did not pass its checks: ${checked.problems.join('; ')}.`);
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    database: { file: DATABASE, sizeBytes: statSync(target).size, sha256: sha256File(target), tables: checked.tables },
    evidence,
    keys,
    auditChain: checked.chain,
  };
  writeFileSync(path.join(dest, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Everything wrong with a backup (empty when it is sound), without changing it. */
export function verifyBackup(src: string, configuredAuditKey: string | null): { problems: string[]; manifest: Manifest | null } {
  const manifestFile = path.join(src, MANIFEST);
  if (!existsSync(manifestFile)) return { problems: [`${src} has no ${MANIFEST}: it is not a Tollgate backup, or it is incomplete`], manifest: null };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return { problems: [`${MANIFEST} cannot be read`], manifest: null };
  }
  if (manifest.format !== FORMAT) return { problems: [`${MANIFEST} is in format ${manifest.format}, which this version does not know`], manifest };
  const problems: string[] = [];
  const dbFile = path.join(src, manifest.database.file);
  if (!existsSync(dbFile)) return { problems: ['the database file is missing'], manifest };
  if (sha256File(dbFile) !== manifest.database.sha256) problems.push('the database file is not the one the manifest records (its SHA-256 differs)');
  for (const file of manifest.evidence) {
    const stored = path.join(src, UPLOADS, file.storedName);
    if (!existsSync(stored)) problems.push(`evidence file ${file.storedName} is missing`);
    else if (sha256File(stored) !== file.sha256) problems.push(`evidence file ${file.storedName} differs from the manifest`);
  }
  for (const key of manifest.keys) {
    const stored = path.join(src, key.file);
    if (!existsSync(stored) || sha256File(stored) !== key.sha256) problems.push(`key file ${key.file} is missing or differs from the manifest`);
  }
  if (problems.length) return { problems, manifest };
  const checked = checkDatabase(dbFile, auditKeyFor(src, configuredAuditKey));
  problems.push(...checked.problems);
  for (const [table, rows] of Object.entries(manifest.database.tables)) {
    if (checked.tables[table] !== rows) problems.push(`table ${table} holds ${checked.tables[table] ?? 0} rows, the manifest says ${rows}`);
  }
  const live = new Set(evidenceRows(dbFile).filter((r) => !r.removed).map((r) => r.storedName));
  const inManifest = new Set(manifest.evidence.map((e) => e.storedName));
  for (const name of live) if (!inManifest.has(name)) problems.push(`evidence ${name} is in the database but not in the backup`);
  return { problems, manifest };
}

/** Restores into an empty (or new) DATA_DIR, after checking the backup; holds the DATA_DIR lock so no server starts meanwhile. */
export function restoreBackup(src: string, dataDir: string, configuredAuditKey: string | null): Manifest {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`DATA_DIR ${dataDir} is not empty, and a restore never overwrites data. Restore into a new or empty directory, then point DATA_DIR at it.`);
  }
  const { problems, manifest } = verifyBackup(src, configuredAuditKey);
  if (problems.length || !manifest) throw new BackupError(`The backup in ${src} did not pass its checks, so nothing was restored: ${problems.join('; ')}.`);
  mkdirSync(path.join(dataDir, UPLOADS), { recursive: true, mode: 0o700 });
  const lock = lockDataDir(dataDir, 'a restore');
  try {
    for (const file of manifest.evidence) copyFileSync(path.join(src, UPLOADS, file.storedName), path.join(dataDir, UPLOADS, file.storedName));
    for (const key of manifest.keys) copyFileSync(path.join(src, key.file), path.join(dataDir, key.file));
    // The database last: a DATA_DIR with a database is one a server may start on.
    copyFileSync(path.join(src, manifest.database.file), path.join(dataDir, DATABASE));
  } catch (error) {
    lock.release();
    for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    throw error;
  }
  lock.release();
  return manifest;
}
