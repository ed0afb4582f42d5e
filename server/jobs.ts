/**
 * Background work on a timer. Every job is idempotent and decides from the
 * database what is due, so it runs once at start and then every hour: a
 * restart neither skips nor repeats anything. Later jobs (reminders,
 * expiring risk acceptances) join the list.
 */
import type { Db } from './db/database.ts';
import { takeMonthlySnapshots } from './services/risk.ts';

const HOUR_MS = 60 * 60 * 1000;

interface JobLog {
  info: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
}

const JOBS: { name: string; run: (db: Db, now: Date) => number }[] = [{ name: 'monthly risk snapshots', run: takeMonthlySnapshots }];

/** Runs every job once; a failing job is logged and does not stop the others. */
export function runDueJobs(db: Db, log: JobLog, now: Date): void {
  for (const job of JOBS) {
    try {
      const done = job.run(db, now);
      if (done > 0) log.info({ job: job.name, done }, 'scheduled job ran');
    } catch (err) {
      log.error({ job: job.name, err }, 'scheduled job failed');
    }
  }
}

/** Runs the jobs now and then every hour; returns a function that stops the timer. */
export function startScheduledJobs(db: Db, log: JobLog, clock: () => Date = () => new Date()): () => void {
  runDueJobs(db, log, clock());
  const timer = setInterval(() => runDueJobs(db, log, clock()), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
