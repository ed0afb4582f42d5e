/**
 * Crash safety, the short version that runs in the suite: the real server
 * process takes concurrent answer saves and evidence uploads over HTTP and
 * is killed with SIGKILL at a random moment, twice, then restarted on the
 * same DATA_DIR. Every acknowledged write must be there, no evidence record
 * may lack its file, and the database and the audit chain must check out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, assessments, evidenceFiles, users } from '../../drizzle/schema/index.ts';
import { createContextInner, type StaffUser } from '../../server/context.ts';
import { migrateDatabase, openDatabase } from '../../server/db/database.ts';
import { createCaller } from '../../server/routers/_app.ts';
import { useAuditKey, verifyAuditChain } from '../../server/services/audit.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/services/templates.ts';
import { createVendor } from '../helpers/factories.ts';
import { makeTempDir, TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';

const MAIN = path.resolve('server/main.ts');
const ROUNDS = 2;
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A DATA_DIR with one questionnaire link, prepared before the server first starts. */
async function prepare(dataDir: string): Promise<{ token: string; assessmentId: number; controls: string[] }> {
  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  migrateDatabase(db);
  useAuditKey(db, TEST_AUDIT_KEY);
  ensureBuiltInTemplates(db, new Date());
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  const vendorId = createVendor(db, { name: 'Crash Vendor', holdings: [{ category: 'contact.email', records: 10 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: 'http://localhost' } }));
  const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Cass', recipientEmail: 'cass@vendor.example' });
  db.$client.close();
  return { token: url.split('/q/')[1]!, assessmentId, controls: version.content.controls.map((c) => c.id) };
}

async function start(dataDir: string): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', AUDIT_KEY: TEST_AUDIT_KEY, RATE_LIMIT_PER_MINUTE: '100000' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

describe('crash safety', { timeout: 240_000 }, () => {
  it(`${ROUNDS} rounds of SIGKILL under concurrent saves and uploads lose no acknowledged write`, async () => {
    const dataDir = makeTempDir('crash-');
    const { token, assessmentId, controls } = await prepare(dataDir);
    /** Per question, the highest revision the server acknowledged. */
    const acknowledged = new Map<string, number>();
    const uploaded: number[] = [];
    let requestsAnswered = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const server = await start(dataDir);
      const opened = await fetch(`${server.url}/q/${token}`, { redirect: 'manual' });
      const cookie = opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      let alive = true;
      const saver = async (worker: number) => {
        // Each worker has questions of its own, so its acknowledged revisions only grow.
        const mine = controls.filter((_, i) => i % 4 === worker);
        for (let i = 0; alive; i++) {
          const controlId = mine[i % mine.length]!;
          try {
            const response = await fetch(`${server.url}/trpc/portal.saveAnswer`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ json: { controlId, value: i % 2 ? 'yes' : 'partial', comment: `round ${round} save ${i}`, baseRevision: 0, overwrite: true } }),
            });
            if (response.status !== 200) throw new Error(`save answered ${response.status}: ${await response.text()}`);
            const revision = ((await response.json()) as { result: { data: { json: { revision: number } } } }).result.data.json.revision;
            acknowledged.set(controlId, Math.max(acknowledged.get(controlId) ?? 0, revision));
            requestsAnswered++;
          } catch (error) {
            if (alive) throw error;
          }
        }
      };
      const uploader = async () => {
        while (alive) {
          try {
            const form = new FormData();
            form.append('controlId', controls[0]!);
            form.append('file', new Blob([new Uint8Array(PDF)]), 'policy.pdf');
            const response = await fetch(`${server.url}/api/portal/evidence`, { method: 'POST', headers: { cookie }, body: form });
            if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
            uploaded.push(((await response.json()) as { id: number }).id);
          } catch (error) {
            if (alive) throw error;
          }
        }
      };
      const load = Promise.all([0, 1, 2, 3].map(saver).concat(uploader()));
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      alive = false;
      server.child.kill('SIGKILL');
      await server.exited;
      await load;
    }
    expect(requestsAnswered).toBeGreaterThan(20);

    // Restarted once more on the same DATA_DIR, as after any crash: it starts, and is healthy.
    const final = await start(dataDir);
    expect((await (await fetch(`${final.url}/healthz`)).json())).toMatchObject({ status: 'ok' });
    final.child.kill('SIGTERM');
    await final.exited;

    const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
    useAuditKey(db, TEST_AUDIT_KEY);
    try {
      for (const [controlId, revision] of acknowledged) {
        const row = db.select({ revision: answers.revision }).from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, controlId))).get();
        expect(row?.revision ?? 0, controlId).toBeGreaterThanOrEqual(revision);
      }
      const rows = db.select({ id: evidenceFiles.id, storedName: evidenceFiles.storedName }).from(evidenceFiles).where(isNull(evidenceFiles.deletedAt)).all();
      const ids = new Set(rows.map((r) => r.id));
      for (const id of uploaded) expect(ids.has(id), `evidence ${id}`).toBe(true);
      for (const row of rows) expect(existsSync(path.join(dataDir, 'uploads', row.storedName)), row.storedName).toBe(true);
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.$client.pragma('foreign_key_check')).toEqual([]);
      expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      db.$client.close();
    }
  });
});
