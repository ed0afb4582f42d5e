/**
 * Built-in questionnaire templates. At start-up each built-in template gets
 * a published version frozen from the current catalogue; a new catalogue
 * version publishes a new template version and never edits an old one.
 */
import { and, desc, eq } from 'drizzle-orm';
import { CORE_CATALOGUE_V1 } from '../../shared/catalogue/coreV1.ts';
import { BUILT_IN_TEMPLATES, type BuiltInTemplateKey } from '../../shared/catalogue/templates.ts';
import type { QuestionnaireContent } from '../../shared/catalogue/types.ts';
import { questionnaireTemplates, templateVersions } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';

function contentFor(key: BuiltInTemplateKey): QuestionnaireContent {
  const controls = [...BUILT_IN_TEMPLATES[key].controls];
  const usedDomains = new Set(controls.map((c) => c.domain));
  return { domains: CORE_CATALOGUE_V1.domains.filter((d) => usedDomains.has(d.id)), controls };
}

export function ensureBuiltInTemplates(db: Db, now = new Date()): void {
  db.transaction((tx) => {
    for (const template of Object.values(BUILT_IN_TEMPLATES)) {
      let row = tx.select().from(questionnaireTemplates).where(eq(questionnaireTemplates.key, template.key)).get();
      row ??= tx
        .insert(questionnaireTemplates)
        .values({ key: template.key, name: template.name, description: template.description, builtIn: true })
        .returning()
        .get();
      const latest = tx
        .select()
        .from(templateVersions)
        .where(eq(templateVersions.templateId, row.id))
        .orderBy(desc(templateVersions.version))
        .limit(1)
        .get();
      const upToDate =
        latest?.catalogueKey === CORE_CATALOGUE_V1.key && latest.catalogueVersion >= CORE_CATALOGUE_V1.version;
      if (upToDate) continue;
      tx.insert(templateVersions)
        .values({
          templateId: row.id,
          version: (latest?.version ?? 0) + 1,
          status: 'published',
          catalogueKey: CORE_CATALOGUE_V1.key,
          catalogueVersion: CORE_CATALOGUE_V1.version,
          content: contentFor(template.key),
          publishedAt: now,
        })
        .run();
    }
  });
}

/** The newest published version of a template, which new assessments use. */
export function latestPublishedVersion(tx: Db | Tx, templateKey: string) {
  const row = tx
    .select({ version: templateVersions })
    .from(templateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .where(and(eq(questionnaireTemplates.key, templateKey), eq(templateVersions.status, 'published')))
    .orderBy(desc(templateVersions.version))
    .limit(1)
    .get();
  if (!row) throw notFound(`The questionnaire template "${templateKey}"`);
  return row.version;
}

export function getTemplateVersion(tx: Db | Tx, id: number) {
  const row = tx.select().from(templateVersions).where(eq(templateVersions.id, id)).get();
  if (!row) throw notFound('The questionnaire version');
  return row;
}
