/**
 * Start-up: validate configuration, make DATA_DIR private to the server's
 * user (files 0600, directories 0700), check it is writable with room to
 * spare, lock it against a second server, check the port is free, open the
 * database (refusing one from a newer version) and migrate it, load
 * the audit key (sealing a log written before keyed hashes), make
 * sure the built-in questionnaires exist, on the very first start seed the
 * demo portfolio (printing its users' generated passwords once), seed the
 * organisation's name from the environment if none is stored, print a
 * one-time setup link while no user exists, listen, and only then start
 * the scheduled jobs (monthly risk snapshots, clearing unused evidence
 * files, erasing delivered email texts, reminders); serve until SIGTERM or
 * SIGINT, which shut down gracefully (server/platform/shutdown.ts).
 */
import { eq } from 'drizzle-orm';
import { settings } from '../drizzle/schema/index.ts';
import { buildApp } from './app.ts';
import { createAuth, assignDemoPasswords, createSetupLink } from './accounts/index.ts';
import { registerTestClockRoute, testClockFromEnv } from './platform/http/testClockRoutes.ts';
import { freePort } from './platform/http/freePort.ts';
import { ConfigError, loadConfig, type AppConfig } from './platform/config.ts';
import { prepareDataDir, usePrivateFileModes } from './platform/dataDir.ts';
import { migrateDatabase, openDatabase, MIGRATIONS_FOLDER } from './platform/db/database.ts';
import { FIRST_RUN_DELAY_MS, startScheduledJobs, runDueJobs } from './jobs.ts';
import { startMailDelivery } from './platform/mail/outbox.ts';
import { DataDirLockedError, lockDataDir } from './platform/dataDirLock.ts';
import { assertPortFree, PortInUseError } from './platform/portCheck.ts';
import { shutDownGracefully } from './platform/shutdown.ts';
import { checkDatabaseVersion, checkDataDirWritable, describeStartupError } from './platform/startupChecks.ts';
import { loadOrCreateAuditKey, loadOrCreateAuthSecret } from './platform/secrets.ts';
import { seedDemoPortfolio } from './seed/seedDemo.ts';
import { prepareAuditChain, useAuditKey } from './platform/audit/auditTrail.ts';
import { DEMO_ORGANISATION } from './seed/users.ts';
import { backfillVendorRisk } from './risk/index.ts';
import { seedOrganisation } from './platform/settings.ts';
import { ensureBuiltInTemplates } from './templates/index.ts';

const FIRST_START_KEY = 'initialised_at';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Runs a start-up step; a problem with DATA_DIR (or another server on it, or
 * the port taken) stops the server with its plain message, no stack trace.
 */
async function startupStage<T>(dataDir: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const message = error instanceof DataDirLockedError || error instanceof PortInUseError ? error.message : describeStartupError(error, dataDir);
    if (message === null) throw error;
    console.error(`Tollgate did not start. ${message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  usePrivateFileModes();
  let config = readConfig();
  if (config.port === 0) {
    const port = await freePort(config.host);
    config = { ...config, port, publicUrl: process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}` };
  }

  // Before anything is written: DATA_DIR usable, ours alone, and the port free (so a clash fails before migrations or jobs).
  const { db, lock } = await startupStage(config.dataDir, async () => {
    prepareDataDir(config.dataDir, config.uploadsDir);
    checkDataDirWritable(config.dataDir);
    const held = lockDataDir(config.dataDir);
    try {
      await assertPortFree(config.host, config.port);
      const opened = openDatabase(config.databaseFile);
      checkDatabaseVersion(opened, config.dataDir, MIGRATIONS_FOLDER);
      migrateDatabase(opened);
      return { db: opened, lock: held };
    } catch (error) {
      held.release();
      throw error;
    }
  });
  const now = new Date();
  useAuditKey(db, loadOrCreateAuditKey(config.dataDir, config.auditKey));
  const chain = prepareAuditChain(db, now);
  if (chain.state === 'sealed') console.log(`Audit log: ${chain.legacyEntries} earlier entries, hashed without a key, are now sealed under the audit key.`);
  if (chain.state === 'unverified') {
    console.warn(`Warning: the newest audit entry (#${chain.lastId}) does not verify with this audit key: the key changed, or the log was altered. Run: npm run cli -- audit verify`);
  }
  ensureBuiltInTemplates(db, now);
  backfillVendorRisk(db, now);
  const auth = createAuth(db, { publicUrl: config.publicUrl, secret: loadOrCreateAuthSecret(config.dataDir, config.authSecret), smtpUrl: config.smtpUrl });

  const firstStart = !db.select().from(settings).where(eq(settings.key, FIRST_START_KEY)).get();
  if (firstStart) {
    db.insert(settings).values({ key: FIRST_START_KEY, value: now.toISOString() }).run();
    if (config.seedDemo) {
      const { vendors } = seedDemoPortfolio(db, { now });
      const credentials = await assignDemoPasswords(auth, db);
      console.log(`Seeded the demo portfolio: ${vendors} vendors.`);
      console.log('Demo users (these passwords are shown only now; administrators set up MFA at first sign-in):');
      for (const c of credentials) console.log(`  demo-user role=${c.role} email=${c.email} password=${c.password}`);
    }
  }
  // The organisation's name lives in Settings; the environment (or the demo) only seeds it when none is stored.
  seedOrganisation(
    db,
    config.organisationName ? { name: config.organisationName, vendorContact: null } : firstStart && config.seedDemo ? DEMO_ORGANISATION : null,
    now,
  );
  const setupLink = await createSetupLink(auth, db, config.publicUrl);
  if (setupLink) console.log(`\nNo user exists yet. Create the first administrator (link valid 24 hours, for one use):\n  ${setupLink}\n`);

  // Browser tests only: a clock they can move forward (server/platform/http/testClockRoutes.ts).
  const testClock = testClockFromEnv();
  if (testClock) console.warn('Warning: TOLLGATE_TEST_CLOCK is set: this server runs on a test clock that anyone can move. Never use it for real data.');
  const app = await buildApp({ db, auth, config, ...(config.clientDir ? { clientDir: config.clientDir } : {}), ...(testClock ? { now: testClock.now } : {}) });
  const stopMail = startMailDelivery(db, config, (error) => app.log.error({ err: error }, 'email delivery failed'));
  const jobContext = { db, uploadsDir: config.uploadsDir, mail: config, publicUrl: config.publicUrl, reminders: { publicUrl: config.publicUrl, mail: { smtpUrl: config.smtpUrl } } };
  if (testClock) registerTestClockRoute(app, testClock, (at) => runDueJobs(jobContext, app.log, at));
  let stopJobs = async (): Promise<void> => {};
  shutDownGracefully({ app, db, lock, stopJobs: () => stopJobs(), stopMail });

  await app.listen({ port: config.port, host: config.host });
  console.log(`\nTollgate is running at ${config.publicUrl}\nListening on ${config.host}:${config.port}; data in ${config.dataDir}\n`);
  // The jobs start a few seconds after the server answers: a backlog (reminders on a large portfolio, a month's
  // snapshots) never delays start-up or its first health checks, and each batch waits behind queued requests (jobs.ts).
  stopJobs = startScheduledJobs(jobContext, app.log, testClock?.now, FIRST_RUN_DELAY_MS);
}

try {
  await main();
} catch (error) {
  // A database that turns out damaged or a disk that fills later in start-up: the same plain words.
  const message = describeStartupError(error, process.env.DATA_DIR || './data');
  if (message === null) throw error;
  console.error(`Tollgate did not start. ${message}`);
  process.exit(1);
}
