/**
 * npm run bench: Tollgate measured over HTTP, as deployed (issue 16).
 *
 * Starts the real server (`node server/main.ts`) on a generated portfolio
 * of 10,000 vendors, and beside it the ceiling (ceiling.ts: Fastify + tRPC
 * doing nothing), each in its own process, and drives both from this
 * process with autocannon at 64 connections. Prints a table, then, last,
 * one JSON line with the figures (report.ts names them).
 *
 *   npm run bench                 the full run (BENCH_VENDORS=n for another size)
 *   npm run bench -- --smoke      a few hundred vendors and short loads: checks the bench works
 *   npm run bench -- --profile    CPU profiles (node --cpu-prof) of the server under each load
 *   npm run bench -- --path       the request path only: the ceiling and the three Tollgate loads, in rounds
 *   npm run bench -- --data       the data paths only: dashboard cold and warm, the SQL yardstick, the vendor list, rescore and imports
 *   npm run bench -- --crash [N]  the crash test: N rounds (13 unless given) of SIGKILL under saves and uploads (crash.ts)
 *   npm run bench -- --soak N     N seconds at half the measured save throughput with staff reads: zero errors, flat memory (soak.ts)
 *   npm run bench -- --startup [N]  N starts (3 unless given): start to healthy and peak memory, without the other loads (startup.ts)
 *
 * BENCH_DB=path keeps the generated portfolio (a SQLite file) there and
 * reuses it on later runs; every run works on a fresh copy of it.
 * BENCH_KEEP=1 keeps the run's working directory (the server's DATA_DIR and
 * its log, data/server.log) and prints where it is.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dashboardJs, portalJs } from './bundle.ts';
import { crashRounds } from './crash.ts';
import { dashboardSql } from './dashboardSql.ts';
import { getEach, newSaveState, percentile, runLoad, sample, saveAnswers, signIn, trpcClient, type LoadResult, type LoadShape } from './load.ts';
import { BENCH_USERS, ensurePortfolio, importFiles, prepareRun, SAVE_ASSESSMENTS, type PreparedRun } from './portfolio.ts';
import { cpuUs, startCeilingServer, startRealServer, waitQuiet, type ServerProcess } from './processes.ts';
import { formatProfile, monotonicUs, summariseProfile, type ProfileWindow } from './profile.ts';
import { FLAT_MB_PER_MINUTE, soak, turnRemindersOff } from './soak.ts';
import { startupRounds } from './startup.ts';
import { FIGURE_KEYS, figuresJson, ms, perSecond, ratio, table, type Figures, type Row } from './report.ts';

const { values: flags, positionals } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    crash: { type: 'boolean', default: false },
    path: { type: 'boolean', default: false },
    data: { type: 'boolean', default: false },
    soak: { type: 'string' },
    startup: { type: 'boolean', default: false },
  },
  allowPositionals: true,
  strict: true,
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIENT_DIR = path.join(ROOT, 'dist/client');
const CONNECTIONS = 64;

const settings = flags.smoke
  ? { vendors: 300, load: { connections: CONNECTIONS, seconds: 2, warmupSeconds: 0 }, rounds: 1, samples: 5 }
  : { vendors: Number(process.env.BENCH_VENDORS ?? 10_000), load: { connections: CONNECTIONS, seconds: 5, warmupSeconds: 1 }, rounds: 3, samples: 40 };
if (!Number.isInteger(settings.vendors) || settings.vendors < SAVE_ASSESSMENTS) {
  throw new Error(`BENCH_VENDORS must be a whole number of at least ${SAVE_ASSESSMENTS} (one open questionnaire per vendor for the saves).`);
}

const now = new Date();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'));
// The smoke run never touches a kept portfolio: it is small and made fresh.
const portfolioFile = !flags.smoke && process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : path.join(tmp, 'portfolio.sqlite');
const log = (line: string) => process.stderr.write(`${line}\n`);

const saves = newSaveState();

type LoadName = 'noop' | 'bare' | 'gate' | 'me' | 'save';

const median = (xs: number[]) => percentile(xs, 50);

/** A load's rounds as one: the median round's rate and latencies, every error of every round. */
function combine(rounds: LoadResult[]): LoadResult {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    socketErrors: rounds.reduce((sum, r) => sum + r.socketErrors, 0),
    timeouts: rounds.reduce((sum, r) => sum + r.timeouts, 0),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
  };
}

