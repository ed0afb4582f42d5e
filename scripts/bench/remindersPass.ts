/**
 * The reminders' pass over a whole portfolio, in process (issue 16): copies
 * a prepared database (BENCH_DB, e.g. the 10,000-vendor one), runs the
 * scheduled jobs twice at one `now` as the server's first start does (the
 * first run sends the backlog, the second finds it all sent), and reports
 * for each job of each run how long it took, the longest the event loop was
 * held (perf_hooks monitorEventLoopDelay: the longest wait a request
 * arriving then would have had before its turn), and the process's resident
 * memory before the runs and at its peak (VmHWM).
 *
 *   BENCH_DB=/tmp/bench10k-remind.sqlite npm exec -- node scripts/bench/remindersPass.ts [ROOT]
 *
 * ROOT (default: this checkout) is where server/ is imported from, so that
 * a copy of an earlier commit can be measured by the same script, back to
 * back.
 *
 * With `--compute` (this checkout only) it sends nothing and times only the
 * schedule's computation, as a run that finds every reminder sent does it:
 * first slice by slice (each slice read, computed and checked against
 * reminders_sent; the longest slice and the total), then, in the same
 * process, over the whole portfolio at once; resident memory after each.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type * as Audit from '../../server/platform/audit/auditTrail.ts';
import type * as Database from '../../server/platform/db/database.ts';
import type * as Jobs from '../../server/jobs.ts';

const source = process.env.BENCH_DB;
if (!source) throw new Error('Set BENCH_DB to a prepared portfolio database.');
const computeOnly = process.argv.includes('--compute');
const root = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(import.meta.dirname, '../..'));
const load = <T>(file: string) => import(pathToFileURL(path.join(root, file)).href) as Promise<T>;

const { openDatabase } = await load<typeof Database>('server/platform/db/database.ts');
const { useAuditKey, prepareAuditChain } = await load<typeof Audit>('server/platform/audit/auditTrail.ts');
const { runDueJobs } = await load<typeof Jobs>('server/jobs.ts');

const rssMb = (field: 'VmRSS' | 'VmHWM') => Number(/(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field))!)![1]) / 1024;

const dir = mkdtempSync(path.join(tmpdir(), 'reminders-pass-'));
const file = path.join(dir, 'tollgate.sqlite');
copyFileSync(source, file);
const db = openDatabase(file);
const now = new Date();
useAuditKey(db, 'bench-audit-key-bench-audit-key-0123456789');
prepareAuditChain(db, now);

if (computeOnly) {
  const { unsentInSlice, unsentReminders, SLICE_VENDORS } = await import('../../server/reminders/index.ts');
  console.log(`on a copy of ${source} at ${now.toISOString()}; RSS ${rssMb('VmRSS').toFixed(0)} MB, peak so far ${rssMb('VmHWM').toFixed(0)} MB`);
  const times: number[] = [];
  let due = 0;
  let slices = 0;
  const started = performance.now();
  for (let after = 0; ; ) {
    const t = performance.now();
    const slice = unsentInSlice(db, now, after);
    if (!slice) break;
    due += slice.reminders.length;
    times.push(performance.now() - t);
    slices += 1;
    after = slice.throughVendorId;
  }
  console.log(`  slices of ${SLICE_VENDORS}: ${slices} slices, ${due} unsent reminders due, ${(performance.now() - started).toFixed(0)} ms in all, slices took ${times[0]!.toFixed(0)} ms (the first), median ${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(0)} ms, longest ${Math.max(...times).toFixed(0)} ms; RSS ${rssMb('VmRSS').toFixed(0)} MB, peak so far ${rssMb('VmHWM').toFixed(0)} MB`);
  const t = performance.now();
  const whole = unsentReminders(db, now).length;
  console.log(`  whole portfolio at once: ${whole} unsent of those due, ${(performance.now() - t).toFixed(0)} ms in one call; RSS ${rssMb('VmRSS').toFixed(0)} MB, peak so far ${rssMb('VmHWM').toFixed(0)} MB`);
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
let jobStarted = performance.now();
const report = (run: number) => (details: object, message: string) => {
  if (message !== 'scheduled job ran') return;
  const { job, done } = details as { job: string; done: number };
  const ms = performance.now() - jobStarted;
  console.log(`  run ${run}  ${job.padEnd(40)} ${String(done).padStart(6)} done  ${(ms / 1000).toFixed(1).padStart(6)} s  event loop held at most ${(histogram.max / 1e6).toFixed(0).padStart(5)} ms  RSS ${rssMb('VmRSS').toFixed(0)} MB, peak so far ${rssMb('VmHWM').toFixed(0)} MB`);
  histogram.reset();
  jobStarted = performance.now();
};

console.log(`${root} on a copy of ${source} at ${now.toISOString()}; RSS before the runs ${rssMb('VmRSS').toFixed(0)} MB (peak so far ${rssMb('VmHWM').toFixed(0)} MB)`);
for (const run of [1, 2]) {
  histogram.reset();
  jobStarted = performance.now();
  const log = report(run);
  await runDueJobs({ db, uploadsDir: path.join(dir, 'uploads'), reminders: { publicUrl: 'https://tollgate.example', mail: { smtpUrl: null } } }, { info: log, debug: log, error: (d) => console.error(d) }, now);
}
console.log(`peak RSS ${rssMb('VmHWM').toFixed(0)} MB`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
