/**
 * Real SQLite files for integration tests. The committed migrations run
 * once per test worker into a base file; each test gets its own copy,
 * which is much faster than migrating every time.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { ensureBuiltInTemplates } from '../../server/templates/questionnaires.ts';

/** The audit key of every test database (the server's comes from DATA_DIR or AUDIT_KEY). */
export { TEST_AUDIT_KEY } from './auditKey.ts';
import { TEST_AUDIT_KEY } from './auditKey.ts';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-test-'));
let baseFile: string | null = null;
let counter = 0;
const opened: Db[] = [];

function migratedBase(): string {
  if (baseFile) return baseFile;
  const file = path.join(workDir, 'base.sqlite');
  const db = openDatabase(file);
  migrateDatabase(db);
  ensureBuiltInTemplates(db, new Date('2026-01-01T00:00:00Z'));
  // Folds the WAL into the main file so a plain copy holds everything.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  baseFile = file;
  return file;
}

export interface TestDatabase {
  db: Db;
  file: string;
}

export function createTestDatabase(): TestDatabase {
  counter += 1;
  const file = path.join(workDir, `test-${counter}.sqlite`);
  copyFileSync(migratedBase(), file);
  const db = openDatabase(file);
  useAuditKey(db, TEST_AUDIT_KEY);
  opened.push(db);
  return { db, file };
}

export function makeTempDir(prefix = 'tollgate-'): string {
  return mkdtempSync(path.join(workDir, prefix));
}

afterAll(() => {
  for (const db of opened) if (db.$client.open) db.$client.close();
  rmSync(workDir, { recursive: true, force: true });
});