interface Sessions {
  ciso: string;
  procurement: string;
}

async function signInBoth(server: ServerProcess, run: PreparedRun): Promise<Sessions> {
  return {
    ciso: await signIn(server.base, server.origin, BENCH_USERS.ciso.email, run.password),
    procurement: await signIn(server.base, server.origin, BENCH_USERS.procurement.email, run.password),
  };
}

/** The loads on Tollgate itself, each on every connection with that connection's own session. */
function tollgateLoads(server: ServerProcess, run: PreparedRun, sessions: Sessions, shape: LoadShape) {
  const linkCookie = (c: number) => run.linkSessions[c % run.linkSessions.length]!.cookie;
  return {
    gate: () => runLoad(server.base, shape, getEach('/trpc/portal.gate', linkCookie)),
    me: () => runLoad(server.base, shape, getEach('/trpc/account.me', () => sessions.ciso)),
    save: () => runLoad(server.base, shape, saveAnswers(run.linkSessions, run.controlIds, server.origin, shape.connections, saves)),
  };
}

/** The request-path loads in rounds, each round loading the ceiling and then Tollgate. */
async function requestPathRounds(ceiling: ServerProcess, server: ServerProcess, run: PreparedRun, sessions: Sessions, shape: LoadShape) {
  const loads = tollgateLoads(server, run, sessions, shape);
  // In rounds, each round loading the ceiling and then Tollgate, so that a ratio compares loads taken moments apart
  // (on a shared machine the background load drifts from minute to minute).
  const rounds: Record<LoadName, LoadResult[]> = { noop: [], bare: [], gate: [], me: [], save: [] };
  const cpuRounds: Record<LoadName, number[]> = { noop: [], bare: [], gate: [], me: [], save: [] };
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [name, pid, go] of [
      ['noop', ceiling.pid, () => runLoad(ceiling.base, shape, getEach('/trpc/noop', () => null))],
      ['bare', ceiling.pid, () => runLoad(ceiling.base, shape, getEach('/bare', () => null))],
      ['gate', server.pid, loads.gate],
      ['me', server.pid, loads.me],
      ['save', server.pid, loads.save],
    ] as const) {
      log(`Round ${round} of ${settings.rounds}, load: ${name} (${shape.connections} connections, ${shape.seconds} s)...`);
      // The server's CPU time over the measured part (the warm-up comes first), per request answered in it.
      let fromCpu = cpuUs(pid);
      const warmedUp = setTimeout(() => (fromCpu = cpuUs(pid)), shape.warmupSeconds * 1000);
      const result = await go();
      clearTimeout(warmedUp);
      cpuRounds[name].push(result.requests > 0 ? (cpuUs(pid) - fromCpu) / result.requests : 0);
      // Slow is a finding; nothing served at all means the bench (or the server) is broken.
      if (result.rps === 0) throw new Error(`The ${name} load got no successful answer (${result.errors} errors).`);
      rounds[name].push(result);
    }
  }
  const results = Object.fromEntries(Object.entries(rounds).map(([name, r]) => [name, combine(r)])) as Record<LoadName, LoadResult>;
  const ratioToNoop = (name: LoadName) => median(rounds[name].map((r, i) => r.rps / rounds.noop[i]!.rps));
  const cpuPerRequest = Object.fromEntries(Object.entries(cpuRounds).map(([name, r]) => [name, median(r)])) as Record<LoadName, number>;
  return { results, ratioToNoop, cpuPerRequest };
}

