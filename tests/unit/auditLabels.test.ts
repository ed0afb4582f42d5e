/**
 * The Audit page speaks plainly: every action code the server can record
 * has a label in words, and what an event changed reads as a summary
 * ("Tier: 3 → 2", "Status: In review → Completed"), not as stored values.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction } from '#shared/auditActions.ts';
import type { AuditEntry } from '../../server/platform/audit/auditTrail.ts';
import { actionLabel } from '../../client/src/features/admin/auditLabels.ts';
import { summarizeAuditEvent } from '../../client/src/features/admin/auditSummary.ts';

describe('action labels', () => {
  it('are enumerated from the very list recordAudit accepts', () => {
    // recordAudit takes only these codes (checked by the compiler): a code missing here cannot be recorded.
    expectTypeOf<AuditEntry['action']>().toEqualTypeOf<AuditAction>();
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(50);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it.each(AUDIT_ACTIONS)('%s has a label in plain words', (code) => {
    const label = actionLabel(code);
    expect(label).not.toBe(code);
    expect(label).toMatch(/^[A-Z][a-z-]+ \S/);
    expect(label).not.toMatch(/[._{}]/);
  });

  it('no two actions share a label', () => {
    const labels = AUDIT_ACTIONS.map(actionLabel);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });
});

describe('what an event changed', () => {
  const summary = (action: string, before: unknown, after: unknown) => summarizeAuditEvent({ action, before, after });

  it('shows a changed field as old → new, in the words of the screens', () => {
    expect(summary('vendor.update', { criticality: 3, accessLevel: 'none' }, { criticality: 4, accessLevel: 'privileged' })).toEqual([
      'Criticality: 3 → 4',
      'Access: No access to our systems → Privileged access',
    ]);
    expect(summary('assessment.complete', { status: 'in_review' }, { status: 'completed', score: 72.5, grade: 'C', residual: 12, band: 'high', tasks: 5 })).toEqual([
      'Status: In review → Completed',
      'Score: 72.5',
      'Grade: C',
      'Residual risk: 12',
      'Risk band: High',
      'Remediation tasks: 5',
    ]);
    expect(
      summary('vendor.tier_override.set', { tierOverride: null, reason: null, by: null }, { tierOverride: 2, reason: 'Runs our payroll', suggestedTier: 3, tier: 2 }),
    ).toEqual(['Tier set by hand: none → 2', 'Reason: none → Runs our payroll', 'Suggested tier: 3', 'Tier: 2']);
  });

  it('names the record a change was made to, and leaves out what did not change', () => {
    expect(summary('answer.review.accept', { controlId: 'IAM-01', reviewStatus: 'pending' }, { controlId: 'IAM-01', reviewStatus: 'accepted', note: null })).toEqual([
      'Question: IAM-01',
      'Review: Not reviewed → Accepted',
    ]);
    const holding = { id: 7, vendorId: 3, category: 'contact.email', subjects: 'customers', records: 1000, needed: true, retentionMonths: null, storageCountry: 'IE' };
    expect(summary('holding.update', holding, { ...holding, records: 5_700_000, needed: false })).toEqual([
      'Data: Email addresses',
      'About: Customers',
      'Records: 1,000 → 5,700,000',
      'Needed for the service: yes → no',
    ]);
  });

  it('lists the fields of a record added or removed, without internal ids', () => {
    expect(summary('contact.delete', { id: 4, name: 'Jo Vendor', email: 'jo@vendor.example', phone: null, role: 'Security lead', isPrimary: true }, null)).toEqual([
      'Name: Jo Vendor',
      'Email: jo@vendor.example',
      'Role: Security lead',
      'Primary contact: yes',
    ]);
    expect(summary('import.vendors', null, { rows: 12, created: 10, updated: 2, vendorIds: [1, 2], sha256: 'ab'.repeat(32) })).toEqual(['Rows: 12', 'Created: 10', 'Updated: 2']);
    expect(summary('evidence.upload', null, { evidenceId: 9, controlId: 'IAM-01', taskId: null, name: 'SOC 2.pdf', sha256: 'ab'.repeat(32) })).toEqual(['Question: IAM-01', 'File: SOC 2.pdf']);
    expect(summary('share_link.open', null, null)).toEqual([]);
  });

  it('gives events of their own shape their own words', () => {
    expect(summary('user.mfa.reset', { totp: 1, passkeys: 2 }, { reason: 'Called back on the number on file', sessionsEnded: 3 })).toEqual([
      'Removed: 1 authenticator app and 2 passkeys',
      'Sessions ended: 3',
      'Reason: Called back on the number on file',
    ]);
    expect(summary('access.denied', null, { reason: 'Your role does not allow this.', role: 'procurement' })).toEqual(['Reason: Your role does not allow this.', 'Role: Procurement']);
    expect(summary('access.denied', null, { reason: 'The file was not found.', params: { id: '12' }, status: 404 })).toEqual(['Reason: The file was not found.', 'Asked for: id 12']);
    expect(summary('audit.chain.keyed', null, { legacyEntries: 1234, lastLegacyId: 1234 })).toEqual([
      '1,234 earlier entries, hashed without a key, are sealed by this entry; every later entry is signed with the audit key',
    ]);
    const counted = summary('access.denied.counted', null, {
      count: 40,
      from: '2026-06-15T09:00:00.000Z',
      to: '2026-06-15T09:15:00.000Z',
      callers: [{ type: 'user', id: 'u-1', label: 'Pat Procurement', ip: '192.0.2.7', count: 40 }],
      otherCallers: 0,
    });
    expect(counted[0]).toMatch(/^40 refused calls from 15 Jun 2026, \d\d:\d\d to 15 Jun 2026, \d\d:\d\d, over the limit, counted but not recorded one by one$/);
    expect(counted[1]).toBe('By: Pat Procurement (192.0.2.7): 40');
  });

  it('keeps long texts short', () => {
    const [line] = summary('answer.clarification', null, { controlId: 'IAM-01', response: 'x'.repeat(500) }).slice(1);
    expect(line!.length).toBeLessThan(200);
    expect(line).toMatch(/…$/);
  });
});
