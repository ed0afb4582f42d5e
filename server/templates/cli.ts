/**
 * `npm run cli -- template import|export`: the questionnaire library from
 * the server's machine, for files too large for the browser (NIST's full
 * catalog) and for scripts. Import prints one JSON object on its last line;
 * a file with problems exits 1 naming each row or JSON path at fault and
 * changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '#shared/catalogue/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '#shared/templates/formats/templateFiles.ts';
import { KEY_PATTERN } from '#shared/templates/schema.ts';
import type { TemplateIssue } from '#shared/templates/issues.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { ensureBuiltInTemplates } from './questionnaires.ts';
import { exportTemplateVersion, importTemplateFile } from './library.ts';

interface CliTools {
  open: () => { db: Db; chain: { state: string; lastId?: number | null } };
  fail: (message: string, code?: number) => never;
  usage: string;
  keyHint: string;
}

const COMMAND_LINE = { type: 'system' as const, id: null, label: 'Command line' };

function describeIssue(issue: TemplateIssue): string {
  return issue.path ? `  ${issue.path}: ${issue.message}` : `  ${issue.message}`;
}

export function templateImport(args: string[], cli: CliTools) {
  const { values, positionals } = parseArgs({
    args,
    options: { key: { type: 'string' }, severity: { type: 'string' }, publish: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) cli.fail(`Name one file to import.\n${cli.usage}`, 2);
  if (values.key !== undefined && !KEY_PATTERN.test(values.key)) cli.fail('--key must be 1 to 64 lower-case letters, digits or "-".', 2);
  if (values.severity !== undefined && !(SEVERITIES as readonly string[]).includes(values.severity)) cli.fail(`--severity must be one of ${SEVERITIES.join(', ')}.`, 2);
  const file = positionals[0]!;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    cli.fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const { db, chain } = cli.open();
  try {
    if (chain.state === 'unverified') cli.fail(`The newest audit entry (#${chain.lastId}) does not verify with this audit key, so nothing was imported. ${cli.keyHint}`);
    // The built-in keys must exist before a file can be refused for taking one.
    ensureBuiltInTemplates(db);
    const result = importTemplateFile({ db, actor: COMMAND_LINE, now: new Date(), mail: { smtpUrl: null }, publicUrl: '' }, { content, fileName: path.basename(file), key: values.key, severity: values.severity as Severity | undefined, publish: values.publish });
    process.stderr.write(`Imported ${result.format} file ${path.basename(file)} as "${result.template}" version ${result.version} (${result.status}).\n`);
    console.log(JSON.stringify({ template: result.template, version: result.version, questions: result.questions, sections: result.sections }));
  } catch (error) {
    if (error instanceof AppError) {
      const issues = (error.details as { issues?: TemplateIssue[] } | undefined)?.issues ?? [];
      cli.fail([error.message, ...issues.map(describeIssue)].join('\n'));
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

export function templateExport(args: string[], cli: CliTools) {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, version: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) cli.fail(`Name one template key to export.\n${cli.usage}`, 2);
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) cli.fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`, 2);
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) cli.fail('--version must be a whole number from 1.', 2);
  const { db } = cli.open();
  try {
    ensureBuiltInTemplates(db);
    process.stdout.write(exportTemplateVersion(db, positionals[0]!, values.format as ExportFormat, version));
  } catch (error) {
    if (error instanceof AppError) cli.fail(error.message);
    throw error;
  } finally {
    db.$client.close();
  }
}
