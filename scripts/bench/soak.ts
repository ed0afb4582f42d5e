/**
 * npm run bench -- --soak N (issue 15): N seconds at half the measured
 * answer-save throughput, with staff reads alongside, on the 10,000-vendor
 * portfolio. Passes with zero errors and flat memory: the server's resident
 * memory (VmRSS), sampled every few seconds, must not keep climbing.
 *
 * "Flat" is judged on the second half of the run, after caches and the
 * heap have had the first half to reach their working size: the slope of a
 * least-squares line through those samples, in MB a minute.
 */
import { readFileSync } from 'node:fs';
import { REMINDER_KINDS } from '#shared/remediation/reminders.ts';
import { settings } from '../../drizzle/schema/index.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { getEach, runLoad, saveAnswers, type LoadResult, type SaveState } from './load.ts';
import type { PreparedRun } from './portfolio.ts';
import type { ServerProcess } from './processes.ts';

/**
 * Turns every reminder kind off in the run's copy of the portfolio, before
 * the server starts. On the generated portfolio (10,000 vendors, about
 * 140,000 open tasks, none ever reminded) the reminder job's first run has
 * a large backlog, and each batch of 100 rebuilds the whole remediation
 * state: about 12 s and 200 MB a batch on this machine, holding the event
 * loop, so the soak would measure the job rather than requests (see
 * docs/benchmarks.md, "Soak"). The soak measures the request path; the job
 * is a finding of its own.
 */
export function turnRemindersOff(databaseFile: string): void {
  const db = openDatabase(databaseFile);
  try {
    const value = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, false]));
    db.insert(settings).values({ key: 'reminders', value, updatedAt: new Date() }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  } finally {
    db.$client.close();
  }
}

/** Resident memory of a process now, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export interface SoakReport {
  seconds: number;
  measuredSaveRps: number;
  targetSaveRps: number;
  saves: LoadResult;
  reads: LoadResult;
  saveErrors: number;
  rss: { startMb: number; peakMb: number; endMb: number; secondHalfSlopeMbPerMin: number; samples: { atS: number; mb: number }[] };
}

/** Memory may drift by this much a minute in the second half and still count as flat (allocator noise, SQLite's page cache settling). */
export const FLAT_MB_PER_MINUTE = 2;
const SAMPLE_EVERY_MS = 5_000;

export async function soak(server: ServerProcess, run: PreparedRun, sessions: { ciso: string }, seconds: number, state: SaveState, log: (line: string) => void): Promise<SoakReport> {
  const connections = 64;
  log('Measuring the answer-save throughput (10 s at 64 connections)...');
  const measured = await runLoad(server.base, { connections, seconds: 10, warmupSeconds: 2 }, saveAnswers(run.linkSessions, run.controlIds, server.origin, connections, state));
  const targetSaveRps = Math.max(1, Math.round(measured.rps / 2));
  log(`  ${Math.round(measured.rps)} saves/s; soaking at ${targetSaveRps}/s for ${seconds} s, with staff reads beside them...`);

  const samples: { atS: number; mb: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ atS: (performance.now() - started) / 1000, mb: rssMb(server.pid) }), SAMPLE_EVERY_MS);
  samples.push({ atS: 0, mb: rssMb(server.pid) });
  const stateBefore = { conflicts: state.conflicts, failed: state.failed };
  // Staff reads: the CISO's vendor list and vendor pages and her own session check, 20 a second in all.
  const readPaths = ['/trpc/vendors.list?input=' + encodeURIComponent(JSON.stringify({ json: { pageSize: 50, sort: 'risk', direction: 'desc' } })), '/trpc/account.me', ...Array.from({ length: 8 }, (_, i) => '/trpc/vendors.get?input=' + encodeURIComponent(JSON.stringify({ json: { id: 1 + ((i * 1_237) % run.vendorCount) } })))];
  const reads = (connection: number) => getEach(readPaths[connection % readPaths.length]!, () => sessions.ciso)(connection);
  const [saves, readResult] = await Promise.all([
    runLoad(server.base, { connections, seconds, warmupSeconds: 0, overallRate: targetSaveRps }, saveAnswers(run.linkSessions, run.controlIds, server.origin, connections, state)),
    runLoad(server.base, { connections: readPaths.length, seconds, warmupSeconds: 0, overallRate: 20 }, reads),
  ]);
  clearInterval(sampler);
  samples.push({ atS: (performance.now() - started) / 1000, mb: rssMb(server.pid) });

  const secondHalf = samples.filter((s) => s.atS >= seconds / 2).map((s) => ({ x: s.atS / 60, y: s.mb }));
  return {
    seconds,
    measuredSaveRps: measured.rps,
    targetSaveRps,
    saves,
    reads: readResult,
    saveErrors: saves.socketErrors + (state.conflicts - stateBefore.conflicts) + (state.failed - stateBefore.failed),
    rss: {
      startMb: samples[0]!.mb,
      peakMb: Math.max(...samples.map((s) => s.mb)),
      endMb: samples.at(-1)!.mb,
      secondHalfSlopeMbPerMin: slope(secondHalf),
      samples: samples.map((s) => ({ atS: Math.round(s.atS), mb: Math.round(s.mb) })),
    },
  };
}
