/**
 * Storage running out, with real SQLite and real files: /healthz says
 * "degraded" (short of disk space, or the database at its size limit)
 * while reads go on; a save that cannot be written answers 503 in plain
 * words (no SQLITE_FULL, no ENOSPC) and loses nothing once space is back;
 * an upload never leaves a partial or zero-byte file.
 */
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, evidenceFiles, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { createCaller } from '../../server/router.ts';
import { EVIDENCE_LIMITS } from '../../server/assessments/evidence/evidence.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
const servers: TestServer[] = [];
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const staff = (on: TestServer) => createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: on.base } }));

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db, { evidenceLimits: { ...EVIDENCE_LIMITS, minFreeBytes: 0 } });
  servers.push(server);
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function vendorSession(on: TestServer) {
  const vendorId = createVendor(db, { name: `Storage Vendor ${Math.random()}`, holdings: [{ category: 'contact.email', records: 10 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
  const { url } = await staff(on).assessments.createShareLink({ assessmentId, recipientName: 'Vera', recipientEmail: 'vera@vendor.example' });
  return { assessmentId, cookie: (await linkClient(on.base).openLink(url)).cookie! };
}

const health = async (on: TestServer) => {
  const response = await fetch(`${on.base}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string; storage?: string } };
};

/** Caps the database at its current size, as a full disk would: the next write needing a new page fails with SQLITE_FULL. */
function capDatabase(on: boolean) {
  const pages = db.$client.pragma('page_count', { simple: true }) as number;
  db.$client.pragma(`max_page_count = ${on ? pages : 1_000_000_000}`);
}

describe('storage running out', () => {
  it('/healthz is ok with room to spare, and degraded when the disk has less free than the reserve', async () => {
    expect(await health(server)).toEqual({ status: 200, body: { status: 'ok' } });
    const short = await startTestServer(db, { evidenceLimits: { ...EVIDENCE_LIMITS, minFreeBytes: Number.MAX_SAFE_INTEGER } });
    servers.push(short);
    const answer = await health(short);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('degraded');
    expect(answer.body.storage).toMatch(/free where DATA_DIR is, less than the .* kept in reserve/);
  });

  it('a full database: saves answer 503 in plain words, /healthz says degraded, and the same save works once there is room', async () => {
    const { assessmentId, cookie } = await vendorSession(server);
    const vendor = linkClient(server.base);
    const save = () => vendor.portal(cookie, 'saveAnswer', { controlId: 'IAM-01', value: 'partial', comment: 'Rolling out keys. '.repeat(270), baseRevision: 0 }, 'POST');

    capDatabase(true);
    try {
      const refused = await save();
      expect(refused.status).toBe(503);
      expect(refused.error?.message).toBe('Tollgate is short of storage space just now, so nothing was saved. Try again later, and tell your Tollgate administrator if it keeps happening.');
      expect(JSON.stringify(refused)).not.toMatch(/SQLITE|ENOSPC/);
      expect((await health(server)).body).toEqual({ status: 'degraded', storage: 'The database has reached its size limit: saves fail until it is raised.' });
      // Reads go on.
      expect((await vendor.portal(cookie, 'questionnaire')).status).toBe(200);
    } finally {
      capDatabase(false);
    }
    expect(db.select({ n: count() }).from(answers).where(eq(answers.assessmentId, assessmentId)).get()!.n).toBe(0);
    const saved = await save();
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ revision: 1 });
    expect((await health(server)).body).toEqual({ status: 'ok' });
  });

  it('an upload leaves only its complete file: never a partial or zero-byte one, stored or refused', async () => {
    const { assessmentId, cookie } = await vendorSession(server);
    const vendor = linkClient(server.base);
    expect((await vendor.upload(cookie, { controlId: 'IAM-01' })).status).toBe(201);
    expect((await vendor.upload(cookie, { controlId: 'NOPE-01' })).status).toBe(400);
    const files = readdirSync(server.uploadsDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[\w-]{43}$/);
    expect(db.select({ name: evidenceFiles.storedName }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, assessmentId)).all()).toEqual([{ name: files[0] }]);
  });

  it('a partial file a crash left mid-write is cleared by the scheduled jobs once it is an hour old', async () => {
    const leftover = path.join(server.uploadsDir, `${'a'.repeat(43)}.part`);
    writeFileSync(leftover, '');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(leftover, twoHoursAgo, twoHoursAgo);
    await runDueJobs({ db, uploadsDir: server.uploadsDir }, { info: () => {}, error: () => {} }, new Date());
    expect(readdirSync(server.uploadsDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
