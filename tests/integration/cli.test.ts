/** The operator CLI against a real data directory, as an operator runs it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { users } from '../../drizzle/schema/index.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

const CLI = path.resolve('server/cli/index.ts');
function run(dataDir: string, ...args: (string | Record<string, string>)[]) {
  const env = args.find((a) => typeof a === 'object') ?? {};
  const argv = args.filter((a) => typeof a === 'string');
  const result = spawnSync(process.execPath, [CLI, ...argv], { env: { ...process.env, DATA_DIR: dataDir, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Someone with write access to the database file: the append-only triggers dropped, then any SQL. */
function tamper(dataDir: string, ...statements: string[]) {
  const sqlite = new Database(path.join(dataDir, 'tollgate.sqlite'));
  sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  for (const statement of statements) sqlite.exec(statement);
  sqlite.close();
}

// Every step starts a process that loads the server's modules: seconds each on a busy 2-core machine.
describe('npm run cli', { timeout: 240_000 }, () => {
  it('creates a user and prints a one-time set-password link', () => {
    const dir = makeTempDir('cli-');
    const result = run(dir, 'user', 'create', '--email', 'Dana@Example.com', '--role', 'auditor', '--name', 'Dana');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created Dana@Example\.com \(auditor\)/);
    expect(result.stdout).toMatch(/\/set-password\?token=[\w-]{43}/);
    const db = openDatabase(path.join(dir, 'tollgate.sqlite'));
    expect(db.select({ email: users.email, role: users.role }).from(users).all()).toEqual([{ email: 'dana@example.com', role: 'auditor' }]);
    db.$client.close();

    const again = run(dir, 'user', 'create', '--email', 'dana@example.com', '--role', 'auditor');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(run(dir, 'user', 'create', '--email', 'x@example.com', '--role', 'king').stderr).toContain('--role must be one of');
  });

  it('verifies the audit chain, prints a checkpoint, and fails once the log no longer reaches it', () => {
    const dir = makeTempDir('cli-');
    run(dir, 'user', 'create', '--email', 'one@example.com', '--role', 'admin');
    run(dir, 'user', 'create', '--email', 'two@example.com', '--role', 'ciso');
    const ok = run(dir, 'audit', 'verify');
    expect(ok).toMatchObject({ code: 0, stdout: 'Audit chain intact: 2 entries checked.\n' });

    // Only the checkpoint on standard output, so an operator can redirect it to a file kept elsewhere.
    const checkpoint = run(dir, 'audit', 'checkpoint');
    expect(checkpoint.code).toBe(0);
    expect(checkpoint.stdout).toMatch(/^2:[0-9a-f]{64}\n$/);
    expect(checkpoint.stderr).toContain('Keep it somewhere this server cannot write');
    const saved = checkpoint.stdout.trim();

    run(dir, 'user', 'create', '--email', 'three@example.com', '--role', 'auditor');
    expect(run(dir, 'audit', 'verify', '--checkpoint', saved)).toMatchObject({ code: 0, stdout: 'Audit chain intact: 3 entries checked.\nIt still reaches the checkpoint at entry #2.\n' });

    // Someone with the database file drops the triggers and removes the newest entries, sequence included.
    tamper(dir, 'DELETE FROM audit_events WHERE id >= 2', "UPDATE sqlite_sequence SET seq = 1 WHERE name = 'audit_events'");
    expect(run(dir, 'audit', 'verify')).toMatchObject({ code: 0, stdout: 'Audit chain intact: 1 entries checked.\n' });
    const truncated = run(dir, 'audit', 'verify', '--checkpoint', saved);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toBe('Audit log incomplete: the checkpoint recorded entry #2, but the log now ends at entry #1: later entries were removed.\n');

    tamper(dir, "UPDATE audit_events SET actor_label = 'Someone Else' WHERE id = 1");
    const edited = run(dir, 'audit', 'verify');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('Audit chain broken at entry #1: its content does not match its keyed hash');
    // No checkpoint vouches for a log that does not verify.
    expect(run(dir, 'audit', 'checkpoint')).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('No checkpoint was printed') });
    expect(run(dir, 'audit', 'verify', '--checkpoint', '2:not-a-hash')).toMatchObject({ code: 2, stderr: expect.stringContaining('--checkpoint must be what "audit checkpoint" printed') });
  });

  it('keeps the audit key out of the database, readable by the server only, and writes nothing under another key', () => {
    const dir = makeTempDir('cli-');
    run(dir, 'user', 'create', '--email', 'one@example.com', '--role', 'admin');
    const keyFile = path.join(dir, 'audit-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(43);
    expect(readFileSync(path.join(dir, 'tollgate.sqlite')).includes(key)).toBe(false);

    // An operator's shell without the server's key: refuse, rather than sign an entry nobody can check.
    const otherKey = run(dir, 'user', 'create', '--email', 'two@example.com', '--role', 'ciso', { AUDIT_KEY: 'not-the-server-key-but-long-enough-12345' });
    expect(otherKey.code).toBe(1);
    expect(otherKey.stderr).toContain('does not verify with this audit key, so nothing was written');
    rmSync(keyFile);
    const noKey = run(dir, 'audit', 'verify');
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('There is no audit key');
    expect(existsSync(keyFile)).toBe(false);
    const db = openDatabase(path.join(dir, 'tollgate.sqlite'));
    expect(db.select({ email: users.email }).from(users).all()).toEqual([{ email: 'one@example.com' }]);
    db.$client.close();
  }, 60_000);
});
