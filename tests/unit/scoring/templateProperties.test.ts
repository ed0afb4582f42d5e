/**
 * The properties of docs/scoring.md section 12, on generated custom
 * templates (every question kind, weights, critical flags, conditions) and
 * generated answers, plus the rules of section 13: hidden questions do not
 * count, and percentages depend on relative weights only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, DATA_CATEGORY_IDS, DATA_SUBJECTS, SERVICE_TYPES } from '#shared/taxonomy.ts';
import { DEFAULT_POLICY, RISK_BANDS, type Level } from '#shared/scoring/constants.ts';
import type { HoldingInput } from '#shared/scoring/impact.ts';
import { computeQuestionnaireScore } from '#shared/scoring/questionnaireScore.ts';
import { scoreVendorQuestionnaire, type VendorProfile } from '#shared/scoring/questionnaireVendor.ts';
import { evaluateQuestion, isScored, type QuestionAnswer, type QuestionAnswerMap } from '#shared/scoring/questionScore.ts';
import { taskSeverity } from '#shared/scoring/remediation.ts';
import { hiddenQuestionIds } from '#shared/scoring/visibility.ts';
import type { TemplateDefinition, TemplateQuestion } from '#shared/templates/schema.ts';
import { scoredQuestionOf, scoringQuestions } from '#shared/templates/scoringView.ts';
import { answerArb, answeredTemplateArb } from '../templates/arbitraries.ts';

const profileArb: fc.Arbitrary<VendorProfile> = fc.record({
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 3 }),
  access: fc.constantFrom(...ACCESS_LEVELS),
  criticality: fc.constantFrom<Level>(1, 2, 3, 4, 5),
  holdings: fc.array(
    fc.record<HoldingInput>({
      category: fc.constantFrom(...DATA_CATEGORY_IDS),
      subjects: fc.constantFrom(...DATA_SUBJECTS),
      records: fc.integer({ min: 0, max: 5_000_000 }),
      needed: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
});

const score = (t: TemplateDefinition, profile: VendorProfile, answers: QuestionAnswerMap) => scoreVendorQuestionnaire({ ...profile, questions: scoringQuestions(t), answers });
const rank = (list: readonly string[]) => (value: string) => list.indexOf(value);
const gradeRank = rank(['A', 'B', 'C', 'D', 'F']);
const bandRank = rank(RISK_BANDS);
const with_ = (answers: QuestionAnswerMap, id: string, answer: QuestionAnswer | undefined): QuestionAnswerMap => {
  const copy: Record<string, QuestionAnswer | undefined> = { ...answers };
  if (answer === undefined) delete copy[id];
  else copy[id] = answer;
  return copy;
};
/** Scored questions no condition looks at: their answer changes nothing but their own credit. */
const freeScored = (t: TemplateDefinition) => {
  const targets = new Set(t.questions.map((q) => q.condition?.question));
  return t.questions.filter((q) => !targets.has(q.id) && isScored(scoredQuestionOf(q)));
};
const credit = (q: TemplateQuestion, a: QuestionAnswer | undefined) => evaluateQuestion(scoredQuestionOf(q), a).credit;

function bestAnswer(q: TemplateQuestion): QuestionAnswer {
  switch (q.type) {
    case 'control':
    case 'yes_partial_no':
      return { value: 'yes' };
    case 'single_choice':
      return { options: [(q.options.find((o) => o.score === 1) ?? q.options[0]!).id] };
    case 'multiple_choice':
      return { options: q.options.map((o) => o.id) };
    case 'number': {
      const band = q.bands.find((b) => b.score === 1);
      return { number: band ? (band.min ?? (band.max === null ? 0 : band.max - 1)) : 0 };
    }
    case 'date':
      return { date: '2026-01-31' };
    case 'text':
      return { text: 'Yes.' };
  }
}

const RUNS = { numRuns: 800 };

