/** Questionnaire templates and their immutable published versions. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { QuestionnaireContent } from '#shared/catalogue/types.ts';
import type { TemplateContent } from '#shared/templates/schema.ts';
import type { TemplateFormat } from '#shared/templates/formats/templateFiles.ts';
import { users } from './auth.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';

export const questionnaireTemplates = sqliteTable('questionnaire_templates', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stable key: "core" and "lite" are built in. */
  key: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  builtIn: integer({ mode: 'boolean' }).notNull().default(false),
  archivedAt: timestamp(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published'] as const;

/** Where a version came from: a built-in catalogue, the editor, or an imported file. */
export type TemplateVersionSource = 'built_in' | 'editor' | TemplateFormat;

/**
 * A published version never changes: assessments point at it, so a
 * completed assessment keeps the questions and weights it was scored with.
 */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    templateId: integer()
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: 'restrict' }),
    version: integer().notNull(),
    status: text({ enum: TEMPLATE_VERSION_STATUSES }).notNull().default('draft'),
    /** Catalogue the controls were taken from, e.g. tollgate-core v1. */
    catalogueKey: text().notNull(),
    catalogueVersion: integer().notNull(),
    /**
     * The catalogue controls the version asks, by domain: what the portal,
     * the review and the scoring of assessments read today. Only a version
     * made of catalogue controls alone can be assessed until they read
     * `template` (ADR 0015).
     */
    content: text({ mode: 'json' }).$type<QuestionnaireContent>().notNull(),
    /**
     * The whole version in the template model (sections and questions,
     * docs/templates.md); null on versions stored before it existed, whose
     * `content` says everything (templateContentFromSnapshot reads it).
     */
    template: text({ mode: 'json' }).$type<TemplateContent>(),
    source: text().$type<TemplateVersionSource>(),
    /** The imported file's name, as the person who imported it named it. */
    sourceName: text(),
    /**
     * An imported OSCAL catalog, kept as it was: OSCAL profiles imported
     * later select their controls from it (docs/templates.md section 7).
     */
    sourceDocument: text({ mode: 'json' }).$type<unknown>(),
    publishedAt: timestamp(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('template_versions_template_version_uq').on(t.templateId, t.version),
    index('template_versions_status_idx').on(t.status),
  ],
);
