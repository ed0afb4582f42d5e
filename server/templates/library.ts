/**
 * The questionnaire library: templates and their versions as stored, and
 * what people do with them: list, import a file (all or nothing), export,
 * start a draft, publish. The rules of a template and every file format are
 * pure and live in shared/templates (docs/templates.md); this module only
 * reads and writes them, each change in one transaction with its audit entry.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import type { QuestionnaireContent, Severity } from '#shared/catalogue/types.ts';
import { templateContentFromSnapshot } from '#shared/templates/builtIn.ts';
import { parseTemplateDefinition } from '#shared/templates/validate.ts';
import { exportTemplate, importTemplate, type ExportFormat, type TemplateFormat } from '#shared/templates/formats/templateFiles.ts';
import { resolverFor, type KnownCatalog } from '#shared/templates/formats/oscalProfile.ts';
import type { TemplateIssue } from '#shared/templates/issues.ts';
import type { TemplateContent, TemplateDefinition } from '#shared/templates/schema.ts';
import { assessments, questionnaireTemplates, templateVersions } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';

type VersionRow = typeof templateVersions.$inferSelect;

/** A version's sections and questions, whichever form it was stored in. */
export function versionContent(row: Pick<VersionRow, 'content' | 'template'>): TemplateContent {
  if (row.template) return row.template;
  const parsed = templateContentFromSnapshot(row.content);
  // Stored versions were validated when written: failing here means the database was altered by hand.
  if (!parsed.ok) throw new Error(`A stored questionnaire version does not read as a template: ${parsed.issues[0]?.message ?? ''}`);
  return parsed.value;
}

/**
 * The catalogue controls a version asks, grouped by their catalogue domains:
 * what `template_versions.content` holds for the code that reads only
 * catalogue questionnaires (ADR 0021).
 */
export function catalogueView(content: TemplateContent): QuestionnaireContent {
  const controls = content.questions.flatMap((q) => (q.type === 'control' ? [q.control] : []));
  const used = new Set(controls.map((c) => c.domain));
  return { domains: CORE_CATALOGUE_V1.domains.filter((d) => used.has(d.id)), controls };
}

function templateByKey(tx: Db | Tx, key: string) {
  return tx.select().from(questionnaireTemplates).where(eq(questionnaireTemplates.key, key)).get();
}

function versionsOf(tx: Db | Tx, templateId: number) {
  return tx.select().from(templateVersions).where(eq(templateVersions.templateId, templateId)).orderBy(desc(templateVersions.version)).all();
}

const countsOf = (content: TemplateContent) => ({ questions: content.questions.length, sections: content.sections.length });

export function listTemplates(db: Db) {
  const templates = db.select().from(questionnaireTemplates).orderBy(desc(questionnaireTemplates.builtIn), questionnaireTemplates.name).all();
  const versions = db.select().from(templateVersions).orderBy(desc(templateVersions.version)).all();
  const used = new Map(
    db
      .select({ versionId: assessments.templateVersionId, n: count() })
      .from(assessments)
      .groupBy(assessments.templateVersionId)
      .all()
      .map((r) => [r.versionId, r.n]),
  );
  return templates.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    builtIn: t.builtIn,
    versions: versions
      .filter((v) => v.templateId === t.id)
      .map((v) => {
        const content = versionContent(v);
        return {
          version: v.version,
          status: v.status,
          ...countsOf(content),
          source: v.source,
          sourceName: v.sourceName,
          publishedAt: v.publishedAt,
          createdAt: v.createdAt,
          assessments: used.get(v.id) ?? 0,
        };
      }),
  }));
}

function findVersion(tx: Db | Tx, key: string, version?: number) {
  const template = templateByKey(tx, key);
  if (!template) throw notFound(`The questionnaire template "${key}"`);
  const rows = versionsOf(tx, template.id);
  const row = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  if (!row) throw notFound(`Version ${version ?? ''} of the questionnaire template "${key}"`.replace('  ', ' '));
  return { template, row };
}

/** One version as a template definition: what the preview shows and export writes. */
export function getTemplateVersionDefinition(db: Db | Tx, key: string, version?: number) {
  const { template, row } = findVersion(db, key, version);
  const content = versionContent(row);
  const definition: TemplateDefinition = { key: template.key, name: template.name, description: template.description, ...content };
  return { definition, version: row.version, status: row.status, builtIn: template.builtIn };
}

export function exportTemplateVersion(db: Db, key: string, format: ExportFormat, version?: number): string {
  return exportTemplate(getTemplateVersionDefinition(db, key, version).definition, format);
}