describe('scoring properties on custom templates (docs/scoring.md section 12)', () => {
  it('is monotone: a better answer to any question never lowers score or grade, nor raises likelihood, residual or band', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, fc.nat(), fc.gen(), ([t, answers], profile, pick, gen) => {
        const candidates = freeScored(t);
        fc.pre(candidates.length > 0);
        const q = candidates[pick % candidates.length]!;
        const a = gen(() => answerArb(q));
        const b = gen(() => answerArb(q));
        const [ca, cb] = [credit(q, a), credit(q, b)];
        fc.pre(ca !== null && cb !== null && ca !== cb);
        const [low, high] = ca < cb ? [a, b] : [b, a];
        const before = score(t, profile, with_(answers, q.id, low));
        const after = score(t, profile, with_(answers, q.id, high));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(gradeRank(after.grade)).toBeLessThanOrEqual(gradeRank(before.grade));
        expect(after.likelihood.likelihood).toBeLessThanOrEqual(before.likelihood.likelihood);
        expect(after.residual).toBeLessThanOrEqual(before.residual);
        expect(bandRank(after.band)).toBeLessThanOrEqual(bandRank(before.band));
      }),
      RUNS,
    );
  }, 60_000);

  it('is bounded: scores 0..100, likelihood and impact 1..5, residual = likelihood x impact in 1..25, projected never above current', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, ([t, answers], profile) => {
        const r = score(t, profile, answers);
        for (const s of [r.score, ...r.sections.map((x) => x.score ?? 0)]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        for (const q of r.questions) if (q.credit !== null) expect(q.credit >= 0 && q.credit <= 1).toBe(true);
        expect(r.residual).toBe(r.likelihood.likelihood * r.impact.impact);
        expect(r.residual >= 1 && r.residual <= 25).toBe(true);
        expect(r.projected.residual).toBeLessThanOrEqual(r.residual);
      }),
      RUNS,
    );
  }, 60_000);

  it('is deterministic and independent of the order of answers', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, ([t, answers], profile) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(score(t, profile, reversed)).toEqual(score(t, profile, answers));
      }),
      RUNS,
    );
  }, 60_000);

  it('never scores an unanswered question better than any answer to it', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, fc.nat(), fc.gen(), ([t, answers], profile, pick, gen) => {
        const candidates = freeScored(t);
        fc.pre(candidates.length > 0);
        const q = candidates[pick % candidates.length]!;
        const answer = gen(() => answerArb(q));
        fc.pre(answer !== undefined && credit(q, answer) !== null);
        const unanswered = score(t, profile, with_(answers, q.id, undefined));
        const answered = score(t, profile, with_(answers, q.id, answer));
        expect(unanswered.score).toBeLessThanOrEqual(answered.score);
        expect(unanswered.residual).toBeGreaterThanOrEqual(answered.residual);
        expect(gradeRank(unanswered.grade)).toBeGreaterThanOrEqual(gradeRank(answered.grade));
      }),
      RUNS,
    );
  }, 60_000);

  it('lets any vendor that gives the best answer everywhere reach 100 and the lowest likelihood, when anything is scored', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, ([t], profile) => {
        const best = Object.fromEntries(t.questions.map((q) => [q.id, bestAnswer(q)]));
        const r = score(t, profile, best);
        fc.pre(r.questions.some((q) => q.credit !== null));
        expect(r.score).toBe(100);
        expect(r.likelihood.likelihood).toBe(1);
        expect(r.tasks.filter((task) => task.reasons.includes('answer'))).toEqual([]);
      }),
      RUNS,
    );
  }, 60_000);
});

describe('custom and conditional questions (docs/scoring.md section 13)', () => {
  it('ignores the answer to a hidden question, whatever it is', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, fc.nat(), fc.gen(), ([t, answers], profile, pick, gen) => {
        const hidden = [...hiddenQuestionIds(scoringQuestions(t), answers)];
        fc.pre(hidden.length > 0);
        const id = hidden[pick % hidden.length]!;
        const q = t.questions.find((x) => x.id === id)!;
        const other = gen(() => answerArb(q));
        expect(score(t, profile, with_(answers, id, other))).toEqual(score(t, profile, answers));
      }),
      RUNS,
    );
  }, 60_000);

  it('raises a task for exactly each asked, scored question not fully met, with its severity and SLA', () => {
    fc.assert(
      fc.property(answeredTemplateArb, profileArb, ([t, answers], profile) => {
        const r = score(t, profile, answers);
        const failing = r.questions.filter((q) => q.credit !== null && q.credit < 1);
        const raised = r.tasks.filter((task) => task.reasons.includes('answer'));
        expect(new Set(raised.map((task) => task.controlId))).toEqual(new Set(failing.map((q) => q.question.id)));
        for (const task of raised) {
          const q = failing.find((f) => f.question.id === task.controlId)!;
          expect(task.severity).toBe(taskSeverity(q.question.severity, r.impact.impact));
          expect(task.dueInDays).toBe(DEFAULT_POLICY.remediationDueDays[task.severity]);
        }
        for (const q of r.questions.filter((x) => x.outcome === 'hidden' || x.outcome === 'not_scored')) expect(q.credit).toBeNull();
      }),
      RUNS,
    );
  }, 60_000);

  it('keeps percentages comparable: doubling every weight changes no score', () => {
    fc.assert(
      fc.property(answeredTemplateArb, ([t, answers]) => {
        const questions = scoringQuestions(t);
        const doubled = questions.map((q) => ({ ...q, weight: q.weight * 2 }));
        const a = computeQuestionnaireScore(questions, answers);
        const b = computeQuestionnaireScore(doubled, answers);
        expect([b.score, b.grade, b.sections.map((s) => s.score)]).toEqual([a.score, a.grade, a.sections.map((s) => s.score)]);
      }),
      RUNS,
    );
  }, 60_000);
});
