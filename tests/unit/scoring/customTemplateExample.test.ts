/**
 * The worked example of docs/scoring.md section 13: the SaaS pre-screen, a
 * custom template with a catalogue control, a single and a multiple choice,
 * a routing question and a conditional number band. Every expected number
 * was worked out by hand in that section, not by running the engine.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionAnswerMap } from '#shared/scoring/questionScore.ts';
import { scoreVendorQuestionnaire } from '#shared/scoring/questionnaireVendor.ts';
import { hiddenQuestionIds } from '#shared/scoring/visibility.ts';
import { scoringQuestions } from '#shared/templates/scoringView.ts';
import { parseTemplateDefinition } from '#shared/templates/validate.ts';
import { saasPrescreen } from '../templates/fixtures.ts';

const template = parseTemplateDefinition(saasPrescreen());
if (!template.ok) throw new Error(JSON.stringify(template.issues));
const questions = scoringQuestions(template.value);
const profile = {
  services: ['saas'] as const,
  access: 'read' as const,
  criticality: 3 as const,
  holdings: [{ category: 'contact.email' as const, subjects: 'customers' as const, records: 20_000, needed: true }],
};
const score = (answers: QuestionAnswerMap) => scoreVendorQuestionnaire({ ...profile, questions, answers });

const common: QuestionAnswerMap = {
  'IAM-01': { value: 'yes' },
  sso: { options: ['sso'] },
  protections: { options: ['encrypt-rest', 'encrypt-transit'] },
};
const outcomes = (r: ReturnType<typeof score>) => r.questions.map((q) => [q.question.id, q.outcome, q.credit, q.weight]);
const sections = (r: ReturnType<typeof score>) => r.sections.map((s) => [s.section, s.score, s.questions, s.answered]);
const tasks = (r: ReturnType<typeof score>) => r.tasks.map((t) => [t.controlId, t.severity, t.dueInDays]);

describe('worked example: vendor A, with integrations (docs/scoring.md 13.2)', () => {
  const r = score({
    ...common,
    'has-integrations': { value: 'yes' },
    'token-lifetime': { number: 14 },
    'integration-notes': { text: 'Our CRM, through an OAuth app.' },
  });

  it('credits each question by its kind; the routing question and free text are not scored', () => {
    expect(outcomes(r)).toEqual([
      ['IAM-01', 'met', 1, 8],
      ['sso', 'partial', 0.5, 4],
      ['protections', 'partial', 0.75, 4],
      ['has-integrations', 'not_scored', null, 0],
      ['token-lifetime', 'partial', 0.5, 2],
      ['integration-notes', 'not_scored', null, 0],
    ]);
  });

  it('scores 14 of 18 weighted points: 77.8, a C, with sections 83.3, 75 and 50', () => {
    expect([r.score, r.grade, r.uncappedGrade, r.criticalFailures]).toEqual([77.8, 'C', 'C', []]);
    expect(sections(r)).toEqual([
      ['access', 83.3, 2, 2],
      ['data', 75, 1, 1],
      ['integrations', 50, 3, 3],
    ]);
  });

  it('is Possible (3) x Minor (2) = 6, medium; a task for each question not fully met; projected 2, low', () => {
    expect([r.likelihood.likelihood, r.impact.impact, r.residual, r.band, r.inherentResidual, r.suggestedTier]).toEqual([3, 2, 6, 'medium', 10, 3]);
    expect(tasks(r)).toEqual([
      ['sso', 'high', 30],
      ['protections', 'high', 30],
      ['token-lifetime', 'medium', 90],
    ]);
    expect(r.projected).toEqual({ score: 100, grade: 'A', likelihood: 1, residual: 2, band: 'low' });
  });
});

describe('worked example: vendor B, no integrations (docs/scoring.md 13.3)', () => {
  const r = score({ ...common, 'has-integrations': { value: 'no' } });

  it('hides the integration questions: 13 of 16, 81.3, a B; the integrations section has no score', () => {
    expect(outcomes(r).slice(3)).toEqual([
      ['has-integrations', 'not_scored', null, 0],
      ['token-lifetime', 'hidden', null, 2],
      ['integration-notes', 'hidden', null, 0],
    ]);
    expect([r.score, r.grade]).toEqual([81.3, 'B']);
    expect(sections(r)[2]).toEqual(['integrations', null, 1, 1]);
  });

  it('is Unlikely (2) x 2 = 4, low, with two tasks', () => {
    expect([r.likelihood.likelihood, r.residual, r.band]).toEqual([2, 4, 'low']);
    expect(tasks(r)).toEqual([
      ['sso', 'high', 30],
      ['protections', 'high', 30],
    ]);
  });
});

describe('worked example: vendor C, whose "no integrations" the reviewer rejected (docs/scoring.md 13.4)', () => {
  const r = score({ ...common, 'has-integrations': { value: 'no', rejected: true } });

  it('asks the integration questions again: the unanswered token lifetime counts as No, 13 of 18, 72.2, a C', () => {
    expect(outcomes(r).slice(3)).toEqual([
      ['has-integrations', 'not_scored', null, 0],
      ['token-lifetime', 'unanswered', 0, 2],
      ['integration-notes', 'not_scored', null, 0],
    ]);
    expect([r.score, r.grade, r.likelihood.likelihood, r.residual, r.band]).toEqual([72.2, 'C', 3, 6, 'medium']);
    expect(sections(r)[2]).toEqual(['integrations', 0, 3, 1]);
    expect(tasks(r).map((t) => t[0])).toEqual(['sso', 'protections', 'token-lifetime']);
  });
});

describe('what the portal shows (docs/templates.md section 3)', () => {
  it('shows the integration questions once the vendor says it has integrations, hides them on No', () => {
    const shown = (answers: QuestionAnswerMap) => [...hiddenQuestionIds(questions, answers, { whileUnknown: 'hidden' })];
    expect(shown({})).toEqual(['token-lifetime', 'integration-notes']);
    expect(shown({ 'has-integrations': { value: 'partial' } })).toEqual([]);
    expect(shown({ 'has-integrations': { value: 'no' } })).toEqual(['token-lifetime', 'integration-notes']);
  });

  it('while scoring, keeps them asked until the answer is known', () => {
    expect([...hiddenQuestionIds(questions, {})]).toEqual([]);
    expect([...hiddenQuestionIds(questions, { 'has-integrations': { value: 'no', rejected: true } })]).toEqual([]);
  });
});
