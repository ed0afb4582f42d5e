/**
 * CSV import of vendors and holdings through the real router on a real
 * SQLite file: errors by spreadsheet row and column, all-or-nothing
 * commits, and risk recomputed for every vendor touched. Expected impacts
 * are worked by hand from docs/scoring.md section 5.
 */
import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '#shared/schemas/inventory.ts';
import { auditEvents, dataHoldings, remediationTasks, riskSnapshots, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { applyCommit, prepareCommit } from '../../server/vendors/imports/commit.ts';
import { computeVendorRisk, loadRiskInputs } from '../../server/risk/vendorRisk.ts';
import { completeAssessment, createUser, createVendor, NOW, setTaskStatus } from '../helpers/factories.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };

async function setup() {
  const { db } = createTestDatabase();
  createUser(db, procurement.id, 'procurement');
  const caller = createCaller(createContextInner({ db, user: procurement, now: () => NOW }));
  // Criticality 2 -> floor 1, nothing held: impact 1, tier 4.
  const skyline = await caller.vendors.create({ name: 'Skyline Loyalty', criticality: 2 });
  await caller.vendors.create({ name: 'Existing Vendor' });
  return { db, caller, skylineId: skyline.vendorId };
}

const csv = (...lines: string[]) => lines.join('\n');
const importAudits = (db: Db) => db.select().from(auditEvents).all().filter((e) => e.action.startsWith('import.'));
const ANY_CATEGORY_LIST = expect.stringContaining('expected one of "contact.name", "contact.email"');

describe('vendor import preview', () => {
  it('reports each problem by spreadsheet row and column, counting blank lines as rows', async () => {
    const { caller } = await setup();
    const preview = await caller.vendors.previewImport({
      kind: 'vendors',
      csv: csv(
        'name,website,services,business_owner,criticality,access_level,contract_start,contract_end',
        'Acme Contact Centre,acme.example,contact_centre; saas,Head of Customer Care,5,write,2026-01-01,2027-12-31',
        ',x.example,,,,,,',
        'existing vendor,,,,,,,',
        '',
        'Dup Co,,,,2,,,',
        'DUP CO,,,,2,,,',
        'Bad Co,ftp://bad.example,sass,,9,root,,',
        'Late Co,,,,,,2026-02-01,2026-01-01',
      ),
    });
    expect(preview.errors).toEqual([
      { row: 3, column: 'name', message: 'name is required' },
      { row: 4, column: 'name', message: 'A vendor named "Existing Vendor" already exists. Open that vendor instead, or use a different name.' },
      { row: 7, column: 'name', message: '"DUP CO" is also on row 6: each vendor can appear once' },
      { row: 8, column: 'website', message: 'website must be a web address like https://example.com' },
      { row: 8, column: 'services', message: expect.stringMatching(/^Unknown service type "sass"; expected one of "contact_centre"/) },
      { row: 8, column: 'criticality', message: 'must be from 1 to 5' },
      { row: 8, column: 'access_level', message: expect.stringMatching(/^Unknown access level "root"/) },
      { row: 9, column: 'contract_end', message: 'The contract cannot end before it starts' },
    ]);
    expect(preview.counts).toEqual({ rows: 7, valid: 2, invalid: 5, create: 2, update: 0, errors: 8 });
    expect(preview.rows[0]).toEqual({
      row: 2,
      valid: true,
      action: 'create',
      values: {
        name: 'Acme Contact Centre',
        website: 'https://acme.example',
        serviceDescription: '',
        services: ['contact_centre', 'saas'],
        businessOwner: 'Head of Customer Care',
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
        criticality: 5,
        accessLevel: 'write',
      },
    });
    expect(preview.rows[1]).toMatchObject({ row: 3, valid: false, cells: { name: '', website: 'x.example' } });
  });

  it('names unknown columns in one error and reports missing required ones once', async () => {
    const { caller } = await setup();
    const unknown = await caller.vendors.previewImport({ kind: 'holdings', csv: csv('Vendor,category,fax,colour', 'Skyline Loyalty,health,1,red') });
    expect(unknown.errors).toEqual([
      {
        row: 1,
        column: 'fax, colour',
        message: 'Unknown columns "fax", "colour". The columns are: vendor, category, subjects, records, needed, retention_months, storage_country.',
      },
      { row: 1, column: 'records', message: 'The required column "records" is missing' },
    ]);
    const semicolons = await caller.vendors.previewImport({ kind: 'vendors', csv: csv('name;website', 'Acme;acme.example') });
    expect(semicolons.errors[0]!.message).toContain('save the file as CSV with commas');
    expect(semicolons.errors[1]).toEqual({ row: 1, column: 'name', message: 'The required column "name" is missing' });
    const empty = await caller.vendors.previewImport({ kind: 'vendors', csv: '' });
    expect(empty.errors).toEqual([{ row: 1, column: null, message: 'The file is empty: the first row must name the columns' }]);
  });

  it('reports broken quoting and rows with more values than columns', async () => {
    const { caller } = await setup();
    const preview = await caller.vendors.previewImport({ kind: 'vendors', csv: csv('name,website', 'Ok Ltd,ok.example', 'Extra Ltd,extra.example,surprise', '"Unclosed Ltd,x.example') });
    expect(preview.errors).toEqual([
      { row: 3, column: null, message: 'This row has more values than there are named columns (2)' },
      { row: 4, column: null, message: 'A quoted value is never closed: check the quotes in this row' },
    ]);
  });

  it('refuses a file over 5 MB as bad input', async () => {
    const { caller } = await setup();
    await expect(caller.vendors.previewImport({ kind: 'vendors', csv: 'x'.repeat(5_000_001) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'csv: The file is larger than 5 MB: split it into smaller files',
    });
    await expect(caller.vendors.previewImport({ kind: 'suppliers' as never, csv: 'name' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('kind: Unknown import kind "suppliers"') });
  });
});

describe('holdings import preview', () => {
  it('reports row 3 column "category" for an unknown category, and the other problems by row', async () => {
    const { caller, skylineId } = await setup();
    const preview = await caller.vendors.previewImport({
      kind: 'holdings',
      csv: csv(
        'vendor,category,subjects,records,needed,retention_months,storage_country',
        'Skyline Loyalty,contact.name,customers,"5,700,000",yes,24,gb',
        'skyline loyalty,contact.fax,customers,10,yes,,',
        'Skyline Loyalty,identity.birth_date,customers,5700000,maybe,,UK',
        'Nobody Ltd,contact.email,,5,,,',
        '',
        'SKYLINE LOYALTY,contact.name,customers,12,,,',
        'Skyline Loyalty,health,employees,-4,no,x,',
      ),
    });
    expect(preview.errors).toEqual([
      { row: 3, column: 'category', message: ANY_CATEGORY_LIST },
      { row: 4, column: 'needed', message: 'needed must be true, false, yes or no' },
      { row: 4, column: 'storage_country', message: 'Use the ISO 3166 code "GB" for the United Kingdom' },
      { row: 5, column: 'vendor', message: 'No active vendor is named "Nobody Ltd": add the vendor first, or check the spelling' },
      { row: 7, column: 'category', message: 'Row 2 already gives names about customers for Skyline Loyalty: each holding can appear once' },
      { row: 8, column: 'records', message: 'records must be 0 or more' },
      { row: 8, column: 'retention_months', message: 'retention_months must be a whole number' },
    ]);
    expect(preview.errors[0]!.message).toMatch(/^Unknown data category "contact\.fax"; expected one of/);
    expect(preview.counts).toEqual({ rows: 6, valid: 1, invalid: 5, create: 1, update: 0, errors: 7 });
    expect(preview.rows[0]).toEqual({
      row: 2,
      valid: true,
      action: 'create',
      values: { vendor: 'Skyline Loyalty', vendorId: skylineId, holdingId: null, category: 'contact.name', subjects: 'customers', records: 5_700_000, needed: true, retentionMonths: 24, storageCountry: 'GB' },
    });
  });
});

describe('committing an import', () => {
  it('writes nothing when any row has an error', async () => {
    const { db, caller } = await setup();
    const file = csv('vendor,category,records', 'Skyline Loyalty,contact.name,100', 'Skyline Loyalty,contact.fax,10');
    await expect(caller.vendors.commitImport({ kind: 'holdings', csv: file })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The file has 1 error: nothing was imported. Preview it to see them.',
    });
    const vendorFile = csv('name', 'Fine Ltd', 'Existing Vendor', 'Also Fine Ltd');
    await expect(caller.vendors.commitImport({ kind: 'vendors', csv: vendorFile })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('1 error') });
    expect(db.select().from(dataHoldings).all()).toHaveLength(0);
    expect(db.select().from(vendors).all()).toHaveLength(2);
    expect(importAudits(db)).toHaveLength(0);
    await expect(caller.vendors.commitImport({ kind: 'vendors', csv: 'name\n\n' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The file has no data rows: nothing was imported.' });
  });

  it('writes every row of a clean file in one go, recomputes risk, and records one audit event', async () => {
    const { db, caller, skylineId } = await setup();
    // Saved from Excel: byte-order mark and CRLF line ends.
    const vendorFile =
      '\ufeffname,website,service_description,services,business_owner,contract_start,contract_end,criticality,access_level\r\n' +
      'Acme Contact Centre,acme.example,"Customer service platform, offshore agents",contact_centre;saas,Head of Customer Care,2026-01-01,2027-12-31,5,write\r\n' +
      'Bistro Catering,,Staff canteen,other,Facilities,,,1,none\r\n';
    const done = await caller.vendors.commitImport({ kind: 'vendors', csv: vendorFile });
    expect(done.counts).toEqual({ rows: 2, created: 2, updated: 0 });

    // Acme: nothing held yet; write access 3; criticality 5 -> 4: impact 4, tier from max(4, 5) -> 1. Bistro: impact 1, tier 4.
    const list = async () => Object.fromEntries((await caller.vendors.list({ sort: 'name', direction: 'asc' })).rows.map((r) => [r.name, r]));
    expect((await list())['Acme Contact Centre']).toMatchObject({ impact: 4, tier: 1, inherentResidual: 20, services: ['contact_centre', 'saas'] });
    expect((await list())['Bistro Catering']).toMatchObject({ impact: 1, tier: 4 });
    const acme = db.select().from(vendors).where(eq(vendors.name, 'Acme Contact Centre')).get()!;
    expect(acme).toMatchObject({ website: 'https://acme.example', serviceDescription: 'Customer service platform, offshore agents', contractEnd: '2027-12-31', criticality: 5, accessLevel: 'write' });

    await caller.vendors.upsertHolding({ vendorId: skylineId, category: 'contact.email', records: 50 });
    const holdingFile = csv(
      'vendor,category,subjects,records,needed,retention_months,storage_country',
      'acme contact centre,contact.name,customers,5700000,yes,84,IE',
      'Acme Contact Centre,identity.birth_date,customers,1100000,yes,84,IE',
      'Acme Contact Centre,contact.phone,customers,900000,no,,IE',
      'Bistro Catering,contact.name,employees,200,,,',
      'Skyline Loyalty,contact.email,customers,1000,yes,,',
    );
    const preview = await caller.vendors.previewImport({ kind: 'holdings', csv: holdingFile });
    expect(preview.counts).toEqual({ rows: 5, valid: 5, invalid: 0, create: 4, update: 1, errors: 0 });
    expect(preview.rows.map((r) => (r.valid ? r.action : null))).toEqual(['create', 'create', 'create', 'create', 'update']);

    const imported = await caller.vendors.commitImport({ kind: 'holdings', csv: holdingFile });
    expect(imported.counts).toEqual({ rows: 5, created: 4, updated: 1 });
    const after = await list();
    // Name + birth date + phone of the same customers: identity kit, level 3; 5,700,000 -> band 5: impact 5, tier 1. Phones not needed: excess.
    expect(after['Acme Contact Centre']).toMatchObject({ impact: 5, tier: 1, excessData: true, largestHolding: 5_700_000, inherentResidual: 25 });
    // 200 employee names: 1 x band 1 -> 1; criticality 1: impact 1, tier 4.
    expect(after['Bistro Catering']).toMatchObject({ impact: 1, tier: 4, largestHolding: 200 });
    // 50 -> 1,000 emails, updated in place: level 1, band 2 -> 2; criticality 2 -> 1: impact 2, tier from max(2, 2) -> 4.
    expect(after['Skyline Loyalty']).toMatchObject({ impact: 2, tier: 4, largestHolding: 1_000 });
    expect(db.select().from(dataHoldings).where(eq(dataHoldings.vendorId, skylineId)).all()).toHaveLength(1);

    const audits = importAudits(db);
    expect(audits.map((a) => a.action)).toEqual(['import.vendors', 'import.holdings']);
    expect(audits[1]).toMatchObject({ actorId: procurement.id, targetType: 'inventory', targetId: 'holdings' });
    expect(audits[1]!.after).toMatchObject({ rows: 5, created: 4, updated: 1, vendorIds: [skylineId, acme.id, acme.id + 1].sort((a, b) => a - b) });
    // One event for the whole file, none per row: only setup's two vendors and one holding have their own.
    expect(db.select().from(auditEvents).all().filter((e) => e.action === 'holding.create' || e.action === 'vendor.create')).toHaveLength(3);
  });
});

describe('large files', () => {
  const vendorFile = (rows: number) => ['name,criticality', ...Array.from({ length: rows }, (_, i) => `Bulk Vendor ${i},${1 + (i % 5)}`)].join('\n');

  it(`takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, refusing a longer file whole with a clear error`, async () => {
    const { db, caller } = await setup();
    const tooLong = vendorFile(MAX_IMPORT_ROWS + 1);
    const message = `The file has ${(MAX_IMPORT_ROWS + 1).toLocaleString('en')} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Split it into files of up to ${MAX_IMPORT_ROWS.toLocaleString('en')} rows and import them one after another.`;
    await expect(caller.vendors.previewImport({ kind: 'vendors', csv: tooLong })).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    await expect(caller.vendors.commitImport({ kind: 'vendors', csv: tooLong })).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    expect(db.select().from(vendors).all()).toHaveLength(2);
    expect(importAudits(db)).toHaveLength(0);
  });

  it('previews a file at the limit, sending back its first rows and counts for all of them, and imports it whole', async () => {
    const { db, caller } = await setup();
    const file = vendorFile(MAX_IMPORT_ROWS);
    const preview = await caller.vendors.previewImport({ kind: 'vendors', csv: file });
    expect(preview.counts).toEqual({ rows: MAX_IMPORT_ROWS, valid: MAX_IMPORT_ROWS, invalid: 0, create: MAX_IMPORT_ROWS, update: 0, errors: 0 });
    expect(preview.rows).toHaveLength(200);
    expect(preview.rows[199]).toMatchObject({ row: 201, valid: true, values: { name: 'Bulk Vendor 199' } });

    const done = await caller.vendors.commitImport({ kind: 'vendors', csv: file });
    expect(done.counts).toEqual({ rows: MAX_IMPORT_ROWS, created: MAX_IMPORT_ROWS, updated: 0 });
    expect(done.vendorIds).toHaveLength(MAX_IMPORT_ROWS);
    const lastId = done.vendorIds.at(-1)!;
    const stored = db.select({ id: vendors.id, name: vendors.name, criticality: vendors.criticality, status: vendors.status }).from(vendors).where(eq(vendors.id, lastId)).get();
    expect(stored).toEqual({ id: lastId, name: `Bulk Vendor ${MAX_IMPORT_ROWS - 1}`, criticality: 1 + ((MAX_IMPORT_ROWS - 1) % 5), status: 'active' });
    // Each new vendor has its position and the first entry of its history, as one created by hand has.
    expect(db.select().from(vendorRisk).all()).toHaveLength(MAX_IMPORT_ROWS + 2);
    expect(db.select().from(riskSnapshots).where(eq(riskSnapshots.reason, 'profile_change')).all()).toHaveLength(MAX_IMPORT_ROWS + 2);
    const { computedAt: _a, ...expected } = computeVendorRisk(lastId, loadRiskInputs(db, lastId), NOW);
    expect(db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, lastId)).get()).toMatchObject(expected);
    expect(importAudits(db)).toHaveLength(1);
  });
});

describe('risk after a holdings import', () => {
  it('stores for each vendor the position its own edits would give, and records it in the history only when it moved', async () => {
    const { db, caller, skylineId } = await setup();
    // Assessed, with failed controls (open tasks, one of them since closed), an integration and a tier override.
    const assessed = createVendor(db, { name: 'Assessed Airline Services', services: ['contact_centre'], criticality: 4, holdings: [{ category: 'contact.email', records: 2_000 }] });
    completeAssessment(db, assessed, { value: 'yes', exceptions: { 'IAM-01': 'no', 'IAM-02': 'partial', 'REC-01': 'no' }, completedAt: NOW });
    const [task] = db.select().from(remediationTasks).where(eq(remediationTasks.vendorId, assessed)).all();
    setTaskStatus(db, task!.id, 'closed');
    await caller.vendors.createIntegration({ vendorId: assessed, name: 'CRM sync', accessLevel: 'privileged' });
    await caller.vendors.setTierOverride({ vendorId: assessed, tier: 1, reason: 'Runs our whole contact centre' });
    const quiet = createVendor(db, { name: 'Quiet Stationers', holdings: [{ category: 'contact.name', records: 10 }] });
    const snapshotsBefore = (vendorId: number) => db.select().from(riskSnapshots).where(eq(riskSnapshots.vendorId, vendorId)).all().length;
    const before = { assessed: snapshotsBefore(assessed), quiet: snapshotsBefore(quiet), skyline: snapshotsBefore(skylineId) };

    const file = csv(
      'vendor,category,subjects,records,needed',
      // Little data: the privileged integration's access floor (4) decides this vendor's impact.
      'Assessed Airline Services,contact.email,customers,3000,yes',
      'Assessed Airline Services,contact.phone,customers,500,no',
      // The same record count as now: nothing moves for this vendor.
      'Quiet Stationers,contact.name,customers,10,yes',
      'Skyline Loyalty,contact.email,customers,900000,yes',
    );
    await caller.vendors.commitImport({ kind: 'holdings', csv: file });

    for (const vendorId of [assessed, quiet, skylineId]) {
      const { computedAt: _c, ...expected } = computeVendorRisk(vendorId, loadRiskInputs(db, vendorId), NOW);
      expect(db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()).toMatchObject(expected);
    }
    expect(db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, assessed)).get()).toMatchObject({ tier: 1, impact: 4, excessData: true, largestHolding: 3000, assessmentId: expect.any(Number) });
    expect(db.select().from(dataHoldings).where(eq(dataHoldings.vendorId, assessed)).all()).toHaveLength(2);
    // Skyline's position moved, so its history has the change; the others' did not.
    expect(snapshotsBefore(skylineId)).toBe(before.skyline + 1);
    expect(snapshotsBefore(assessed)).toBe(before.assessed);
    expect(snapshotsBefore(quiet)).toBe(before.quiet);
    const latest = db.select().from(riskSnapshots).where(eq(riskSnapshots.vendorId, skylineId)).all().at(-1)!;
    expect(latest).toMatchObject({ reason: 'profile_change', takenAt: NOW, standing: 'not_assessed', openTasks: 0 });
    expect(latest.impact).toBeGreaterThan(1);
  });
});

