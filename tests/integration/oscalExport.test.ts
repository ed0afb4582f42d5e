/**
 * A completed assessment downloaded as OSCAL assessment results, read the
 * way an auditor's GRC tool reads it: every failed question is a finding
 * with its observation and risk, evidence is referenced by link and hash,
 * risk status follows the remediation tasks and accepted risks, and the
 * UUIDs stay put between downloads. Every document downloaded here, and the
 * export of every completed assessment in the demo portfolio, must validate
 * against NIST's published schema of the version it declares (1.2.0), with
 * ajv (scripts/oscal/schema.ts, ADR 0034).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, remediationTasks, users } from '../../drizzle/schema/index.ts';
import { SYSTEM_ACTOR, useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { seedOrganisation } from '../../server/platform/settings.ts';
import { storeEvidence } from '../../server/assessments/evidence/evidence.ts';
import { completeReview } from '../../server/assessments/review/completeReview.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { createVendor, NOW, setTaskStatus } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { oscalSchemaCheck, PUBLISHED_SCHEMA_FILE, PUBLISHED_SCHEMA_SHA256, sha256OfFile } from '../../scripts/oscal/schema.ts';
import { migrateDatabase, openDatabase } from '../../server/platform/db/database.ts';
import { seedDemoPortfolio } from '../../server/seed/seedDemo.ts';
import { buildOscalResults } from '../../server/assessments/index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is read as the JSON it is, field by field */
type Doc = any;

const V5_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FAILING = { 'IAM-01': 'no', 'GOV-03': 'partial' } as const;

let db: Db;
let server: TestServer;
let completed: number;
let draft: number;
let passingControl: string;
let mfaFile: { id: number; sha256: string };
let passFile: { id: number; sha256: string };
let linkCookie: string;
let clock = NOW;
const people = {} as Record<'procurement' | 'ciso' | 'auditor', { id: string; name: string; client: StaffClient }>;

const download = (id: number | string, cookie?: string) => fetch(`${server.base}/api/assessments/${id}/oscal-results.json`, { headers: cookie ? { cookie } : {} });
const schema = oscalSchemaCheck();
/**
 * Set OSCAL_EXPORT_DIR to keep every document this file downloads, to check
 * them against another schema: npm run oscal:validate -- --schema FILE DIR/*.json
 */
