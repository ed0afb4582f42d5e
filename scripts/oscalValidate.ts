/**
 * npm run oscal:validate -- SCHEMA_FILE [DOCUMENT.json ...]
 *
 * Checks OSCAL assessment-results documents against a JSON schema file,
 * with ajv: the published NIST schema of the version the documents declare
 * (see docs/oscal.md for where to get it; it is not kept in this repository,
 * ADR 0034). Given documents (files downloaded from Tollgate), it checks
 * those. Given none, it seeds the demo portfolio into a temporary database
 * and checks the export of every completed assessment in it, so one command
 * covers every shape the demo data gives: failed questions with and without
 * evidence, open, accepted and verified risks.
 *
 * Prints one line per document and every schema error found; exits 1 if
 * any document fails, 2 if the command was used wrongly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { assessments } from '../drizzle/schema/index.ts';
import { migrateDatabase, openDatabase } from '../server/platform/db/database.ts';
import { useAuditKey } from '../server/platform/audit/auditTrail.ts';
import { seedDemoPortfolio } from '../server/seed/seedDemo.ts';
import { buildOscalResults } from '../server/assessments/index.ts';

// ajv-formats is CommonJS: under Node's ESM loader its plugin is the module's `default` property.
const addFormats = ajvFormats.default;

const [schemaFile, ...documentFiles] = process.argv.slice(2);
if (!schemaFile) {
  process.stderr.write('Usage: npm run oscal:validate -- SCHEMA_FILE [DOCUMENT.json ...]\n');
  process.exit(2);
}

const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id?: string; $schema?: string };
// The schema is draft-07 with Unicode classes (\p{L}) in its patterns: ajv's default unicodeRegExp compiles them with the u flag.
// strict: false because the schema is NIST's, not ours to lint; allErrors so one run lists every problem.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
process.stdout.write(`Schema: ${schemaFile} (${schema.$id ?? 'no $id'}, ${schema.$schema ?? 'no $schema'})\n`);

function documents(): { label: string; document: unknown }[] {
  if (documentFiles.length) return documentFiles.map((file) => ({ label: file, document: JSON.parse(readFileSync(file, 'utf8')) as unknown }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-oscal-'));
  try {
    const db = openDatabase(path.join(dir, 'demo.sqlite'));
    useAuditKey(db, 'oscal-validate-demo-key-'.padEnd(48, 'x'));
    migrateDatabase(db);
    seedDemoPortfolio(db, { now: new Date() });
    const completed = db.select({ id: assessments.id }).from(assessments).where(eq(assessments.status, 'completed')).all();
    const out = completed.map(({ id }) => ({ label: `demo assessment ${id}`, document: JSON.parse(JSON.stringify(buildOscalResults(db, id, { publicUrl: 'https://tollgate.example' }))) as unknown }));
    db.$client.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeError = (e: ErrorObject) => `  ${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`;

let failed = 0;
const all = documents();
for (const { label, document } of all) {
  const results = (document as { 'assessment-results'?: { metadata?: { 'oscal-version'?: string }; results?: { findings?: unknown[]; observations?: unknown[]; risks?: unknown[] }[] } })['assessment-results'];
  const counts = results?.results?.[0];
  const summary = `oscal-version ${results?.metadata?.['oscal-version'] ?? '?'}, ${counts?.findings?.length ?? 0} findings, ${counts?.observations?.length ?? 0} observations, ${counts?.risks?.length ?? 0} risks`;
  if (validate(document)) {
    process.stdout.write(`valid    ${label} (${summary})\n`);
  } else {
    failed++;
    process.stdout.write(`INVALID  ${label} (${summary})\n${(validate.errors ?? []).map(describeError).join('\n')}\n`);
  }
}
process.stdout.write(`${all.length - failed} of ${all.length} documents valid against ${schema.$id ?? schemaFile}\n`);
process.exit(failed ? 1 : 0);
