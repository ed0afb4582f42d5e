/**
 * The import worker thread (started by jobs.ts through workerEntry.ts): runs one job at a
 * time on its own read-only connection to the database file it is given,
 * and answers with the result or an error the main thread can rethrow.
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../../platform/db/database.ts';
import { runJob, toJobError, type ImportJob, type JobReply } from './jobs.ts';

if (!parentPort) throw new Error('importWorker.ts runs as a worker thread, started by importJobs.ts');
const port = parentPort;

/**
 * An import is background work: the thread answering requests must come
 * first when both want a core. Linux can lower one thread's priority (by
 * its thread id); elsewhere the threads share the cores as equals.
 */
function yieldCoresToRequests() {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + 10));
  } catch {
    // No per-thread priority here: nothing to do.
  }
}
yieldCoresToRequests();

port.on('message', ({ id, file, job }: { id: number; file: string; job: ImportJob }) => {
  let reply: JobReply;
  let db: Db | null = null;
  try {
    db = openDatabase(file);
    // Only the server's own connection writes the database (platform/db/bulk.ts says why).
    db.$client.pragma('query_only = ON');
    reply = { id, ok: true, value: runJob(db, job) };
  } catch (error) {
    reply = { id, ok: false, error: toJobError(error) };
  } finally {
    db?.$client.close();
  }
  port.postMessage(reply);
});