const keepDir = process.env.OSCAL_EXPORT_DIR;
let kept = 0;
/** Downloads the document as an auditor, and holds it to the published schema before any test reads it. */
async function exported(id = completed): Promise<Doc> {
  const response = await download(id, people.auditor.client.cookieHeader);
  expect(response.status).toBe(200);
  const text = await response.text();
  if (keepDir) {
    mkdirSync(keepDir, { recursive: true });
    writeFileSync(path.join(keepDir, `oscal-export-${++kept}.json`), text);
  }
  const document = JSON.parse(text) as Doc;
  expect(schema.problems(document), `the download is valid against ${schema.id}`).toEqual([]);
  return document['assessment-results'];
}
const taskOf = (controlId: string) => db.select().from(remediationTasks).where(eq(remediationTasks.controlId, controlId)).all().find((t) => t.assessmentId === completed)!;
const findingFor = (doc: Doc, controlId: string) => doc.results[0].findings.find((f: Doc) => f.target['target-id'] === controlId);
const riskFor = (doc: Doc, controlId: string) => doc.results[0].risks.find((r: Doc) => r.props.some((p: Doc) => p.name === 'question-id' && p.value === controlId));

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db, { now: () => clock });
  for (const role of ['procurement', 'ciso', 'auditor'] as const) {
    const user = await createUserWithPassword(server.auth, role);
    const client = new StaffClient(server.base);
    expect((await client.signIn(user.email)).status).toBe(200);
    people[role] = { id: user.id, name: db.select({ name: users.name }).from(users).where(eq(users.id, user.id)).get()!.name, client };
  }

  seedOrganisation(db, { name: 'Northwind Airlines', vendorContact: null }, NOW);
  const vendorId = createVendor(db, { name: 'Contact Centre Ltd', services: ['help_desk'], access: 'read', holdings: [{ category: 'contact.email', records: 80_000 }] });
  const version = latestPublishedVersion(db, 'core');
  passingControl = version.content.controls.find((c) => !(c.id in FAILING))!.id;
  // The vendor answers on its link and attaches two files: one for a question it fails, one for a question it meets.
  completed = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'in_progress', sentAt: NOW }).returning().get().id;
  const vendorActor = { type: 'vendor_link' as const, id: '1', label: 'Vera Vendor', ip: '198.51.100.4' };
  mfaFile = await storeEvidence(db, server.uploadsDir, { assessmentId: completed, controlId: 'IAM-01' }, { name: 'MFA policy.pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }, vendorActor, NOW);
  passFile = await storeEvidence(db, server.uploadsDir, { assessmentId: completed, controlId: passingControl }, { name: 'sso.csv', buffer: Buffer.from('app,sso\ncrm,on\n') }, vendorActor, NOW);
  db.transaction((tx) => {
    tx.update(assessments).set({ status: 'in_review', submittedAt: NOW, reviewStartedAt: NOW }).where(eq(assessments.id, completed)).run();
    for (const control of version.content.controls) {
      const value = (FAILING as Record<string, 'no' | 'partial'>)[control.id] ?? 'yes';
      tx.insert(answers).values({ assessmentId: completed, controlId: control.id, value, comment: control.id === 'IAM-01' ? 'Only administrators use MFA today' : '', reviewStatus: 'accepted' }).run();
    }
    completeReview(tx, { assessmentId: completed, actor: SYSTEM_ACTOR, now: NOW });
  });

  // A second assessment, only just sent: its link gives the vendor a session, and it has nothing to export yet.
  draft = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', dueDate: '2026-07-15' }).returning().get().id;
  const link = await people.procurement.client.trpcMutation<{ url: string }>('assessments.createShareLink', { assessmentId: draft, recipientName: 'Vera Vendor', recipientEmail: 'vera@contact.example' });
  expect(link.status, JSON.stringify(link.error)).toBe(200);
  linkCookie = (await linkClient(server.base).openLink(link.data!.url)).cookie!;
});
afterAll(() => server.close());