/** OSCAL catalogs imported before, newest first, for profiles to select from. */
function knownCatalogs(tx: Db | Tx): KnownCatalog[] {
  return tx
    .select({ document: templateVersions.sourceDocument, sourceName: templateVersions.sourceName })
    .from(templateVersions)
    .where(eq(templateVersions.source, 'oscal-catalog'))
    .orderBy(desc(templateVersions.id))
    .all()
    .map((r) => ({ document: r.document, source: r.sourceName ?? undefined }));
}

export interface ImportRequest {
  content: string;
  /** The file's name, kept with the version; OSCAL profiles may find their catalog by it. */
  fileName?: string;
  /** For OSCAL files, which carry no key: by default made from the title. */
  key?: string;
  /** For OSCAL files, which carry no severity. */
  severity?: Severity;
}

export type ImportCheck =
  | { ok: true; format: TemplateFormat; definition: TemplateDefinition; existing: { version: number; status: string; builtIn: boolean } | null }
  | { ok: false; format: TemplateFormat | null; issues: TemplateIssue[] };

/** Reads a file as an import would, without writing anything: the preview. */
export function checkImport(tx: Db | Tx, request: ImportRequest): ImportCheck {
  const { format, result } = importTemplate(request.content, { key: request.key, severity: request.severity, resolveCatalog: resolverFor(knownCatalogs(tx)) });
  if (!result.ok) return { ok: false, format, issues: result.issues };
  const template = templateByKey(tx, result.value.key);
  const latest = template ? versionsOf(tx, template.id)[0] : undefined;
  const existing = template && latest ? { version: latest.version, status: latest.status, builtIn: template.builtIn } : null;
  if (existing?.builtIn) {
    return { ok: false, format, issues: [{ path: 'key', message: `"${result.value.key}" is a built-in template, which follows the catalogue: import under another key` }] };
  }
  return { ok: true, format: format!, definition: result.value, existing };
}

/** Refuses an import with every issue found (in `details.issues`): the caller shows them row by row. */
export function importRefused(issues: TemplateIssue[], what = 'The file was not imported'): AppError {
  return new AppError('BAD_REQUEST', `${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'} found. Nothing was changed.`, { issues });
}

/**
 * Imports a template file as a draft version: a new template for a new key,
 * a new version of an existing one (replacing its draft, which no
 * assessment can have used). With `publish` the version is published at
 * once, as an operator importing a vetted file from the CLI may want.
 */
export function importTemplateFile(svc: ServiceContext, request: ImportRequest & { publish?: boolean }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const check = checkImport(tx, request);
    if (!check.ok) throw importRefused(check.issues);
    const { definition, format } = check;
    const { key, name, description, ...content } = definition;
    let template = templateByKey(tx, key);
    template ??= tx.insert(questionnaireTemplates).values({ key, name, description, builtIn: false, createdAt: now, updatedAt: now }).returning().get();
    tx.update(questionnaireTemplates).set({ name, description, updatedAt: now }).where(eq(questionnaireTemplates.id, template.id)).run();
    const row = writeDraft(tx, template.id, content, { source: format, sourceName: request.fileName ?? null, sourceDocument: format === 'oscal-catalog' ? JSON.parse(request.content.replace(/^\uFEFF/, '')) : null }, actor, now);
    recordAudit(tx, {
      actor,
      action: 'template.import',
      targetType: 'template',
      targetId: key,
      after: { version: row.version, format, fileName: request.fileName ?? null, ...countsOf(content) },
      at: now,
    });
    if (request.publish) publishRow(tx, key, row, actor, now);
    return { template: key, version: row.version, format, ...countsOf(content), status: request.publish ? ('published' as const) : ('draft' as const) };
  });
}

interface Source {
  source: VersionRow['source'];
  sourceName: string | null;
  sourceDocument: unknown;
}

/** Writes the template's draft: the newest version when it is a draft, otherwise a new version after the newest. */
function writeDraft(tx: Tx, templateId: number, content: TemplateContent, source: Source, actor: AuditActor, now: Date): VersionRow {
  const latest = versionsOf(tx, templateId)[0];
  const values = {
    content: catalogueView(content),
    template: content,
    source: source.source,
    sourceName: source.sourceName,
    sourceDocument: source.sourceDocument ?? null,
    createdBy: actor.type === 'user' ? actor.id : null,
    createdAt: now,
  };
  if (latest?.status === 'draft') {
    return tx.update(templateVersions).set(values).where(eq(templateVersions.id, latest.id)).returning().get();
  }
  return tx
    .insert(templateVersions)
    .values({ templateId, version: (latest?.version ?? 0) + 1, status: 'draft', catalogueKey: latest?.catalogueKey ?? 'tollgate-core', catalogueVersion: latest?.catalogueVersion ?? 1, ...values })
    .returning()
    .get();
}

