/**
 * The crash test (issue 15): the real server (`node server/main.ts`) takes
 * concurrent answer saves and evidence uploads over HTTP and is killed with
 * SIGKILL at a random moment, round after round, restarting on the same
 * DATA_DIR. Afterwards every acknowledged write must be there, no evidence
 * record may lack its file, `integrity_check` and `foreign_key_check` must
 * be clean and the audit chain must verify.
 *
 * Used by tests/integration/crashSafety.test.ts (a short run in the suite)
 * and by `npm run bench -- --crash [ROUNDS]` (the longer run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { answers, assessments, evidenceFiles, users, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import { migrateDatabase, openDatabase } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { useAuditKey, verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/templates/index.ts';

const MAIN = path.resolve(import.meta.dirname, '../../server/main.ts');
const AUDIT_KEY = 'crash-test-audit-key-that-is-long-enough-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const SAVERS = 4;

export interface CrashReport {
  rounds: number;
  acknowledgedSaves: number;
  acknowledgedUploads: number;
  /** Empty when every promise held. */
  problems: string[];
}

/** A DATA_DIR with one questionnaire link, prepared before the server first starts. */
async function prepare(dataDir: string): Promise<{ token: string; assessmentId: number; controls: string[] }> {
  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  migrateDatabase(db);
  useAuditKey(db, AUDIT_KEY);
  ensureBuiltInTemplates(db, new Date());
  const user = { id: 'u-crash', name: 'Crash Test', email: 'crash@tollgate.example', role: 'procurement' as const };
  db.insert(users).values(user).run();
  const vendorId = db.insert(vendors).values({ name: 'Crash Vendor' }).returning().get().id;
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: user.id, dueDate: '2030-01-31' }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user, now: () => new Date(), services: { publicUrl: 'http://localhost' } }));
  const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Cass', recipientEmail: 'cass@vendor.example' });
  db.$client.close();
  return { token: url.split('/q/')[1]!, assessmentId, controls: version.content.controls.map((c) => c.id) };
}

function start(dataDir: string): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', AUDIT_KEY, RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

export async function crashRounds(dataDir: string, rounds: number, log: (line: string) => void = () => {}): Promise<CrashReport> {
  const { token, assessmentId, controls } = await prepare(dataDir);
  /** Per question, the highest revision the server acknowledged. */
  const acknowledged = new Map<string, number>();
  const uploaded: number[] = [];
  let acknowledgedSaves = 0;
  const problems: string[] = [];

  for (let round = 1; round <= rounds; round++) {
    const server = await start(dataDir);
    const opened = await fetch(`${server.url}/q/${token}`, { redirect: 'manual' });
    const cookie = opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    let alive = true;
    const saver = async (worker: number) => {
      // Each worker has questions of its own, so its acknowledged revisions only grow.
      const mine = controls.filter((_, i) => i % SAVERS === worker);
      for (let i = 0; alive; i++) {
        const controlId = mine[i % mine.length]!;
        try {
          const response = await fetch(`${server.url}/trpc/portal.saveAnswer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ json: { controlId, value: i % 2 ? 'yes' : 'partial', comment: `round ${round} save ${i}`, baseRevision: 0, overwrite: true } }),
          });
          const text = await response.text();
          if (response.status !== 200) {
            if (alive) problems.push(`a save answered ${response.status}: ${text.slice(0, 200)}`);
            continue;
          }
          const revision = (JSON.parse(text) as { result: { data: { json: { revision: number } } } }).result.data.json.revision;
          acknowledged.set(controlId, Math.max(acknowledged.get(controlId) ?? 0, revision));
          acknowledgedSaves++;
        } catch {
          // The connection died with the server: not acknowledged, so nothing is owed.
        }
      }
    };
    // The upload route keeps its own limit of 60 a minute per address (an abuse defence that
    // RATE_LIMIT_PER_MINUTE does not lift), and each round is a new server: stay under it.
    let uploadsThisRound = 0;
    const uploader = async () => {
      while (alive) {
        if (uploadsThisRound >= 50) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        uploadsThisRound++;
        try {
          const form = new FormData();
          form.append('controlId', controls[0]!);
          form.append('file', new Blob([new Uint8Array(PDF)]), 'policy.pdf');
          const response = await fetch(`${server.url}/api/portal/evidence`, { method: 'POST', headers: { cookie }, body: form });
          const text = await response.text();
          if (response.status !== 201) {
            if (alive) problems.push(`an upload answered ${response.status}: ${text.slice(0, 200)}`);
            continue;
          }
          uploaded.push((JSON.parse(text) as { id: number }).id);
        } catch {
          // As above.
        }
      }
    };
    const load = Promise.all([...Array.from({ length: SAVERS }, (_, w) => saver(w)), uploader()]);
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
    alive = false;
    server.child.kill('SIGKILL');
    await server.exited;
    await load;
    log(`Round ${round} of ${rounds}: killed; ${acknowledgedSaves} saves and ${uploaded.length} uploads acknowledged so far.`);
  }

  // Restarted once more on the same DATA_DIR, as after any crash: it starts, and is healthy.
  const final = await start(dataDir);
  const health = (await (await fetch(`${final.url}/healthz`)).json()) as { status: string };
  if (health.status !== 'ok') problems.push(`after the crashes /healthz says ${JSON.stringify(health)}`);
  final.child.kill('SIGTERM');
  await final.exited;

  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  useAuditKey(db, AUDIT_KEY);
  try {
    for (const [controlId, revision] of acknowledged) {
      const row = db.select({ revision: answers.revision }).from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, controlId))).get();
      if ((row?.revision ?? 0) < revision) problems.push(`${controlId}: revision ${revision} was acknowledged, the database holds ${row?.revision ?? 'none'}`);
    }
    const rows = db.select({ id: evidenceFiles.id, storedName: evidenceFiles.storedName }).from(evidenceFiles).where(isNull(evidenceFiles.deletedAt)).all();
    const ids = new Set(rows.map((r) => r.id));
    for (const id of uploaded) if (!ids.has(id)) problems.push(`evidence ${id} was acknowledged and is missing`);
    for (const row of rows) if (!existsSync(path.join(dataDir, 'uploads', row.storedName))) problems.push(`evidence ${row.id} has no file`);
    const integrity = db.$client.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const orphans = db.$client.pragma('foreign_key_check') as unknown[];
    if (orphans.length) problems.push(`foreign_key_check: ${orphans.length} rows`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`the audit chain does not verify: ${chain.reason}`);
  } finally {
    db.$client.close();
  }
  return { rounds, acknowledgedSaves, acknowledgedUploads: uploaded.length, problems };
}
