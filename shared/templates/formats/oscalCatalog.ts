/**
 * An OSCAL 1.x catalog (JSON) as a template: every control and enhancement
 * that is not withdrawn becomes a yes/partial/no question in its group's
 * section. Its statement (with nested items) is the question text, with
 * every parameter rendered in words; its guidance is the help text; its id
 * is kept as the question id and the reference; its label and title name
 * it. Catalogs carry no severity, so every question gets the import's
 * severity (medium unless chosen), N/A allowed and no critical flag.
 */
import type { Severity } from '../../catalogue/types.ts';
import { failed, formatPath, type ParseResult, type TemplateIssue } from '../issues.ts';
import { LIMITS, type TemplateDefinition } from '../schema.ts';
import { parseTemplateDefinition } from '../validate.ts';
import { isWithdrawn, OscalCatalogDocumentSchema, propValue, type OscalCatalog, type OscalControl, type OscalGroup, type OscalParam } from './oscalModel.ts';
import { renderGuidance, renderProse, renderStatement, type RenderContext } from './oscalText.ts';

export interface OscalImportOptions {
  /** Key of the template made; by default taken from the document's title. */
  key?: string;
  /** Severity of every question made (catalogs have none): medium by default. */
  severity?: Severity;
}

/** "NIST SP 800-53 Rev 5" -> "nist-sp-800-53-rev-5" */
export function keyFromTitle(title: string, fallback: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function readCatalog(document: unknown, prefix = ''): ParseResult<OscalCatalog> {
  const parsed = OscalCatalogDocumentSchema.safeParse(document);
  if (parsed.success) return { ok: true, value: parsed.data.catalog };
  return failed(parsed.error.issues.map((i) => ({ path: `${prefix}${formatPath(i.path)}`, message: i.message })));
}

/** Every parameter of the catalog by id (ids are unique in a document), then the profile's settings over them. */
export function catalogParams(catalog: OscalCatalog, overrides: readonly (Partial<OscalParam> & { id: string })[] = []): Map<string, OscalParam> {
  const params = new Map<string, OscalParam>();
  const add = (list: readonly OscalParam[] | undefined) => list?.forEach((p) => params.set(p.id, p));
  const control = (c: OscalControl) => {
    add(c.params);
    c.controls?.forEach(control);
  };
  const group = (g: OscalGroup) => {
    add(g.params);
    g.groups?.forEach(group);
    g.controls?.forEach(control);
  };
  add(catalog.params);
  catalog.groups?.forEach(group);
  catalog.controls?.forEach(control);
  for (const o of overrides) {
    const base = params.get(o.id);
    if (base) params.set(o.id, { ...base, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) });
  }
  return params;
}

/** What a walk of the catalog produces: the template's sections and questions, and where each came from. */
export interface CatalogQuestions {
  sections: Record<string, unknown>[];
  questions: Record<string, unknown>[];
  sectionPaths: string[];
  questionPaths: string[];
}