describe('an inventory that changes while a file is planned', () => {
  it('writes nothing from an outdated plan; planned again, the file is checked against the change', async () => {
    const { db, caller } = await setup();
    const input = { kind: 'vendors' as const, csv: csv('name', 'Planned Ltd', 'Raced Ltd') };
    const actor = { type: 'user' as const, id: procurement.id, label: procurement.name };
    const staging = () => `${makeTempDir('staging-')}/rows.sqlite`;

    // Someone adds a vendor between the plan and the write: the plan is dropped whole.
    const first = staging();
    const outdated = prepareCommit(db, input, actor, NOW, first);
    await caller.vendors.create({ name: 'Raced Ltd' });
    expect(await applyCommit(db, outdated, first)).toBeNull();
    expect(existsSync(first)).toBe(false);
    expect(db.select().from(vendors).all().map((v) => v.name)).toEqual(['Skyline Loyalty', 'Existing Vendor', 'Raced Ltd']);
    expect(importAudits(db)).toHaveLength(0);

    // Planned again, the file now clashes with that vendor: refused as a whole, by row and column.
    expect(() => prepareCommit(db, input, actor, NOW, staging())).toThrow('The file has 1 error: nothing was imported. Preview it to see them.');
    await expect(caller.vendors.commitImport(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('1 error') });
    const fixed = { kind: 'vendors' as const, csv: csv('name', 'Planned Ltd') };
    const second = staging();
    expect(await applyCommit(db, prepareCommit(db, fixed, actor, NOW, second), second)).toMatchObject({ counts: { rows: 1, created: 1, updated: 0 } });
    expect(importAudits(db)).toHaveLength(1);
  });

  it('checks a previewed file again at commit when the inventory changed after the preview', async () => {
    const { db, caller } = await setup();
    const input = { kind: 'vendors' as const, csv: csv('name', 'Planned Ltd', 'Raced Ltd') };
    // Clean when previewed; the commit must not take the preview's word for it once someone has added a vendor.
    expect((await caller.vendors.previewImport(input)).counts).toMatchObject({ rows: 2, valid: 2, errors: 0 });
    await caller.vendors.create({ name: 'Raced Ltd' });
    await expect(caller.vendors.commitImport(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('1 error') });
    expect(db.select().from(vendors).all().map((v) => v.name)).toEqual(['Skyline Loyalty', 'Existing Vendor', 'Raced Ltd']);
    expect(importAudits(db)).toHaveLength(0);
  });
});
