/**
 * The generalised engine gives IDENTICAL results to the engine as it was
 * before issue 14 (a frozen copy in ./oracle) for any answers to Core and
 * Lite: through the catalogue API the server calls (scoreVendor,
 * projectRiskPosition, computeControlScore, evaluateControl), and through
 * the template API (Core and Lite as template content, scored as questions).
 *
 * Issue 17 changed the model on purpose for vendors with write or
 * privileged access (their access path makes more controls critical,
 * docs/scoring.md section 15): for them, everything that rule does not
 * touch (score, domains, each control's credit, impact, tier, the likelihood
 * from the score) must still equal the frozen engine; for vendors with read
 * or no access, everything does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuiltInTemplateKey } from '#shared/catalogue/templates.ts';
import { ACCESS_LEVELS, DATA_CATEGORY_IDS, DATA_SUBJECTS, SERVICE_TYPES, type AccessLevel } from '#shared/taxonomy.ts';
import type { AnswerValue, Level } from '#shared/scoring/constants.ts';
import { computeControlScore, evaluateControl, type AnswerMap } from '#shared/scoring/controlScore.ts';
import type { HoldingInput } from '#shared/scoring/impact.ts';
import { projectQuestionnaireRisk, scoreVendorQuestionnaire } from '#shared/scoring/questionnaireVendor.ts';
import { projectRiskPosition, scoreVendor } from '#shared/scoring/scoreVendor.ts';
import { builtInQuestionnaire, builtInTemplateDefinition, templateContentFromSnapshot } from '#shared/templates/builtIn.ts';
import { scoringQuestions } from '#shared/templates/scoringView.ts';
import * as oracleControls from './oracle/controlScore.ts';
import * as oracleVendor from './oracle/scoreVendor.ts';

const levelArb = fc.constantFrom<Level>(1, 2, 3, 4, 5);
const holdingArb: fc.Arbitrary<HoldingInput> = fc.record({
  category: fc.constantFrom(...DATA_CATEGORY_IDS),
  subjects: fc.constantFrom(...DATA_SUBJECTS),
  records: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 20_000_000 })),
  needed: fc.boolean(),
});
const profileArb = fc.record({
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 3 }),
  access: fc.constantFrom(...ACCESS_LEVELS),
  criticality: levelArb,
  holdings: fc.array(holdingArb, { maxLength: 6 }),
});

/** Answers to a built-in template: unanswered, every value (N/A where it is not allowed too), some rejected. */
function answersArb(key: BuiltInTemplateKey): fc.Arbitrary<AnswerMap> {
  const controls = builtInQuestionnaire(key).controls;
  const one = fc.option(fc.tuple(fc.constantFrom<AnswerValue>('yes', 'partial', 'no', 'na'), fc.boolean()), { nil: undefined, freq: 4 });
  return fc.tuple(...controls.map(() => one)).map((pairs) => {
    const map: Record<string, { value: AnswerValue; rejected?: boolean }> = {};
    pairs.forEach((pair, i) => {
      if (pair) map[controls[i]!.id] = pair[1] ? { value: pair[0], rejected: true } : { value: pair[0] };
    });
    return map;
  });
}

const caseArb = fc.constantFrom<BuiltInTemplateKey>('core', 'lite').chain((key) =>
  fc.record({
    key: fc.constant(key),
    profile: profileArb,
    answers: answersArb(key),
    closed: fc.subarray(builtInQuestionnaire(key).controls.map((c) => c.id)),
  }),
);

/** Below write access no rule of the access path applies. */
const accessPathApplies = (access: AccessLevel) => access === 'write' || access === 'privileged';

/** What the access path never changes. */
function untouched(r: Pick<ReturnType<typeof oracleVendor.scoreVendor>, 'score' | 'uncappedGrade' | 'domains' | 'controls' | 'impact' | 'inherentResidual' | 'suggestedTier' | 'likelihood'>) {
  return [r.score, r.uncappedGrade, r.domains, r.controls, r.impact, r.inherentResidual, r.suggestedTier, r.likelihood.fromScore, r.likelihood.socialEngineeringUplift];
}

