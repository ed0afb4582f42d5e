/**
 * The questionnaire template model (docs/templates.md, ADR 0017): a
 * template (key, name, description) has versions; a version holds sections
 * and questions. Questions are catalogue controls (wording frozen from the
 * catalogue, weight may be overridden) or custom: yes/partial/no, single or
 * multiple choice with a score per option, number with scoring bands, date
 * and free text. These schemas check the shape of each piece; the rules
 * between pieces (ids, sections, conditions, scores) are in validate.ts.
 */
import { z } from 'zod';
import { DOMAIN_IDS, SEVERITIES } from '../catalogue/types.ts';

export const QUESTION_TYPES = ['control', 'yes_partial_no', 'single_choice', 'multiple_choice', 'number', 'date', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Kinds that are never scored; they cannot carry severity or weight, nor be a condition's target. */
export const UNSCORED_TYPES: readonly QuestionType[] = ['date', 'text'];
/** Kinds a condition can look at: their answers are values or options. */
export const CONDITION_TARGET_TYPES: readonly QuestionType[] = ['control', 'yes_partial_no', 'single_choice', 'multiple_choice'];

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** "na" in a condition means "answered N/A", so no option may be called that. */
export const NA_VALUE = 'na';

export const LIMITS = {
  sections: 500,
  questions: 5_000,
  options: 100,
  bands: 20,
  name: 200,
  title: 300,
  text: 10_000,
  help: 20_000,
  reference: 200,
  label: 500,
  weight: 100,
} as const;

const ID_RULE = 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';

export const IdSchema = (what: string) =>
  z.string({ error: `${what} is required` }).trim().regex(ID_PATTERN, { error: (issue) => `${what} ${JSON.stringify(issue.input)} ${ID_RULE}` });

/** Text as people write it: Windows line ends become "\n", outer spaces go. */
const text = (what: string, max: number, required: boolean) => {
  const base = z
    .string({ error: `${what} must be text` })
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, { error: `${what} is longer than ${max} characters` });
  return required ? base.min(1, { error: `${what} is required` }) : base;
};
const optionalText = (what: string, max: number) => text(what, max, false).default('');
const flag = (what: string, fallback: boolean) => z.boolean({ error: `${what} must be true or false` }).default(fallback);

export const SeveritySchema = z.enum(SEVERITIES, {
  error: (i) => (i.input === undefined ? 'severity is required' : `Unknown severity ${JSON.stringify(i.input)}; expected one of "low", "medium", "high", "critical"`),
});

const WeightSchema = z
  .number({ error: 'weight must be a number' })
  .min(0, { error: 'weight must be 0 or more (0: asked but not scored)' })
  .max(LIMITS.weight, { error: `weight must be at most ${LIMITS.weight}` });

const ScoreSchema = z
  .number({ error: 'score must be a number from 0 to 1' })
  .min(0, { error: 'score must be from 0 (no credit) to 1 (full credit)' })
  .max(1, { error: 'score must be from 0 (no credit) to 1 (full credit)' });

export const SectionSchema = z.strictObject({
  id: IdSchema('section id'),
  title: text('section title', LIMITS.title, true),
  description: optionalText('section description', LIMITS.help),
});

export const ConditionSchema = z.strictObject({
  question: IdSchema('condition question'),
  anyOf: z
    .array(z.string({ error: 'condition values must be text' }).trim().min(1, { error: 'a condition value is empty' }), {
      error: 'condition anyOf must be a list of answer values or option ids',
    })
    .min(1, { error: 'a condition needs at least one answer value or option id' }),
});

export const OptionSchema = z.strictObject({
  id: IdSchema('option id'),
  label: text('option label', LIMITS.label, true).refine((s) => !s.includes('\n'), { error: 'an option label must fit on one line' }),
  score: ScoreSchema.nullable().default(null),
});

const BoundSchema = z.number({ error: 'a band bound must be a number, or null for no bound' }).nullable().default(null);
export const BandSchema = z.strictObject({ min: BoundSchema, max: BoundSchema, score: ScoreSchema });

const ReferenceSchema = z.strictObject({ source: text('reference source', LIMITS.reference, true), ref: optionalText('reference', LIMITS.reference) });

/** A catalogue control as a version freezes it (see shared/catalogue/types.ts). */
export const ControlSnapshotSchema = z.strictObject({
  id: IdSchema('control id'),
  domain: z.enum(DOMAIN_IDS, { error: (i) => `Unknown catalogue domain ${JSON.stringify(i.input)}` }),
  title: text('control title', LIMITS.title, true),
  question: text('control question', LIMITS.text, true),
  guidance: optionalText('control guidance', LIMITS.help),
  whyItMatters: optionalText('why it matters', LIMITS.help),
  remediation: optionalText('remediation', LIMITS.help),
  severity: SeveritySchema,
  critical: flag('critical', false),
  allowNa: flag('allowNa', false),
  naHint: text('N/A hint', LIMITS.help, false).optional(),
  references: z.array(ReferenceSchema).default([]),
  techniques: z.array(z.string().trim().min(1)).default([]),
});

const placement = {
  id: IdSchema('question id'),
  section: IdSchema('section'),
  /** The portal will not submit without an answer. */
  required: flag('required', true),
  condition: ConditionSchema.optional(),
};

