/**
 * The questionnaire library on a real SQLite file, over real HTTP and
 * through the real command line: built-ins stored as versions, imports all
 * or nothing with every problem named by row or JSON path, publishing,
 * published versions frozen, export then import giving the same template,
 * and assessments started from any published template vendors can be sent.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditEvents, questionnaireTemplates, templateVersions } from '../../drizzle/schema/index.ts';
import { openDatabase, type Db } from '../../server/platform/db/database.ts';
import { getTemplateVersionDefinition } from '../../server/templates/library.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

const lines = (...rows: string[]) => rows.join('\n');

/** Catalogue controls only, in their own domains: vendors can be sent it today. */
const CONTROLS_CSV = lines(
  'id,type,section,text,help,options,weight,severity,required,condition',
  'identity-basics,template,,Identity basics,Sign-in and recovery controls only.,,,,,',
  'IAM,section,,Identity and MFA,,,,,,',
  'IAM-01,control,IAM,,,,,,,',
  'IAM-02,control,IAM,,,,,,,',
  'REC,section,,Backup and recovery,,,,,,',
  'REC-01,control,REC,,,,,,,',
);

/** The conditional example of docs/templates.md section 5. */
const PRESCREEN_CSV = lines(
  'id,type,section,text,help,options,weight,severity,required,condition',
  'saas-prescreen,template,,SaaS pre-screen,A short pre-screen for software vendors.,,,,,',
  'access,section,,Access,How people sign in.,,,,,',
  'IAM-01,control,access,,,,,,,',
  'sso,single_choice,access,How do your staff sign in to the systems that hold our data?,,sso-mfa: Single sign-on with phishing-resistant MFA = 1 | sso: Single sign-on with other MFA = 0.5 | local: Separate passwords per system = 0,,high,,',
  'integrations,section,,Integrations,,,,,,',
  'has-integrations,yes_partial_no,integrations,"Does your service connect to our systems (API, OAuth app, file transfer)?",,,0,low,,',
  'token-lifetime,number,integrations,How many days does an access token for our systems live?,,..1 = 1 | 1..30 = 0.5 | 30.. = 0,,medium,,"has-integrations = yes, partial"',
);

let db: Db;
let server: TestServer;
let procurement: StaffClient;
let auditor: StaffClient;

beforeAll(async () => {
  ({ db } = createTestDatabase());
  server = await startTestServer(db);
  const signInAs = async (role: 'procurement' | 'auditor') => {
    const user = await createUserWithPassword(server.auth, role);
    const client = new StaffClient(server.base);
    expect((await client.signIn(user.email)).status).toBe(200);
    return client;
  };
  procurement = await signInAs('procurement');
  auditor = await signInAs('auditor');
});
afterAll(() => server.close());

interface IssueList {
  issues: { path: string; message: string; row?: number; column?: string | null }[];
}
type ListedTemplate = { key: string; builtIn: boolean; versions: { version: number; status: string; questions: number; sections: number; assessments: number }[] };

const list = async () => (await procurement.trpcQuery<ListedTemplate[]>('templates.list')).data!;
const templateCount = () => db.select({ id: questionnaireTemplates.id }).from(questionnaireTemplates).all().length;
const versionCount = () => db.select({ id: templateVersions.id }).from(templateVersions).all().length;
const importAudits = () => db.select().from(auditEvents).where(eq(auditEvents.action, 'template.import')).all();

