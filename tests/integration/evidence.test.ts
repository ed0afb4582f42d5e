/**
 * Evidence files over real HTTP: names in any script come back under their
 * real name to vendor and staff; macro-capable Office files are refused;
 * the form fields are checked like every other input; per-assessment
 * quotas and a disk reserve; a removed file leaves the disk; a file never
 * lands on a questionnaire submitted while it was uploading; and every
 * download (evidence and report) is in the audit log.
 */
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditEvents, evidenceFiles, linkSessions, remediationTasks, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { runDueJobs } from '../../server/jobs.ts';
import { createCaller } from '../../server/router.ts';
import { EVIDENCE_LIMITS, type EvidenceLimits } from '../../server/assessments/evidence/evidence.ts';
import { newToken } from '../../server/platform/tokens.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let staffCookie: string;
let clock = new Date('2026-06-15T09:00:00Z');
const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const servers: TestServer[] = [];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const staff = (on: TestServer = server) => createCaller(createContextInner({ db, user: procurement, now: () => clock, services: { publicUrl: on.base } }));

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: procurement.id, name: procurement.name, email: procurement.email, role: 'procurement' }).run();
  server = await startTestServer(db, { now: () => clock });
  servers.push(server);
  const auditor = await createUserWithPassword(server.auth, 'auditor');
  staffCookie = (await signIn(server.base, auditor.email)).cookie!;
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** A server of its own, with other evidence limits. */
async function serverWith(limits: Partial<EvidenceLimits>): Promise<TestServer> {
  const started = await startTestServer(db, { now: () => clock, evidenceLimits: { ...EVIDENCE_LIMITS, ...limits } });
  servers.push(started);
  return started;
}

let vendorCount = 0;
/** A new assessment with a link opened by the vendor: its id and the vendor's cookie. */
async function vendorSession(on: TestServer = server): Promise<{ assessmentId: number; cookie: string; url: string }> {
  vendorCount += 1;
  const vendorId = createVendor(db, { name: `Evidence Vendor ${vendorCount}`, holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: procurement.id, dueDate: '2030-01-31' }).returning().get().id;
  const { url } = await staff(on).assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@vendor.example' });
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  expect(cookie).toContain('tollgate_link=');
  return { assessmentId, cookie, url };
}

/** The session a vendor gets by opening its link again, e.g. after completion ended the one it answered in. */
async function reopenLink(url: string): Promise<string> {
  const opened = await fetch(url, { redirect: 'manual' });
  return opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function upload(on: TestServer, cookie: string, fields: [string, string][], name: string, bytes: Buffer) {
  const form = new FormData();
  for (const [key, value] of fields) form.append(key, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${on.base}/api/portal/evidence`, { method: 'POST', headers: { cookie }, body: form });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  return { status: response.status, body: JSON.parse(text) as any, text };
}

async function portalCall(on: TestServer, cookie: string, procedure: string, input: unknown) {
  const response = await fetch(`${on.base}/trpc/portal.${procedure}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const evidenceRows = (assessmentId: number) => db.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, assessmentId)).get()!.n;
const storedFiles = (on: TestServer) => readdirSync(on.uploadsDir);
const auditOf = (action: string, assessmentId: number) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(assessmentId)))).all();

/** The two names a Content-Disposition header carries: the ASCII fallback and the decoded UTF-8 one. */
function namesIn(header: string | null) {
  expect(header).not.toBeNull();
  // The header itself is plain ASCII, whatever the file's name.
  expect(header).toMatch(/^[\x20-\x7e]*$/);
  expect(header).toMatch(/^attachment;/);
  const fallback = /filename=(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header!);
  const extended = /filename\*=UTF-8''([^;\s]+)/.exec(header!);
  return { fallback: (fallback?.[1] ?? fallback?.[2] ?? '').replace(/\\(.)/g, '$1'), utf8: extended ? decodeURIComponent(extended[1]!) : null };
}

