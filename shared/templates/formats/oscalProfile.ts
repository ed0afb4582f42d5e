/**
 * An OSCAL 1.x profile (JSON) as a template of exactly the controls it
 * selects from catalogs imported before: include-all, include-controls
 * (with-ids, matching patterns, with-child-controls) and exclude-controls,
 * with the profile's set-parameters used when rendering the text. The
 * catalog is found by a resolver the caller gives (by title or source);
 * a profile whose catalog is unknown is refused with the import at fault.
 * Alterations, merge directives and profiles of profiles are not read.
 */
import { failed, formatPath, type ParseResult, type TemplateIssue } from '../issues.ts';
import { LIMITS, type TemplateDefinition } from '../schema.ts';
import { catalogParams, catalogQuestions, keyFromTitle, readCatalog, templateFromQuestions, type CatalogQuestions, type OscalImportOptions } from './oscalCatalog.ts';
import { OscalProfileDocumentSchema, type OscalBackMatter, type OscalCatalog, type OscalControl, type OscalImport, type OscalSelection } from './oscalModel.ts';

/** Which catalog a profile import means. */
export interface CatalogReference {
  /** The import's href as written: a URL, a file name, or "#uuid" of a back-matter resource. */
  href: string;
  /** The back-matter resource's title, when the href points at one. */
  title?: string;
  /** Where the catalog can be found: the resource's links, or the href itself. */
  locations: string[];
}

/** Returns the catalog document (parsed JSON) a reference means, or undefined when it was never imported. */
export type CatalogResolver = (reference: CatalogReference) => unknown;

export interface KnownCatalog {
  /** The catalog document as imported. */
  document: unknown;
  /** The file name or URL it was imported from. */
  source?: string;
}

