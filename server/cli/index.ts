/**
 * Operator commands, run on the server's machine against its DATA_DIR:
 *   npm run cli -- user create --email E --role R [--name N]
 *   npm run cli -- audit verify [--checkpoint ID:HASH]
 *   npm run cli -- audit checkpoint
 *   npm run cli -- template import FILE [--key KEY] [--severity S] [--publish]
 *   npm run cli -- template export KEY [--format json|csv] [--version N]
 *   npm run cli -- backup DEST | backup --verify SRC | restore SRC   (server/cli/backup.ts)
 * Exit codes: 0 done, 1 failed (e.g. the audit log does not verify), 2 usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '#shared/statuses.ts';
import { createAuth, createUser } from '../accounts/index.ts';
import { templateExport, templateImport } from '../templates/index.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/dataDirLock.ts';
import { checkDatabaseVersion, StartupProblem } from '../platform/startupChecks.ts';
import { migrateDatabase, openDatabase, MIGRATIONS_FOLDER } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { auditEvents } from '../../drizzle/schema/index.ts';
import { AUDIT_KEY_FILE, loadOrCreateAuditKey, loadOrCreateAuthSecret } from '../platform/secrets.ts';
import { formatCheckpoint, parseCheckpoint, prepareAuditChain, useAuditKey, verifyAuditChain, type ChainCheck, type Checkpoint } from '../platform/audit/auditTrail.ts';
import { BackupError, createBackup, restoreBackup, verifyBackup } from './backup.ts';

const USAGE = `Usage:
  npm run cli -- user create --email EMAIL --role ${STAFF_ROLES.join('|')} [--name NAME]
  npm run cli -- audit verify [--checkpoint ID:HASH]
  npm run cli -- audit checkpoint
  npm run cli -- template import FILE [--key KEY] [--severity low|medium|high|critical] [--publish]
  npm run cli -- template export KEY [--format json|csv] [--version N]
  npm run cli -- backup DEST          (a consistent copy while the server runs, into a new directory)
  npm run cli -- backup --verify SRC  (checks a backup without restoring it)
  npm run cli -- restore SRC          (into an empty DATA_DIR)`;

const KEY_HINT = 'Run this command with the audit key the server uses (AUDIT_KEY, or DATA_DIR/audit-key); if it does, the log was altered: run "audit verify".';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function open() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const db = openDatabase(config.databaseFile);
  try {
    // An older CLI must not write to a database a newer server has migrated.
    checkDatabaseVersion(db, config.dataDir, MIGRATIONS_FOLDER);
  } catch (error) {
    db.$client.close();
    if (error instanceof StartupProblem) fail(error.message);
    throw error;
  }
  migrateDatabase(db);
  const keyFile = path.join(config.dataDir, AUDIT_KEY_FILE);
  if (!config.auditKey && !existsSync(keyFile) && db.select({ id: auditEvents.id }).from(auditEvents).limit(1).get()) {
    // A log without its key: generating a new one here would sign entries no one can check against the server's.
    db.$client.close();
    fail(`There is no audit key: neither AUDIT_KEY nor ${keyFile} is set, yet the audit log has entries. Set AUDIT_KEY as the server does, or start the server once.`);
  }
  useAuditKey(db, loadOrCreateAuditKey(config.dataDir, config.auditKey));
  const chain = prepareAuditChain(db, new Date());
  if (chain.state === 'sealed') process.stderr.write(`Sealed ${chain.legacyEntries} earlier audit entries, hashed without a key, under the audit key.\n`);
  return { config, db, chain };
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email) fail(`--email is required.\n${USAGE}`, 2);
  if (!values.role || !(STAFF_ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${STAFF_ROLES.join(', ')}.`, 2);
  const { config, db, chain } = open();
  if (chain.state === 'unverified') {
    db.$client.close();
    // An entry signed with the wrong key would break the chain for good: stop while someone can fix the setting.
    fail(`The newest audit entry (#${chain.lastId}) does not verify with this audit key, so nothing was written. ${KEY_HINT}`);
  }
  const auth = createAuth(db, { publicUrl: config.publicUrl, secret: loadOrCreateAuthSecret(config.dataDir, config.authSecret), smtpUrl: config.smtpUrl });
  try {
    const { setPasswordUrl } = await createUser(
      { db, auth, publicUrl: config.publicUrl, mail: { smtpUrl: config.smtpUrl } },
      { email: values.email, name: values.name ?? values.email.split('@')[0]!, role: values.role as StaffRole },
      { type: 'system', id: null, label: 'Command line' },
    );
    console.log(`Created ${values.email} (${values.role}). One-time link to set the password, valid 24 hours:\n  ${setPasswordUrl}`);
  } catch (error) {
    if (error instanceof AppError) fail(error.message);
    // Creating a user is one transaction: whatever failed, nothing of it was kept, and the same command can be run again.
    fail(`${values.email} was not created, and nothing of it was written: ${error instanceof Error ? error.message : String(error)}. Run the same command again once that is fixed.`);
  } finally {
    db.$client.close();
  }
}

function describeFailure(result: Extract<ChainCheck, { ok: false }>): string {
  if (result.brokenAt === null) return `Audit log incomplete: ${result.reason}.`;
  const hint = result.reason.includes('keyed hash') ? `\nIf nobody altered the log, this command may be using another audit key than the server: set AUDIT_KEY, or DATA_DIR, as the server does.` : '';
  return `Audit chain broken at entry #${result.brokenAt}: ${result.reason}.${hint}`;
}

function auditVerify(args: string[]) {
  const { values } = parseArgs({ args, options: { checkpoint: { type: 'string' } }, strict: true });
  let checkpoint: Checkpoint | undefined;
  if (values.checkpoint !== undefined) {
    checkpoint = parseCheckpoint(values.checkpoint) ?? fail(`--checkpoint must be what "audit checkpoint" printed: ID:HASH (64 hex digits).\n${USAGE}`, 2);
  }
  const { db } = open();
  const result = verifyAuditChain(db, { checkpoint });
  db.$client.close();
  if (!result.ok) fail(describeFailure(result));
  const legacy = result.legacyEntries ? ` (the first ${result.legacyEntries} were written before the log was keyed, and are held by the first keyed entry)` : '';
  console.log(`Audit chain intact: ${result.entries} entries checked${legacy}.`);
  if (checkpoint) console.log(`It still reaches the checkpoint at entry #${checkpoint.id}.`);
}

function auditCheckpoint(args: string[]) {
  parseArgs({ args, options: {}, strict: true });
  const { db } = open();
  const result = verifyAuditChain(db);
  db.$client.close();
  // A checkpoint of a log that does not verify would vouch for whatever was done to it.
  if (!result.ok) fail(`${describeFailure(result)}\nNo checkpoint was printed.`);
  process.stderr.write(
    `Audit checkpoint at entry #${result.last.id} (${result.entries} entries). Keep it somewhere this server cannot write, and check the log against it later with:\n` +
      `  npm run cli -- audit verify --checkpoint ${formatCheckpoint(result.last)}\n`,
  );
  // Only the checkpoint on standard output, so `> file` keeps just it.
  console.log(formatCheckpoint(result.last));
}

function configOrFail() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function backup(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: { verify: { type: 'string' } }, allowPositionals: true, strict: true });
  const config = configOrFail();
  if (values.verify !== undefined) {
    const src = path.resolve(values.verify);
    const { problems, manifest } = verifyBackup(src, config.auditKey);
    if (problems.length || !manifest) fail(`The backup in ${src} is NOT sound:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    console.log(`The backup in ${src} is sound: taken ${manifest.createdAt}; database ${manifest.database.sizeBytes} bytes, integrity and references checked; ${manifest.evidence.length} evidence files match their hashes; audit chain of ${manifest.auditChain.entries} entries verifies.`);
    return;
  }
  if (positionals.length !== 1) fail(`Say where to put the backup: a new or empty directory.\n${USAGE}`, 2);
  const dest = path.resolve(positionals[0]!);
  const manifest = await createBackup(config.dataDir, dest, config.auditKey);
  console.log(
    `Backed up DATA_DIR ${config.dataDir} to ${dest}: database ${manifest.database.sizeBytes} bytes, ${manifest.evidence.length} evidence files, audit chain of ${manifest.auditChain.entries} entries (checkpoint ${manifest.auditChain.checkpoint ?? 'none'}).\n` +
      'It holds the keys too: keep it as safe as the server, and copy it off this machine.',
  );
}

function restore(args: string[]) {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) fail(`Say which backup to restore.\n${USAGE}`, 2);
  const config = configOrFail();
  const manifest = restoreBackup(path.resolve(positionals[0]!), config.dataDir, config.auditKey);
  console.log(`Restored the backup taken ${manifest.createdAt} into DATA_DIR ${config.dataDir}: ${manifest.evidence.length} evidence files, audit chain of ${manifest.auditChain.entries} entries. Start the server on it.`);
}

const [group, command, ...rest] = process.argv.slice(2);
try {
  if (group === 'template' && command === 'import') templateImport(rest, { open, fail, usage: USAGE, keyHint: KEY_HINT });
  else if (group === 'template' && command === 'export') templateExport(rest, { open, fail, usage: USAGE, keyHint: KEY_HINT });
  else if (group === 'user' && command === 'create') await userCreate(rest);
  else if (group === 'audit' && command === 'verify') auditVerify(rest);
  else if (group === 'audit' && command === 'checkpoint') auditCheckpoint(rest);
  else if (group === 'backup') await backup(process.argv.slice(3));
  else if (group === 'restore') restore(process.argv.slice(3));
  else fail(USAGE, group ? 2 : 0);
} catch (error) {
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) fail(`${error.message}\n${USAGE}`, 2);
  if (error instanceof BackupError || error instanceof DataDirLockedError) fail(error.message);
  throw error;
}
