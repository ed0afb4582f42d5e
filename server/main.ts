/**
 * Start-up: validate configuration, open and migrate the database, make
 * sure the built-in questionnaires exist, seed the demo portfolio on the
 * very first start, then serve.
 */
import { eq } from 'drizzle-orm';
import { settings } from '../drizzle/schema/index.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateDatabase, openDatabase } from './db/database.ts';
import { seedDemoPortfolio } from './seed/seedDemo.ts';
import { ensureBuiltInTemplates } from './services/templates.ts';

const FIRST_START_KEY = 'initialised_at';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const db = openDatabase(config.databaseFile);
  migrateDatabase(db);
  const now = new Date();
  ensureBuiltInTemplates(db, now);

  const firstStart = !db.select().from(settings).where(eq(settings.key, FIRST_START_KEY)).get();
  if (firstStart) {
    db.insert(settings).values({ key: FIRST_START_KEY, value: now.toISOString() }).run();
    if (config.seedDemo) {
      const { vendors } = seedDemoPortfolio(db, { now });
      console.log(`Seeded the demo portfolio: ${vendors} vendors.`);
    }
  }

  const app = await buildApp({ db, config });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    db.$client.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`\nTollgate is running at http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}\nData: ${config.dataDir}\n`);
}

await main();
