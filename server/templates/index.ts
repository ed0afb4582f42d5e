/** The templates module's public entry: other modules and the composition root import only from here. */
export { ensureBuiltInTemplates, getTemplateVersion, latestPublishedVersion } from './questionnaires.ts';
export { templateExport, templateImport } from './cli.ts';
export { assessableVersion } from './library.ts';
export { templatesRouter } from './router.ts';