describe('the questionnaire library over HTTP', () => {
  it('lists Core and Lite as built-in templates, each with a published version 1', async () => {
    const templates = await list();
    expect(templates.filter((t) => t.builtIn).map((t) => [t.key, t.versions.map((v) => [v.version, v.status, v.questions])])).toEqual([
      ['core', [[1, 'published', 46]]],
      ['lite', [[1, 'published', 15]]],
    ]);
  });

  it('previews a CSV without writing anything, then imports it as a draft that can be published', async () => {
    const before = [templateCount(), versionCount()];
    const preview = await procurement.trpcMutation<{ ok: boolean; format: string; definition: { key: string; questions: unknown[] }; existing: unknown }>('templates.checkImport', {
      content: CONTROLS_CSV,
      fileName: 'identity.csv',
    });
    expect(preview.data).toMatchObject({ ok: true, format: 'csv', definition: { key: 'identity-basics' }, existing: null });
    expect(preview.data!.definition.questions).toHaveLength(3);
    expect([templateCount(), versionCount()]).toEqual(before);

    const imported = await procurement.trpcMutation('templates.import', { content: CONTROLS_CSV, fileName: 'identity.csv' });
    expect(imported.data).toEqual({ template: 'identity-basics', version: 1, format: 'csv', questions: 3, sections: 2, status: 'draft' });
    expect(importAudits().at(-1)).toMatchObject({ targetId: 'identity-basics', actorLabel: expect.any(String) });

    // A draft cannot be sent to vendors: only published versions can.
    const vendorId = createVendor(db, { name: 'Draft Test Vendor' });
    const tooEarly = await procurement.trpcMutation('assessments.start', { vendorId, templateKey: 'identity-basics' });
    expect(tooEarly.error?.message).toBe('"Identity basics" has no published version yet: publish it first.');

    expect((await procurement.trpcMutation('templates.publish', { key: 'identity-basics', version: 1 })).data).toEqual({ template: 'identity-basics', version: 1, status: 'published' });
    const started = await procurement.trpcMutation<{ assessmentId: number }>('assessments.start', { vendorId, templateKey: 'identity-basics' });
    expect(started.error).toBeUndefined();
    const assessment = db.select().from(assessments).where(eq(assessments.id, started.data!.assessmentId)).get()!;
    const version = db.select().from(templateVersions).where(eq(templateVersions.id, assessment.templateVersionId)).get()!;
    // The portal and the review read the catalogue view: the three controls asked, in their domains.
    expect(version.content.controls.map((c) => c.id)).toEqual(['IAM-01', 'IAM-02', 'REC-01']);
    expect(version.content.domains.map((d) => d.id)).toEqual(['IAM', 'REC']);
  });

  it('refuses a whole file with every problem named by row and column, and writes nothing', async () => {
    const before = [templateCount(), versionCount(), importAudits().length];
    const bad = lines(
      'id,type,section,text,options,severity,required,condition',
      'broken,template,,Broken,,,,',
      's,section,,Section,,,,',
      'a,yes_partial_no,s,Question A,,high,,b = yes',
      'b,yes_partial_no,s,Question B,,high,,a = yes',
      'a,yes_partial_no,s,Duplicate A,,high,,',
      'c,yes_partial_no,s,Question C,,high,,ghost = yes',
    );
    const refused = await procurement.trpcMutation('templates.import', { content: bad, fileName: 'broken.csv' });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/^The file was not imported: \d+ problems found\. Nothing was changed\.$/);
    const issues = (refused.error as unknown as { data: { details: IssueList } }).data.details.issues;
    const messages = issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'row 6, column id: Duplicate question id "a": questions[0] already uses it',
        expect.stringMatching(/Conditions form a cycle: a -> b -> a/),
        expect.stringMatching(/^row 7, column condition: Unknown question "ghost"/),
      ]),
    );
    expect([templateCount(), versionCount(), importAudits().length]).toEqual(before);

    const wrongColumns = await procurement.trpcMutation('templates.checkImport', { content: 'id;type;section;text\nx;template;;X' });
    expect(wrongColumns.data).toMatchObject({ ok: false, format: 'csv' });
    expect((wrongColumns.data as IssueList).issues[0]).toMatchObject({ row: 1, message: expect.stringContaining('separated by ";"') });

    const malformed = await procurement.trpcMutation('templates.checkImport', { content: '{"catalog": {"uuid": 1}}' });
    expect(malformed.data).toMatchObject({ ok: false, format: 'oscal-catalog' });
    expect((malformed.data as IssueList).issues[0]!.path).toMatch(/^catalog/);
  });

  it('keeps the built-in keys for the built-in templates', async () => {
    const taken = await procurement.trpcMutation('templates.import', { content: CONTROLS_CSV.replace('identity-basics,template', 'core,template') });
    expect((taken.error as unknown as { data: { details: IssueList } }).data.details.issues).toEqual([
      { path: 'key', message: '"core" is a built-in template, which follows the catalogue: import under another key' },
    ]);
  });

  it('lets auditors read the library but not change it', async () => {
    expect((await auditor.trpcQuery<ListedTemplate[]>('templates.list')).data!.length).toBeGreaterThanOrEqual(3);
    const refused = await auditor.trpcMutation('templates.import', { content: CONTROLS_CSV });
    expect(refused.status).toBe(403);
  });

  it('imports an OSCAL catalog, then a profile that selects from it by its title', async () => {
    const catalog = (await import('node:fs')).readFileSync('tests/fixtures/oscal/example-catalog.json', 'utf8');
    const profile = (await import('node:fs')).readFileSync('tests/fixtures/oscal/example-low-profile.json', 'utf8');
    const early = await procurement.trpcMutation<IssueList & { ok: boolean }>('templates.checkImport', { content: profile, fileName: 'low.json' });
    expect(early.data!.ok).toBe(false);
    expect(early.data!.issues[0]!.message).toContain('which has not been imported: import that OSCAL catalog first');

    expect((await procurement.trpcMutation('templates.import', { content: catalog, fileName: 'example-catalog.json' })).data).toMatchObject({ template: 'example-supplier-controls-catalog', format: 'oscal-catalog', questions: 5 });
    const low = await procurement.trpcMutation('templates.import', { content: profile, fileName: 'low.json' });
    expect(low.data).toMatchObject({ format: 'oscal-profile', questions: 4 });
  });
});

