/**
 * The access path through the server (docs/scoring.md section 15): the
 * stored position is the engine's for the vendor's profile and its named
 * integrations, the screens get the reasons with the integration's name,
 * and every integration change re-applies the rules and is recorded in the
 * vendor's risk history. Expected numbers are worked by hand in section
 * 15.4 (the chat widget) and 15.5 (the IT service desk).
 */
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { describeCriticalBecause } from '#shared/scoring/accessPath.ts';
import type { AnswerValue } from '#shared/scoring/constants.ts';
import { scoreVendor } from '#shared/scoring/scoreVendor.ts';
import { remediationTasks, riskSnapshots } from '../../drizzle/schema/index.ts';
import type { LinkScope, StaffUser } from '../../server/platform/callers.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { completeAssessment, createUser } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const procurement: StaffUser = { id: 'u-proc', name: 'Priya', email: 'priya@tollgate.example', role: 'procurement' };
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

function setup() {
  const { db } = createTestDatabase();
  createUser(db, procurement.id, 'procurement');
  const as = (now: Date) => createCaller(createContextInner({ db, user: procurement, now: () => now }));
  return { db, as };
}

/** Every connected-app control answered No, everything else Yes (section 15.4). */
const CONNECTED_APP_GAPS: Record<string, AnswerValue> = { 'INT-01': 'no', 'INT-02': 'no', 'INT-03': 'no', 'INT-04': 'no', 'INT-05': 'no', 'INT-06': 'no' };

const chatWidget = {
  name: 'Chat widget',
  services: ['saas' as const],
  accessLevel: 'none' as const,
  criticality: 3 as const,
};
const chatHoldings = [
  { category: 'contact.name' as const, records: 50_000 },
  { category: 'contact.email' as const, records: 50_000 },
  { category: 'comms.content' as const, records: 50_000 },
];

async function createChatWidget(as: ReturnType<typeof setup>['as'], now: Date) {
  const { vendorId } = await as(now).vendors.create(chatWidget);
  for (const h of chatHoldings) await as(now).vendors.upsertHolding({ vendorId, subjects: 'customers', ...h });
  return vendorId;
}

const history = (db: Db, vendorId: number) =>
  db
    .select({ reason: riskSnapshots.reason, impact: riskSnapshots.impact, grade: riskSnapshots.grade, likelihood: riskSnapshots.likelihood, residual: riskSnapshots.residual, band: riskSnapshots.band })
    .from(riskSnapshots)
    .where(eq(riskSnapshots.vendorId, vendorId))
    .orderBy(asc(riskSnapshots.takenAt), asc(riskSnapshots.id))
    .all();

