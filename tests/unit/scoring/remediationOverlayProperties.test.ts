/**
 * The remediation overlay of docs/scoring.md section 14 on generated custom
 * templates (scoreQuestionnaireWithRemediation): a verified task's question
 * counts as fully met whatever its kind (a choice or a number has no "yes"
 * to stand in for the fix), an accepted risk keeps failing, and on catalogue
 * questionnaires it gives exactly what the catalogue's overlay gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { ACCESS_LEVELS, SERVICE_TYPES } from '#shared/taxonomy.ts';
import type { AnswerValue, Level } from '#shared/scoring/constants.ts';
import type { AnswerMap } from '#shared/scoring/controlScore.ts';
import { controlAsQuestion } from '#shared/scoring/questionScore.ts';
import type { VendorProfile } from '#shared/scoring/questionnaireVendor.ts';
import { scoreVendorQuestionnaire } from '#shared/scoring/questionnaireVendor.ts';
import { remediatedQuestionnairePositions, scoreQuestionnaireWithRemediation, scoreWithRemediation, type OverlayTask } from '#shared/remediation/riskOverlay.ts';
import { scoringQuestions } from '#shared/templates/scoringView.ts';
import { answeredTemplateArb } from '../templates/arbitraries.ts';

const NOW = new Date('2026-06-15T09:00:00Z');
const RUNS = { numRuns: 300 };

const profileArb: fc.Arbitrary<VendorProfile> = fc.record({
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 2 }),
  access: fc.constantFrom(...ACCESS_LEVELS),
  criticality: fc.constantFrom<Level>(1, 2, 3, 4, 5),
  holdings: fc.constant([{ category: 'contact.email' as const, subjects: 'customers' as const, records: 20_000, needed: true }]),
});
const statusArb = fc.constantFrom<OverlayTask['status']>('open', 'in_progress', 'ready_for_verification', 'closed', 'risk_accepted', 'superseded');

describe('the remediation overlay on any template', () => {
  it('counts a verified question as fully met and never lowers the score; the projection is never worse than now', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, fc.array(statusArb, { maxLength: 40 }), ([t, answers], profile, statuses) => {
        const input = { ...profile, questions: scoringQuestions(t), answers };
        const before = scoreVendorQuestionnaire(input);
        const tasks: OverlayTask[] = before.tasks.map((task, i) => ({ id: i, assessmentId: 1, controlId: task.controlId, status: statuses[i] ?? 'open' }));
        const { current, projected, overlay } = scoreQuestionnaireWithRemediation(input, 1, tasks, NOW);
        expect(current.score).toBeGreaterThanOrEqual(before.score);
        for (const id of overlay.verifiedControls) {
          const result = current.questions.find((r) => r.question.id === id)!;
          expect([result.outcome, result.credit]).toEqual(['met', 1]);
        }
        // Accepted risks are not fixed: they keep failing in the current position.
        for (const { controlId } of overlay.acceptedRisks) expect(current.questions.find((r) => r.question.id === controlId)!.credit).not.toBe(1);
        expect(projected.score).toBeGreaterThanOrEqual(current.score);
        expect(projected.residual).toBeLessThanOrEqual(current.residual);
      }),
      RUNS,
    );
  }, 60_000);

  it('gives the positions alone (what a stored position keeps) exactly as the whole remediated score gives them', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, fc.array(statusArb, { maxLength: 40 }), fc.boolean(), ([t, answers], profile, statuses, lapsed) => {
        const input = { ...profile, questions: scoringQuestions(t), answers };
        const drafts = scoreVendorQuestionnaire(input).tasks;
        // Tasks of this assessment and of an older one, some acceptances past their date.
        const tasks: OverlayTask[] = drafts.map((task, i) => ({
          id: i,
          assessmentId: i % 5 === 4 ? 2 : 1,
          controlId: task.controlId,
          status: statuses[i] ?? 'open',
          acceptanceExpiresOn: lapsed && i % 2 ? '2026-06-01' : '2026-12-31',
        }));
        const whole = scoreQuestionnaireWithRemediation(input, 1, tasks, NOW);
        const { current, projected } = remediatedQuestionnairePositions(input, 1, tasks, NOW);
        const { score, grade, uncappedGrade, criticalFailures, sections, questions, likelihood, residual, band } = whole.current;
        expect(current).toEqual({ score: { score, grade, uncappedGrade, criticalFailures, sections, questions }, likelihood, residual, band });
        expect(projected).toEqual(whole.projected);
      }),
      RUNS,
    );
  }, 60_000);

  it('gives on a catalogue questionnaire exactly what the catalogue overlay gives', () => {
    const controls = CORE_CATALOGUE_V1.controls;
    const answerArb = fc.option(fc.constantFrom<AnswerValue>('yes', 'partial', 'no', 'na'), { nil: undefined });
    fc.assert(
      fc.property(profileArb, fc.array(answerArb, { minLength: controls.length, maxLength: controls.length }), fc.array(statusArb, { maxLength: 46 }), (profile, values, statuses) => {
        const answers: Record<string, { value: AnswerValue }> = {};
        controls.forEach((c, i) => {
          const value = values[i];
          if (value !== undefined) answers[c.id] = { value };
        });
        const tasks: OverlayTask[] = controls.map((c, i) => ({ id: i, assessmentId: 1, controlId: c.id, status: statuses[i] ?? 'open' }));
        const catalogue = scoreWithRemediation({ ...profile, controls, answers: answers as AnswerMap }, 1, tasks, NOW);
        const general = scoreQuestionnaireWithRemediation({ ...profile, questions: controls.map((c) => controlAsQuestion(c)), answers }, 1, tasks, NOW);
        const position = (r: typeof catalogue.current | typeof general.current) => [r.score, r.grade, r.likelihood.likelihood, r.residual, r.band, r.criticalFailures];
        expect(position(general.current)).toEqual(position(catalogue.current));
        expect(general.projected).toEqual(catalogue.projected);
      }),
      RUNS,
    );
  }, 60_000);
});