/** A minimal ZIP (stored, no compression): enough for an Office document's signature. */
function zip(entries: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** An OOXML document whose main part has this content type (file-type reads it from [Content_Types].xml). */
const officeFile = (folder: 'word' | 'xl', mainType: string) =>
  zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${folder}/main.xml" ContentType="${mainType}"/></Types>`,
    [`${folder}/main.xml`]: '<doc/>',
  });

/** A legacy .doc / .xls: Compound File Binary, which holds VBA macros as streams. */
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);

describe('file names in any script (review item 2)', () => {
  const cases = [
    { sent: 'SOC 2 – Type II.pdf', stored: 'SOC 2 – Type II.pdf', ascii: 'SOC 2 - Type II.pdf' },
    { sent: 'Policy’s.pdf', stored: 'Policy’s.pdf', ascii: "Policy's.pdf" },
    { sent: '信息安全政策.pdf', stored: '信息安全政策.pdf', ascii: 'evidence.pdf' },
    { sent: '🔒 Access review 2026.pdf', stored: '🔒 Access review 2026.pdf', ascii: 'Access review 2026.pdf' },
    { sent: 'Café 100%.pdf', stored: 'Café 100%.pdf', ascii: 'Cafe 100.pdf' },
    // A right-to-left override would show "Invoice\u202Efdp.exe" as "Invoiceexe.pdf"; the content is a PDF, so it ends in .pdf.
    { sent: 'Invoice\u202Efdp.exe', stored: 'Invoicefdp.exe.pdf', ascii: 'Invoicefdp.exe.pdf' },
    // Control characters and bidi marks are invisible: they go.
    { sent: 'Q3\u0007 audit\u0009report\u200F.pdf', stored: 'Q3 audit report.pdf', ascii: 'Q3 audit report.pdf' },
  ];

  it('uploads and downloads each, to the vendor and to staff, under its real name with an ASCII fallback', async () => {
    const { cookie } = await vendorSession();
    for (const { sent, stored, ascii } of cases) {
      const bytes = Buffer.concat([PDF, Buffer.from(`% ${sent}\n`)]);
      const uploaded = await upload(server, cookie, [['controlId', 'IAM-01']], sent, bytes);
      expect(uploaded.status, uploaded.text).toBe(201);
      expect(uploaded.body.name).toBe(stored);

      for (const [who, url, headers] of [
        ['vendor', `${server.base}/api/portal/evidence/${uploaded.body.id}`, { cookie }],
        ['staff', `${server.base}/api/evidence/${uploaded.body.id}`, { cookie: staffCookie }],
      ] as const) {
        const response = await fetch(url, { headers });
        expect(response.status, `${who}: ${sent}`).toBe(200);
        const names = namesIn(response.headers.get('content-disposition'));
        expect(names.fallback, `${who}: ${sent}`).toBe(ascii);
        // filename* is there whenever the fallback is not the name itself.
        expect(names.utf8 ?? names.fallback, `${who}: ${sent}`).toBe(stored);
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes), `${who}: ${sent}`).toBe(true);
      }
    }
    const listed = (await (await fetch(`${server.base}/trpc/portal.questionnaire`, { headers: { cookie } })).json()) as { result: { data: { json: { evidence: { name: string }[] } } } };
    expect(listed.result.data.json.evidence.map((e) => e.name)).toEqual(cases.map((c) => c.stored));
  });
});

