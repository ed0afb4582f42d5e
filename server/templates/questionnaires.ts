/**
 * Built-in questionnaire templates. At start-up each built-in template gets
 * a published version frozen from the current catalogue; a new catalogue
 * version publishes a new template version and never edits an old one.
 */
import { and, desc, eq } from 'drizzle-orm';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { BUILT_IN_TEMPLATES } from '#shared/catalogue/templates.ts';
import { builtInQuestionnaire, templateContentFromQuestionnaire } from '#shared/templates/builtIn.ts';
import { questionnaireTemplates, templateVersions } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';

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
      const questionnaire = builtInQuestionnaire(template.key);
      tx.insert(templateVersions)
        .values({
          templateId: row.id,
          version: (latest?.version ?? 0) + 1,
          status: 'published',
          catalogueKey: CORE_CATALOGUE_V1.key,
          catalogueVersion: CORE_CATALOGUE_V1.version,
          content: questionnaire,
          template: templateContentFromQuestionnaire(questionnaire),
          source: 'built_in',
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
