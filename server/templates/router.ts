/** The questionnaire library: everyone on staff reads it; admins and procurement change it. */
import { CreateDraftInput, SaveDraftInput, TemplateExportInput, TemplateFileInput, TemplateRefInput, TemplateVersionInput } from '#shared/schemas/templates.ts';
import { procurementProcedure, readProcedure, router } from '../platform/trpc.ts';
import { checkImport, createDraft, saveDraft, exportTemplateVersion, getTemplateVersionDefinition, importTemplateFile, listTemplates, publishTemplateVersion } from './library.ts';

export const templatesRouter = router({
  list: readProcedure.query(({ ctx }) => listTemplates(ctx.db)),
  /** One version as the vendor would be asked it (the newest when no version is given). */
  get: readProcedure.input(TemplateRefInput).query(({ ctx, input }) => getTemplateVersionDefinition(ctx.db, input.key, input.version)),
  export: readProcedure.input(TemplateExportInput).query(({ ctx, input }) => ({
    fileName: `${input.key}.${input.format === 'csv' ? 'csv' : 'json'}`,
    content: exportTemplateVersion(ctx.db, input.key, input.format, input.version),
  })),
  /** Reads a file as import would and writes nothing: the preview, or every problem by row or JSON path. A mutation because files are large. */
  checkImport: procurementProcedure.input(TemplateFileInput).mutation(({ ctx, input }) => checkImport(ctx.db, input)),
  /** All or nothing: a draft version, or a BAD_REQUEST whose details.issues list every problem. */
  import: procurementProcedure.input(TemplateFileInput).mutation(({ ctx, input }) => importTemplateFile(ctx.service, input)),
  publish: procurementProcedure.input(TemplateVersionInput).mutation(({ ctx, input }) => publishTemplateVersion(ctx.service, input)),
  /** The editor's save: the whole draft, all or nothing, every problem with its path in details.issues. */
  saveDraft: procurementProcedure.input(SaveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.service, input)),
  createDraft: procurementProcedure.input(CreateDraftInput).mutation(({ ctx, input }) => createDraft(ctx.service, input)),
});
