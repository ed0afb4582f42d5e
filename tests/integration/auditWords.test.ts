/**
 * The Audit page's words for what the server really records: every event
 * of a whole vendor assessment, and of user administration, has a label
 * and a summary of what changed, with no JSON or stored codes.
 */
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { exportInventory } from '../../server/vendors/exports.ts';
import { removeEvidence, storeEvidence } from '../../server/assessments/evidence/evidence.ts';
import { openShareLink } from '../../server/assessments/links/shareLinks.ts';
import { actionLabel } from '../../client/src/features/admin/auditLabels.ts';
import { summarizeAuditEvent } from '../../client/src/features/admin/auditSummary.ts';
import { createTestAuth } from '../helpers/auth.ts';
import { NOW } from '../helpers/factories.ts';
import { createTestDatabase, makeTempDir } from '../helpers/testDatabase.ts';

const rowsOf = (db: Db) => db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();

describe('the Audit page’s words for recorded events', () => {
  it('every event of a whole vendor assessment, and of user administration, reads as words, not stored codes or JSON', async () => {
    const { db } = createTestDatabase();
    const now = () => NOW;
    const admin: StaffUser = { id: 'u-admin', name: 'Ines Admin', email: 'ines@tollgate.example', role: 'admin' };
    db.insert(users).values({ ...admin }).run();
    const auth = createTestAuth(db);
    const P = createCaller(createContextInner({ db, user: admin, now, services: { auth } }));

    const { vendorId } = await P.vendors.create({ name: 'Flow Contact Ltd', website: 'https://flow.example', services: ['contact_centre'], criticality: 3, accessLevel: 'read', contractStart: '2026-01-01' });
    await P.vendors.update({ id: vendorId, criticality: 4, accessLevel: 'privileged', serviceDescription: 'Answers our customers’ calls' });
    await P.vendors.setTierOverride({ vendorId, tier: 1, reason: 'Runs our whole contact centre' });
    await P.vendors.setTierOverride({ vendorId, tier: null });
    const { holding } = await P.vendors.upsertHolding({ vendorId, category: 'contact.email', subjects: 'customers', records: 1000, storageCountry: 'IE' });
    await P.vendors.upsertHolding({ vendorId, id: holding.id, category: 'contact.email', subjects: 'customers', records: 5_700_000, needed: false });
    await P.vendors.deleteHolding({ id: holding.id });
    const contact = await P.vendors.createContact({ vendorId, name: 'Jo Vendor', email: 'jo@flow.example', isPrimary: true });
    await P.vendors.updateContact({ vendorId, id: contact.id, role: 'Security lead' });
    await P.vendors.deleteContact({ vendorId, id: contact.id });
    const sub = await P.vendors.createSubProcessor({ vendorId, name: 'Offshore Agents', country: 'PH', dataShared: ['contact.email', 'contact.phone'] });
    await P.vendors.updateSubProcessor({ vendorId, id: sub.id, service: 'Night shift' });
    await P.vendors.deleteSubProcessor({ vendorId, id: sub.id });
    const integration = await P.vendors.createIntegration({ vendorId, name: 'CRM connector', accessLevel: 'read', scopes: ['contacts.read'], lastTokenRotation: '2026-01-02' });
    await P.vendors.updateIntegration({ vendorId, id: integration.id, accessLevel: 'write' });
    await P.vendors.deleteIntegration({ vendorId, id: integration.id });
    const imported = await P.vendors.commitImport({ kind: 'vendors', csv: 'name,services,access_level\nImported Help Desk Ltd,help_desk,read\n' });
    await P.vendors.commitImport({ kind: 'holdings', csv: 'vendor,category,subjects,records\nImported Help Desk Ltd,contact.phone,employees,200\n' });
    await P.vendors.archive({ id: imported.vendorIds[0]! });
    await P.vendors.restore({ id: imported.vendorIds[0]! });
    await exportInventory(db, 'vendors.csv', { type: 'user', id: admin.id, label: admin.name, ip: '192.0.2.1' }, NOW);

    const { assessmentId } = await P.assessments.start({ vendorId, templateKey: 'lite' });
    const link = await P.assessments.createShareLink({ assessmentId, recipientName: 'Vera Vendor', recipientEmail: 'vera@flow.example', emailCodeRequired: false });
    const opened = openShareLink(db, link.url.split('/q/')[1]!, NOW, { ip: '198.51.100.4', userAgent: 'test' });
    expect(opened.kind).toBe('opened');
    const L = createCaller(createContextInner({ db, link: { shareLinkId: link.linkId, assessmentId, recipientName: 'Vera Vendor' }, ip: '198.51.100.4', now }));
    const [controlId, otherId] = (await L.portal.questionnaire()).controls.map((c) => c.id);
    await L.portal.saveAnswer({ controlId: controlId!, value: 'partial', comment: 'Most agents', baseRevision: 0 });
    await L.portal.saveAnswer({ controlId: controlId!, value: 'yes', comment: 'All agents, since June', baseRevision: 1 });
    await L.portal.saveAnswer({ controlId: otherId!, value: 'no', baseRevision: 0 });
    const vendorActor = { type: 'vendor_link' as const, id: String(link.linkId), label: 'Vera Vendor', ip: '198.51.100.4' };
    const uploadsDir = makeTempDir('uploads-');
    const file = await storeEvidence(db, uploadsDir, { assessmentId, controlId: controlId! }, { name: 'MFA policy.pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }, vendorActor, NOW);
    removeEvidence(db, uploadsDir, file.id, assessmentId, vendorActor, NOW);
    await L.portal.submit({ confirmUnanswered: true });
    await P.assessments.transition({ assessmentId, to: 'in_review' });
    await P.assessments.reviewAnswer({ assessmentId, controlId: otherId!, decision: 'reject', note: 'The policy says otherwise' });
    await P.assessments.reviewAnswer({ assessmentId, controlId: controlId!, decision: 'clarify', note: 'Which kind of MFA?' });
    await L.portal.respondToClarification({ controlId: controlId!, response: 'Security keys for every agent' });
    await P.assessments.reviewAnswer({ assessmentId, controlId: controlId!, decision: 'accept' });
    await P.assessments.transition({ assessmentId, to: 'completed' });
    await P.assessments.revokeShareLink({ linkId: link.linkId });
    const other = await P.assessments.start({ vendorId: imported.vendorIds[0]! });
    await P.assessments.transition({ assessmentId: other.assessmentId, to: 'sent' });
    await P.assessments.transition({ assessmentId: other.assessmentId, to: 'cancelled', note: 'The contract was not renewed' });

    // The questionnaire library: an import, a copy of a built-in, an edited draft, publishing.
    await P.templates.import({ content: 'id,type,section,text\nsmall-checks,template,,Small checks\nIAM,section,,Identity\nIAM-01,control,IAM,', fileName: 'small.csv' });
    await P.templates.publish({ key: 'small-checks', version: 1 });
    await P.templates.createDraft({ key: 'lite', newKey: 'lite-copy', newName: 'Lite copy' });
    const copied = await P.templates.get({ key: 'lite-copy' });
    await P.templates.saveDraft({ key: 'lite-copy', definition: { ...copied.definition, name: 'Lite, renamed' } });

    const invited = await P.users.invite({ email: 'sam@tollgate.example', name: 'Sam Newcomer', role: 'auditor' });
    await P.users.changeRole({ userId: invited.id, role: 'ciso' });
    await P.users.setActive({ userId: invited.id, active: false });
    await P.users.setActive({ userId: invited.id, active: true });
    await P.users.resetMfa({ userId: invited.id, reason: 'Called back on the number in the HR system' });
    await P.settings.updateSecurity({ requireMfaForAll: true });
    const auditor = createCaller(createContextInner({ db, user: { id: 'u-aud', name: 'Avi Auditor', email: 'avi@tollgate.example', role: 'auditor' }, now }));
    await expect(auditor.vendors.create({ name: 'Not Allowed Ltd' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const rows = rowsOf(db);
    expect(new Set(rows.map((r) => r.action)).size).toBeGreaterThanOrEqual(44);
    for (const row of rows) {
      expect(actionLabel(row.action), row.action).not.toBe(row.action);
      // No braces or quotes (JSON), no stored codes such as in_review or contact_centre.
      for (const line of summarizeAuditEvent(row)) expect(line, `${row.action}: ${line}`).not.toMatch(/[{}"]|\[object|\b[a-z]+_[a-z_]+\b/);
    }
    const summaryOf = (action: string) => summarizeAuditEvent(rows.find((r) => r.action === action)!);
    expect(summaryOf('vendor.update')).toEqual(['Service: none → Answers our customers’ calls', 'Criticality: 3 → 4', 'Access: Read-only integration → Privileged access']);
    expect(summaryOf('assessment.in_review')).toEqual(['Status: Submitted → In review']);
    expect(summaryOf('user.role.change')).toEqual(['Role: Auditor (read-only) → CISO / risk owner']);
    expect(summaryOf('template.import')).toEqual(['Version: 1', 'File format: CSV', 'File: small.csv', 'Questions: 1', 'Sections: 1']);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