const authored = {
  ...placement,
  /** Short name for tables and task titles; optional. */
  title: optionalText('title', LIMITS.title),
  text: text('question text', LIMITS.text, true),
  help: optionalText('help text', LIMITS.help),
  /** Where the question comes from, e.g. an OSCAL control id or "SIG Lite A.1". */
  reference: optionalText('reference', LIMITS.reference),
  naAllowed: flag('naAllowed', false),
};

const scored = {
  /** Drives the weight (unless overridden) and the remediation task's SLA. */
  severity: SeveritySchema,
  /** Counting as No caps the grade, like the catalogue's critical controls. */
  critical: flag('critical', false),
  /** Overrides the severity's weight; 0 means asked but not scored. */
  weight: WeightSchema.optional(),
};

const optionList = z
  .array(OptionSchema, { error: 'options must be a list' })
  .min(2, { error: 'a choice question needs at least 2 options' })
  .max(LIMITS.options, { error: `a choice question can have at most ${LIMITS.options} options` });

export const ControlQuestionSchema = z.strictObject({
  ...placement,
  type: z.literal('control'),
  weight: WeightSchema.optional(),
  control: ControlSnapshotSchema,
});
export const YesPartialNoQuestionSchema = z.strictObject({ ...authored, ...scored, type: z.literal('yes_partial_no') });
export const SingleChoiceQuestionSchema = z.strictObject({ ...authored, ...scored, type: z.literal('single_choice'), options: optionList });
export const MultipleChoiceQuestionSchema = z.strictObject({ ...authored, ...scored, type: z.literal('multiple_choice'), options: optionList });
export const NumberQuestionSchema = z.strictObject({
  ...authored,
  ...scored,
  type: z.literal('number'),
  bands: z
    .array(BandSchema, { error: 'bands must be a list' })
    .max(LIMITS.bands, { error: `a number question can have at most ${LIMITS.bands} bands` })
    .default([]),
});
export const DateQuestionSchema = z.strictObject({ ...authored, type: z.literal('date') });
export const TextQuestionSchema = z.strictObject({ ...authored, type: z.literal('text') });

export const QuestionSchema = z.discriminatedUnion(
  'type',
  [
    ControlQuestionSchema,
    YesPartialNoQuestionSchema,
    SingleChoiceQuestionSchema,
    MultipleChoiceQuestionSchema,
    NumberQuestionSchema,
    DateQuestionSchema,
    TextQuestionSchema,
  ],
  { error: (i) => `Unknown question type ${JSON.stringify((i.input as { type?: unknown } | undefined)?.type)}; expected one of ${QUESTION_TYPES.map((t) => `"${t}"`).join(', ')}` },
);

/** What a template version freezes: its sections and questions, in order. */
export const TemplateContentSchema = z.strictObject({
  sections: z
    .array(SectionSchema, { error: 'sections must be a list' })
    .min(1, { error: 'a template needs at least one section' })
    .max(LIMITS.sections, { error: `a template can have at most ${LIMITS.sections} sections` }),
  questions: z
    .array(QuestionSchema, { error: 'questions must be a list' })
    .min(1, { error: 'a template needs at least one question' })
    .max(LIMITS.questions, { error: `a template can have at most ${LIMITS.questions} questions` }),
});

export const TemplateMetaSchema = z.strictObject({
  key: z
    .string({ error: 'key is required' })
    .trim()
    .regex(KEY_PATTERN, { error: (i) => `key ${JSON.stringify(i.input)} must be 1 to 64 lower-case letters, digits or "-", starting with a letter or digit` }),
  name: text('name', LIMITS.name, true),
  description: optionalText('description', LIMITS.help),
});

/** One template version as a portable unit: what import and export carry. */
export const TemplateDefinitionSchema = z.strictObject({ ...TemplateMetaSchema.shape, ...TemplateContentSchema.shape });

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published'] as const;
export const TemplateVersionSchema = z.strictObject({
  version: z.int({ error: 'version must be a whole number' }).min(1, { error: 'version must be 1 or more' }),
  status: z.enum(TEMPLATE_VERSION_STATUSES),
  content: TemplateContentSchema,
});

export type Section = z.infer<typeof SectionSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type ChoiceOption = z.infer<typeof OptionSchema>;
export type ScoreBandInput = z.infer<typeof BandSchema>;
export type ControlSnapshot = z.infer<typeof ControlSnapshotSchema>;
export type ControlQuestion = z.infer<typeof ControlQuestionSchema>;
export type YesPartialNoQuestion = z.infer<typeof YesPartialNoQuestionSchema>;
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceQuestionSchema>;
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type DateQuestion = z.infer<typeof DateQuestionSchema>;
export type TextQuestion = z.infer<typeof TextQuestionSchema>;
export type TemplateQuestion = z.infer<typeof QuestionSchema>;
export type CustomQuestion = Exclude<TemplateQuestion, ControlQuestion>;
export type ScoredCustomQuestion = YesPartialNoQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | NumberQuestion;
export type TemplateContent = z.infer<typeof TemplateContentSchema>;
export type TemplateMeta = z.infer<typeof TemplateMetaSchema>;
export type TemplateDefinition = z.infer<typeof TemplateDefinitionSchema>;
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;
/** What an author writes: defaults may be left out. */
export type TemplateDefinitionInput = z.input<typeof TemplateDefinitionSchema>;

export function isScoredCustom(question: TemplateQuestion): question is ScoredCustomQuestion {
  return question.type !== 'control' && !UNSCORED_TYPES.includes(question.type);
}
