/**
 * OSCAL prose to plain question text. Every parameter placeholder
 * ({{ insert: param, ID }}) becomes readable words, never markup:
 * its assigned values; else its selection as "[one of: a, b]" or
 * "[one or more of: a, b]" (choices may hold placeholders themselves);
 * else its label in brackets, "[organization-defined frequency]"; else its
 * first guideline; else "[a value the organization defines]". Markdown
 * links keep their text. Statement items keep their labels ("a.", "1.")
 * and are indented by depth.
 */
import type { TemplateIssue } from '../issues.ts';
import { propValue, type OscalParam, type OscalPart } from './oscalModel.ts';

export type ParamMap = ReadonlyMap<string, OscalParam>;

const INSERT = /\{\{\s*insert\s*:\s*([A-Za-z][\w-]*)\s*,\s*([^\s,}]+)\s*\}\}/g;
const LINK = /\[([^\]]*)\]\([^)\s]*\)/g;

export interface RenderContext {
  params: ParamMap;
  issues: TemplateIssue[];
  /** JSON path of the prose being rendered, for messages. */
  path: string;
}

function renderParam(id: string, ctx: RenderContext, stack: readonly string[]): string {
  const param = ctx.params.get(id);
  if (!param) {
    ctx.issues.push({ path: ctx.path, message: `The placeholder refers to the parameter "${id}", which the catalog does not define` });
    return '';
  }
  if (stack.includes(id)) {
    ctx.issues.push({ path: ctx.path, message: `The parameter "${id}" refers back to itself through ${[...stack, id].join(' -> ')}` });
    return '';
  }
  const inner = (text: string) => renderInline(text, ctx, [...stack, id]);
  if (param.values?.length) return param.values.map(inner).join(', ');
  if (param.select?.choice?.length) {
    const how = param.select['how-many'] === 'one-or-more' ? 'one or more of' : 'one of';
    return `[${how}: ${param.select.choice.map(inner).join(', ')}]`;
  }
  if (param.label?.trim()) return `[${inner(param.label.trim())}]`;
  const guideline = param.guidelines?.find((g) => g.prose.trim())?.prose;
  if (guideline) return `[${inner(guideline.trim())}]`;
  return '[a value the organization defines]';
}

function renderInline(text: string, ctx: RenderContext, stack: readonly string[]): string {
  const rendered = text.replace(INSERT, (_match, type: string, id: string) => {
    if (type !== 'param') {
      ctx.issues.push({ path: ctx.path, message: `Unsupported placeholder "{{ insert: ${type}, ${id} }}": only parameters can be inserted` });
      return '';
    }
    return renderParam(id, ctx, stack);
  });
  return rendered.replace(LINK, '$1');
}

/** Prose with its placeholders rendered; a placeholder that cannot be read is an issue, never left in the text. */
export function renderProse(prose: string, ctx: RenderContext): string {
  const text = renderInline(prose, ctx, []);
  if (/\{\{\s*insert/.test(text)) ctx.issues.push({ path: ctx.path, message: 'A parameter placeholder is malformed: it must read {{ insert: param, ID }}' });
  return text.replace(/[ \t]+\n/g, '\n').trim();
}

/** A statement part and its nested items as lines: "a. ...", then "  1. ..." one level in. */
export function renderStatement(part: OscalPart, ctx: RenderContext): string {
  const lines: string[] = [];
  const walk = (p: OscalPart, path: string, depth: number) => {
    const label = propValue(p, 'label');
    const prose = p.prose ? renderProse(p.prose, { ...ctx, path: `${path}.prose` }) : '';
    const line = [label, prose].filter(Boolean).join(' ');
    if (line) lines.push(`${'  '.repeat(Math.max(0, depth))}${line}`);
    (p.parts ?? []).forEach((child, i) => {
      if (child.name === 'item') walk(child, `${path}.parts[${i}]`, depth + 1);
    });
  };
  walk(part, ctx.path, -1);
  return lines.join('\n');
}

/** Guidance prose and any nested parts' prose, as paragraphs. */
export function renderGuidance(part: OscalPart, ctx: RenderContext): string {
  const paragraphs: string[] = [];
  const walk = (p: OscalPart, path: string) => {
    if (p.prose) paragraphs.push(renderProse(p.prose, { ...ctx, path: `${path}.prose` }));
    (p.parts ?? []).forEach((child, i) => walk(child, `${path}.parts[${i}]`));
  };
  walk(part, ctx.path);
  return paragraphs.filter(Boolean).join('\n\n');
}
