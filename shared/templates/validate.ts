/**
 * Validation of a template beyond the shape of each piece: unique ids,
 * known sections, scores a vendor can actually earn, well-formed number
 * bands and sound conditions. Parsing returns every issue with its path,
 * or the template with its questions in the order the vendor sees them.
 */
import type { z } from 'zod';
import { checkConditions } from './conditions.ts';
import { failed, formatPath, ok, quoteList, type ParseResult, type TemplateIssue } from './issues.ts';
import {
  NA_VALUE,
  TemplateContentSchema,
  TemplateDefinitionSchema,
  TemplateMetaSchema,
  TemplateVersionSchema,
  isScoredCustom,
  type ChoiceOption,
  type NumberQuestion,
  type TemplateContent,
  type TemplateDefinition,
  type TemplateQuestion,
  type TemplateVersion,
} from './schema.ts';

function zodIssues(error: z.ZodError, prefix = ''): TemplateIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
}

function duplicates(ids: readonly string[], at: (i: number) => string, what: string): TemplateIssue[] {
  const first = new Map<string, number>();
  const issues: TemplateIssue[] = [];
  ids.forEach((id, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else issues.push({ path: at(i), message: `Duplicate ${what} "${id}": ${at(earlier).replace(/\.id$/, '')} already uses it` });
  });
  return issues;
}

function checkOptions(question: TemplateQuestion & { options: ChoiceOption[] }, at: string, scored: boolean): TemplateIssue[] {
  const issues = duplicates(question.options.map((o) => o.id), (j) => `${at}.options[${j}].id`, 'option id');
  question.options.forEach((o, j) => {
    if (o.id === NA_VALUE) issues.push({ path: `${at}.options[${j}].id`, message: `"${NA_VALUE}" is kept for N/A answers: give the option another id` });
    if (scored && o.score === null) {
      issues.push({ path: `${at}.options[${j}].score`, message: `Option "${o.id}" needs a score from 0 to 1 (or give the question weight 0 if it is not scored)` });
    }
  });
  if (!scored || issues.length) return issues;
  const scores = question.options.map((o) => o.score ?? 0);
  const best = question.type === 'multiple_choice' ? scores.reduce((a, b) => a + b, 0) : Math.max(...scores);
  // Below 1 a vendor could never fully meet the question, so percentages would not compare across templates.
  if (best < 1 - 1e-9) {
    const how = question.type === 'multiple_choice' ? 'the scores of all options add up to less than 1' : 'no option scores 1';
    issues.push({ path: `${at}.options`, message: `No answer gives full credit (${how}): a vendor could never fully meet this question` });
  }
  return issues;
}

function checkBands(question: NumberQuestion, at: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const bands = question.bands;
  if (question.weight === 0) {
    if (bands.length) issues.push({ path: `${at}.bands`, message: 'A question with weight 0 is not scored: leave its bands out' });
    return issues;
  }
  if (!bands.length) return [{ path: `${at}.bands`, message: 'A scored number question needs scoring bands (or weight 0 if it is not scored)' }];
  const show = (n: number | null) => (n === null ? 'no bound' : String(n));
  bands.forEach((band, j) => {
    const here = `${at}.bands[${j}]`;
    if (band.min !== null && band.max !== null && band.min >= band.max) {
      issues.push({ path: here, message: `The band's min (${band.min}) must be below its max (${band.max}); max is not included` });
    }
    if (j > 0 && band.min === null) issues.push({ path: `${here}.min`, message: 'Only the first band can be open below' });
    if (j < bands.length - 1 && band.max === null) issues.push({ path: `${here}.max`, message: 'Only the last band can be open above' });
    const before = bands[j - 1];
    if (before && before.max !== null && band.min !== null && band.min !== before.max) {
      const what = band.min < before.max ? 'overlaps the band before' : 'leaves a gap after the band before';
      issues.push({
        path: `${here}.min`,
        message: `Band ${j + 1} starts at ${show(band.min)} but band ${j} ends at ${show(before.max)}: it ${what}. Bands go up in order, each starting where the last ends`,
      });
    }
  });
  if (!bands.some((b) => b.score === 1)) issues.push({ path: `${at}.bands`, message: 'No band scores 1: a vendor could never fully meet this question' });
  return issues;
}

/** Position of each question as the vendor sees it: sections in order, then questions in order. */
function displayOrder(content: TemplateContent): number[] {
  const sectionIndex = new Map(content.sections.map((s, i) => [s.id, i]));
  const order = content.questions.map((q, i) => ({ i, s: sectionIndex.get(q.section) ?? Number.MAX_SAFE_INTEGER }));
  order.sort((a, b) => a.s - b.s || a.i - b.i);
  const position: number[] = [];
  order.forEach(({ i }, p) => (position[i] = p));
  return position;
}