describe('the chat widget with a privileged CRM integration (section 15.4)', () => {
  it('stores the position the scoring CLI computes for the same facts, raises critical 15-day tasks and names the integration', async () => {
    const { db, as } = setup();
    const vendorId = await createChatWidget(as, at('2026-06-01'));
    await as(at('2026-06-01')).vendors.createIntegration({ vendorId, name: 'CRM sync', system: 'CRM', accessLevel: 'privileged' });
    const assessmentId = completeAssessment(db, vendorId, { exceptions: CONNECTED_APP_GAPS, completedAt: at('2026-06-02') });

    const detail = await as(at('2026-06-03')).vendors.get({ id: vendorId });
    // By hand: 88.5, three access-path critical failures cap at F; floor 4; impact 4 (privileged); 4 x 4 = 16, high.
    expect(detail.risk).toMatchObject({ score: 88.5, grade: 'F', likelihood: 4, impact: 4, residual: 16, band: 'high', tier: 2 });

    // The CLI's input has one `access`, the vendor's effective access: the same facts give the same position.
    const answers = Object.fromEntries(CORE_CATALOGUE_V1.controls.map((c) => [c.id, { value: CONNECTED_APP_GAPS[c.id] ?? ('yes' as const) }]));
    const cli = scoreVendor({ services: ['saas'], access: 'privileged', criticality: 3, holdings: chatHoldings.map((h) => ({ ...h, subjects: 'customers' as const, needed: true })), controls: CORE_CATALOGUE_V1.controls, answers });
    expect(detail.risk).toMatchObject({ score: cli.score, grade: cli.grade, likelihood: cli.likelihood.likelihood, impact: cli.impact.impact, residual: cli.residual, band: cli.band, tier: cli.suggestedTier });

    const tasks = db.select({ controlId: remediationTasks.controlId, severity: remediationTasks.severity, dueDate: remediationTasks.dueDate }).from(remediationTasks).where(eq(remediationTasks.vendorId, vendorId)).all();
    const byControl = Object.fromEntries(tasks.map((t) => [t.controlId, [t.severity, t.dueDate]]));
    expect(byControl).toEqual({
      'INT-01': ['critical', '2026-06-17'],
      'INT-02': ['critical', '2026-06-17'],
      'INT-05': ['critical', '2026-06-17'],
      'INT-03': ['medium', '2026-08-31'],
      'INT-04': ['medium', '2026-08-31'],
      'INT-06': ['medium', '2026-08-31'],
    });
    expect(cli.tasks.map((t) => [t.controlId, t.severity])).toEqual(tasks.map((t) => [t.controlId, t.severity]).sort((a, b) => cli.tasks.findIndex((t) => t.controlId === a[0]) - cli.tasks.findIndex((t) => t.controlId === b[0])));

    // The vendor page: the three path controls are critical for this vendor, with the integration named; the others keep their severity.
    const failing = Object.fromEntries(detail.failingControls.map((c) => [c.controlId, c]));
    for (const id of ['INT-01', 'INT-02', 'INT-05']) {
      expect(failing[id]).toMatchObject({ severity: 'critical', catalogueSeverity: 'high', critical: true });
      expect(failing[id]!.criticalBecause).toEqual([{ rule: 'connected_app', access: 'privileged', sources: [{ kind: 'integration', name: 'CRM sync', access: 'privileged' }], services: [] }]);
      expect(describeCriticalBecause(failing[id]!.criticalBecause[0]!)).toContain("because of its privileged integration 'CRM sync'");
    }
    for (const id of ['INT-03', 'INT-04', 'INT-06']) expect(failing[id]).toMatchObject({ severity: 'medium', catalogueSeverity: 'medium', critical: false, criticalBecause: [] });

    // The report explains the review as it was scored: still after the integration is gone, as the tasks it raised stay critical.
    const sync = detail.integrations[0]!;
    await as(at('2026-06-04')).vendors.deleteIntegration({ vendorId, id: sync.id });
    const report = await as(at('2026-06-04')).assessments.report({ assessmentId });
    expect(report.position.criticalFailures).toEqual(['INT-01', 'INT-02', 'INT-05']);
    expect(report.failing.filter((f) => f.criticalBecause.length).map((f) => [f.controlId, f.severity, f.catalogueSeverity, describeCriticalBecause(f.criticalBecause[0]!)])).toEqual(
      ['INT-01', 'INT-02', 'INT-05'].map((id) => [id, 'critical', 'high', "Critical for this vendor because of its privileged integration 'CRM sync': a stolen token of a connected app with that access opens our systems without a password."]),
    );
    expect(report.accessPathNotAsked).toEqual([]);
  });
});

describe('integration changes re-apply the access-path rules', () => {
  it('adding, changing and removing an integration rescores the vendor and records each move in its risk history', async () => {
    const { db, as } = setup();
    const vendorId = await createChatWidget(as, at('2026-06-01'));
    completeAssessment(db, vendorId, { exceptions: CONNECTED_APP_GAPS, completedAt: at('2026-06-02') });
    // No access path: 88.5, B, likelihood 2, impact 3 (data), 2 x 3 = 6, medium (section 15.4, read-only variant).
    expect((await as(at('2026-06-02')).vendors.get({ id: vendorId })).risk).toMatchObject({ grade: 'B', likelihood: 2, impact: 3, residual: 6, band: 'medium' });

    // A read-only integration: no rule applies and impact stays 3 (read floor 2), so nothing moves and nothing is recorded.
    const sync = await as(at('2026-06-03')).vendors.createIntegration({ vendorId, name: 'CRM sync', accessLevel: 'read' });
    // Write: impact stays 3 (write floor 3), but INT-01, INT-02, INT-05 now count as critical: F, floor 4, 4 x 3 = 12, high.
    await as(at('2026-06-04')).vendors.updateIntegration({ vendorId, id: sync.id, accessLevel: 'write' });
    const withWrite = await as(at('2026-06-04')).vendors.get({ id: vendorId });
    expect(withWrite.risk).toMatchObject({ grade: 'F', likelihood: 4, impact: 3, residual: 12, band: 'high' });
    expect(withWrite.failingControls.find((c) => c.controlId === 'INT-02')?.criticalBecause[0]?.sources).toEqual([{ kind: 'integration', name: 'CRM sync', access: 'write' }]);
    // Privileged: impact 4 (privileged floor 4): 4 x 4 = 16, high.
    await as(at('2026-06-05')).vendors.updateIntegration({ vendorId, id: sync.id, accessLevel: 'privileged' });
    // Removed: back to no access path, 6, medium.
    await as(at('2026-06-06')).vendors.deleteIntegration({ vendorId, id: sync.id });
    const after = await as(at('2026-06-06')).vendors.get({ id: vendorId });
    expect(after.risk).toMatchObject({ grade: 'B', likelihood: 2, impact: 3, residual: 6, band: 'medium' });
    expect(after.failingControls.every((c) => c.criticalBecause.length === 0)).toBe(true);

    expect(history(db, vendorId).slice(-4)).toEqual([
      { reason: 'review', impact: 3, grade: 'B', likelihood: 2, residual: 6, band: 'medium' },
      { reason: 'profile_change', impact: 3, grade: 'F', likelihood: 4, residual: 12, band: 'high' },
      { reason: 'profile_change', impact: 4, grade: 'F', likelihood: 4, residual: 16, band: 'high' },
      { reason: 'profile_change', impact: 3, grade: 'B', likelihood: 2, residual: 6, band: 'medium' },
    ]);
  });
});