/** --path: the request-path loads alone (a minute or two instead of the whole run), their rows and their JSON keys. */
async function measurePath(run: PreparedRun): Promise<void> {
  const loadAtStart = os.loadavg()[0]!.toFixed(1);
  const ceiling = await startCeilingServer(tmp);
  let server: ServerProcess | null = null;
  try {
    server = await startRealServer({ dataDir: run.dataDir });
    log(`Waiting for the server's start-up jobs to finish...`);
    log(`  quiet after ${((await waitQuiet(server)) / 1000).toFixed(1)} s`);
    const sessions = await signInBoth(server, run);
    const shape = settings.load;
    const { results, ratioToNoop, cpuPerRequest } = await requestPathRounds(ceiling, server, run, sessions, shape);
    console.log('');
    console.log(
      table(
        `Tollgate's request path over HTTP: ${run.vendorCount.toLocaleString('en')} vendors, ${shape.connections} connections, ${settings.rounds} round(s) of ${shape.seconds} s per load (medians)\n` +
          `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadAtStart} at start, ${os.loadavg()[0]!.toFixed(1)} at end`,
        [...requestPathRows(results, ratioToNoop), cpuRow(cpuPerRequest)],
      ),
    );
    console.log(
      JSON.stringify({
        cpu_us_per_request: Object.fromEntries(Object.entries(cpuPerRequest).map(([name, us]) => [name, Math.round(us)])),
        trpc_noop_rps: Math.round(results.noop.rps),
        link_noop_rps: Math.round(results.gate.rps),
        staff_noop_rps: Math.round(results.me.rps),
        answer_save_rps: Math.round(results.save.rps),
        answer_save_p99_ms: results.save.p99,
        ratio_link_vs_noop: Number(ratioToNoop('gate').toFixed(2)),
        ratio_staff_vs_noop: Number(ratioToNoop('me').toFixed(2)),
        ratio_save_vs_noop: Number(ratioToNoop('save').toFixed(2)),
        answer_save_errors: results.save.socketErrors + saves.conflicts + saves.failed,
      }),
    );
  } finally {
    await server?.stop();
    await ceiling.stop();
  }
}

/** The server's CPU time per request of each load: what the ratios come to once the machine's other work is set aside. */
function cpuRow(cpuPerRequest: Record<LoadName, number>): Row {
  const us = (name: LoadName) => `${Math.round(cpuPerRequest[name])}`;
  return { what: 'Server CPU per request, µs: no-op / bare / gate / me / save', value: `${us('noop')} / ${us('bare')} / ${us('gate')} / ${us('me')} / ${us('save')}` };
}

/** --data: no request-path loads were run; zeros stand in for their figures so the JSON line keeps its keys. */
function skippedRequestPath(): { results: Record<LoadName, LoadResult>; ratioToNoop: (name: LoadName) => number; cpuPerRequest: Record<LoadName, number> } {
  const none: LoadResult = { rps: 0, p50: 0, p99: 0, errors: 0, socketErrors: 0, timeouts: 0, requests: 0 };
  return { results: { noop: none, bare: none, gate: none, me: none, save: none }, ratioToNoop: () => 0, cpuPerRequest: { noop: 0, bare: 0, gate: 0, me: 0, save: 0 } };
}

/** The table's rows for the request-path loads. */
function requestPathRows(results: Record<LoadName, LoadResult>, ratioToNoop: (name: LoadName) => number): Row[] {
  const load = (r: LoadResult, errors = r.errors) => `${perSecond(r.rps)}  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${errors}`;
  // A save refused because our own lost save came first is a consequence of a timeout (counted) or of a warm-up's end, not an error of its own.
  const saveErrors = results.save.socketErrors + saves.conflicts + saves.failed;
  return [
    { what: 'Ceiling: bare Fastify route', value: load(results.bare) },
    { what: 'Ceiling: no-op tRPC procedure', value: load(results.noop) },
    { what: 'portal.gate (link-session no-op)', value: load(results.gate) },
    { what: '  ratio link no-op / no-op', value: ratio(ratioToNoop('gate')), target: '>= 0.8' },
    { what: 'account.me (staff-session no-op)', value: load(results.me) },
    { what: '  ratio staff no-op / no-op', value: ratio(ratioToNoop('me')), target: '>= 0.7' },
    { what: 'portal.saveAnswer (durable, audited)', value: load(results.save, saveErrors), target: 'p99 <= 30 ms, 0 errors' },
    { what: '  ratio save / no-op', value: ratio(ratioToNoop('save')), target: '>= 0.6' },
    { what: '  saves incl. warm-up: ok / conflicts / failed', value: `${saves.saved} / ${saves.conflicts} / ${saves.failed}` },
    { what: '  timeouts / stale after a lost answer', value: `${results.save.timeouts} / ${saves.resynced}` },
  ];
}