describe('GET /api/assessments/:id/oscal-results.json', () => {
  it('downloads a JSON file named after the vendor, and records the export in the audit log', async () => {
    const response = await download(completed, people.auditor.client.cookieHeader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tollgate-oscal-results-contact-centre-ltd-${completed}.json"`);
    const doc = ((await response.json()) as Doc)['assessment-results'];
    expect(doc.metadata['oscal-version']).toBe('1.2.0');
    expect(doc.metadata.title).toContain('Contact Centre Ltd');
    // Who assessed whom: the organisation named in Settings, and the vendor.
    const party = (name: string) => doc.metadata.parties.find((p: Doc) => p.name === name);
    expect(party('Northwind Airlines')).toMatchObject({ type: 'organization' });
    expect(party('Contact Centre Ltd')).toMatchObject({ type: 'organization' });
    expect(doc.metadata['responsible-parties']).toEqual(
      expect.arrayContaining([
        { 'role-id': 'assessor', 'party-uuids': [party('Northwind Airlines').uuid] },
        { 'role-id': 'assessed-vendor', 'party-uuids': [party('Contact Centre Ltd').uuid] },
      ]),
    );
    expect(doc['import-ap'].href).toBe(`#${doc['back-matter'].resources[0].uuid}`);
    expect(doc['back-matter'].resources[0].title).toMatch(/^Core questionnaire, version \d+$/);
    const entry = db.select().from(auditEvents).where(eq(auditEvents.action, 'report.oscal_export')).all().at(-1)!;
    expect(entry).toMatchObject({ actorId: people.auditor.id, targetType: 'assessment', targetId: String(completed) });
  });

  it('has one finding per failed question, not satisfied, each with its observation and risk', async () => {
    const doc = await exported();
    const result = doc.results[0];
    expect(result.findings.map((f: Doc) => f.target['target-id']).sort()).toEqual(Object.keys(FAILING).sort());
    const observations = new Map(result.observations.map((o: Doc) => [o.uuid, o]));
    const risks = new Map(result.risks.map((r: Doc) => [r.uuid, r]));
    for (const finding of result.findings) {
      expect(finding.target).toMatchObject({ type: 'objective-id', status: { state: 'not-satisfied' } });
      const observation: Doc = observations.get(finding['related-observations'][0]['observation-uuid']);
      expect(observation.props).toContainEqual(expect.objectContaining({ name: 'question-id', value: finding.target['target-id'] }));
      expect(observation.subjects).toEqual([{ 'subject-uuid': doc.metadata.parties.find((p: Doc) => p.name === 'Contact Centre Ltd').uuid, type: 'party', title: 'Contact Centre Ltd' }]);
      expect(risks.get(finding['related-risks'][0]['risk-uuid'])).toBeDefined();
    }
    // The vendor's answer and comment are what the reviewer observed.
    const iam01 = observations.get(findingFor(doc, 'IAM-01')['related-observations'][0]['observation-uuid']) as Doc;
    expect(iam01.description).toContain('Answer: No');
    expect(iam01.description).toContain('Only administrators use MFA today');
    // Every question asked is listed as reviewed, met or not.
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toContainEqual({ 'control-id': passingControl });
  });

  it('points to each evidence file by its download link and SHA-256, and the link gives that very file', async () => {
    const doc = await exported();
    const result = doc.results[0];
    const iam01 = result.observations.find((o: Doc) => o.uuid === findingFor(doc, 'IAM-01')['related-observations'][0]['observation-uuid']);
    expect(iam01.methods).toEqual(['INTERVIEW', 'EXAMINE']);
    expect(iam01['relevant-evidence']).toHaveLength(1);
    const evidence = iam01['relevant-evidence'][0];
    expect(evidence.href).toBe(`${server.base}/api/evidence/${mfaFile.id}`);
    expect(evidence.description).toContain(mfaFile.sha256);
    const resource = doc['back-matter'].resources.find((r: Doc) => `#${r.uuid}` === evidence.links[0].href);
    expect(resource.rlinks).toEqual([{ href: evidence.href, 'media-type': 'application/pdf', hashes: [{ algorithm: 'SHA-256', value: mfaFile.sha256 }] }]);
    const file = await fetch(evidence.href, { headers: { cookie: people.auditor.client.cookieHeader } });
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex')).toBe(mfaFile.sha256);

    // A question the vendor meets keeps its evidence as an observation, with no finding or risk.
    const met = result.observations.find((o: Doc) => o.props.some((p: Doc) => p.name === 'question-id' && p.value === passingControl));
    expect(met.types).toEqual(['control-objective']);
    expect(met['relevant-evidence'][0].href).toBe(`${server.base}/api/evidence/${passFile.id}`);
    expect(findingFor(doc, passingControl)).toBeUndefined();
    // Questions without evidence that the vendor meets are not observations: the document lists what needs attention.
    expect(result.observations).toHaveLength(3);
  });

  it('gives each risk the status of its remediation task, and a named acceptance with its end date', async () => {
    const before = await exported();
    expect(riskFor(before, 'IAM-01')).toMatchObject({ status: 'open', deadline: `${taskOf('IAM-01').dueDate}T23:59:59Z` });
    expect(riskFor(before, 'GOV-03').status).toBe('open');

    clock = new Date(NOW.getTime() + 26 * 3600_000);
    const accepted = await people.ciso.client.trpcMutation('tasks.transition', { taskId: taskOf('IAM-01').id, to: 'risk_accepted', justification: 'Phishing-resistant MFA lands in the next release.', expiresOn: '2026-12-31' });
    expect(accepted.status, JSON.stringify(accepted.error)).toBe(200);
    setTaskStatus(db, taskOf('GOV-03').id, 'in_progress');
    expect(riskFor(await exported(), 'GOV-03').status).toBe('remediating');
    setTaskStatus(db, taskOf('GOV-03').id, 'ready_for_verification');
    const after = await exported();
    const risk = riskFor(after, 'IAM-01');
    expect(risk).toMatchObject({ status: 'deviation-approved', deadline: '2026-12-31T23:59:59Z' });
    const acceptor = after.metadata.parties.find((p: Doc) => p.type === 'person');
    expect(acceptor.name).toBe(people.ciso.name);
    expect(risk['risk-log'].entries).toEqual([
      expect.objectContaining({
        title: `Risk accepted by ${people.ciso.name} until 2026-12-31`,
        description: 'Phishing-resistant MFA lands in the next release.',
        end: '2026-12-31T23:59:59Z',
        'logged-by': [{ 'party-uuid': acceptor.uuid }],
        'status-change': 'deviation-approved',
      }),
    ]);
    // The vendor says GOV-03 is fixed; until an assessor checks, the risk is under investigation.
    expect(riskFor(after, 'GOV-03').status).toBe('investigating');
    // The acceptance is a change to the document: a new version, modified when it happened.
    expect(Number(after.metadata.version)).toBeGreaterThan(Number(before.metadata.version));
    expect(after.metadata.published).toBe(NOW.toISOString());
    expect(after.metadata['last-modified']).toBe(clock.toISOString());

    setTaskStatus(db, taskOf('GOV-03').id, 'closed');
    expect(riskFor(await exported(), 'GOV-03').status).toBe('closed');
  });

  it('validates against NIST\'s published schema of the version it declares, and the check rejects a broken document', async () => {
    expect(sha256OfFile(PUBLISHED_SCHEMA_FILE), 'the schema file is the published one, unchanged').toBe(PUBLISHED_SCHEMA_SHA256);
    expect(schema.id).toBe('http://csrc.nist.gov/ns/oscal/1.2.0/oscal-ar-schema.json');
    const doc = await exported();
    expect(doc.metadata['oscal-version']).toBe('1.2.0');
    // The same check fails documents a GRC tool would refuse: so the passes above mean something.
    const broken = structuredClone({ 'assessment-results': doc });
    broken['assessment-results'].uuid = 'not-a-uuid';
    delete broken['assessment-results'].results[0].findings[0].target;
    const problems = schema.problems(broken);
    expect(problems.some((p) => p.startsWith('/assessment-results/uuid '))).toBe(true);
    expect(problems.some((p) => p.includes('/findings/0') && p.includes('target'))).toBe(true);
  });

  it('validates for every completed assessment of the demo portfolio: open, accepted, awaiting verification and closed risks', () => {
    const demo = openDatabase(path.join(mkdtempSync(path.join(os.tmpdir(), 'tollgate-oscal-demo-')), 'demo.sqlite'));
    useAuditKey(demo, 'oscal-demo-audit-key-'.padEnd(48, 'x'));
    migrateDatabase(demo);
    seedDemoPortfolio(demo, { now: NOW });
    const ids = demo.select({ id: assessments.id }).from(assessments).where(eq(assessments.status, 'completed')).all();
    expect(ids.length).toBeGreaterThan(10);
    for (const { id } of ids) {
      const document = JSON.parse(JSON.stringify(buildOscalResults(demo, id, { publicUrl: 'https://tollgate.example' }))) as unknown;
      expect(schema.problems(document), `demo assessment ${id}`).toEqual([]);
    }
    demo.$client.close();
  });

  it('uses valid UUIDs, unique in the document, the same on every download', async () => {
    const first = JSON.stringify(await exported());
    const second = JSON.stringify(await exported());
    expect(second).toBe(first);
    const uuids = [...first.matchAll(/"uuid":"([^"]+)"/g)].map((m) => m[1]!);
    expect(uuids.length).toBeGreaterThan(8);
    for (const uuid of uuids) expect(uuid).toMatch(V5_UUID);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('exports only completed assessments, and says why not', async () => {
    const early = await download(draft, people.auditor.client.cookieHeader);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toContain('once the review is completed');
    expect((await download(999_999, people.auditor.client.cookieHeader)).status).toBe(404);
    expect((await download('not-a-number', people.auditor.client.cookieHeader)).status).toBe(400);
  });

  it('is for staff who read assessments: refused to anonymous callers and to the vendor on its link', async () => {
    for (const role of ['procurement', 'ciso', 'auditor'] as const) expect((await download(completed, people[role].client.cookieHeader)).status, role).toBe(200);
    const anonymous = await download(completed);
    expect(anonymous.status).toBe(401);
    const vendor = await download(completed, linkCookie);
    expect(vendor.status).toBe(401);
    expect(await vendor.text()).not.toContain('assessment-results');
  });
});
