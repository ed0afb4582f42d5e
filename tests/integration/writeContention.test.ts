/**
 * Two processes writing one DATA_DIR: the server answering concurrent
 * answer saves over HTTP while the operator CLI creates users in separate
 * processes. Every transaction begins IMMEDIATE, so a writer waits its turn
 * instead of failing with SQLITE_BUSY_SNAPSHOT. And creating a user is one
 * transaction: a step that fails leaves nothing, and the same command
 * works when run again.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditEvents, emailOutbox, setPasswordLinks, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import { migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase, makeTempDir, TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';
import { signIn } from '../helpers/auth.ts';
import { createSetupLink } from '../../server/accounts/setup.ts';

const CLI = path.resolve('server/cli/index.ts');
const admin: StaffUser = { id: 'u-admin', name: 'Ada Admin', email: 'ada@tollgate.example', role: 'admin' };

let dataDir: string;
let db: Db;
let server: TestServer;

/** A DATA_DIR as the server keeps it: the CLI finds the database at DATA_DIR/tollgate.sqlite. */
beforeAll(async () => {
  dataDir = makeTempDir('contention-');
  db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  migrateDatabase(db);
  useAuditKey(db, TEST_AUDIT_KEY);
  ensureBuiltInTemplates(db, new Date());
  db.insert(users).values({ id: admin.id, name: admin.name, email: admin.email, role: 'admin' }).run();
  // The savers below run as fast as the server answers; the budget is lifted so what is measured is contention, not the rate limit.
  server = await startTestServer(db, { rateLimitPerMinute: 1_000_000 });
});
afterAll(async () => {
  await server.close();
  db.$client.close();
});

const cliEnv = () => ({ ...process.env, DATA_DIR: dataDir, AUDIT_KEY: TEST_AUDIT_KEY });

function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv() });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const staff = () => createCaller(createContextInner({ db, user: admin, now: () => new Date(), services: { auth: server.auth, publicUrl: server.base, mail: { smtpUrl: null } } }));