async function measure(run: PreparedRun, generatedMs: number): Promise<void> {
  const loadAtStart = os.loadavg()[0]!.toFixed(1);
  const portal = portalJs(CLIENT_DIR);
  const dashboardBundle = dashboardJs(CLIENT_DIR);
  const ceiling = await startCeilingServer(tmp);
  let server: ServerProcess | null = null;
  try {
    log('Starting the server...');
    server = await startRealServer({ dataDir: run.dataDir });
    log(`Waiting for the server's start-up jobs to finish...`);
    log(`  quiet after ${((await waitQuiet(server)) / 1000).toFixed(1)} s`);
    const sessions = await signInBoth(server, run);
    const ciso = trpcClient(server.base, server.origin, sessions.ciso);
    const procurement = trpcClient(server.base, server.origin, sessions.procurement);
    const signedIn = async () => {
      if ((await ciso.account.me.query())?.user.email !== BENCH_USERS.ciso.email) throw new Error('account.me does not see the signed-in CISO: the staff no-op would measure nothing.');
    };
    await signedIn();

    const shape = settings.load;
    // --data leaves the request-path loads out (their figures then read 0 and their rows are not printed).
    const { results, ratioToNoop, cpuPerRequest } = flags.data ? skippedRequestPath() : await requestPathRounds(ceiling, server, run, sessions, shape);
    await signedIn();

    log('Dashboard, lists and pages, one request at a time...');
    const n = settings.samples;
    const wholeDashboard = () =>
      Promise.all([
        ciso.dashboard.heatmap.query({ filters: {}, view: 'residual' }),
        ciso.dashboard.keyFigures.query({ filters: {} }),
        ciso.dashboard.dataExposure.query({ filters: {} }),
        ciso.dashboard.failingControls.query({ filters: {} }),
        ciso.dashboard.fourthParties.query({ filters: {} }),
        ciso.dashboard.trends.query({ filters: {} }),
        ciso.dashboard.topRisks.query({ filters: {} }),
        ciso.dashboard.owners.query(),
      ]);
    // Cold: the first view after someone changed a vendor. Warm: a view of unchanged data.
    const write = (i: number) => procurement.vendors.update.mutate({ id: 1 + (i % run.vendorCount), serviceDescription: `Bench write ${i} at ${Date.now()}` });
    await write(0).then(wholeDashboard);
    const cold = await sample(n, wholeDashboard, (i) => write(i + 1));
    const warm = await sample(n, wholeDashboard);
    const sql = dashboardSql(run.databaseFile, new Date());
    sql.run();
    const sqlTimes = await sample(n, async () => sql.run());
    const heaviestSql = sql.timeEach().sort((a, b) => b.ms - a.ms).slice(0, 3);
    sql.close();

    const listViews = [
      { tiers: [1, 2] as (1 | 2)[], sort: 'risk' as const, direction: 'desc' as const },
      { bands: ['high', 'critical'] as ('high' | 'critical')[], sort: 'name' as const, direction: 'asc' as const },
      { tiers: [1] as 1[], sort: 'openTasks' as const, direction: 'desc' as const },
      { search: 'Vendor 001', sort: 'records' as const, direction: 'desc' as const },
    ];
    const list = await sample(n, async (i) => {
      const page = await ciso.vendors.list.query({ ...listViews[i % listViews.length]!, pageSize: 50 });
      if (page.rows.length === 0) throw new Error(`The vendor list view ${JSON.stringify(listViews[i % listViews.length])} is empty: it would measure nothing.`);
    });
    const vendorPage = await sample(n, (i) => ciso.vendors.get.query({ id: 1 + ((i * 7_919) % run.vendorCount) }));

    log(`Import of ${run.vendorCount.toLocaleString('en')} vendors and ${(run.vendorCount * 3).toLocaleString('en')} holdings...`);
    const files = importFiles(run.vendorCount);
    // Meanwhile, a signed-in person keeps using the app: how long do they wait at worst?
    let importing = true;
    let longestWait = 0;
    const probe = (async () => {
      while (importing) {
        const started = performance.now();
        await fetch(`${server!.base}/trpc/account.me`, { headers: { cookie: sessions.ciso } });
        longestWait = Math.max(longestWait, performance.now() - started);
      }
    })();
    const importStarted = performance.now();
    for (const [kind, csv] of [...files.vendorsCsv.map((csv) => ['vendors', csv] as const), ...files.holdingsCsv.map((csv) => ['holdings', csv] as const)]) {
      const preview = await procurement.vendors.previewImport.mutate({ kind, csv });
      if (preview.counts.errors > 0) throw new Error(`The generated ${kind} file has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
      const committed = await procurement.vendors.commitImport.mutate({ kind, csv });
      if (committed.counts.rows !== preview.counts.rows) throw new Error(`The ${kind} import wrote ${committed.counts.rows} rows of ${preview.counts.rows}.`);
    }
    const importMs = performance.now() - importStarted;
    importing = false;
    await probe;

    const rssMb = server.peakRssMb();
    const figures: Figures = {
      dashboard_p50_ms: percentile(cold, 50),
      dashboard_p95_ms: percentile(cold, 95),
      dashboard_sql_ms: percentile(sqlTimes, 95),
      ratio_dashboard_vs_sql: percentile(cold, 95) / percentile(sqlTimes, 95),
      vendor_list_p95_ms: percentile(list, 95),
      vendor_page_p95_ms: percentile(vendorPage, 95),
      answer_save_rps: results.save.rps,
      answer_save_p99_ms: results.save.p99,
      trpc_noop_rps: results.noop.rps,
      ratio_save_vs_noop: ratioToNoop('save'),
      link_noop_rps: results.gate.rps,
      bare_route_rps: results.bare.rps,
      rescore_all_ms: run.rescoreAllMs,
      import_10k_ms: importMs,
      startup_ms: server.startupMs,
      rss_mb: rssMb,
      portal_js_gz_kb: portal.gzipKb,
      dashboard_js_gz_kb: dashboardBundle.gzipKb,
    };
    const rows: Row[] = [
      ...(flags.data ? [] : [...requestPathRows(results, ratioToNoop), cpuRow(cpuPerRequest)]),
      { what: 'Whole dashboard, cold: p50 / p95', value: `${ms(figures.dashboard_p50_ms)} / ${ms(figures.dashboard_p95_ms)}`, target: 'p95 <= 50 ms' },
      { what: 'Whole dashboard, warm: p50 / p95', value: `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))}` },
      { what: 'Same aggregates as raw SQL: p50 / p95', value: `${ms(percentile(sqlTimes, 50))} / ${ms(figures.dashboard_sql_ms)}` },
      { what: '  ratio dashboard cold / SQL (p95)', value: ratio(figures.ratio_dashboard_vs_sql), target: '<= 3' },
      ...heaviestSql.map((q) => ({ what: `  SQL: ${q.sql.slice(0, 40)}...`, value: ms(q.ms) })),
      { what: 'Vendor list page (50 rows): p50 / p95', value: `${ms(percentile(list, 50))} / ${ms(figures.vendor_list_p95_ms)}`, target: 'p95 <= 30 ms' },
      { what: 'Vendor page: p50 / p95', value: `${ms(percentile(vendorPage, 50))} / ${ms(figures.vendor_page_p95_ms)}` },
      { what: 'Rescore all vendors (in process)', value: ms(figures.rescore_all_ms), target: '<= 2 s' },
      { what: `Import ${run.vendorCount.toLocaleString('en')} vendors + ${(run.vendorCount * 3).toLocaleString('en')} holdings`, value: ms(importMs), target: '<= 5 s' },
      { what: '  longest wait of another request meanwhile', value: ms(longestWait) },
      { what: 'Start to healthy', value: ms(figures.startup_ms), target: '<= 3 s' },
      { what: 'Server peak RSS', value: `${rssMb.toFixed(0)} MB`, target: '<= 400 MB' },
      { what: `Portal JS (${portal.files.length} files), gzipped`, value: `${portal.gzipKb.toFixed(1)} KB`, target: '<= 150 KB' },
      { what: `Dashboard route JS (${dashboardBundle.files.length} files), gzipped`, value: `${dashboardBundle.gzipKb.toFixed(1)} KB`, target: '<= 350 KB' },
    ];
    console.log('');
    console.log(
      table(
        `Tollgate over HTTP: ${run.vendorCount.toLocaleString('en')} vendors, ${shape.connections} connections, ${settings.rounds} round(s) of ${shape.seconds} s per load (medians), ${n} samples per latency` +
          ` (portfolio ${generatedMs ? `generated in ${(generatedMs / 1000).toFixed(1)} s` : 'reused'})\n` +
          // The machine may be shared: the load average says how much else ran (the ratios hold up best).
          `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadAtStart} at start, ${os.loadavg()[0]!.toFixed(1)} at end`,
        rows,
      ),
    );
    // The contract with tools and with `npm test`: every key present and a finite number.
    const json = figuresJson(figures);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const bad = FIGURE_KEYS.filter((key) => typeof parsed[key] !== 'number' || !Number.isFinite(parsed[key]));
    if (bad.length || Object.keys(parsed).length !== FIGURE_KEYS.length) throw new Error(`Figures missing or not finite: ${bad.join(', ')}`);
    console.log(json);
  } finally {
    await server?.stop();
    await ceiling.stop();
  }
}

/** One server per load, under `node --cpu-prof`; prints where its time went and keeps the profiles. */
async function profile(run: PreparedRun): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-profiles-'));
  for (const name of ['gate', 'me', 'save'] as const) {
    log(`Profiling ${name}...`);
    const server = await startRealServer({ dataDir: run.dataDir, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] });
    let window: ProfileWindow;
    try {
      await waitQuiet(server);
      // One longer load than a round's, for enough samples.
      const shape = flags.smoke ? settings.load : { ...settings.load, seconds: 10, warmupSeconds: 2 };
      const load = tollgateLoads(server, run, await signInBoth(server, run), shape)[name];
      // The warm-up (and before it start-up and sign-in) falls outside the window summarised.
      const fromUs = monotonicUs() + shape.warmupSeconds * 1e6;
      const result = await load();
      window = { fromUs, toUs: monotonicUs() };
      log(`  ${perSecond(result.rps)}, p99 ${ms(result.p99)}, errors ${result.errors} (under the profiler)`);
    } finally {
      await server.stop();
    }
    console.log(`\n${formatProfile({ gate: 'portal.gate', me: 'account.me', save: 'portal.saveAnswer' }[name], summariseProfile(path.join(dir, `${name}.cpuprofile`), window))}`);
  }
  console.log(`\nProfiles kept in ${dir} (open them in Chrome DevTools, Performance tab).`);
}

/** --soak N: the server under half its save throughput and staff reads for N seconds; fails on any error or on memory still climbing. */
async function soakRun(run: PreparedRun): Promise<void> {
  const seconds = Number(flags.soak);
  if (!Number.isInteger(seconds) || seconds < 20) throw new Error('--soak takes a number of seconds (at least 20), e.g. npm run bench -- --soak 300');
  turnRemindersOff(run.databaseFile);
  const server = await startRealServer({ dataDir: run.dataDir });
  try {
    const sessions = await signInBoth(server, run);
    const report = await soak(server, run, sessions, seconds, saves, log);
    const flat = report.rss.secondHalfSlopeMbPerMin <= FLAT_MB_PER_MINUTE;
    const rows: Row[] = [
      { what: 'Answer saves, measured (64 connections, 10 s)', value: perSecond(report.measuredSaveRps) },
      { what: `Soak: saves at ${report.targetSaveRps}/s`, value: `${perSecond(report.saves.rps)}  p50 ${ms(report.saves.p50)}  p99 ${ms(report.saves.p99)}  errors ${report.saveErrors}`, target: '>= half of measured, 0 errors' },
      { what: 'Soak: staff reads at 20/s', value: `${perSecond(report.reads.rps)}  p50 ${ms(report.reads.p50)}  p99 ${ms(report.reads.p99)}  errors ${report.reads.errors}`, target: '0 errors' },
      { what: 'Server RSS: start / peak / end', value: `${report.rss.startMb.toFixed(0)} / ${report.rss.peakMb.toFixed(0)} / ${report.rss.endMb.toFixed(0)} MB`, target: 'peak <= 400 MB' },
      { what: '  slope over the second half', value: `${report.rss.secondHalfSlopeMbPerMin.toFixed(2)} MB/min`, target: `<= ${FLAT_MB_PER_MINUTE} MB/min` },
    ];
    console.log('');
    console.log(table(`Soak: ${seconds} s on ${run.vendorCount.toLocaleString('en')} vendors; ${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at end`, rows));
    console.log(`RSS samples (s: MB): ${report.rss.samples.map((s) => `${s.atS}: ${s.mb}`).join(', ')}`);
    console.log(JSON.stringify({ soak_seconds: seconds, soak_save_rps: report.saves.rps, soak_target_rps: report.targetSaveRps, soak_errors: report.saveErrors + report.reads.errors, rss_start_mb: report.rss.startMb, rss_peak_mb: report.rss.peakMb, rss_end_mb: report.rss.endMb, rss_slope_mb_per_min: report.rss.secondHalfSlopeMbPerMin }));
    const problems = [
      report.saveErrors + report.reads.errors > 0 ? `${report.saveErrors} save and ${report.reads.errors} read errors` : null,
      report.saves.rps < report.targetSaveRps * 0.9 ? `saves held ${report.saves.rps.toFixed(0)}/s, under the ${report.targetSaveRps}/s asked` : null,
      flat ? null : `memory still climbing: ${report.rss.secondHalfSlopeMbPerMin.toFixed(2)} MB/min over the second half`,
    ].filter((p) => p !== null);
    if (problems.length) {
      log(`The soak FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

/** --startup [N]: start to healthy and the server's memory, N times (3 unless given), each on a fresh copy of the prepared data. */
async function startupRun(run: PreparedRun): Promise<void> {
  const rounds = Number(positionals[0] ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--startup takes a number of starts, e.g. npm run bench -- --startup 3');
  log(`Starting the server ${rounds} time(s) on ${run.vendorCount.toLocaleString('en')} vendors (load average ${os.loadavg()[0]!.toFixed(1)})...`);
  const samples = await startupRounds(run, rounds, tmp, log);
  const med = (pick: (s: (typeof samples)[number]) => number) => median(samples.map(pick));
  const rows: Row[] = [
    { what: 'Start to healthy (median)', value: ms(med((s) => s.startupMs)), target: '<= 3 s' },
    { what: 'RSS when healthy (median)', value: `${med((s) => s.rssHealthyMb).toFixed(0)} MB` },
    { what: 'Quiet again after healthy: jobs done, or 1 min of them (median)', value: ms(med((s) => s.quietMs)) },
    { what: 'RSS after the jobs and staff reads (median)', value: `${med((s) => s.rssQuietMb).toFixed(0)} MB` },
    { what: 'Server peak RSS, VmHWM (median)', value: `${med((s) => s.peakMb).toFixed(0)} MB`, target: '<= 400 MB' },
  ];
  console.log('');
  console.log(table(`Start-up: ${rounds} start(s) on ${run.vendorCount.toLocaleString('en')} vendors; ${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at end`, rows));
  console.log(JSON.stringify({ startup_ms: med((s) => s.startupMs), rss_healthy_mb: med((s) => s.rssHealthyMb), rss_quiet_mb: med((s) => s.rssQuietMb), rss_mb: med((s) => s.peakMb) }));
}

if (flags.crash) {
  const rounds = Number(positionals[0] ?? 13);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--crash takes a number of rounds, e.g. npm run bench -- --crash 13');
  try {
    const report = await crashRounds(path.join(tmp, 'crash'), rounds, log);
    console.log(JSON.stringify(report));
    if (report.problems.length) {
      log(`The crash test FAILED:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      log(`The crash test passed: ${rounds} rounds, ${report.acknowledgedSaves} saves and ${report.acknowledgedUploads} uploads acknowledged, none lost; integrity, references and audit chain intact.`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit();
}

try {
  log(existsSync(portfolioFile) ? `Reusing the portfolio in ${portfolioFile}` : `Generating ${settings.vendors.toLocaleString('en')} vendors into ${portfolioFile}...`);
  const { generatedMs } = ensurePortfolio(portfolioFile, settings.vendors, now);
  const run = await prepareRun(portfolioFile, path.join(tmp, 'data'), now);
  if (flags.soak !== undefined) await soakRun(run);
  else if (flags.startup) await startupRun(run);
  else if (flags.profile) await profile(run);
  else if (flags.path) await measurePath(run);
  else await measure(run, generatedMs);
} finally {
  if (process.env.BENCH_KEEP) log(`Kept the run's working directory: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