function publishRow(tx: Tx, key: string, row: VersionRow, actor: AuditActor, now: Date) {
  tx.update(templateVersions).set({ status: 'published', publishedAt: now }).where(eq(templateVersions.id, row.id)).run();
  recordAudit(tx, { actor, action: 'template.publish', targetType: 'template', targetId: key, after: { version: row.version }, at: now });
}

/** Publishes the template's draft; procurement can then start assessments with it. */
export function publishTemplateVersion(svc: ServiceContext, input: { key: string; version: number }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const { row } = findVersion(tx, input.key, input.version);
    if (row.status === 'published') throw conflict(`Version ${row.version} of "${input.key}" is already published.`);
    publishRow(tx, input.key, row, actor, now);
    return { template: input.key, version: row.version, status: 'published' as const };
  });
}

/**
 * Starts a draft from a version: the next version of the same template, or
 * version 1 of a new template when `newKey` is given (how a built-in
 * template is adapted: built-ins follow the catalogue and are not edited).
 */
export function createDraft(svc: ServiceContext, input: { key: string; version?: number; newKey?: string; newName?: string }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const { template, row } = findVersion(tx, input.key, input.version);
    const content = versionContent(row);
    const source: Source = { source: 'editor', sourceName: null, sourceDocument: null };
    if (input.newKey === undefined || input.newKey === template.key) {
      if (template.builtIn) throw badRequest(`"${template.name}" is built in and follows the catalogue: copy it under a new key to change it.`);
      const latest = versionsOf(tx, template.id)[0]!;
      if (latest.status === 'draft') throw conflict(`"${template.name}" already has a draft (version ${latest.version}): edit or publish it first.`);
      const draft = writeDraft(tx, template.id, content, source, actor, now);
      recordAudit(tx, { actor, action: 'template.draft', targetType: 'template', targetId: template.key, after: { version: draft.version, from: row.version }, at: now });
      return { template: template.key, version: draft.version };
    }
    if (templateByKey(tx, input.newKey)) throw conflict(`A template with the key "${input.newKey}" already exists.`);
    const name = input.newName ?? `${template.name} (copy)`;
    const copy = tx.insert(questionnaireTemplates).values({ key: input.newKey, name, description: template.description, builtIn: false, createdAt: now, updatedAt: now }).returning().get();
    const draft = writeDraft(tx, copy.id, content, source, actor, now);
    recordAudit(tx, { actor, action: 'template.draft', targetType: 'template', targetId: copy.key, after: { version: draft.version, from: `${template.key} v${row.version}` }, at: now });
    return { template: copy.key, version: draft.version };
  });
}

/**
 * Saves the editor's changes to a template's draft: the whole definition,
 * checked by the same rules as an import, all or nothing. The key cannot
 * change; a published version is never edited (start a draft first).
 */
export function saveDraft(svc: ServiceContext, input: { key: string; definition: unknown }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    const template = templateByKey(tx, input.key);
    if (!template) throw notFound(`The questionnaire template "${input.key}"`);
    const latest = versionsOf(tx, template.id)[0]!;
    if (template.builtIn || latest.status !== 'draft') throw conflict(`"${template.name}" has no draft to change: start one first.`);
    const given = typeof input.definition === 'object' && input.definition !== null ? input.definition : {};
    const parsed = parseTemplateDefinition({ ...given, key: template.key });
    if (!parsed.ok) throw importRefused(parsed.issues, 'The draft was not saved');
    const { key, name, description, ...content } = parsed.value;
    tx.update(questionnaireTemplates).set({ name, description, updatedAt: now }).where(eq(questionnaireTemplates.id, template.id)).run();
    const row = writeDraft(tx, template.id, content, { source: 'editor', sourceName: null, sourceDocument: null }, actor, now);
    recordAudit(tx, { actor, action: 'template.draft_save', targetType: 'template', targetId: key, after: { version: row.version, ...countsOf(content) }, at: now });
    return { template: key, version: row.version, ...countsOf(content) };
  });
}

/**
 * The published version an assessment of this template is started with:
 * any published version can be sent, custom and conditional questions
 * included (the portal, the review and scoring read the whole template).
 */
export function assessableVersion(tx: Db | Tx, key: string) {
  const template = templateByKey(tx, key);
  if (!template) throw badRequest(`Unknown questionnaire template "${key}".`);
  const row = tx
    .select()
    .from(templateVersions)
    .where(and(eq(templateVersions.templateId, template.id), eq(templateVersions.status, 'published')))
    .orderBy(desc(templateVersions.version))
    .limit(1)
    .get();
  if (!row) throw badRequest(`"${template.name}" has no published version yet: publish it first.`);
  return row;
}