describe('macro-capable Office files (review item 17)', () => {
  it('refuses .doc and .xls, and macro-enabled .docm and .xlsm, naming what is accepted; takes .docx and .xlsx', async () => {
    const { assessmentId, cookie } = await vendorSession();
    const before = storedFiles(server).length;
    const refused = [
      ['Policy.doc', CFB],
      ['Register.xls', CFB],
      ['Policy.docm', officeFile('word', 'application/vnd.ms-word.document.macroEnabled.main+xml')],
      ['Register.xlsm', officeFile('xl', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')],
      // The content decides, not the name.
      ['Renamed.docx', officeFile('word', 'application/vnd.ms-word.document.macroEnabled.main+xml')],
    ] as const;
    for (const [name, bytes] of refused) {
      const response = await upload(server, cookie, [['controlId', 'IAM-01']], name, bytes);
      expect(response.status, name).toBe(400);
      expect(response.body.error, name).toBe(
        'Older Office files (.doc, .xls, .ppt) and macro-enabled ones (.docm, .xlsm, .pptm) are not accepted: they can carry macros that run when the file is opened. Save it as PDF, .docx, .xlsx or .pptx and upload that.',
      );
    }
    expect(evidenceRows(assessmentId)).toBe(0);
    expect(storedFiles(server)).toHaveLength(before);

    const docx = await upload(server, cookie, [['controlId', 'IAM-01']], 'Policy.docx', officeFile('word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'));
    expect(docx.status, docx.text).toBe(201);
    expect(docx.body.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xlsx = await upload(server, cookie, [['controlId', 'IAM-01']], 'Register.xlsx', officeFile('xl', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'));
    expect(xlsx.status, xlsx.text).toBe(201);
    expect(evidenceRows(assessmentId)).toBe(2);
  });
});

describe('which question or task a file is for (issue 15)', () => {
  it('checks the form fields like the JSON inputs: a loose taskId, both targets or neither is a 400 and stores nothing', async () => {
    const { assessmentId, cookie } = await vendorSession();
    const before = storedFiles(server).length;
    const cases: { fields: [string, string][]; message: string }[] = [
      { fields: [['taskId', '1.5']], message: 'taskId must be a whole number' },
      { fields: [['taskId', '1e400']], message: 'taskId must be a whole number' },
      { fields: [['taskId', '0x10']], message: 'taskId must be a whole number' },
      { fields: [['taskId', ' 7']], message: 'taskId must be a whole number' },
      { fields: [['taskId', '-1']], message: 'taskId must be a whole number' },
      { fields: [['taskId', '0']], message: 'taskId must be positive' },
      { fields: [['controlId', 'IAM 01']], message: 'controlId must be a question id such as IAM-01' },
      { fields: [['controlId', 'iam-01']], message: 'iam-01 is not a question of this questionnaire.' },
      { fields: [['controlId', 'IAM-01'], ['controlId', 'IAM-02']], message: 'controlId must be a question id such as IAM-01' },
      { fields: [['controlId', 'IAM-01'], ['taskId', '1']], message: 'Say which question (controlId) or which task (taskId) the file is for' },
      { fields: [], message: 'Say which question (controlId) or which task (taskId) the file is for' },
      { fields: [['controlId', 'IAM-01'], ['assessmentId', '1']], message: 'Unrecognized key' },
    ];
    for (const { fields, message } of cases) {
      const response = await upload(server, cookie, fields, 'policy.pdf', PDF);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(response.body.error, JSON.stringify(fields)).toContain(message);
    }
    expect(evidenceRows(assessmentId)).toBe(0);
    expect(storedFiles(server).length).toBe(before);
  });

  it('checks ids in download paths the same way', async () => {
    const { cookie } = await vendorSession();
    for (const id of ['1.5', '1e3', '0x1', '-1']) {
      const vendor = await fetch(`${server.base}/api/portal/evidence/${id}`, { headers: { cookie } });
      expect(vendor.status, id).toBe(400);
      expect(((await vendor.json()) as { error: string }).error).toContain('The file id must be a whole number');
      expect((await fetch(`${server.base}/api/evidence/${id}`, { headers: { cookie: staffCookie } })).status, id).toBe(400);
      expect((await fetch(`${server.base}/api/assessments/${id}/report.pdf`, { headers: { cookie: staffCookie } })).status, id).toBe(400);
    }
  });
});

describe('a task\'s files, and the report (review items 6 and 13)', () => {
  it('takes files for an open task only, and records every download of evidence and of the report', async () => {
    const { assessmentId, cookie: answering, url } = await vendorSession();
    // Submitted with nothing answered, reviewed and completed: every question raises a task.
    await portalCall(server, answering, 'submit', { confirmUnanswered: true });
    await staff().assessments.transition({ assessmentId, to: 'in_review' });
    await staff().assessments.transition({ assessmentId, to: 'completed' });
    // Completion ends the session the vendor answered in; its link opens a new one for the tasks.
    const cookie = await reopenLink(url);
    const [open, closed] = db.select().from(remediationTasks).where(eq(remediationTasks.assessmentId, assessmentId)).all();
    db.update(remediationTasks).set({ status: 'closed' }).where(eq(remediationTasks.id, closed!.id)).run();

    const stored = await upload(server, cookie, [['taskId', String(open!.id)]], 'mfa-methods.csv', Buffer.from('method,enabled\nsms,false\n'));
    expect(stored.status, stored.text).toBe(201);
    expect(stored.body).toMatchObject({ taskId: open!.id, controlId: null, name: 'mfa-methods.csv' });
    const refused = await upload(server, cookie, [['taskId', String(closed!.id)]], 'late.csv', Buffer.from('a,b\n'));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('This task is closed: files can no longer be added to it.');
    // A question's files went with the submitted questionnaire.
    const late = await upload(server, cookie, [['controlId', 'IAM-01']], 'late.pdf', PDF);
    expect(late.status).toBe(409);
    expect(late.body.error).toContain('read-only');
    expect(evidenceRows(assessmentId)).toBe(1);

    expect((await fetch(`${server.base}/api/portal/evidence/${stored.body.id}`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${server.base}/api/evidence/${stored.body.id}`, { headers: { cookie: staffCookie } })).status).toBe(200);
    const downloads = auditOf('evidence.download', assessmentId);
    expect(downloads.map((e) => [e.actorType, e.actorLabel])).toEqual([
      ['vendor_link', 'Vera Vendor'],
      ['user', 'Test auditor'],
    ]);
    expect(downloads[0]!.after).toMatchObject({ evidenceId: stored.body.id, taskId: open!.id, name: 'mfa-methods.csv', sha256: stored.body.sha256 });
    expect(downloads[1]!.ip).toBe('127.0.0.1');

    const report = await fetch(`${server.base}/api/assessments/${assessmentId}/report.pdf`, { headers: { cookie: staffCookie } });
    expect(report.status).toBe(200);
    expect(auditOf('report.download', assessmentId).map((e) => [e.actorType, e.actorLabel, e.after])).toEqual([['user', 'Test auditor', { format: 'pdf', vendor: expect.stringMatching(/^Evidence Vendor/) }]]);
    // Refused downloads record nothing.
    expect((await fetch(`${server.base}/api/evidence/${stored.body.id}`)).status).toBe(401);
    expect(auditOf('evidence.download', assessmentId)).toHaveLength(2);
  });
});

describe('quotas and disk space (review item 10)', () => {
  it('holds an assessment to its file quota and its byte quota, with a message that says what to do', async () => {
    const small = await serverWith({ maxFilesPerAssessment: 2, maxBytesPerAssessment: 1024 * 1024, minFreeBytes: 0 });
    const byCount = await vendorSession(small);
    const first = await upload(small, byCount.cookie, [['controlId', 'IAM-01']], 'one.txt', Buffer.alloc(100, 'a'));
    expect(first.status).toBe(201);
    expect((await upload(small, byCount.cookie, [['controlId', 'IAM-02']], 'two.txt', Buffer.alloc(100, 'b'))).status).toBe(201);
    const third = await upload(small, byCount.cookie, [['controlId', 'IAM-02']], 'three.txt', Buffer.alloc(100, 'c'));
    expect(third.status).toBe(413);
    expect(third.body.error).toBe('This assessment already holds 2 files, the most it can hold. Remove a file it no longer needs, or combine several into one PDF.');
    expect(evidenceRows(byCount.assessmentId)).toBe(2);
    expect(storedFiles(small)).toHaveLength(2);
    // Removing a file makes room again.
    expect((await fetch(`${small.base}/api/portal/evidence/${first.body.id}`, { method: 'DELETE', headers: { cookie: byCount.cookie } })).status).toBe(204);
    expect((await upload(small, byCount.cookie, [['controlId', 'IAM-02']], 'three.txt', Buffer.alloc(100, 'c'))).status).toBe(201);

    const bySize = await vendorSession(small);
    const big = Buffer.alloc(600 * 1024, 'a');
    expect((await upload(small, bySize.cookie, [['controlId', 'IAM-01']], 'big.txt', big)).status).toBe(201);
    const over = await upload(small, bySize.cookie, [['controlId', 'IAM-01']], 'bigger.txt', big);
    expect(over.status).toBe(413);
    expect(over.body.error).toBe("This file would take the assessment's evidence past 1 MB, the most one assessment can hold (0.6 MB used). Remove files it no longer needs, or upload a smaller file.");
    expect(evidenceRows(bySize.assessmentId)).toBe(1);
    // Another assessment has a quota of its own.
    expect((await upload(small, (await vendorSession(small)).cookie, [['controlId', 'IAM-01']], 'big.txt', big)).status).toBe(201);
  });

  it('refuses an upload that would leave the disk short of its reserve with a 503, storing nothing and leaking no system error', async () => {
    const full = await serverWith({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const { assessmentId, cookie } = await vendorSession(full);
    const response = await upload(full, cookie, [['controlId', 'IAM-01']], 'policy.pdf', PDF);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: 'Tollgate is short of storage space and cannot take files just now. Your answers are saved; try the upload again later.', reason: 'UNAVAILABLE' });
    expect(evidenceRows(assessmentId)).toBe(0);
    expect(storedFiles(full)).toHaveLength(0);
  });

});

describe('removed evidence leaves the disk (review item 10)', () => {
  it('deletes the record and then the file, and audits what was removed', async () => {
    const { assessmentId, cookie } = await vendorSession();
    const before = new Set(storedFiles(server));
    const uploaded = await upload(server, cookie, [['controlId', 'IAM-01']], 'policy.pdf', PDF);
    const added = storedFiles(server).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const response = await fetch(`${server.base}/api/portal/evidence/${uploaded.body.id}`, { method: 'DELETE', headers: { cookie } });
    expect(response.status).toBe(204);
    expect(storedFiles(server)).not.toContain(added[0]);
    expect(evidenceRows(assessmentId)).toBe(0);
    expect(auditOf('evidence.remove', assessmentId).map((e) => e.before)).toEqual([
      { evidenceId: uploaded.body.id, controlId: 'IAM-01', taskId: null, name: 'policy.pdf', sizeBytes: PDF.length, sha256: uploaded.body.sha256 },
    ]);
    expect((await fetch(`${server.base}/api/portal/evidence/${uploaded.body.id}`, { headers: { cookie } })).status).toBe(404);
  });

  it('keeps the files of a submitted questionnaire', async () => {
    const { assessmentId, cookie } = await vendorSession();
    const uploaded = await upload(server, cookie, [['controlId', 'IAM-01']], 'policy.pdf', PDF);
    await portalCall(server, cookie, 'submit', { confirmUnanswered: true });
    const response = await fetch(`${server.base}/api/portal/evidence/${uploaded.body.id}`, { method: 'DELETE', headers: { cookie } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toBe('This file belongs to a submitted questionnaire and stays on record.');
    expect(evidenceRows(assessmentId)).toBe(1);
    expect((await fetch(`${server.base}/api/evidence/${uploaded.body.id}`, { headers: { cookie: staffCookie } })).status).toBe(200);
  });

  it('clears, as a scheduled job, files of records removed by earlier versions and files no record points at', async () => {
    const { assessmentId } = await vendorSession();
    const uploadsDir = makeTempDir('uploads-');
    const now = new Date();
    const file = (name: string, ageMinutes: number) => {
      writeFileSync(path.join(uploadsDir, name), 'x');
      const at = new Date(now.getTime() - ageMinutes * 60_000);
      utimesSync(path.join(uploadsDir, name), at, at);
      return name;
    };
    const row = (storedName: string, deletedAt: Date | null) =>
      db.insert(evidenceFiles).values({ assessmentId, controlId: 'IAM-01', originalName: `${storedName.slice(0, 6)}.pdf`, storedName, mimeType: 'application/pdf', sizeBytes: 1, sha256: '0'.repeat(64), uploadedBy: 'Vera', deletedAt, createdAt: now }).returning().get();
    // Kept on disk and in the table by an earlier version, hidden since: both go.
    const removedLongAgo = row(file(newToken(), 60 * 24 * 30), new Date('2026-01-01T00:00:00Z'));
    // In use: stays, however old.
    const live = file(newToken(), 60 * 24 * 30);
    row(live, null);
    // No record: a crash between a commit and deleting the file. Old ones go; a young one may be an upload still being stored.
    file(newToken(), 120);
    const young = file(newToken(), 5);
    // Not a stored name: never touched.
    const other = file('README.txt', 60 * 24 * 30);

    const logged: object[] = [];
    const log = { info: (details: object) => logged.push(details), error: (details: object) => logged.push(details) };
    await runDueJobs({ db, uploadsDir }, log, now, 1);
    expect(readdirSync(uploadsDir).sort()).toEqual([live, young, other].sort());
    expect(db.select().from(evidenceFiles).where(eq(evidenceFiles.id, removedLongAgo.id)).get()).toBeUndefined();
    expect(auditOf('evidence.purge', assessmentId).map((e) => [e.actorType, (e.before as { evidenceId: number }).evidenceId])).toEqual([['system', removedLongAgo.id]]);
    expect(logged).toContainEqual({ job: 'unused evidence files', done: 2 });
  });
});

describe('a file in flight while the questionnaire is submitted (review item 13)', () => {
  it('refuses it once the questionnaire is submitted, and keeps no file', async () => {
    const { assessmentId, cookie } = await vendorSession();
    const before = storedFiles(server).length;
    // The session is seen afresh after 5 minutes: its lastSeenAt moving shows the upload's request has reached its handler.
    clock = new Date(clock.getTime() + 6 * 60_000);
    const boundary = '----tollgate-test-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="controlId"\r\n\r\nIAM-01\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="policy.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const { origin } = new URL(server.base);
    const request = httpRequest(`${origin}/api/portal/evidence`, {
      method: 'POST',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + PDF.length + tail.length },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
    });
    // The first half of the file travels...
    request.write(Buffer.concat([head, PDF.subarray(0, 20)]));
    const seen = () => db.select({ at: linkSessions.lastSeenAt }).from(linkSessions).all().some((s) => s.at?.getTime() === clock.getTime());
    for (let i = 0; i < 200 && !seen(); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(seen()).toBe(true);
    // ...the questionnaire is submitted meanwhile (a colleague, another tab)...
    expect(await portalCall(server, cookie, 'submit', { confirmUnanswered: true })).toMatchObject({ result: { data: { json: { submitted: true } } } });
    // ...then the rest of the file arrives.
    request.end(Buffer.concat([PDF.subarray(20), tail]));
    const response = await answered;
    expect(response.status, response.body).toBe(409);
    expect(JSON.parse(response.body)).toEqual({ error: 'This questionnaire was submitted and is read-only: files can no longer be added to it.', reason: 'NOT_READY' });
    expect(evidenceRows(assessmentId)).toBe(0);
    expect(storedFiles(server)).toHaveLength(before);
    expect(db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()?.status).toBe('submitted');
  });
});
