/**
 * Backups as an operator takes them: `npm run cli -- backup DEST` while the
 * server saves answers, `backup --verify`, and `restore` into an empty
 * DATA_DIR. Every save acknowledged before the backup began is in it, with
 * the evidence files and an audit chain that verifies.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import { migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { makeTempDir, TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';

const CLI = path.resolve('server/cli/index.ts');
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };

let dataDir: string;
let db: Db;
let server: TestServer;

beforeAll(async () => {
  dataDir = makeTempDir('backup-src-');
  db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  migrateDatabase(db);
  useAuditKey(db, TEST_AUDIT_KEY);
  ensureBuiltInTemplates(db, new Date());
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  // The saves below run as fast as the machine allows: lift the per-minute budget, as load tests do.
  server = await startTestServer(db, { uploadsDir: path.join(dataDir, 'uploads'), rateLimitPerMinute: 1_000_000 });
});
afterAll(async () => {
  await server.close();
  db.$client.close();
});

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, AUDIT_KEY: TEST_AUDIT_KEY, ...env } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function vendorCookie(): Promise<{ cookie: string; assessmentId: number }> {
  const vendorId = createVendor(db, { name: `Backup Vendor ${Math.random()}`, holdings: [{ category: 'contact.email', records: 10 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: server.base } }));
  const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Vera', recipientEmail: 'vera@vendor.example' });
  return { assessmentId, cookie: (await linkClient(server.base).openLink(url)).cookie! };
}

describe('backup and restore', { timeout: 180_000 }, () => {
  it('backs up while answers are saved, verifies, and restores into an empty DATA_DIR with every acknowledged save', async () => {
    const { cookie, assessmentId } = await vendorCookie();
    const vendor = linkClient(server.base);
    for (let i = 0; i < 3; i++) expect((await vendor.upload(cookie, { controlId: 'IAM-01' }, `policy-${i}.csv`)).status).toBe(201);
    const controls = latestPublishedVersion(db, 'lite').content.controls.map((c) => c.id);

    // Acknowledged saves: control -> the highest revision the server confirmed.
    const acknowledged = new Map<string, number>();
    let saving = true;
    const saver = (async () => {
      for (let i = 0; saving; i++) {
        const controlId = controls[i % controls.length]!;
        const saved = await vendor.portal(cookie, 'saveAnswer', { controlId, value: i % 2 ? 'yes' : 'no', comment: `save ${i}`, baseRevision: 0, overwrite: true }, 'POST');
        expect(saved.status).toBe(200);
        acknowledged.set(controlId, saved.data.revision as number);
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const ackedBeforeBackup = new Map(acknowledged);
    const dest = path.join(makeTempDir('backup-dest-'), 'copy');
    const backup = await cli({ DATA_DIR: dataDir }, 'backup', dest);
    saving = false;
    await saver;
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/3 evidence files/);
    expect(backup.output).toContain('copy it off this machine');
    expect(ackedBeforeBackup.size).toBeGreaterThan(0);

    const verified = await cli({ DATA_DIR: dataDir }, 'backup', '--verify', dest);
    expect(verified.code, verified.output).toBe(0);
    expect(verified.output).toContain('is sound');

    const restoredDir = path.join(makeTempDir('restore-'), 'data');
    const restored = await cli({ DATA_DIR: restoredDir }, 'restore', dest);
    expect(restored.code, restored.output).toBe(0);
    expect(readdirSync(path.join(restoredDir, 'uploads'))).toHaveLength(3);

    const copy = openDatabase(path.join(restoredDir, 'tollgate.sqlite'));
    try {
      expect(copy.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const [controlId, revision] of ackedBeforeBackup) {
        const row = copy.select({ revision: answers.revision }).from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, controlId), gte(answers.revision, revision))).get();
        expect(row, `${controlId} at revision ${revision}`).toBeDefined();
      }
    } finally {
      copy.$client.close();
    }
    // The restored DATA_DIR's own audit chain verifies with the same key.
    expect((await cli({ DATA_DIR: restoredDir }, 'audit', 'verify')).output).toContain('Audit chain intact');
  });

  it('restore refuses a DATA_DIR that is not empty, and --verify catches an altered evidence file', async () => {
    const dest = path.join(makeTempDir('backup-dest-'), 'copy');
    expect((await cli({ DATA_DIR: dataDir }, 'backup', dest)).code).toBe(0);

    const refused = await cli({ DATA_DIR: dataDir }, 'restore', dest);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`DATA_DIR ${dataDir} is not empty, and a restore never overwrites data`);

    const [file] = readdirSync(path.join(dest, 'uploads'));
    writeFileSync(path.join(dest, 'uploads', file!), 'altered');
    const verified = await cli({ DATA_DIR: dataDir }, 'backup', '--verify', dest);
    expect(verified.code).toBe(1);
    expect(verified.output).toContain(`evidence file ${file} differs from the manifest`);
    const restoreAltered = await cli({ DATA_DIR: path.join(makeTempDir('restore-'), 'data') }, 'restore', dest);
    expect(restoreAltered.code).toBe(1);
    expect(restoreAltered.output).toContain('did not pass its checks, so nothing was restored');
  });

  it('backup refuses a destination that already holds files', async () => {
    const dest = makeTempDir('backup-full-');
    writeFileSync(path.join(dest, 'something'), 'x');
    const refused = await cli({ DATA_DIR: dataDir }, 'backup', dest);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is not empty');
  });
});
