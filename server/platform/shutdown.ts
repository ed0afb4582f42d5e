/**
 * Graceful shutdown on SIGTERM (systemd, Docker, Kubernetes) and SIGINT
 * (Ctrl-C): stop accepting connections, let requests in progress finish
 * (for at most SHUTDOWN_GRACE_MS, then their connections are closed), let
 * the job scheduler finish the batch in hand and email delivery record
 * what it sent, fold the WAL into the
 * database file and close it, release the DATA_DIR lock, and exit 0. A
 * second signal while that runs stops at once (exit 1): the database is
 * still consistent, as after any crash.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database.ts';
import type { DataDirLock } from './dataDirLock.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export interface ShutdownParts {
  app: FastifyInstance;
  db: Db;
  lock: DataDirLock;
  stopJobs: () => Promise<void>;
  stopMail: () => Promise<void>;
}

export function shutDownGracefully(parts: ShutdownParts, graceMs = SHUTDOWN_GRACE_MS): void {
  const { app, db, lock } = parts;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: stopping at once');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: no new requests; finishing those in progress');
    const deadline = setTimeout(() => {
      app.log.warn({ graceMs }, 'requests still running at the deadline: closing their connections');
      app.server.closeAllConnections();
    }, graceMs);
    try {
      await Promise.all([app.close(), parts.stopJobs(), parts.stopMail()]);
      clearTimeout(deadline);
      // Everything in the WAL goes into the main file, so a copy of tollgate.sqlite alone is complete.
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      db.$client.close();
      lock.release();
      app.log.info('stopped');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}