const fileName = (href: string) => href.replace(/[?#].*$/, '').split(/[/\\]/).pop()!.toLowerCase();
const sameTitle = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** A resolver over catalogs imported before, matching the reference's title or the name of the file it points at. */
export function resolverFor(known: readonly KnownCatalog[]): CatalogResolver {
  return (reference) =>
    known.find((k) => {
      const title = readCatalog(k.document);
      if (reference.title && title.ok && sameTitle(title.value.metadata.title, reference.title)) return true;
      return !!k.source && reference.locations.some((l) => fileName(l) !== '' && fileName(l) === fileName(k.source!));
    })?.document;
}

export function referenceOf(href: string, backMatter: OscalBackMatter | undefined): CatalogReference {
  if (!href.startsWith('#')) return { href, locations: [href] };
  const resource = backMatter?.resources?.find((r) => r.uuid === href.slice(1));
  const reference: CatalogReference = { href, locations: resource?.rlinks?.map((l) => l.href) ?? [] };
  if (resource?.title) reference.title = resource.title;
  return reference;
}

interface ControlNode {
  id: string;
  children: string[];
}

function controlTree(catalog: OscalCatalog): Map<string, ControlNode> {
  const nodes = new Map<string, ControlNode>();
  const walk = (list: readonly OscalControl[] | undefined): string[] =>
    (list ?? []).map((c) => {
      nodes.set(c.id, { id: c.id, children: walk(c.controls) });
      return c.id;
    });
  const groups = (gs: OscalCatalog['groups']) => gs?.forEach((g) => (walk(g.controls), groups(g.groups)));
  walk(catalog.controls);
  groups(catalog.groups);
  return nodes;
}

/**
 * Whether `text` matches a profile's `matching` pattern (* any run, ? one
 * character). Patterns come from the uploaded file, so this is the classic
 * greedy wildcard match (at most pattern x text steps), never a regex
 * that could backtrack exponentially.
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function selectedIds(catalog: OscalCatalog, imp: OscalImport, path: string, issues: TemplateIssue[]): Set<string> {
  const tree = controlTree(catalog);
  const withChildren = (id: string, into: Set<string>) => {
    into.add(id);
    tree.get(id)?.children.forEach((c) => withChildren(c, into));
  };
  const pick = (selections: readonly OscalSelection[] | undefined, at: string) => {
    const ids = new Set<string>();
    selections?.forEach((sel, j) => {
      const matched: string[] = [];
      sel['with-ids']?.forEach((id, k) => {
        if (tree.has(id)) matched.push(id);
        else issues.push({ path: `${at}[${j}].with-ids[${k}]`, message: `The catalog "${catalog.metadata.title}" has no control "${id}"` });
      });
      sel.matching?.forEach((m, k) => {
        if (!m.pattern) return;
        const hits = [...tree.keys()].filter((id) => globMatches(m.pattern!, id));
        if (!hits.length) issues.push({ path: `${at}[${j}].matching[${k}].pattern`, message: `The pattern "${m.pattern}" matches no control of the catalog` });
        matched.push(...hits);
      });
      for (const id of matched) {
        if (sel['with-child-controls'] === 'yes') withChildren(id, ids);
        else ids.add(id);
      }
    });
    return ids;
  };
  const included = imp['include-all'] !== undefined ? new Set(tree.keys()) : pick(imp['include-controls'], `${path}.include-controls`);
  for (const id of pick(imp['exclude-controls'], `${path}.exclude-controls`)) included.delete(id);
  return included;
}

function unknownCatalogMessage(reference: CatalogReference): string {
  const named = reference.title ? `"${reference.title}"` : `"${reference.locations[0] ?? reference.href}"`;
  return `The profile selects controls from the catalog ${named}, which has not been imported: import that OSCAL catalog first, then this profile`;
}

export function parseOscalProfile(document: unknown, resolveCatalog: CatalogResolver, options: OscalImportOptions = {}): ParseResult<TemplateDefinition> {
  const parsed = OscalProfileDocumentSchema.safeParse(document);
  if (!parsed.success) return failed(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const profile = parsed.data.profile;
  const issues: TemplateIssue[] = [];
  const setParameters = profile.modify?.['set-parameters'] ?? [];
  const overrides = setParameters.map((s) => ({ id: s['param-id'], label: s.label, values: s.values, select: s.select }));
  const found: CatalogQuestions = { sections: [], questions: [], sectionPaths: [], questionPaths: [] };
  const catalogTitles: string[] = [];
  const knownParams = new Set<string>();

  profile.imports.forEach((imp, i) => {
    const at = `profile.imports[${i}]`;
    const reference = referenceOf(imp.href, profile['back-matter']);
    const resolved = resolveCatalog(reference);
    if (resolved === undefined || resolved === null) return issues.push({ path: `${at}.href`, message: unknownCatalogMessage(reference) });
    if (typeof resolved === 'object' && 'profile' in resolved && !('catalog' in resolved)) {
      return issues.push({ path: `${at}.href`, message: 'This import is another profile: import a profile that selects from a catalog directly' });
    }
    const read = readCatalog(resolved, `${at} > `);
    if (!read.ok) return issues.push(...read.issues);
    const catalog = read.value;
    catalogTitles.push(catalog.metadata.title);
    const params = catalogParams(catalog, overrides);
    params.forEach((_, id) => knownParams.add(id));
    const selected = selectedIds(catalog, imp, at, issues);
    const part = catalogQuestions(catalog, params, issues, { severity: options.severity ?? 'medium', include: (id) => selected.has(id), prefix: `${at} > catalog` });
    part.sections.forEach((section, s) => {
      if (found.sections.some((f) => f.id === section.id)) return;
      found.sections.push(section);
      found.sectionPaths.push(part.sectionPaths[s]!);
    });
    found.questions.push(...part.questions);
    found.questionPaths.push(...part.questionPaths);
  });
  if (issues.length) return failed(issues);
  setParameters.forEach((s, k) => {
    if (!knownParams.has(s['param-id'])) {
      issues.push({ path: `profile.modify.set-parameters[${k}].param-id`, message: `The profile sets the parameter "${s['param-id']}", which the imported catalog does not define` });
    }
  });

  const title = profile.metadata.title.trim();
  const from = catalogTitles.map((t) => `"${t}"`).join(' and ');
  return templateFromQuestions(
    { key: options.key ?? keyFromTitle(title, 'oscal-profile'), name: title.slice(0, LIMITS.name), description: `The controls the OSCAL profile "${title}" selects from ${from}.` },
    found,
    issues,
    'profile.metadata.title',
  );
}
