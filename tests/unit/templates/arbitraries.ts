/**
 * fast-check generators of valid custom templates (every question kind,
 * weights, critical flags, conditions on earlier questions, awkward text)
 * and of answers to them, for the round-trip and scoring property tests.
 */
import fc from 'fast-check';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { SEVERITIES } from '#shared/catalogue/types.ts';
import type { QuestionAnswer, QuestionAnswerMap } from '#shared/scoring/questionScore.ts';
import { controlSnapshot } from '#shared/templates/builtIn.ts';
import { conditionValuesOf } from '#shared/templates/conditions.ts';
import type { TemplateDefinition, TemplateQuestion } from '#shared/templates/schema.ts';
import { parseTemplateDefinition } from '#shared/templates/validate.ts';

/** Text with the characters that break naive CSV and cell syntax: separators, escapes, quotes, formula starts, new lines. */
const tricky = fc.constantFrom(' ', ',', '|', '=', '\\', ':', '"', "'", '\n', '\t', '-', '+', '@', 'é', '…', '..', 'x', 'Y', '1');
const word = fc.string({ unit: fc.constantFrom(...'abcdefghij KLMNOP0123456789'.split('')), minLength: 1, maxLength: 8 });
const rawText = fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: tricky }), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const textArb = rawText.map((s) => s.trim()).filter((s) => s.length > 0);
const lineArb = textArb.map((s) => s.replace(/\n/g, ' ').trim()).filter((s) => s.length > 0);
const optionalTextArb = fc.oneof(fc.constant(''), textArb);
const scoreArb = fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => n / 100), fc.constantFrom(1 / 3, 2 / 3, 0.125));
const idArb = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}[a-z0-9][a-z0-9._-]{0,6}$`));

const CONTROLS = CORE_CATALOGUE_V1.controls;
const SCORED_TYPES = ['yes_partial_no', 'single_choice', 'multiple_choice', 'number'] as const;
const QUESTION_KINDS = ['control', ...SCORED_TYPES, 'date', 'text'] as const;

type Draft = Record<string, unknown> & { type: (typeof QUESTION_KINDS)[number] };

const optionsArb = (scored: boolean) =>
  fc
    .uniqueArray(idArb('o').filter((id) => id !== 'na'), { minLength: 2, maxLength: 5 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(lineArb, { minLength: ids.length, maxLength: ids.length }),
        fc.array(scored ? scoreArb : fc.option(scoreArb, { nil: null }), { minLength: ids.length, maxLength: ids.length }),
        fc.nat({ max: ids.length - 1 }),
      ),
    )
    .map(([ids, labels, scores, best]) =>
      ids.map((id, i) => ({
        id,
        label: labels[i]!,
        // A scored question must be fully meetable: one option gives full credit (enough for multiple choice too).
        score: scored && i === best ? 1 : (scores[i] ?? null),
      })),
    );

const bandsArb = fc
  .tuple(fc.uniqueArray(fc.integer({ min: -50, max: 500 }), { minLength: 0, maxLength: 3 }), fc.boolean(), fc.boolean(), fc.array(scoreArb, { minLength: 5, maxLength: 5 }), fc.nat())
  .map(([cuts, openBelow, openAbove, scores, best]) => {
    const points = [...cuts].sort((a, b) => a - b);
    const edges: (number | null)[] = [openBelow || points.length === 0 ? null : points[0]! - 10, ...points, openAbove ? null : (points.at(-1) ?? 0) + 10];
    const bands = edges.slice(0, -1).map((min, i) => ({ min, max: edges[i + 1]!, score: scores[i]! }));
    bands[best % bands.length]!.score = 1;
    return bands;
  });

// Built once: making a regex-based arbitrary is slow, so none is made inside chain().
const OPTIONS = { scored: optionsArb(true), unscored: optionsArb(false) };

const draftArb: fc.Arbitrary<Draft> = fc.constantFrom(...QUESTION_KINDS).chain((type): fc.Arbitrary<Draft> => {
  if (type === 'control') {
    return fc.record({ type: fc.constant(type), controlIndex: fc.nat({ max: CONTROLS.length - 1 }), weight: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }) });
  }
  const authored = { title: optionalTextArb, text: textArb, help: optionalTextArb, reference: optionalTextArb.map((s) => s.slice(0, 50).trim()), naAllowed: fc.boolean() };
  if (type === 'date' || type === 'text') return fc.record({ type: fc.constant(type), ...authored });
  return fc
    .record({ severity: fc.constantFrom(...SEVERITIES), weight: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.constant(2.5)), { nil: undefined }), critical: fc.boolean() })
    .chain((s) => {
      const scored = s.weight !== 0;
      const base = { type: fc.constant(type), ...authored, severity: fc.constant(s.severity), weight: fc.constant(s.weight), critical: fc.constant(scored && s.critical) };
      if (type === 'single_choice' || type === 'multiple_choice') return fc.record({ ...base, options: scored ? OPTIONS.scored : OPTIONS.unscored });
      if (type === 'number') return fc.record({ ...base, bands: scored ? bandsArb : fc.constant([]) });
      return fc.record(base);
    });
});

/** A valid custom template, as parsed (normal form). */
export const templateArb: fc.Arbitrary<TemplateDefinition> = fc
  .record({
    key: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
    name: lineArb,
    description: optionalTextArb,
    sections: fc.uniqueArray(idArb('s'), { minLength: 1, maxLength: 4 }).chain((ids) =>
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), title: lineArb, description: optionalTextArb }))),
    ),
    drafts: fc.array(fc.tuple(draftArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 10 }),
    ids: fc.uniqueArray(idArb('q'), { minLength: 10, maxLength: 10 }),
  })
  .map(({ key, name, description, sections, drafts, ids }) => {
    const usedControls = new Set<number>();
    const questions: TemplateQuestion[] = [];
    drafts.forEach(([draft, sectionPick], i) => {
      const section = sections[sectionPick % sections.length]!.id;
      if (draft.type === 'control') {
        const index = draft.controlIndex as number;
        if (usedControls.has(index)) return;
        usedControls.add(index);
        const control = CONTROLS[index]!;
        questions.push({ id: control.id, type: 'control', section, required: true, control: controlSnapshot(control), ...(draft.weight === undefined ? {} : { weight: draft.weight as number }) });
      } else {
        const { controlIndex: _c, ...rest } = draft;
        questions.push({ ...rest, id: ids[i]!, section, required: true } as unknown as TemplateQuestion);
      }
    });
    // Conditions look at earlier questions (in the order the vendor sees them) that have answers to list.
    const order = sections.flatMap((s) => questions.filter((q) => q.section === s.id));
    order.forEach((q, p) => {
      const [, , targetPick, chance] = drafts[Math.min(p, drafts.length - 1)]!;
      const targets = order.slice(0, p).filter((t) => conditionValuesOf(t).length > 0);
      if (!targets.length || chance < 40) return;
      const target = targets[targetPick % targets.length]!;
      const values = conditionValuesOf(target);
      const anyOf = values.filter((_, k) => (targetPick >> k) % 2 === 1);
      q.condition = { question: target.id, anyOf: anyOf.length ? anyOf : [values[targetPick % values.length]!] };
    });
    // Some questions are optional, never ones others depend on.
    const targetsOf = new Set(questions.map((q) => q.condition?.question));
    questions.forEach((q, i) => {
      if (!targetsOf.has(q.id) && drafts[i % drafts.length]![1] % 5 === 0) q.required = false;
    });
    const result = parseTemplateDefinition({ key, name, description, sections, questions });
    if (!result.ok) throw new Error(`generator made an invalid template: ${JSON.stringify(result.issues)}`);
    return result.value;
  });

/** An answer of the right kind, or one that does not fit, or N/A, or none. */
export function answerArb(question: TemplateQuestion): fc.Arbitrary<QuestionAnswer | undefined> {
  const na = fc.constant<QuestionAnswer>({ value: 'na' });
  const fitting: fc.Arbitrary<QuestionAnswer> = (() => {
    switch (question.type) {
      case 'control':
      case 'yes_partial_no':
        return fc.constantFrom<QuestionAnswer>({ value: 'yes' }, { value: 'partial' }, { value: 'no' });
      case 'single_choice':
        return fc.constantFrom(...question.options.map((o) => ({ options: [o.id] })));
      case 'multiple_choice':
        return fc.subarray(question.options.map((o) => o.id)).map((options) => ({ options }));
      case 'number':
        return fc.integer({ min: -100, max: 600 }).map((number) => ({ number }));
      case 'date':
        return fc.constant({ date: '2026-03-01' });
      case 'text':
        return textArb.map((text) => ({ text }));
    }
  })();
  const misfit = fc.constantFrom<QuestionAnswer>({ options: ['nope'] }, { value: 'yes', options: [] }, {});
  return fc.oneof(
    { weight: 6, arbitrary: fitting },
    { weight: 1, arbitrary: na },
    { weight: 1, arbitrary: misfit },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fitting.map((a) => ({ ...a, rejected: true })) },
  );
}

export function answersArb(template: TemplateDefinition): fc.Arbitrary<QuestionAnswerMap> {
  return fc.tuple(...template.questions.map(answerArb)).map((answers) => {
    const map: Record<string, QuestionAnswer> = {};
    answers.forEach((a, i) => {
      if (a !== undefined) map[template.questions[i]!.id] = a;
    });
    return map;
  });
}

/** A template and answers to it. */
export const answeredTemplateArb = templateArb.chain((template) => fc.tuple(fc.constant(template), answersArb(template)));