export function catalogQuestions(
  catalog: OscalCatalog,
  params: ReadonlyMap<string, OscalParam>,
  issues: TemplateIssue[],
  options: { severity: Severity; include?: (controlId: string) => boolean; prefix: string },
): CatalogQuestions {
  const out: CatalogQuestions = { sections: [], questions: [], sectionPaths: [], questionPaths: [] };
  const ctx = (path: string): RenderContext => ({ params, issues, path });

  const question = (control: OscalControl, section: string, path: string) => {
    const statement = control.parts?.find((p) => p.name === 'statement');
    const guidance = control.parts?.find((p) => p.name === 'guidance');
    const label = propValue(control, 'label');
    const name = renderProse(control.title, ctx(`${path}.title`));
    const text = statement ? renderStatement(statement, ctx(`${path}.parts[${control.parts!.indexOf(statement)}]`)) : '';
    let help = guidance ? renderGuidance(guidance, ctx(`${path}.parts[${control.parts!.indexOf(guidance)}]`)) : '';
    // Long guidance is advice, not the requirement: shortening it loses no part of what is asked.
    if (help.length > LIMITS.help) help = `${help.slice(0, LIMITS.help - 1)}…`;
    return {
      id: control.id,
      type: 'yes_partial_no',
      section,
      title: (label ? `${label} ${name}` : name).slice(0, LIMITS.title),
      text: text || name,
      help,
      reference: control.id,
      naAllowed: true,
      severity: options.severity,
    };
  };

  const controls = (list: readonly OscalControl[] | undefined, section: string, path: string, into: CatalogQuestions) => {
    list?.forEach((control, i) => {
      const at = `${path}.controls[${i}]`;
      if (!isWithdrawn(control) && (options.include?.(control.id) ?? true)) {
        into.questions.push(question(control, section, at));
        into.questionPaths.push(at);
      }
      // Enhancements sit in their control's section, even when the control itself is not taken.
      controls(control.controls, section, at, into);
    });
  };

  const section = (id: string, title: string, description: string, path: string, list: readonly OscalControl[] | undefined) => {
    const found: CatalogQuestions = { sections: [], questions: [], sectionPaths: [], questionPaths: [] };
    controls(list, id, path, found);
    if (!found.questions.length) return;
    out.sections.push({ id, title, description });
    out.sectionPaths.push(path);
    out.questions.push(...found.questions);
    out.questionPaths.push(...found.questionPaths);
  };

  const group = (g: OscalGroup, path: string, number: string) => {
    const overview = g.parts?.find((p) => p.name === 'overview');
    const description = overview ? renderGuidance(overview, ctx(`${path}.parts[${g.parts!.indexOf(overview)}]`)).slice(0, LIMITS.help) : '';
    section(g.id ?? `group-${number}`, g.title, description, path, g.controls);
    g.groups?.forEach((child, i) => group(child, `${path}.groups[${i}]`, `${number}-${i + 1}`));
  };

  section('controls', 'Controls', '', options.prefix, catalog.controls);
  catalog.groups?.forEach((g, i) => group(g, `${options.prefix}.groups[${i}]`, String(i + 1)));
  return out;
}

/** Points a template-model issue back at the OSCAL element it came from. */
export function issueAtSource(issue: TemplateIssue, found: CatalogQuestions, titlePath: string): TemplateIssue {
  const match = /^(sections|questions)\[(\d+)\]\.?(.*)$/.exec(issue.path);
  if (match) {
    const paths = match[1] === 'sections' ? found.sectionPaths : found.questionPaths;
    const source = paths[Number(match[2])];
    if (source !== undefined) return { path: source, message: match[3] ? `${issue.message} (as the ${match[3]} of the question made from it)` : issue.message };
  }
  if (/^(key|name|description)/.test(issue.path)) return { path: titlePath, message: issue.message };
  return issue;
}

export function templateFromQuestions(
  meta: { key: string; name: string; description: string },
  found: CatalogQuestions,
  issues: TemplateIssue[],
  titlePath: string,
): ParseResult<TemplateDefinition> {
  if (issues.length) return failed(issues);
  if (!found.questions.length) return failed([{ path: titlePath.replace(/\.metadata\.title$/, ''), message: 'No control was taken: every control is withdrawn or left out' }]);
  const parsed = parseTemplateDefinition({ ...meta, sections: found.sections, questions: found.questions });
  return parsed.ok ? parsed : failed(parsed.issues.map((i) => issueAtSource(i, found, titlePath)));
}

export function parseOscalCatalog(document: unknown, options: OscalImportOptions = {}): ParseResult<TemplateDefinition> {
  const read = readCatalog(document);
  if (!read.ok) return read;
  const catalog = read.value;
  const issues: TemplateIssue[] = [];
  const found = catalogQuestions(catalog, catalogParams(catalog), issues, { severity: options.severity ?? 'medium', prefix: 'catalog' });
  const title = catalog.metadata.title.trim();
  const version = catalog.metadata.version ? `, version ${catalog.metadata.version}` : '';
  return templateFromQuestions(
    { key: options.key ?? keyFromTitle(title, 'oscal-catalog'), name: title.slice(0, LIMITS.name), description: `Imported from the OSCAL catalog "${title}"${version}.` },
    found,
    issues,
    'catalog.metadata.title',
  );
}
