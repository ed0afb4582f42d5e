/** Inputs of the questionnaire library's procedures (docs/templates.md). */
import { z } from 'zod';
import { SEVERITIES } from '../catalogue/types.ts';
import { KEY_PATTERN } from '../templates/schema.ts';
import { EXPORT_FORMATS } from '../templates/formats/templateFiles.ts';
import { namedEnum } from './common.ts';

const key = (what: string) => z.string({ error: `${what} is required` }).trim().regex(KEY_PATTERN, { error: `${what} must be 1 to 64 lower-case letters, digits or "-"` });
const version = z.int({ error: 'version must be a whole number' }).min(1, { error: 'version must be 1 or more' });

/**
 * Under the server's 6 MB request limit. NIST's baselines fit; its full
 * SP 800-53 catalog (about 10 MB) is imported with the command line.
 */
export const MAX_TEMPLATE_FILE_CHARS = 5 * 1024 * 1024;

export const TemplateFileInput = z.strictObject({
  content: z.string({ error: 'Choose a file to import' }).min(1, { error: 'The file is empty' }).max(MAX_TEMPLATE_FILE_CHARS, { error: 'The file is larger than 5 MB: import it with "npm run cli -- template import FILE" on the server' }),
  fileName: z.string().trim().max(255).optional(),
  /** For OSCAL files: the key of the template made (by default from the title). */
  key: key('key').optional(),
  /** For OSCAL files, which carry no severity: medium by default. */
  severity: namedEnum(SEVERITIES, 'severity').optional(),
});

export const TemplateVersionInput = z.strictObject({ key: key('key'), version });
export const TemplateRefInput = z.strictObject({ key: key('key'), version: version.optional() });
export const TemplateExportInput = z.strictObject({ key: key('key'), version: version.optional(), format: namedEnum(EXPORT_FORMATS, 'format').default('json') });
export const CreateDraftInput = z.strictObject({
  key: key('key'),
  version: version.optional(),
  /** A new template's key: copy instead of making the next version. */
  newKey: key('newKey').optional(),
  newName: z.string().trim().min(1).max(200).optional(),
});

/** The editor's whole draft; its rules are checked by parseTemplateDefinition on the server, with every problem's path. */
export const SaveDraftInput = z.strictObject({ key: key('key'), definition: z.record(z.string(), z.unknown(), { error: 'definition must be a template' }) });