export function checkTemplateContent(content: TemplateContent): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  issues.push(...duplicates(content.sections.map((s) => s.id), (i) => `sections[${i}].id`, 'section id'));
  issues.push(...duplicates(content.questions.map((q) => q.id), (i) => `questions[${i}].id`, 'question id'));
  const sectionIds = content.sections.map((s) => s.id);
  content.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (!sectionIds.includes(q.section)) {
      issues.push({ path: `${at}.section`, message: `Unknown section "${q.section}"; the sections are ${quoteList(sectionIds)}` });
    }
    if (q.type === 'control' && q.id !== q.control.id) {
      issues.push({ path: `${at}.id`, message: `A catalogue control question takes its control's id: "${q.control.id}", not "${q.id}"` });
    }
    // Weight 0 would also lift a critical control's grade cap: a catalogue control is scored or left out.
    if (q.type === 'control' && q.weight === 0) {
      issues.push({ path: `${at}.weight`, message: 'A catalogue control is always scored: give it a weight above 0, or leave it out of the template' });
    }
    const scored = q.type === 'control' || (isScoredCustom(q) && q.weight !== 0);
    if (isScoredCustom(q) && q.weight === 0 && q.critical) {
      issues.push({ path: `${at}.critical`, message: 'A question with weight 0 is not scored, so it cannot be critical' });
    }
    if (q.type === 'single_choice' || q.type === 'multiple_choice') issues.push(...checkOptions(q, at, scored));
    if (q.type === 'number') issues.push(...checkBands(q, at));
  });
  const position = displayOrder(content);
  issues.push(...checkConditions(content.questions, (i) => position[i]!));
  return issues;
}

/** The same content with questions grouped by section, in section order: the order the vendor sees. */
export function inDisplayOrder<T extends TemplateContent>(content: T): T {
  const position = displayOrder(content);
  const questions = content.questions.map((q, i) => ({ q, p: position[i]! })).sort((a, b) => a.p - b.p).map(({ q }) => q);
  return { ...content, questions };
}

export function parseTemplateContent(input: unknown): ParseResult<TemplateContent> {
  const parsed = TemplateContentSchema.safeParse(input);
  if (!parsed.success) return failed(zodIssues(parsed.error));
  const issues = checkTemplateContent(parsed.data);
  return issues.length ? failed(issues) : ok(inDisplayOrder(parsed.data));
}

export function parseTemplateDefinition(input: unknown): ParseResult<TemplateDefinition> {
  const parsed = TemplateDefinitionSchema.safeParse(input);
  if (!parsed.success) return failed(zodIssues(parsed.error));
  const issues = checkTemplateContent(parsed.data);
  return issues.length ? failed(issues) : ok(inDisplayOrder(parsed.data));
}

/** A template with all its versions. */
export interface Template {
  key: string;
  name: string;
  description: string;
  versions: TemplateVersion[];
}

/**
 * Versions are numbered upwards from 1 without repeats; only the newest may
 * be a draft, because editing a version any assessment used makes a new one.
 */
export function parseTemplate(input: unknown): ParseResult<Template> {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const { versions, ...meta } = record;
  const issues: TemplateIssue[] = [];
  const parsedMeta = TemplateMetaSchema.safeParse(meta);
  if (!parsedMeta.success) issues.push(...zodIssues(parsedMeta.error));
  if (!Array.isArray(versions) || versions.length === 0) return failed([...issues, { path: 'versions', message: 'A template needs at least one version' }]);
  const parsedVersions: TemplateVersion[] = [];
  versions.forEach((v: unknown, i) => {
    const parsed = TemplateVersionSchema.safeParse(v);
    if (!parsed.success) return issues.push(...zodIssues(parsed.error, `versions[${i}]`));
    const content = checkTemplateContent(parsed.data.content);
    if (content.length) return issues.push(...content.map((c) => ({ ...c, path: `versions[${i}].content.${c.path}` })));
    parsedVersions.push({ ...parsed.data, content: inDisplayOrder(parsed.data.content) });
  });
  if (parsedVersions.length !== versions.length) return failed(issues);
  parsedVersions.forEach((v, i) => {
    const before = parsedVersions[i - 1];
    if (before && v.version <= before.version) issues.push({ path: `versions[${i}].version`, message: `Versions go up: ${v.version} follows ${before.version}` });
    if (v.status === 'draft' && i < parsedVersions.length - 1) issues.push({ path: `versions[${i}].status`, message: 'Only the newest version can be a draft' });
  });
  if (issues.length || !parsedMeta.success) return failed(issues);
  return ok({ ...parsedMeta.data, versions: parsedVersions });
}
