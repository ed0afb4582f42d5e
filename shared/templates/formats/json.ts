/**
 * Tollgate template JSON ("format": "tollgate-template/1"): one template
 * version as a document (docs/templates.md). Paths in errors are JSON paths
 * into the file. A catalogue control question may leave out "control" to
 * take the catalogue's wording; export writes the frozen control in full.
 */
import { isRecord } from '../../isRecord.ts';
import { failed, type ParseResult, type TemplateIssue } from '../issues.ts';
import type { TemplateDefinition } from '../schema.ts';
import { parseTemplateDefinition } from '../validate.ts';
import { builtInControls, catalogueMismatchMessage, differencesFromCatalogue, unknownControlMessage, type ControlLookup } from './catalogueControls.ts';
import { controlSnapshot } from '../builtIn.ts';

export const TEMPLATE_JSON_FORMAT = 'tollgate-template/1';

export interface JsonImportOptions {
  findControl?: ControlLookup;
}

export function parseTemplateJson(document: unknown, options: JsonImportOptions = {}): ParseResult<TemplateDefinition> {
  const findControl = options.findControl ?? builtInControls;
  if (!isRecord(document)) return failed([{ path: '', message: 'A Tollgate template is a JSON object' }]);
  const { format, ...definition } = document;
  if (format !== TEMPLATE_JSON_FORMAT) {
    const message =
      typeof format === 'string' && format.startsWith('tollgate-template/')
        ? `This file is in the format "${format}", which this version of Tollgate cannot read; it reads "${TEMPLATE_JSON_FORMAT}"`
        : `"format" must be "${TEMPLATE_JSON_FORMAT}"`;
    return failed([{ path: 'format', message }]);
  }

  const issues: TemplateIssue[] = [];
  // A control question that names its control by id alone takes the catalogue's control.
  if (Array.isArray(definition.questions)) {
    definition.questions = definition.questions.map((q: unknown, i) => {
      if (!isRecord(q) || q.type !== 'control' || q.control !== undefined || typeof q.id !== 'string') return q;
      const control = findControl(q.id.trim());
      if (!control) issues.push({ path: `questions[${i}].id`, message: unknownControlMessage(q.id) });
      return control ? { ...q, control: controlSnapshot(control) } : q;
    });
  }
  if (issues.length) return failed(issues);

  const parsed = parseTemplateDefinition(definition);
  if (!parsed.ok) return parsed;
  // A frozen control in the file must be the catalogue's: only its weight is the template's to change.
  const inputIndex = new Map((definition.questions as Record<string, unknown>[]).map((q, i) => [String(q.id).trim(), i]));
  for (const q of parsed.value.questions) {
    if (q.type !== 'control') continue;
    const at = `questions[${inputIndex.get(q.id) ?? 0}].control`;
    const control = findControl(q.id);
    if (!control) issues.push({ path: at, message: unknownControlMessage(q.id) });
    else {
      const differences = differencesFromCatalogue(q.control, control);
      if (differences.length) issues.push({ path: at, message: catalogueMismatchMessage(q.id, differences) });
    }
  }
  return issues.length ? failed(issues) : parsed;
}

export function exportTemplateJson(template: TemplateDefinition): string {
  return `${JSON.stringify({ format: TEMPLATE_JSON_FORMAT, ...template }, null, 2)}\n`;
}