async function vendorCookie(n: number): Promise<string> {
  const vendorId = createVendor(db, { name: `Contention Vendor ${n}`, holdings: [{ category: 'contact.email', records: 500 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: admin.id, dueDate: '2030-01-31' }).returning().get().id;
  const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: `vera${n}@vendor.example` });
  const opened = await fetch(url, { redirect: 'manual' });
  return opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('two writers on one DATA_DIR', { timeout: 120_000 }, () => {
  it('the CLI creates users while the server saves answers: every save and every command succeeds', async () => {
    const cookies = await Promise.all([1, 2, 3].map(vendorCookie));
    const controls = latestPublishedVersion(db, 'lite').content.controls.map((c) => c.id);
    const statuses: number[] = [];
    let saving = true;
    const saver = async (cookie: string, worker: number) => {
      for (let i = 0; saving; i++) {
        const response = await fetch(`${server.base}/trpc/portal.saveAnswer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ json: { controlId: controls[(i + worker) % controls.length], value: i % 2 ? 'yes' : 'partial', comment: `save ${worker}-${i}`, baseRevision: 0, overwrite: true } }),
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    };
    const savers = cookies.flatMap((cookie, i) => [saver(cookie, i * 2), saver(cookie, i * 2 + 1)]);
    const commands = await Promise.all(Array.from({ length: 6 }, (_, i) => cli('user', 'create', '--email', `operator${i}@tollgate.example`, '--role', 'auditor')));
    saving = false;
    await Promise.all(savers);

    for (const command of commands) expect(command, command.output).toMatchObject({ code: 0 });
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(db.select({ n: count() }).from(users).where(eq(users.role, 'auditor')).get()!.n).toBe(6);
    // Each created user has its set-password link and its audit entry.
    expect(db.select({ n: count() }).from(setPasswordLinks).get()!.n).toBeGreaterThanOrEqual(6);
    expect(db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'user.create')).get()!.n).toBe(6);
    expect(spawnSync(process.execPath, [CLI, 'audit', 'verify'], { env: cliEnv(), encoding: 'utf8' }).stdout).toMatch(/Audit chain intact/);
  });
});

describe('creating a user is one transaction', { timeout: 60_000 }, () => {
  /** A write that fails at the audit step, as a full disk or an I/O error would. */
  function failAuditWrites(on: boolean) {
    if (on) db.$client.exec(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    else db.$client.exec('DROP TRIGGER fail_audit');
  }
  const rowsFor = (email: string) => ({
    users: db.select({ n: count() }).from(users).where(eq(users.email, email)).get()!.n,
    emails: db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.to, email)).get()!.n,
  });

  it('from the CLI: a failure leaves no user behind, and running the command again creates it', async () => {
    failAuditWrites(true);
    const failed = await cli('user', 'create', '--email', 'retry@tollgate.example', '--role', 'ciso');
    failAuditWrites(false);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('retry@tollgate.example was not created, and nothing of it was written');
    expect(failed.output).toContain('Run the same command again');
    expect(failed.output).not.toMatch(/\n\s+at /);
    expect(rowsFor('retry@tollgate.example')).toEqual({ users: 0, emails: 0 });

    const retried = await cli('user', 'create', '--email', 'retry@tollgate.example', '--role', 'ciso');
    expect(retried.code, retried.output).toBe(0);
    expect(retried.output).toMatch(/\/set-password\?token=[\w-]{43}/);
    expect(rowsFor('retry@tollgate.example')).toEqual({ users: 1, emails: 1 });
  });

  it('from the Users page (users.invite): a failure leaves no user behind, and inviting again works', async () => {
    failAuditWrites(true);
    await expect(staff().users.invite({ email: 'invitee@tollgate.example', name: 'Ivy', role: 'procurement' })).rejects.toThrow();
    failAuditWrites(false);
    expect(rowsFor('invitee@tollgate.example')).toEqual({ users: 0, emails: 0 });

    const invited = await staff().users.invite({ email: 'invitee@tollgate.example', name: 'Ivy', role: 'procurement' });
    expect(invited.setPasswordUrl).toMatch(/\/set-password\?token=/);
    expect(rowsFor('invitee@tollgate.example')).toEqual({ users: 1, emails: 1 });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.targetId, invited.id)).all();
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
  });
});

describe('setting up the first administrator is one transaction', { timeout: 60_000 }, () => {
  it('a failure leaves no account and the same setup link works again; the administrator can then sign in', async () => {
    const fresh = createTestDatabase().db;
    const setupServer = await startTestServer(fresh);
    try {
      const link = await createSetupLink(setupServer.auth, fresh, setupServer.base);
      const token = new URL(link!).searchParams.get('token');
      const setUp = () =>
        fetch(`${setupServer.base}/api/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: setupServer.base },
          body: JSON.stringify({ token, name: 'First Admin', email: 'first@tollgate.example', password: 'plum kettle orbit lantern', organisation: { name: 'Skyline Air', vendorContactName: 'Risk', vendorContactEmail: 'risk@skyline.example' } }),
        });
      fresh.$client.exec(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
      const failed = await setUp();
      fresh.$client.exec('DROP TRIGGER fail_audit');
      expect(failed.status).toBe(500);
      expect(await failed.text()).not.toContain('disk I/O error');
      expect(fresh.select().from(users).all()).toEqual([]);

      const retried = await setUp();
      expect(retried.status, await retried.clone().text()).toBe(200);
      expect(fresh.select({ email: users.email, role: users.role }).from(users).all()).toEqual([{ email: 'first@tollgate.example', role: 'admin' }]);
      expect((await signIn(setupServer.base, 'first@tollgate.example', 'plum kettle orbit lantern')).status).toBe(200);
      // The link is used up.
      expect((await setUp()).status).toBe(409);
    } finally {
      await setupServer.close();
    }
  });
});
