/**
 * The vendor list and vendor page through the real router (createCaller)
 * on a real SQLite file. Expected positions are worked by hand from
 * docs/scoring.md; the database's stored scores come from the engine.
 */
import { addDays, addMonths } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { airlineHoldings, contactCentreAnswers } from '../unit/scoring/examples.ts';

const auditor = { id: 'u-audit', name: 'Audrey', email: 'audrey@tollgate.example', role: 'auditor' as const };
const callerAt = (db: Db, now: Date) => createCaller(createContextInner({ db, user: auditor, now: () => now }));

let db: Db;
const ids: Record<string, number> = {};

beforeAll(() => {
  db = createTestDatabase().db;
  ids.contactCentre = createVendor(db, { name: 'Acme Contact Centre', services: ['contact_centre', 'saas'], access: 'write', criticality: 5, holdings: airlineHoldings });
  completeAssessment(db, ids.contactCentre, {
    exceptions: Object.fromEntries(Object.entries(contactCentreAnswers).map(([id, a]) => [id, a?.value ?? null])),
  });
  ids.catering = createVendor(db, { name: 'Bistro Catering', criticality: 1, holdings: [{ category: 'contact.name', subjects: 'employees', records: 200 }] });
  completeAssessment(db, ids.catering);
  ids.marketing = createVendor(db, {
    name: 'Campaign Mailers',
    services: ['marketing'],
    criticality: 3,
    holdings: [{ category: 'contact.name', records: 2_000_000 }, { category: 'contact.email', records: 2_000_000 }],
  });
  completeAssessment(db, ids.marketing, { exceptions: { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no', 'IAM-05': 'no' } });
  ids.payroll = createVendor(db, {
    name: 'Delta Payroll',
    criticality: 4,
    holdings: [
      { category: 'contact.name', subjects: 'employees', records: 2_400 },
      { category: 'employee.hr', subjects: 'employees', records: 2_400 },
      { category: 'gov_id.national_id', subjects: 'employees', records: 2_400 },
    ],
  });
  ids.hosting = createVendor(db, { name: 'Echo Hosting', access: 'privileged', criticality: 4, holdings: [{ category: 'contact.email', records: 50_000 }] });
  completeAssessment(db, ids.hosting, { completedAt: addMonths(NOW, -14) });
  ids.archived = createVendor(db, { name: 'Foxtrot Archived', status: 'archived', holdings: [{ category: 'health', records: 5_000_000 }] });
});

describe('vendors.list', () => {
  it('orders vendors by residual risk, ranking those without a current assessment at their inherent risk', async () => {
    const list = await callerAt(db, NOW).vendors.list({});
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => [r.name, r.standing, r.residual, r.band, r.inherentResidual, r.tier, r.grade])).toEqual([
      ['Acme Contact Centre', 'assessed', 25, 'critical', 25, 1, 'F'],
      ['Delta Payroll', 'not_assessed', null, null, 20, 2, null],
      ['Echo Hosting', 'expired', 4, 'low', 20, 2, 'A'],
      ['Campaign Mailers', 'assessed', 6, 'medium', 15, 3, 'B'],
      ['Bistro Catering', 'assessed', 1, 'low', 5, 4, 'A'],
    ]);
  });

  it('shows the records held, the most sensitive category and open tasks', async () => {
    const list = await callerAt(db, NOW).vendors.list({});
    const acme = list.rows.find((r) => r.name === 'Acme Contact Centre')!;
    expect(acme.largestHolding).toBe(5_700_000);
    expect(acme.mostSensitiveCategory).toBe('account.loyalty_number');
    expect(acme.openTasks).toBe(9);
    expect(acme.overdueTasks).toBe(0);
  });

  it('counts tasks past their due date as overdue: 20 days on, the 8 critical ones (15 days) are late', async () => {
    const list = await callerAt(db, addDays(NOW, 20)).vendors.list({ search: 'Acme' });
    expect(list.rows[0]).toMatchObject({ openTasks: 9, overdueTasks: 8 });
  });

  it('filters by band, with "not assessed" covering never-assessed and expired vendors', async () => {
    const caller = callerAt(db, NOW);
    expect((await caller.vendors.list({ bands: ['critical'] })).rows.map((r) => r.name)).toEqual(['Acme Contact Centre']);
    expect((await caller.vendors.list({ bands: ['not_assessed'] })).rows.map((r) => r.name)).toEqual(['Delta Payroll', 'Echo Hosting']);
    expect((await caller.vendors.list({ bands: ['low'] })).rows.map((r) => r.name)).toEqual(['Bistro Catering']);
    expect((await caller.vendors.list({ bands: ['low', 'medium'] })).rows.map((r) => r.name)).toEqual(['Campaign Mailers', 'Bistro Catering']);
  });

  it('filters by tier and searches names, treating % and _ literally', async () => {
    const caller = callerAt(db, NOW);
    expect((await caller.vendors.list({ tiers: [4] })).rows.map((r) => r.name)).toEqual(['Bistro Catering']);
    expect((await caller.vendors.list({ search: 'pay' })).rows.map((r) => r.name)).toEqual(['Delta Payroll']);
    expect((await caller.vendors.list({ search: '%' })).total).toBe(0);
  });

  it('sorts by name and pages through results', async () => {
    const caller = callerAt(db, NOW);
    const byName = await caller.vendors.list({ sort: 'name', direction: 'asc' });
    expect(byName.rows.map((r) => r.name)).toEqual(['Acme Contact Centre', 'Bistro Catering', 'Campaign Mailers', 'Delta Payroll', 'Echo Hosting']);
    const page2 = await caller.vendors.list({ pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(['Echo Hosting', 'Campaign Mailers']);
  });

  it('lists archived vendors only when asked', async () => {
    const list = await callerAt(db, NOW).vendors.list({ includeArchived: true, search: 'Foxtrot' });
    expect(list.rows.map((r) => [r.name, r.status])).toEqual([['Foxtrot Archived', 'archived']]);
  });

  it('refuses bad input with a message naming the field', async () => {
    await expect(callerAt(db, NOW).vendors.list({ pageSize: 1000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('pageSize'),
    });
    await expect(callerAt(db, NOW).vendors.list({ bands: ['scary' as never] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Unknown band "scary"'),
    });
  });
});

describe('vendors.get', () => {
  it('shows the contact-centre vendor with its data, domain scores, failing controls and tasks', async () => {
    const detail = await callerAt(db, NOW).vendors.get({ id: ids.contactCentre! });
    expect(detail.vendor.name).toBe('Acme Contact Centre');
    expect(detail.risk).toMatchObject({ standing: 'assessed', impact: 5, likelihood: 5, residual: 25, band: 'critical', grade: 'F', score: 74.4, projectedResidual: 5, projectedBand: 'medium', largestHolding: 5_700_000 });
    expect(detail.holdings.map((h) => [h.category, h.records])[0]).toEqual(['contact.email', 5_700_000]);
    expect(detail.holdings).toHaveLength(8);
    expect(Object.fromEntries(detail.risk.domains!.map((d) => [d.domain, d.score]))).toMatchObject({ IAM: 66.7, REC: 56.3, DAT: 71.4 });
    expect(detail.failingControls.map((c) => [c.controlId, c.outcome])).toEqual([
      ['IAM-01', 'not_met'], ['IAM-04', 'not_met'], ['REC-01', 'not_met'], ['REC-02', 'partial'], ['REC-06', 'not_met'],
      ['DAT-01', 'partial'], ['DAT-04', 'not_met'], ['INT-02', 'not_met'], ['DET-02', 'not_met'],
    ]);
    expect(detail.tasks).toHaveLength(9);
    expect(detail.assessments).toHaveLength(1);
    expect(detail.assessments[0]).toMatchObject({ status: 'completed', templateName: 'Core', score: 74.4, grade: 'F', band: 'critical' });
  });

  it('answers NOT_FOUND with a plain message for an unknown vendor', async () => {
    await expect(callerAt(db, NOW).vendors.get({ id: 99_999 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The vendor was not found.' });
  });
});
