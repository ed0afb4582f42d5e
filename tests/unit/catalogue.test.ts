/** The catalogue must match its specification exactly: ids are a contract with reports, imports and task history. */
import { describe, expect, it } from 'vitest';
import { findAttackTechnique } from '#shared/catalogue/attackTechniques.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { DATA_CATEGORIES } from '#shared/taxonomy.ts';

// id, severity, critical, N/A allowed: transcribed from the specification.
const SPEC = `
IAM-01 critical Y N; IAM-02 critical Y N; IAM-03 high N N; IAM-04 high N Y; IAM-05 high N N; IAM-06 medium N N; IAM-07 high N N; IAM-08 medium N N;
REC-01 critical Y N; REC-02 critical Y Y; REC-03 high N N; REC-04 medium N N; REC-05 high N N; REC-06 medium N N; REC-07 medium N Y; REC-08 medium N N;
DAT-01 high N N; DAT-02 high N N; DAT-03 medium N Y; DAT-04 high N N; DAT-05 medium N N; DAT-06 high N N; DAT-07 low N N;
INT-01 high N Y; INT-02 high N Y; INT-03 medium N Y; INT-04 medium N Y; INT-05 high N Y; INT-06 medium N Y;
PAM-01 high N N; PAM-02 high N N; PAM-03 medium N N; PAM-04 medium N N;
DET-01 high N N; DET-02 high N N; DET-03 medium N N; DET-04 medium N N;
IRN-01 critical Y N; IRN-02 medium N N; IRN-03 medium N N; IRN-04 low N N;
GOV-01 medium N N; GOV-02 medium N N; GOV-03 high N N; GOV-04 medium N N; GOV-05 medium N N`
  .split(';')
  .map((row) => row.trim().split(/\s+/))
  .map(([id, severity, critical, na]) => ({ id, severity, critical: critical === 'Y', allowNa: na === 'Y' }));

describe('control catalogue v1', () => {
  const controls = CORE_CATALOGUE_V1.controls;

  it('has the 46 specified controls in order, with their severity, critical flag and N/A rule', () => {
    expect(controls.map((c) => ({ id: c.id, severity: c.severity, critical: c.critical, allowNa: c.allowNa }))).toEqual(SPEC);
  });

  it('has 8 domains in order, and every control sits in the domain its id names', () => {
    expect(CORE_CATALOGUE_V1.domains.map((d) => d.id)).toEqual(['IAM', 'REC', 'DAT', 'INT', 'PAM', 'DET', 'IRN', 'GOV']);
    for (const c of controls) expect(c.id.startsWith(`${c.domain}-`)).toBe(true);
  });

  it('gives every control a question, guidance, why it matters, remediation and references', () => {
    for (const c of controls) {
      expect(c.question.endsWith('?'), c.id).toBe(true);
      for (const text of [c.title, c.guidance, c.whyItMatters, c.remediation]) expect(text.length, c.id).toBeGreaterThan(10);
      expect(c.references.length, c.id).toBeGreaterThan(0);
      expect(Boolean(c.naHint), `${c.id} naHint`).toBe(c.allowNa);
    }
  });

  it('names only known attack techniques', () => {
    for (const c of controls) for (const t of c.techniques) expect(findAttackTechnique(t), `${c.id} ${t}`).toBeDefined();
  });
});

describe('data taxonomy', () => {
  it('has the 22 categories with their sensitivity levels', () => {
    expect(Object.fromEntries(DATA_CATEGORIES.map((c) => [c.id, c.level]))).toEqual({
      'contact.name': 1, 'contact.email': 1, 'contact.phone': 1, 'contact.address': 2, 'identity.birth_date': 2,
      'identity.gender': 1, 'account.loyalty_number': 2, 'account.credentials': 4, 'gov_id.passport': 4,
      'gov_id.driver_licence': 4, 'gov_id.national_id': 4, 'financial.payment_card': 4, 'financial.bank_account': 3,
      'financial.transactions': 3, 'travel.itinerary': 2, 'travel.preferences': 2, 'comms.content': 2,
      'location.precise': 3, health: 4, biometric: 4, 'special.other': 4, 'employee.hr': 3,
    });
  });
});
