/**
 * Operator commands, run on the server's machine against its DATA_DIR:
 *   npm run cli -- user create --email E --role R [--name N]
 *   npm run cli -- audit verify
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../../shared/statuses.ts';
import { createAuth } from '../auth/betterAuth.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { loadOrCreateAuthSecret } from '../secrets.ts';
import { verifyAuditChain } from '../services/audit.ts';
import { createUser } from '../services/users.ts';

const USAGE = `Usage:
  npm run cli -- user create --email EMAIL --role ${STAFF_ROLES.join('|')} [--name NAME]
  npm run cli -- audit verify`;

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
  migrateDatabase(db);
  return { config, db };
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email) fail(`--email is required.\n${USAGE}`, 2);
  if (!values.role || !(STAFF_ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${STAFF_ROLES.join(', ')}.`, 2);
  const { config, db } = open();
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
    throw error;
  } finally {
    db.$client.close();
  }
}

function auditVerify() {
  const { db } = open();
  const result = verifyAuditChain(db);
  db.$client.close();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.entries} entries checked.`);
    return;
  }
  fail(`Audit chain broken at entry #${result.brokenAt}: ${result.reason}.`);
}

const [group, command, ...rest] = process.argv.slice(2);
try {
  if (group === 'user' && command === 'create') await userCreate(rest);
  else if (group === 'audit' && command === 'verify') auditVerify();
  else fail(USAGE, group ? 2 : 0);
} catch (error) {
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) fail(`${error.message}\n${USAGE}`, 2);
  throw error;
}
