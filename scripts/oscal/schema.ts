/**
 * Checking a document against NIST's published OSCAL assessment-results
 * JSON schema, with ajv: one home for the ajv settings, used by
 * `npm run oscal:validate` and by tests/integration/oscalExport.test.ts.
 *
 * The schema of the version the export declares (1.2.0) is kept, unchanged
 * and pinned by its SHA-256, under tests/fixtures/oscal/ (ADR 0034).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';

export const PUBLISHED_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../tests/fixtures/oscal/oscal_assessment-results_schema-1.2.0.json');
/** SHA-256 of the file as published; a copy that differs is not the published schema. */
export const PUBLISHED_SCHEMA_SHA256 = 'b8f1ddec3c6640558b6e0b8819e439d0802d16e2ee926a28416c69bb9b93f116';

// ajv-formats is CommonJS: under Node's ESM loader its plugin is the module's `default` property.
const addFormats = ajvFormats.default;

export interface SchemaCheck {
  /** The schema's $id and $schema, to say what a document was checked against. */
  id: string;
  draft: string;
  /** Every problem found in a document (JSON pointer and message); empty when it is valid. */
  problems(document: unknown): string[];
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function oscalSchemaCheck(schemaFile = PUBLISHED_SCHEMA_FILE): SchemaCheck {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id?: string; $schema?: string };
  // The schema is draft-07 with Unicode classes (\p{L}) in its patterns: ajv's default unicodeRegExp compiles them with the u flag.
  // strict: false because the schema is NIST's, not ours to lint; allErrors so one run lists every problem.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const describe = (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`;
  return {
    id: schema.$id ?? 'no $id',
    draft: schema.$schema ?? 'no $schema',
    problems: (document) => (validate(document) ? [] : (validate.errors ?? []).map(describe)),
  };
}