describe('versions', () => {
  it('imports over a published version as a new draft, leaving the published one and its assessments as they were', async () => {
    const edited = CONTROLS_CSV.replace('REC-01,control,REC,,,,,,,', 'REC-01,control,REC,,,,,,,\nREC-02,control,REC,,,,,,,');
    const v2 = await procurement.trpcMutation('templates.import', { content: edited });
    expect(v2.data).toMatchObject({ template: 'identity-basics', version: 2, status: 'draft', questions: 4 });
    // Importing again replaces the draft (no assessment can have used a draft) instead of piling up versions.
    const again = await procurement.trpcMutation('templates.import', { content: edited });
    expect(again.data).toMatchObject({ version: 2, status: 'draft' });

    const v1 = getTemplateVersionDefinition(db, 'identity-basics', 1);
    expect(v1.definition.questions.map((q) => q.id)).toEqual(['IAM-01', 'IAM-02', 'REC-01']);
    const identity = (await list()).find((t) => t.key === 'identity-basics')!;
    expect(identity.versions.map((v) => [v.version, v.status, v.assessments])).toEqual([
      [2, 'draft', 0],
      [1, 'published', 1],
    ]);
  });

  it('edits a published template as its next version, one draft at a time', async () => {
    const busy = await procurement.trpcMutation('templates.createDraft', { key: 'identity-basics' });
    expect(busy.error?.message).toBe('"Identity basics" already has a draft (version 2): edit or publish it first.');
    await procurement.trpcMutation('templates.publish', { key: 'identity-basics', version: 2 });
    const next = await procurement.trpcMutation('templates.createDraft', { key: 'identity-basics' });
    expect(next.data).toEqual({ template: 'identity-basics', version: 3 });
    expect(getTemplateVersionDefinition(db, 'identity-basics', 3).definition).toEqual(getTemplateVersionDefinition(db, 'identity-basics', 2).definition);
    expect((await list()).find((t) => t.key === 'identity-basics')!.versions.map((v) => [v.version, v.status])).toEqual([
      [3, 'draft'],
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('starts a draft from a built-in only as a copy under a new key', async () => {
    const refused = await procurement.trpcMutation('templates.createDraft', { key: 'lite' });
    expect(refused.error?.message).toBe('"Lite" is built in and follows the catalogue: copy it under a new key to change it.');
    const copy = await procurement.trpcMutation('templates.createDraft', { key: 'lite', newKey: 'lite-plus', newName: 'Lite plus' });
    expect(copy.data).toEqual({ template: 'lite-plus', version: 1 });
    expect(getTemplateVersionDefinition(db, 'lite-plus').definition.questions).toHaveLength(15);
  });

  it('saves the editor\'s draft whole or not at all, and a copy of a built-in with fewer controls can be sent to vendors', async () => {
    const draft = getTemplateVersionDefinition(db, 'lite-plus').definition;
    const before = JSON.stringify(draft);
    const bad = await procurement.trpcMutation('templates.saveDraft', { key: 'lite-plus', definition: { ...draft, questions: draft.questions.map((q, i) => (i === 0 ? { ...q, section: 'nowhere' } : q)) } });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toBe('The draft was not saved: 1 problem found. Nothing was changed.');
    expect((bad.error as unknown as { data: { details: IssueList } }).data.details.issues[0]).toMatchObject({ path: 'questions[0].section' });
    expect(JSON.stringify(getTemplateVersionDefinition(db, 'lite-plus').definition)).toBe(before);

    // Only the identity controls: sections left empty go too.
    const identityOnly = draft.questions.filter((q) => q.section === 'IAM');
    const saved = await procurement.trpcMutation('templates.saveDraft', {
      key: 'lite-plus',
      definition: { ...draft, name: 'Lite identity', sections: draft.sections.filter((s) => s.id === 'IAM'), questions: identityOnly },
    });
    expect(saved.data).toEqual({ template: 'lite-plus', version: 1, questions: identityOnly.length, sections: 1 });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'template.draft_save')).all()).toHaveLength(1);
    await procurement.trpcMutation('templates.publish', { key: 'lite-plus', version: 1 });
    const again = await procurement.trpcMutation('templates.saveDraft', { key: 'lite-plus', definition: draft });
    expect(again.error?.message).toBe('"Lite identity" has no draft to change: start one first.');

    const vendorId = createVendor(db, { name: 'Identity Only Vendor' });
    const started = await procurement.trpcMutation<{ assessmentId: number }>('assessments.start', { vendorId, templateKey: 'lite-plus' });
    expect(started.error).toBeUndefined();
  });

  it('has the database refuse to change or remove a published version, however it is asked', () => {
    const published = db.select().from(templateVersions).where(eq(templateVersions.status, 'published')).all()[0]!;
    expect(() => db.$client.prepare("UPDATE template_versions SET content = '{}' WHERE id = ?").run(published.id)).toThrow(/published questionnaire version cannot be changed/);
    expect(() => db.$client.prepare('DELETE FROM template_versions WHERE id = ?').run(published.id)).toThrow(/cannot be removed/);
  });

  it('starts an assessment with a published template of custom and conditional questions (tests/integration/customQuestions.test.ts follows one through)', async () => {
    await procurement.trpcMutation('templates.import', { content: PRESCREEN_CSV });
    await procurement.trpcMutation('templates.publish', { key: 'saas-prescreen', version: 1 });
    const vendorId = createVendor(db, { name: 'Prescreen Vendor' });
    const started = await procurement.trpcMutation<{ assessmentId: number }>('assessments.start', { vendorId, templateKey: 'saas-prescreen' });
    expect(started.error).toBeUndefined();
    expect(db.select().from(assessments).where(eq(assessments.vendorId, vendorId)).all()).toHaveLength(1);
  });
});

describe('npm run cli -- template', () => {
  const CLI = path.resolve('server/cli/index.ts');
  const run = (dataDir: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('imports a file, prints the summary on its last line, and exports it back to the same template', () => {
    const dir = makeTempDir('cli-templates-');
    const file = path.join(dir, 'prescreen.csv');
    writeFileSync(file, PRESCREEN_CSV);
    const imported = run(dir, 'template', 'import', file, '--publish');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout.trim().split('\n').at(-1)!)).toEqual({ template: 'saas-prescreen', version: 1, questions: 4, sections: 2 });

    for (const format of ['json', 'csv']) {
      const exported = run(dir, 'template', 'export', 'saas-prescreen', '--format', format);
      expect(exported.code).toBe(0);
      const again = path.join(dir, `again.${format}`);
      writeFileSync(again, exported.stdout);
      // Importing the export over the published version makes version 2: it must be the identical template.
      const reimported = run(dir, 'template', 'import', again);
      expect(reimported.code).toBe(0);
      const check = openDatabase(path.join(dir, 'tollgate.sqlite'));
      const v1 = getTemplateVersionDefinition(check, 'saas-prescreen', 1).definition;
      const v2 = getTemplateVersionDefinition(check, 'saas-prescreen', 2).definition;
      check.$client.close();
      expect(v2).toEqual(v1);
    }
  }, 180_000);

  it('exits 1 on a bad file, naming each problem, and imports nothing', () => {
    const dir = makeTempDir('cli-templates-');
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'tollgate-template/1', key: 'bad', name: 'Bad', sections: [{ id: 's', title: 'S' }], questions: [{ id: 'q', type: 'yes_partial_no', section: 'nowhere', text: 'Q?', severity: 'high' }] }));
    const result = run(dir, 'template', 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The file was not imported: 1 problem found. Nothing was changed.');
    expect(result.stderr).toMatch(/questions\[0\]\.section: .*"nowhere"/);
    const check = openDatabase(path.join(dir, 'tollgate.sqlite'));
    expect(check.select({ key: questionnaireTemplates.key }).from(questionnaireTemplates).all().map((t) => t.key)).toEqual(['core', 'lite']);
    check.$client.close();

    expect(run(dir, 'template', 'export', 'nope').stderr).toContain('The questionnaire template "nope" was not found.');
    expect(run(dir, 'template', 'export', 'core', '--format', 'xml').code).toBe(2);
  }, 120_000);
});