describe('the generalised engine equals the engine before issue 14 on Core and Lite', () => {
  it('scoreVendor and projectRiskPosition, as the server calls them', () => {
    fc.assert(
      fc.property(caseArb, ({ key, profile, answers, closed }) => {
        const input = { ...profile, controls: builtInQuestionnaire(key).controls, answers };
        const { accessPath, ...now } = scoreVendor(input);
        const before = oracleVendor.scoreVendor(input);
        expect(untouched(now)).toEqual(untouched(before));
        if (accessPathApplies(profile.access)) return;
        expect(accessPath).toEqual({ effectiveAccess: profile.access, criticalControls: [], notAsked: [], answeredNotApplicable: [] });
        expect(now).toEqual(before);
        expect(projectRiskPosition(input, closed)).toEqual(oracleVendor.projectRiskPosition(input, closed));
      }),
      { numRuns: 1_500 },
    );
  }, 60_000);

  it('computeControlScore and evaluateControl', () => {
    fc.assert(
      fc.property(caseArb, ({ key, answers }) => {
        const controls = builtInQuestionnaire(key).controls;
        expect(computeControlScore(controls, answers)).toEqual(oracleControls.computeControlScore(controls, answers));
        for (const c of controls) expect(evaluateControl(c, answers[c.id])).toEqual(oracleControls.evaluateControl(c, answers[c.id]));
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('the template model: Core and Lite as templates, scored question by question', () => {
    fc.assert(
      fc.property(caseArb, ({ key, profile, answers, closed }) => {
        const controls = builtInQuestionnaire(key).controls;
        const stored = templateContentFromSnapshot(builtInQuestionnaire(key));
        if (!stored.ok) throw new Error('snapshot');
        expect(stored.value).toEqual({ sections: builtInTemplateDefinition(key).sections, questions: builtInTemplateDefinition(key).questions });
        const questions = scoringQuestions(stored.value);
        const general = scoreVendorQuestionnaire({ ...profile, questions, answers });
        const before = oracleVendor.scoreVendor({ ...profile, controls, answers });
        expect([general.score, general.uncappedGrade, general.impact, general.suggestedTier, general.likelihood.fromScore]).toEqual([
          before.score,
          before.uncappedGrade,
          before.impact,
          before.suggestedTier,
          before.likelihood.fromScore,
        ]);
        if (accessPathApplies(profile.access)) {
          // The rule applies alike whether Core and Lite are scored as templates or through the catalogue API.
          const { grade, criticalFailures, likelihood, residual, band, tasks, projected, accessPath } = scoreVendor({ ...profile, controls, answers });
          expect(general).toMatchObject({ grade, criticalFailures, likelihood, residual, band, tasks, projected, accessPath });
          return;
        }

        expect([general.score, general.grade, general.uncappedGrade, general.criticalFailures]).toEqual([before.score, before.grade, before.uncappedGrade, before.criticalFailures]);
        expect(general.sections.map((s) => [s.section, s.score, s.questions, s.answered])).toEqual(before.domains.map((d) => [d.domain, d.score, d.controls, d.answered]));
        expect(general.questions.map((r) => [r.question.id, r.outcome, r.credit, r.weight])).toEqual(before.controls.map((r) => [r.control.id, r.outcome, r.credit, r.weight]));
        const { likelihood, impact, residual, band, inherentResidual, inherentBand, suggestedTier, tasks, projected } = before;
        expect(general).toMatchObject({ likelihood, impact, residual, band, inherentResidual, inherentBand, suggestedTier, tasks, projected });

        // A verified closed task counts as met: the server did this by answering Yes, the template API says so directly.
        const closedAsYes = { ...answers, ...Object.fromEntries(closed.map((id) => [id, { value: 'yes' as const }])) };
        expect(scoreVendorQuestionnaire({ ...profile, questions, answers, met: closed }).score).toBe(oracleVendor.scoreVendor({ ...profile, controls, answers: closedAsYes }).score);
        expect(projectQuestionnaireRisk({ ...profile, questions, answers }, closed)).toEqual(oracleVendor.projectRiskPosition({ ...profile, controls, answers }, closed));
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
