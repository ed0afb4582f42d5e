/**
 * npm run oscal:validate -- [--schema SCHEMA_FILE] [DOCUMENT.json ...]
 *
 * Checks OSCAL assessment-results documents against a JSON schema file,
 * with ajv: by default NIST's published schema of the version the export
 * declares, kept in tests/fixtures/oscal/ (ADR 0034); --schema names
 * another (a newer release, to see what moving to it would take). Given
 * documents (files downloaded from Tollgate), it checks those. Given none, it seeds the demo portfolio into a temporary database
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
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { assessments } from '../../drizzle/schema/index.ts';
import { migrateDatabase, openDatabase } from '../../server/platform/db/database.ts';
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { seedDemoPortfolio } from '../../server/seed/seedDemo.ts';
import { buildOscalResults } from '../../server/assessments/index.ts';
import { oscalSchemaCheck, PUBLISHED_SCHEMA_FILE } from './schema.ts';

let parsed: ReturnType<typeof parseArgs<{ options: { schema: { type: 'string' } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: { schema: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: npm run oscal:validate -- [--schema SCHEMA_FILE] [DOCUMENT.json ...]\n`);
  process.exit(2);
}
const schemaFile = parsed.values.schema ?? PUBLISHED_SCHEMA_FILE;
const documentFiles = parsed.positionals;
const check = oscalSchemaCheck(schemaFile);
process.stdout.write(`Schema: ${schemaFile} (${check.id}, ${check.draft})\n`);

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

let failed = 0;
const all = documents();
for (const { label, document } of all) {
  const results = (document as { 'assessment-results'?: { metadata?: { 'oscal-version'?: string }; results?: { findings?: unknown[]; observations?: unknown[]; risks?: unknown[] }[] } })['assessment-results'];
  const counts = results?.results?.[0];
  const summary = `oscal-version ${results?.metadata?.['oscal-version'] ?? '?'}, ${counts?.findings?.length ?? 0} findings, ${counts?.observations?.length ?? 0} observations, ${counts?.risks?.length ?? 0} risks`;
  const problems = check.problems(document);
  if (problems.length === 0) {
    process.stdout.write(`valid    ${label} (${summary})\n`);
  } else {
    failed++;
    process.stdout.write(`INVALID  ${label} (${summary})\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  }
}
process.stdout.write(`${all.length - failed} of ${all.length} documents valid against ${check.id}\n`);
process.exit(failed ? 1 : 0);
