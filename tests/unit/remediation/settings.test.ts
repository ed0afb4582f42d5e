/**
 * SLA days per severity and the re-assessment cadence per tier: the
 * settings' bounds, their defaults (the scoring model's), due dates from
 * them, and where a vendor stands against its cadence.
 */
import { describe, expect, it } from 'vitest';
import { classifyReassessment, DEFAULT_CADENCE_MONTHS, nextAssessmentDue, ReassessmentCadenceSetting } from '#shared/remediation/cadence.ts';
import { DEFAULT_SLA_DAYS, dueDateFor, SlaDaysSetting } from '#shared/remediation/sla.ts';
import { isAssessmentExpired } from '#shared/scoring/tier.ts';

describe('SLA days per severity', () => {
  it('defaults to the scoring model: critical 15, high 30, medium 90, low 180', () => {
    expect(DEFAULT_SLA_DAYS).toEqual({ critical: 15, high: 30, medium: 90, low: 180 });
    expect(SlaDaysSetting.parse(DEFAULT_SLA_DAYS)).toEqual(DEFAULT_SLA_DAYS);
  });

  it('accepts tighter windows', () => {
    expect(SlaDaysSetting.safeParse({ critical: 7, high: 14, medium: 60, low: 120 }).success).toBe(true);
    expect(SlaDaysSetting.safeParse({ critical: 30, high: 30, medium: 30, low: 30 }).success).toBe(true);
  });

  it.each([
    [{ critical: 0, high: 30, medium: 90, low: 180 }, 'critical', 'Give critical tasks at least 1 day'],
    [{ critical: 15, high: 30, medium: 90, low: 366 }, 'low', 'Give low tasks at most 365 days: a deadline further out is no deadline'],
    [{ critical: 1.5, high: 30, medium: 90, low: 180 }, 'critical', 'Days for critical tasks must be a whole number'],
    [{ critical: 40, high: 30, medium: 90, low: 180 }, 'critical', 'critical tasks cannot get more days (40) than high ones (30)'],
    [{ critical: 15, high: 30, medium: 200, low: 180 }, 'medium', 'medium tasks cannot get more days (200) than low ones (180)'],
  ])('refuses %j with a message on %s', (value, path, message) => {
    const result = SlaDaysSetting.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });

  it('refuses a missing severity and an unknown key', () => {
    expect(SlaDaysSetting.safeParse({ critical: 15, high: 30, medium: 90 }).success).toBe(false);
    expect(SlaDaysSetting.safeParse({ ...DEFAULT_SLA_DAYS, urgent: 1 }).success).toBe(false);
  });

  it('gives the due date in UTC calendar days from the moment the task is raised', () => {
    expect(dueDateFor('critical', new Date('2026-06-01T09:00:00Z'))).toBe('2026-06-16');
    expect(dueDateFor('low', new Date('2026-06-01T23:59:00Z'))).toBe('2026-11-28');
    expect(dueDateFor('high', new Date('2026-12-15T00:00:00Z'), { critical: 5, high: 20, medium: 40, low: 60 })).toBe('2027-01-04');
  });

  it('changing the setting moves new tasks only: a raised task keeps the date it was given', () => {
    const raisedAt = new Date('2026-06-01T09:00:00Z');
    const stored = dueDateFor('medium', raisedAt);
    const tighter = { ...DEFAULT_SLA_DAYS, medium: 45 };
    expect(stored).toBe('2026-08-30');
    // The setting is an input of dueDateFor only, never of a stored task: a new task raised the same day gets the new window.
    expect(dueDateFor('medium', raisedAt, tighter)).toBe('2026-07-16');
  });
});

describe('re-assessment cadence per tier', () => {
  it('defaults to the scoring model: tiers 1 and 2 yearly, tier 3 every 2 years, tier 4 every 3', () => {
    expect(DEFAULT_CADENCE_MONTHS).toEqual({ 1: 12, 2: 12, 3: 24, 4: 36 });
    expect(ReassessmentCadenceSetting.parse(DEFAULT_CADENCE_MONTHS)).toEqual(DEFAULT_CADENCE_MONTHS);
  });

  it.each([
    [{ 1: 2, 2: 12, 3: 24, 4: 36 }, '1', 'Tier 1 vendors cannot be re-assessed more often than every 3 months'],
    [{ 1: 12, 2: 12, 3: 24, 4: 61 }, '4', 'Tier 4 vendors must be re-assessed at least every 60 months'],
    [{ 1: 24, 2: 12, 3: 24, 4: 36 }, '1', 'Tier 1 cannot wait longer (24 months) than tier 2 (12 months)'],
    [{ 1: 12, 2: 12, 3: 6.5, 4: 36 }, '3', 'Months for tier 3 must be a whole number'],
  ])('refuses %j with a message on tier %s', (value, path, message) => {
    const result = ReassessmentCadenceSetting.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });

  const completed = new Date('2025-07-15T12:00:00Z');

  it('is due the cadence after the last completed assessment, at the moment it expires', () => {
    expect(nextAssessmentDue(1, completed)?.toISOString()).toBe('2026-07-15T12:00:00.000Z');
    expect(nextAssessmentDue(3, completed)?.toISOString()).toBe('2027-07-15T12:00:00.000Z');
    expect(nextAssessmentDue(1, completed, { 1: 6, 2: 12, 3: 24, 4: 36 })?.toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(nextAssessmentDue(1, null)).toBeNull();
  });

  it('classifies never assessed, current, due soon (within 30 days) and overdue', () => {
    expect(classifyReassessment(1, null, new Date('2026-01-01T00:00:00Z'))).toEqual({ standing: 'never_assessed', dueAt: null, dueOn: null, daysLeft: null });
    expect(classifyReassessment(1, completed, new Date('2026-06-14T23:00:00Z'))).toMatchObject({ standing: 'current', dueOn: '2026-07-15', daysLeft: 31 });
    expect(classifyReassessment(1, completed, new Date('2026-06-15T00:00:00Z'))).toMatchObject({ standing: 'due_soon', daysLeft: 30 });
    expect(classifyReassessment(1, completed, new Date('2026-07-15T11:59:59Z'))).toMatchObject({ standing: 'due_soon', daysLeft: 0 });
    expect(classifyReassessment(1, completed, new Date('2026-07-15T12:00:00Z'))).toMatchObject({ standing: 'overdue', daysLeft: 0 });
    expect(classifyReassessment(1, completed, new Date('2026-09-01T00:00:00Z'))).toMatchObject({ standing: 'overdue', daysLeft: -48 });
  });

  it('calls a vendor overdue exactly when the scoring model calls its assessment expired', () => {
    for (const now of ['2026-07-15T11:59:59Z', '2026-07-15T12:00:00Z', '2026-07-16T00:00:00Z'].map((s) => new Date(s))) {
      expect(classifyReassessment(2, completed, now).standing === 'overdue').toBe(isAssessmentExpired(completed, 2, now));
    }
  });
});
