/**
 * npm run bench -- --startup [N] (issue 16, without the rest of the bench):
 * N starts of the real server (`node server/main.ts`) on fresh copies of the
 * prepared 10,000-vendor data directory. For each: `startup_ms` as the full
 * bench measures it (spawn to the first healthy /healthz), resident memory
 * when healthy, and, once the start-up jobs have finished and a signed-in
 * CISO has loaded the vendor list and a few vendor pages, the peak resident
 * memory (VmHWM) of the whole life of the process. The jobs are given at
 * most a minute to finish. It does not import or
 * rescore over HTTP, which the full bench does and which raise the peak
 * (docs/benchmarks.md, "Memory and start-up").
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rssMb } from './soak.ts';
import { getEach, runLoad, signIn } from './load.ts';
import { BENCH_USERS, type PreparedRun } from './portfolio.ts';
import { startRealServer, waitQuiet } from './processes.ts';

export interface StartupSample {
  startupMs: number;
  rssHealthyMb: number;
  quietMs: number;
  rssQuietMb: number;
  peakMb: number;
}

export async function startupRounds(run: PreparedRun, rounds: number, workDir: string, log: (line: string) => void): Promise<StartupSample[]> {
  const samples: StartupSample[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Every start is a first start on the prepared copy, as the full bench's is.
    const dataDir = path.join(workDir, `start-${round}`);
    cpSync(run.dataDir, dataDir, { recursive: true });
    const server = await startRealServer({ dataDir });
    try {
      const rssHealthyMb = rssMb(server.pid);
      // waitQuiet first waits for the jobs to begin: their memory counts. The reminders' first run on this
      // portfolio has a backlog of many thousands: quiet or not after a minute (and the delay), measure.
      const quietMs = await waitQuiet(server, 60_000);
      const cookie = await signIn(server.base, server.origin, BENCH_USERS.ciso.email, run.password);
      const paths = ['/trpc/vendors.list?input=' + encodeURIComponent(JSON.stringify({ json: { pageSize: 50, sort: 'risk', direction: 'desc' } })), ...Array.from({ length: 7 }, (_, i) => '/trpc/vendors.get?input=' + encodeURIComponent(JSON.stringify({ json: { id: 1 + ((i * 1_237) % run.vendorCount) } })))];
      await runLoad(server.base, { connections: paths.length, seconds: 3, warmupSeconds: 0 }, (connection) => getEach(paths[connection % paths.length]!, () => cookie)(connection));
      const sample = { startupMs: server.startupMs, rssHealthyMb, quietMs, rssQuietMb: rssMb(server.pid), peakMb: server.peakRssMb() };
      log(`  start ${round}: healthy after ${sample.startupMs.toFixed(0)} ms at ${rssHealthyMb.toFixed(0)} MB; quiet again (jobs done or 1 min of them) ${quietMs.toFixed(0)} ms later; after staff reads ${sample.rssQuietMb.toFixed(0)} MB, peak ${sample.peakMb.toFixed(0)} MB`);
      samples.push(sample);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return samples;
}
