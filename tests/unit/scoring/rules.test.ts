/** One test per rule of docs/scoring.md, with hand-worked numbers. */
import { describe, expect, it } from 'vitest';
import { computeControlScore } from '#shared/scoring/controlScore.ts';
import { computeInherentImpact, volumeBand, type HoldingInput } from '#shared/scoring/impact.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import { scoreVendor } from '#shared/scoring/scoreVendor.ts';
import { isAssessmentExpired, reassessmentDueDate, suggestTier } from '#shared/scoring/tier.ts';
import { BUILT_IN_TEMPLATES } from '#shared/catalogue/templates.ts';
import { answersWith, CORE_CONTROLS } from './examples.ts';

const plain = { services: [] as const, access: 'none' as const, criticality: 1 as const, holdings: [] };
const holding = (category: HoldingInput['category'], records: number, extra: Partial<HoldingInput> = {}): HoldingInput => ({
  category,
  subjects: 'customers',
  records,
  needed: true,
  ...extra,
});

describe('control score and grade', () => {
  it('weights critical 8, high 4, medium 2, low 1: one low No costs 1 of 156 points (99.4)', () => {
    expect(computeControlScore(CORE_CONTROLS, answersWith('yes', { 'DAT-07': 'no' })).score).toBe(99.4);
  });

  it('gives half credit for Partial: IAM-03 partial costs 2 of 156 (98.7)', () => {
    expect(computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IAM-03': 'partial' })).score).toBe(98.7);
  });

  it('leaves an allowed N/A out of the denominator: IAM-04 N/A, IAM-03 No gives 148/152 = 97.4', () => {
    expect(computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IAM-04': 'na', 'IAM-03': 'no' })).score).toBe(97.4);
  });

  it('counts N/A as No where the control does not allow it: IAM-03 N/A is 152/156 = 97.4', () => {
    const result = computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IAM-03': 'na' }));
    expect(result.score).toBe(97.4);
    expect(result.controls.find((c) => c.control.id === 'IAM-03')?.outcome).toBe('invalid_na');
  });

  it('counts a rejected Yes as No', () => {
    const answers = { ...answersWith('yes'), 'GOV-01': { value: 'yes' as const, rejected: true } };
    const result = computeControlScore(CORE_CONTROLS, answers);
    expect(result.score).toBe(98.7);
    expect(result.controls.find((c) => c.control.id === 'GOV-01')?.outcome).toBe('rejected');
  });

  it('caps the grade at D for one failed critical control, even at 94.9', () => {
    const result = computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IRN-01': 'no' }));
    expect(result.score).toBe(94.9);
    expect(result.uncappedGrade).toBe('A');
    expect(result.grade).toBe('D');
  });

  it('caps the grade at F for two failed critical controls, even at 89.7', () => {
    const result = computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IRN-01': 'no', 'IAM-02': 'no' }));
    expect(result.score).toBe(89.7);
    expect(result.uncappedGrade).toBe('B');
    expect(result.grade).toBe('F');
  });

  it('does not cap for a critical control answered Partial: 152/156 = 97.4, grade A', () => {
    const result = computeControlScore(CORE_CONTROLS, answersWith('yes', { 'IRN-01': 'partial' }));
    expect(result.score).toBe(97.4);
    expect(result.grade).toBe('A');
  });

  it('puts the grade boundaries at 90, 80, 70 and 60', () => {
    // GOV-03 (4) + IAM-03 (4) + IAM-04 (4) + IAM-05 (4) = 16 lost: 140/156 = 89.7 -> B
    expect(computeControlScore(CORE_CONTROLS, answersWith('yes', { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no', 'IAM-05': 'no' })).grade).toBe('B');
    // GOV-03 + IAM-03 + IAM-04 lost (12): 144/156 = 92.3 -> A
    expect(computeControlScore(CORE_CONTROLS, answersWith('yes', { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no' })).grade).toBe('A');
  });
});

describe('likelihood', () => {
  it('follows the grade steps: 92.3 is Rare (1), 89.7 Unlikely (2)', () => {
    const base = { ...plain, controls: CORE_CONTROLS };
    expect(scoreVendor({ ...base, answers: answersWith('yes', { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no' }) }).likelihood.likelihood).toBe(1);
    expect(scoreVendor({ ...base, answers: answersWith('yes', { 'GOV-03': 'no', 'IAM-03': 'no', 'IAM-04': 'no', 'IAM-05': 'no' }) }).likelihood.likelihood).toBe(2);
  });

  it('is at least Likely (4) when a critical IAM or REC control fails, whatever the score', () => {
    const result = scoreVendor({ ...plain, controls: CORE_CONTROLS, answers: answersWith('yes', { 'REC-02': 'no' }) });
    expect(result.score).toBe(94.9);
    expect(result.likelihood.fromScore).toBe(1);
    expect(result.likelihood.likelihood).toBe(4);
  });

  it('does not apply the floor for a failed critical control outside IAM and REC (IRN-01)', () => {
    const result = scoreVendor({ ...plain, controls: CORE_CONTROLS, answers: answersWith('yes', { 'IRN-01': 'no' }) });
    expect(result.likelihood.likelihood).toBe(1);
  });

  it('adds one step for a help desk that fails any IAM or REC control', () => {
    const answers = answersWith('yes', { 'REC-08': 'partial' }); // 155/156 = 99.4 -> 1, +1 -> 2
    expect(scoreVendor({ ...plain, services: ['help_desk'], controls: CORE_CONTROLS, answers }).likelihood.likelihood).toBe(2);
    expect(scoreVendor({ ...plain, services: ['saas'], controls: CORE_CONTROLS, answers }).likelihood.likelihood).toBe(1);
  });

  it('lets a contact centre that passes every IAM and REC control reach Rare', () => {
    const answers = answersWith('yes', { 'IAM-04': 'na', 'REC-07': 'na', 'GOV-04': 'no' });
    expect(scoreVendor({ ...plain, services: ['contact_centre'], controls: CORE_CONTROLS, answers }).likelihood.likelihood).toBe(1);
  });
});

describe('inherent impact', () => {
  it('places volume bands at 1,000 / 10,000 / 100,000 / 1,000,000 records', () => {
    expect([0, 999, 1_000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000].map(volumeBand)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('treats name + birth date + phone as an identity kit (level 3)', () => {
    const result = computeInherentImpact({
      ...plain,
      holdings: [holding('contact.name', 500), holding('identity.birth_date', 500), holding('contact.phone', 500)],
    });
    expect(result.sensitivity).toBe(3);
    expect(result.dataImpact).toBe(3); // matrix row 3, band 1
  });

  it('does not form a kit from fields about different people', () => {
    const result = computeInherentImpact({
      ...plain,
      holdings: [holding('contact.name', 500, { subjects: 'employees' }), holding('identity.birth_date', 500), holding('contact.phone', 500)],
    });
    expect(result.sensitivity).toBe(2);
    expect(result.combinations).toEqual([]);
  });

  it('raises a category one level for children: 50,000 children names are level 2, impact 3', () => {
    const result = computeInherentImpact({ ...plain, holdings: [holding('contact.name', 50_000, { subjects: 'children' })] });
    expect(result.sensitivity).toBe(2);
    expect(result.impact).toBe(3);
  });

  it('counts held-but-not-needed data in impact and flags it as excess', () => {
    const result = computeInherentImpact({ ...plain, holdings: [holding('gov_id.passport', 20_000, { needed: false })] });
    expect(result.impact).toBe(4); // level 4, band 3
    expect(result.excessCategories).toEqual(['gov_id.passport']);
  });

  it('ignores a holding with zero records', () => {
    expect(computeInherentImpact({ ...plain, holdings: [holding('health', 0)] }).impact).toBe(1);
  });

  it('sets floors from access (privileged 4) and criticality (5 -> 4)', () => {
    expect(computeInherentImpact({ ...plain, access: 'privileged' }).impact).toBe(4);
    expect(computeInherentImpact({ ...plain, access: 'read' }).impact).toBe(2);
    expect(computeInherentImpact({ ...plain, criticality: 5 }).impact).toBe(4);
    expect(computeInherentImpact({ ...plain, criticality: 3 }).impact).toBe(2);
  });
});

describe('residual bands, tiers, cadence and task deadlines', () => {
  it('bands 1-4 low, 5-9 medium, 10-16 high, 20-25 critical', () => {
    const products = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25];
    expect(products.map(bandForResidual)).toEqual([
      'low', 'low', 'low', 'low', 'medium', 'medium', 'medium', 'medium', 'high', 'high', 'high', 'high', 'critical', 'critical',
    ]);
  });

  it('suggests the tier from the larger of impact and criticality', () => {
    expect([suggestTier(5, 1), suggestTier(1, 5), suggestTier(4, 2), suggestTier(3, 3), suggestTier(2, 1), suggestTier(1, 1)]).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('re-assesses tiers 1-2 yearly, tier 3 every 2 years, tier 4 every 3 years', () => {
    const done = new Date('2025-03-10T00:00:00Z');
    expect(reassessmentDueDate(done, 1).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(reassessmentDueDate(done, 3).toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(reassessmentDueDate(done, 4).toISOString()).toBe('2028-03-10T00:00:00.000Z');
    expect(isAssessmentExpired(done, 2, new Date('2026-03-09T00:00:00Z'))).toBe(false);
    expect(isAssessmentExpired(done, 2, new Date('2026-03-10T00:00:00Z'))).toBe(true);
  });

  it('gives 15/30/90/180 days by task severity, one step up at impact 5', () => {
    const answers = answersWith('yes', { 'DAT-07': 'no', 'GOV-01': 'no', 'GOV-03': 'no' });
    const low = scoreVendor({ ...plain, controls: CORE_CONTROLS, answers });
    expect(low.tasks.map((t) => [t.controlId, t.severity, t.dueInDays])).toEqual([
      ['GOV-03', 'high', 30],
      ['GOV-01', 'medium', 90],
      ['DAT-07', 'low', 180],
    ]);
    const severe = scoreVendor({ ...plain, criticality: 1, holdings: [holding('health', 2_000_000)], controls: CORE_CONTROLS, answers });
    expect(severe.impact.impact).toBe(5);
    expect(severe.tasks.map((t) => [t.controlId, t.severity, t.dueInDays])).toEqual([
      ['GOV-03', 'critical', 15],
      ['GOV-01', 'high', 30],
      ['DAT-07', 'medium', 90],
    ]);
  });

  it('raises a DAT-01 task for excess data even when DAT-01 was answered Yes', () => {
    const result = scoreVendor({ ...plain, holdings: [holding('contact.email', 10, { needed: false })], controls: CORE_CONTROLS, answers: answersWith('yes') });
    expect(result.tasks).toEqual([{ controlId: 'DAT-01', severity: 'high', dueInDays: 30, reasons: ['excess_data'] }]);
  });
});

describe('Lite template', () => {
  it('holds the 5 critical controls plus the 10 high IAM, REC and DAT controls: 15 in all', () => {
    const ids = BUILT_IN_TEMPLATES.lite.controls.map((c) => c.id);
    expect(ids).toEqual([
      'IAM-01', 'IAM-02', 'IAM-03', 'IAM-04', 'IAM-05', 'IAM-07',
      'REC-01', 'REC-02', 'REC-03', 'REC-05',
      'DAT-01', 'DAT-02', 'DAT-04', 'DAT-06',
      'IRN-01',
    ]);
  });
});