describe('the outsourced IT service desk (section 15.5)', () => {
  it('shows the credential-reset reasons naming the help desk and the access on its profile', async () => {
    const { db, as } = setup();
    const { vendorId } = await as(at('2026-06-01')).vendors.create({ name: 'Service desk', services: ['help_desk'], accessLevel: 'privileged', criticality: 4 });
    for (const category of ['contact.name', 'contact.email', 'contact.phone'] as const) {
      await as(at('2026-06-01')).vendors.upsertHolding({ vendorId, category, subjects: 'employees', records: 8_000 });
    }
    completeAssessment(db, vendorId, { exceptions: { 'REC-03': 'partial', 'REC-05': 'no' }, completedAt: at('2026-06-02') });

    const detail = await as(at('2026-06-03')).vendors.get({ id: vendorId });
    // By hand: 96.2, REC-05 caps at D; floor 4 + 1 (help desk) = 5; impact 4; 5 x 4 = 20, critical.
    expect(detail.risk).toMatchObject({ score: 96.2, grade: 'D', likelihood: 5, impact: 4, residual: 20, band: 'critical' });
    const failing = Object.fromEntries(detail.failingControls.map((c) => [c.controlId, c]));
    expect(failing['REC-03']).toMatchObject({ severity: 'critical', catalogueSeverity: 'high', outcome: 'partial' });
    expect(failing['REC-05']).toMatchObject({ severity: 'critical', catalogueSeverity: 'high', outcome: 'not_met' });
    expect(failing['REC-03']!.criticalBecause.map((r) => describeCriticalBecause(r))).toEqual([
      "Critical for this vendor because its help desk can change our users' or customers' accounts through the privileged access on its profile: a caller who talks an agent into a reset takes the account.",
    ]);
    expect(failing['REC-05']!.criticalBecause.map((r) => describeCriticalBecause(r))).toEqual([
      'Critical for this vendor because its help desk can reset accounts with administrative rights through the privileged access on its profile: one agent alone must not be able to hand one over.',
    ]);
  });
});

describe("the portal's \"why this matters\"", () => {
  it('tells the vendor a control is critical for it because of its integration, in words addressed to it', async () => {
    const { db, as } = setup();
    const now = at('2026-06-01');
    const admin: StaffUser = { id: 'u-admin', name: 'Ines', email: 'ines@tollgate.example', role: 'admin' };
    createUser(db, admin.id, 'admin');
    await createCaller(createContextInner({ db, user: admin, now: () => now })).settings.updateOrganisation({ name: 'Demo Airline', vendorContactName: 'Ines', vendorContactEmail: 'ines@tollgate.example' });
    const vendorId = await createChatWidget(as, now);
    await as(now).vendors.createIntegration({ vendorId, name: 'CRM sync', accessLevel: 'privileged' });
    const { assessmentId, templateKey } = await as(now).assessments.start({ vendorId });
    expect(templateKey).toBe('core');
    await as(now).assessments.transition({ assessmentId, to: 'sent' });
    const { linkId } = await as(now).assessments.createShareLink({ assessmentId, recipientName: 'Val Vendor', recipientEmail: 'val@widget.example' });
    const link: LinkScope = { shareLinkId: linkId, assessmentId, recipientName: 'Val Vendor' };
    const vendor = createCaller(createContextInner({ db, link, now: () => now }));

    const controls = Object.fromEntries((await vendor.portal.questionnaire()).controls.map((c) => [c.id, c]));
    expect(controls['INT-01']).toMatchObject({
      severity: 'critical',
      critical: true,
      criticalBecause: [
        "Critical for you because of your privileged integration 'CRM sync': a stolen token of a connected app with that access opens Demo Airline's systems without a password.",
      ],
    });
    expect(controls['INT-03']).toMatchObject({ severity: 'medium', critical: false, criticalBecause: [] });
    // A control critical for every vendor stays so, with no access-path reason to add.
    expect(controls['IAM-01']).toMatchObject({ severity: 'critical', critical: true, criticalBecause: [] });
  });
});
