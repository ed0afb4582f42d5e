/**
 * Template files in and out. The format of an import is told from the
 * content, not the file name: a JSON object with "format":
 * "tollgate-template/1", an OSCAL catalog ({"catalog": ...}) or profile
 * ({"profile": ...}); anything else is read as CSV. All or nothing: the
 * result is a validated template or every issue found, with its path.
 */
import { failed, type ParseResult } from '../issues.ts';
import type { TemplateDefinition } from '../schema.ts';
import type { ControlLookup } from './catalogueControls.ts';
import { exportTemplateCsv, parseTemplateCsv } from './csv.ts';
import { exportTemplateJson, parseTemplateJson } from './json.ts';
import { parseOscalCatalog, type OscalImportOptions } from './oscalCatalog.ts';
import { parseOscalProfile, type CatalogResolver } from './oscalProfile.ts';

export const TEMPLATE_FORMATS = ['tollgate-json', 'csv', 'oscal-catalog', 'oscal-profile'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];
export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface TemplateImportOptions extends OscalImportOptions {
  /** Catalogue controls by id, for control questions; the built-in catalogue by default. */
  findControl?: ControlLookup;
  /** Catalogs imported before, for OSCAL profiles; without one every profile's catalog is unknown. */
  resolveCatalog?: CatalogResolver;
}

export interface TemplateImport {
  /** The format the content was read as; null when it could not be told. */
  format: TemplateFormat | null;
  result: ParseResult<TemplateDefinition>;
}

const OTHER_OSCAL_MODELS = ['system-security-plan', 'component-definition', 'assessment-plan', 'assessment-results', 'plan-of-action-and-milestones', 'mapping-collection'];

type Detected = { format: TemplateFormat; json?: unknown } | { format: null; message: string };

export function detectTemplateFormat(content: string): Detected {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return { format: null, message: 'The file is empty' };
  if (text.startsWith('<')) return { format: null, message: 'XML is not read: use the JSON form of the OSCAL document, a Tollgate template JSON or a CSV' };
  if (!text.startsWith('{') && !text.startsWith('[')) return { format: 'csv' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { format: null, message: `The file is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    if (typeof record.format === 'string' && record.format.startsWith('tollgate-template/')) return { format: 'tollgate-json', json };
    if ('catalog' in record) return { format: 'oscal-catalog', json };
    if ('profile' in record) return { format: 'oscal-profile', json };
    const other = OTHER_OSCAL_MODELS.find((m) => m in record);
    if (other) return { format: null, message: `An OSCAL ${other.replace(/-/g, ' ')} is not a questionnaire: import an OSCAL catalog or profile` };
  }
  return {
    format: null,
    message: 'This JSON is not a template: expected a Tollgate template ("format": "tollgate-template/1"), an OSCAL catalog or an OSCAL profile',
  };
}

export function importTemplate(content: string, options: TemplateImportOptions = {}): TemplateImport {
  const detected = detectTemplateFormat(content);
  if (detected.format === null) return { format: null, result: failed([{ path: '', message: detected.message }]) };
  const oscal = { key: options.key, severity: options.severity };
  switch (detected.format) {
    case 'csv':
      return { format: 'csv', result: parseTemplateCsv(content, { findControl: options.findControl }) };
    case 'tollgate-json':
      return { format: 'tollgate-json', result: parseTemplateJson(detected.json, { findControl: options.findControl }) };
    case 'oscal-catalog':
      return { format: 'oscal-catalog', result: parseOscalCatalog(detected.json, oscal) };
    case 'oscal-profile':
      return { format: 'oscal-profile', result: parseOscalProfile(detected.json, options.resolveCatalog ?? (() => undefined), oscal) };
  }
}

export function exportTemplate(template: TemplateDefinition, format: ExportFormat): string {
  return format === 'csv' ? exportTemplateCsv(template) : exportTemplateJson(template);
}
