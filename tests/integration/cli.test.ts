/** The operator CLI against a real data directory, as an operator runs it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../drizzle/schema/index.ts';
import { openDatabase } from '../../server/db/database.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

const CLI = path.resolve('server/cli/index.ts');
const run = (dataDir: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run cli', () => {
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

  it('verifies the audit chain and names the first broken entry', () => {
    const dir = makeTempDir('cli-');
    run(dir, 'user', 'create', '--email', 'one@example.com', '--role', 'admin');
    run(dir, 'user', 'create', '--email', 'two@example.com', '--role', 'ciso');
    run(dir, 'user', 'create', '--email', 'three@example.com', '--role', 'auditor');
    const ok = run(dir, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Audit chain intact: 3 entries checked.');

    // Someone edits the second entry directly in the database.
    const db = openDatabase(path.join(dir, 'tollgate.sqlite'));
    const second = db.select().from(auditEvents).all()[1]!;
    db.update(auditEvents).set({ after: { email: 'someone-else@example.com' } }).where(eq(auditEvents.id, second.id)).run();
    db.$client.close();
    const broken = run(dir, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Audit chain broken at entry #${second.id}: its content does not match its hash`);
  });
});
