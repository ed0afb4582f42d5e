/**
 * The worked examples of docs/scoring.md. Every expected number here was
 * worked out by hand in that document (sections 9 and 10), not by running
 * the engine.
 */
import { describe, expect, it } from 'vitest';
import { scoreVendor } from '#shared/scoring/scoreVendor.ts';
import { answersWith, cateringProfile, CORE_CONTROLS, contactCentreAnswers, contactCentreProfile } from './examples.ts';

describe('worked example: the contact-centre platform (docs/scoring.md section 9)', () => {
  const result = scoreVendor({ ...contactCentreProfile, controls: CORE_CONTROLS, answers: contactCentreAnswers });

  it('scores 116 of 156 weighted points: 74.4', () => {
    expect(result.score).toBe(74.4);
  });

  it('makes INT-01, INT-02, INT-05 (write access) and REC-03 (a contact centre with write access) critical for it, not REC-05', () => {
    const profile = { kind: 'profile', access: 'write' };
    expect(result.accessPath.effectiveAccess).toBe('write');
    expect(result.accessPath.criticalControls.map((c) => [c.controlId, c.catalogueSeverity, c.reasons])).toEqual([
      ['REC-03', 'high', [{ rule: 'credential_reset', access: 'write', sources: [profile], services: ['contact_centre'] }]],
      ['INT-01', 'high', [{ rule: 'connected_app', access: 'write', sources: [profile], services: [] }]],
      ['INT-02', 'high', [{ rule: 'connected_app', access: 'write', sources: [profile], services: [] }]],
      ['INT-05', 'high', [{ rule: 'connected_app', access: 'write', sources: [profile], services: [] }]],
    ]);
    expect(result.accessPath.notAsked).toEqual([]);
  });

  it('would be a C on score alone, but three failed critical controls (INT-02 critical for this vendor) cap it at F', () => {
    expect(result.uncappedGrade).toBe('C');
    expect(result.criticalFailures).toEqual(['IAM-01', 'REC-01', 'INT-02']);
    expect(result.grade).toBe('F');
  });

  it('has the domain scores of the worked table', () => {
    const byDomain = Object.fromEntries(result.domains.map((d) => [d.domain, d.score]));
    expect(byDomain).toEqual({ IAM: 66.7, REC: 56.3, DAT: 71.4, INT: 77.8, PAM: 100, DET: 66.7, IRN: 100, GOV: 100 });
  });

  it('is Almost certain: score gives 3, a failed door control raises it to 4, the contact centre to 5', () => {
    expect(result.likelihood.fromScore).toBe(3);
    expect(result.likelihood.doorFailures).toEqual(['IAM-01', 'REC-01', 'INT-02']);
    expect(result.likelihood.socialEngineeringUplift).toBe(true);
    expect(result.likelihood.likelihood).toBe(5);
  });

  it('has Severe impact: the identity kit (level 3) at 5.7 M records (band 5)', () => {
    expect(result.impact.combinations).toEqual(['identity_kit']);
    expect(result.impact.sensitivity).toBe(3);
    expect(result.impact.volumeBand).toBe(5);
    expect(result.impact.dataImpact).toBe(5);
    expect(result.impact.accessImpact).toBe(3);
    expect(result.impact.criticalityImpact).toBe(4);
    expect(result.impact.impact).toBe(5);
  });

  it('sits at residual 25, critical, tier 1', () => {
    expect(result.residual).toBe(25);
    expect(result.band).toBe('critical');
    expect(result.inherentResidual).toBe(25);
    expect(result.suggestedTier).toBe(1);
  });

  it('raises nine tasks, severities one step up because impact is 5', () => {
    expect(result.tasks.map((t) => [t.controlId, t.severity, t.dueInDays])).toEqual([
      ['IAM-01', 'critical', 15],
      ['IAM-04', 'critical', 15],
      ['REC-01', 'critical', 15],
      ['REC-02', 'critical', 15],
      ['DAT-01', 'critical', 15],
      ['DAT-04', 'critical', 15],
      ['INT-02', 'critical', 15],
      ['DET-02', 'critical', 15],
      ['REC-06', 'high', 30],
    ]);
  });

  it('would drop to residual 5 (medium) once every task is closed', () => {
    expect(result.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 5, band: 'medium' });
  });
});

describe('worked example: the catering supplier (docs/scoring.md section 10)', () => {
  const result = scoreVendor({ ...cateringProfile, controls: CORE_CONTROLS, answers: answersWith('yes') });

  it('has Negligible impact for 200 employee names', () => {
    expect(result.impact.impact).toBe(1);
  });

  it('is low risk, grade A, tier 4, with no tasks', () => {
    expect(result.score).toBe(100);
    expect(result.grade).toBe('A');
    expect(result.likelihood.likelihood).toBe(1);
    expect(result.residual).toBe(1);
    expect(result.band).toBe('low');
    expect(result.suggestedTier).toBe(4);
    expect(result.tasks).toEqual([]);
  });
});

describe('worked example: a vendor never assessed (docs/scoring.md section 11)', () => {
  const result = scoreVendor({ ...contactCentreProfile, controls: CORE_CONTROLS, answers: {} });

  it('counts every unanswered control as No: score 0, F, Almost certain', () => {
    expect(result.score).toBe(0);
    expect(result.grade).toBe('F');
    expect(result.likelihood.likelihood).toBe(5);
    expect(result.residual).toBe(25);
    expect(result.controls.every((c) => c.outcome === 'unanswered')).toBe(true);
  });

  it('raises a task for every one of the 46 controls', () => {
    expect(result.tasks).toHaveLength(46);
  });

  it('counts nine critical failures: the catalogue five, and INT-01, INT-02, INT-05, REC-03 for its access path', () => {
    expect([...result.criticalFailures].sort()).toEqual(['IAM-01', 'IAM-02', 'INT-01', 'INT-02', 'INT-05', 'IRN-01', 'REC-01', 'REC-02', 'REC-03']);
  });
});
