/**
 * Background work on a timer. Every job is idempotent and decides from the
 * database what is due, so it runs once soon after start and then every hour: a
 * restart neither skips nor repeats anything. A job works in batches of
 * short transactions and lets other requests in between, so a month's
 * snapshots of 10,000 vendors never stop the server answering. Email texts
 * no longer needed are erased the same way, and due reminders are sent
 * (exactly once each: server/reminders/scheduler.ts).
 */
import { setImmediate as yieldToRequests, setTimeout as sleep } from 'node:timers/promises';
import { takeMonthlySnapshots } from './risk/index.ts';
import { purgeUnusedEvidence } from './assessments/index.ts';
import { reopenExpiredAcceptances } from './remediation/index.ts';
import type { Db } from './platform/db/database.ts';
import { eraseDeliveredTexts, type MailSettings } from './platform/mail/outbox.ts';
import { sendReminderStep, type ReminderDeps } from './reminders/index.ts';

const HOUR_MS = 60 * 60 * 1000;
const BATCH = 100;

interface JobLog {
  info: (details: object, message: string) => void;
  /** Also told of runs that found nothing to do (LOG_LEVEL=debug). */
  debug?: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
}

/** What jobs work on. */
export interface JobContext {
  db: Db;
  uploadsDir: string;
  /** For jobs that tell someone: mail goes by SMTP or waits in the Outbox. */
  mail?: Pick<MailSettings, 'smtpUrl'>;
  /** The app's address, for links in those emails. */
  publicUrl?: string;
  /** Where reminder emails point and how they go out; without it no reminders are sent (tests of other jobs). */
  reminders?: ReminderDeps;
}

/**
 * A job does at most `limit` items per call and says how many it did; fewer than `limit` means it is done for now.
 * A job whose calls may do nothing and still have more to read (the reminders read the portfolio a slice of vendors
 * at a time, and a slice may have nothing left to send) says so with `more`.
 */
type JobStep = number | { done: number; more: boolean };
const JOBS: { name: string; run: (ctx: JobContext, now: Date, limit: number) => JobStep }[] = [
  { name: 'unused evidence files', run: ({ db, uploadsDir }, now, limit) => purgeUnusedEvidence(db, uploadsDir, now, limit) },
  { name: 'monthly risk snapshots', run: ({ db }, now, limit) => takeMonthlySnapshots(db, now, limit) },
  {
    name: 'reopen expired risk acceptances',
    run: ({ db, mail, publicUrl }, now, limit) => reopenExpiredAcceptances(db, mail ?? { smtpUrl: null }, publicUrl ?? '', now, limit),
  },
  { name: 'erase delivered and expired email texts', run: ({ db }, now, limit) => eraseDeliveredTexts(db, now, limit) },
  { name: 'reminders', run: ({ db, reminders }, now, limit) => (reminders ? sendReminderStep(db, reminders, now, limit) : 0) },
];

/**
 * Runs every job until it has nothing left to do; a failing job is logged and does not stop the others.
 * `stopping` is asked between batches: at shutdown the run ends after the batch in hand (each batch is
 * its own transactions, and every job takes up where it left off at the next start).
 */
export async function runDueJobs(ctx: JobContext, log: JobLog, now: Date, batch = BATCH, stopping: () => boolean = () => false): Promise<void> {
  const started = performance.now();
  let total = 0;
  for (const job of JOBS) {
    // Each job starts behind the requests already waiting, as each of its batches does: a run that finds
    // little to do in every job would otherwise hold the event loop for all of them in one go.
    await yieldToRequests();
    if (stopping()) return;
    try {
      let done = 0;
      for (let more = true; more && !stopping(); ) {
        const batchStarted = performance.now();
        const step = job.run(ctx, now, batch);
        done += typeof step === 'number' ? step : step.done;
        more = typeof step === 'number' ? step === batch : step.more;
        if (more) await giveWay(performance.now() - batchStarted);
      }
      total += done;
      if (done > 0) log.info({ job: job.name, done }, 'scheduled job ran');
      else log.debug?.({ job: job.name, done }, 'scheduled job ran');
    } catch (err) {
      log.error({ job: job.name, err }, 'scheduled job failed');
    }
  }
  log.info({ done: total, ms: Math.round(performance.now() - started) }, 'scheduled jobs finished');
}

/**
 * Between two batches the jobs wait at least as long as the last batch took, so requests get at least half of
 * the server's time however long a run is (26,800 reminders at 10,000 vendors take minutes). Yielding only to
 * the check phase (setImmediate) is not enough: a request needs several turns of the event loop, so it
 * advanced one step per batch and a loaded server answered about one request per batch.
 */
function giveWay(batchMs: number): Promise<void> {
  return sleep(Math.max(1, Math.ceil(batchMs)));
}

/**
 * The server starts its jobs this long after it starts listening. A job's batch holds the event loop while it
 * runs (the reminders' first pass over a 10,000-vendor portfolio reads every task and link: seconds), so
 * starting them at once held back the first health check and made start-up as slow as that pass.
 */
export const FIRST_RUN_DELAY_MS = 5_000;

/**
 * Runs the jobs after `firstRunDelayMs` and then every hour (never two runs at once). Returns the function that
 * stops them: no new run starts, the one under way ends after its current batch, and the promise settles when it has.
 */
export function startScheduledJobs(ctx: JobContext, log: JobLog, clock: () => Date = () => new Date(), firstRunDelayMs = 0): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running ??= runDueJobs(ctx, log, clock(), BATCH, () => stopped).finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, firstRunDelayMs);
  first.unref();
  const timer = setInterval(tick, HOUR_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
