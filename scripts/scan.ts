/**
 * npm run scan: Debian's wapiti and sqlmap against a real, seeded Tollgate
 * (issue 15). Not part of `npm test`: it takes minutes and needs the two
 * scanners installed (`apt-get install -y --no-install-recommends wapiti sqlmap`).
 *
 * Starts `node server/main.ts` on a small generated portfolio (the bench's),
 * signs in a procurement user and opens a questionnaire link, then runs
 * each scanner twice, once with each session. Both scanners go through a
 * pacing proxy in this process that lets at most PACE requests a second
 * through, under the server's own limit of 600 a minute per client, which
 * stays in force: the answers the scanners judge are real ones, not 429s.
 * The server's log says afterwards how many requests it answered with what.
 *
 * Fails (exit 1) on any wapiti finding of medium level or above, any wapiti
 * anomaly (a 500 or a timeout), any injection sqlmap finds, any 5xx in the
 * server's log, or any 429.
 */
import { spawnSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../server/platform/http/freePort.ts';
import { signIn } from './bench/load.ts';
import { BENCH_USERS, ensurePortfolio, prepareRun } from './bench/portfolio.ts';
import { startRealServer } from './bench/processes.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

const missing = ['wapiti', 'sqlmap'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length) {
  log(`npm run scan needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.`);
  log('On Debian or Ubuntu: sudo apt-get install -y --no-install-recommends wapiti sqlmap');
  process.exit(2);
}

/** Requests a second the pacing proxy lets through: 9, against the server's 10 (600 a minute). */
const PACE = 9;
const VENDORS = 300;
/** Wall-clock bound of each wapiti run; its attack modules get a share each. */
const WAPITI_SECONDS = Number(process.env.SCAN_WAPITI_SECONDS ?? 420);

/**
 * A forward HTTP proxy that releases one request every 1/PACE s, in order,
 * and counts what it forwarded for each scanner.
 */
async function startPacingProxy(): Promise<{ url: string; count: () => number; close: () => void }> {
  let next = 0;
  let forwarded = 0;
  const server = http.createServer((request, response) => {
    const wait = Math.max(0, next - Date.now());
    next = Math.max(Date.now(), next) + 1000 / PACE;
    setTimeout(() => {
      forwarded++;
      const target = new URL(request.url!);
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.writeHead(502).end());
      request.pipe(upstream);
    }, wait);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, count: () => forwarded, close: () => server.close() };
}

function run(command: string, args: string[], logFile: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      resolve({ code: code ?? -1, output });
    });
  });
}

interface WapitiReport {
  vulnerabilities: Record<string, { level: string | number; method: string; path: string; info: string; parameter: string }[]>;
  anomalies: Record<string, { level: string | number; method: string; path: string; info: string }[]>;
  additionals?: Record<string, unknown[]>;
}

const q = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tollgate-scan-'));
const out = path.join(tmp, 'reports');
mkdirSync(out);
const problems: string[] = [];
const rows: string[] = [];
try {
  log(`Generating a portfolio of ${VENDORS} vendors...`);
  const now = new Date();
  ensurePortfolio(path.join(tmp, 'portfolio.sqlite'), VENDORS, now);
  const prepared = await prepareRun(path.join(tmp, 'portfolio.sqlite'), path.join(tmp, 'data'), now);
  // The server's own global limit (600 a minute), not the bench's lifted one.
  const server = await startRealServer({ dataDir: prepared.dataDir, rateLimitPerMinute: null });
  const proxy = await startPacingProxy();
  try {
    const staffCookie = await signIn(server.base, server.origin, BENCH_USERS.procurement.email, prepared.password);
    const link = prepared.linkSessions[0]!;
    const linkCookie = link.cookie;
    const vendorId = 1;

    const sessions = [
      {
        name: 'signed-in procurement user',
        cookie: staffCookie,
        start: [
          '/',
          q('vendors.list', { search: 'Vendor', page: 1, pageSize: 50 }),
          q('vendors.get', { id: vendorId }),
          q('assessments.list', { vendorId }),
          q('tasks.list', { search: 'MFA' }),
          q('assessments.get', { id: link.assessmentId }),
          q('dashboard.heatmap', { filters: {}, view: 'residual' }),
          `/api/assessments/${link.assessmentId}/report.pdf`,
          '/api/evidence/1',
          '/api/export/vendors.csv',
        ],
        sqlmap: [
          { url: `${q('vendors.list', { search: 'Vendor', page: 1 }).replace('Vendor', 'Vendor*')}` },
          { url: q('vendors.get', { id: vendorId }).replace(encodeURIComponent(`"id":${vendorId}`), encodeURIComponent(`"id":${vendorId}*`)) },
          { url: `/api/assessments/${link.assessmentId}*/report.pdf` },
          { url: '/trpc/vendors.update', data: JSON.stringify({ json: { id: vendorId, serviceDescription: 'Call centre*' } }) },
        ],
      },
      {
        name: 'vendor questionnaire-link session',
        cookie: linkCookie,
        start: ['/portal', q('portal.gate', undefined).replace('?input=%7B%7D', ''), '/trpc/portal.overview', '/trpc/portal.questionnaire', '/trpc/portal.tasks', '/api/portal/evidence/1'],
        sqlmap: [
          { url: '/api/portal/evidence/1*' },
          { url: '/trpc/portal.saveAnswer', data: JSON.stringify({ json: { controlId: 'IAM-01*', value: 'yes', comment: 'Scanned*', baseRevision: 0, overwrite: true } }) },
          { url: '/trpc/portal.updateTask', data: JSON.stringify({ json: { taskId: 1, response: 'Done*' } }) },
        ],
      },
    ];

    for (const [i, session] of sessions.entries()) {
      const before = proxy.count();
      const report = path.join(out, `wapiti-${i}.json`);
      log(`wapiti as the ${session.name} (up to ${WAPITI_SECONDS} s)...`);
      const wapiti = await run(
        'wapiti',
        [
          '-u', `${server.base}/`,
          '--scope', 'domain',
          ...session.start.flatMap((url) => ['-s', `${server.base}${url}`]),
          '-H', `Cookie: ${session.cookie}`,
          '-H', `Origin: ${server.origin}`,
          '-p', proxy.url,
          '-d', '3',
          '--max-scan-time', String(WAPITI_SECONDS),
          '--flush-session',
          '--store-session', path.join(tmp, `wapiti-session-${i}`),
          '-f', 'json',
          '-o', report,
          '-v', '1',
          '--no-bugreport',
        ],
        path.join(out, `wapiti-${i}.log`),
      );
      const wapitiRequests = proxy.count() - before;
      let findings = 'no report';
      try {
        const parsed = JSON.parse(readFileSync(report, 'utf8')) as WapitiReport;
        const all = Object.entries(parsed.vulnerabilities).flatMap(([kind, list]) => list.map((v) => ({ kind, ...v })));
        const serious = all.filter((v) => Number(v.level) >= 2);
        const anomalies = Object.entries(parsed.anomalies).flatMap(([kind, list]) => list.map((a) => ({ kind, ...a })));
        for (const v of serious) problems.push(`wapiti (${session.name}): ${v.kind} level ${v.level} at ${v.method} ${v.path} ${v.parameter}: ${v.info}`);
        for (const a of anomalies) problems.push(`wapiti (${session.name}): anomaly ${a.kind} at ${a.method} ${a.path}: ${a.info}`);
        const low = all.filter((v) => Number(v.level) < 2);
        findings = `${serious.length} medium or high, ${low.length} low (${[...new Set(low.map((v) => v.kind))].join(', ') || 'none'}), ${anomalies.length} anomalies`;
      } catch {
        problems.push(`wapiti (${session.name}) wrote no report (exit ${wapiti.code}); see ${path.join(out, `wapiti-${i}.log`)}`);
      }
      rows.push(`| wapiti ${wapiti.output.match(/Wapiti[- ](\d[\d.]*)/)?.[1] ?? ''} | ${session.name} | ${wapitiRequests} | ${findings} |`);

      const sqlBefore = proxy.count();
      let injectable = 0;
      for (const [j, target] of session.sqlmap.entries()) {
        log(`sqlmap as the ${session.name}: ${target.data ? 'POST' : 'GET'} ${target.url.slice(0, 80)}...`);
        const result = await run(
          'sqlmap',
          [
            '-u', `${server.base}${target.url}`,
            ...(target.data ? ['--data', target.data, '--method', 'POST', '-H', 'Content-Type: application/json'] : []),
            '-H', `Cookie: ${session.cookie}`,
            '-H', `Origin: ${server.origin}`,
            '--proxy', proxy.url,
            '--batch',
            '--level', '2',
            '--risk', '1',
            '--flush-session',
            '--output-dir', path.join(tmp, `sqlmap-${i}-${j}`),
          ],
          path.join(out, `sqlmap-${i}-${j}.log`),
        );
        if (/identified the following injection point|is vulnerable/i.test(result.output)) {
          injectable++;
          problems.push(`sqlmap (${session.name}): injection found at ${target.url}; see ${path.join(out, `sqlmap-${i}-${j}.log`)}`);
        }
      }
      const version = spawnSync('sqlmap', ['--version']).stdout?.toString().trim().split('\n')[0];
      rows.push(`| sqlmap ${version} | ${session.name}: ${session.sqlmap.length} injection points (JSON inputs in tRPC queries and bodies, path ids) | ${proxy.count() - sqlBefore} | ${injectable} injectable |`);
    }

    // What the server answered, from its own request log (LOG_LEVEL=info logs every answer).
    await sleep(500);
    const statuses = new Map<number, number>();
    // One JSON line per answered request: {"msg":"request","status":200,...} (OneLinePerRequest in server/app.ts; 'request errored' when a handler threw).
    for (const line of readFileSync(path.join(prepared.dataDir, 'server.log'), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; status?: number };
      if ((entry.msg === 'request' || entry.msg === 'request errored') && typeof entry.status === 'number') statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
    }
    // The scanners sent thousands of requests: a log that shows none means this check read nothing, not that all was well.
    const answered = [...statuses.values()].reduce((n, c) => n + c, 0);
    if (answered < proxy.count() / 2) problems.push(`The server's log shows ${answered} answered requests of the ${proxy.count()} sent: the log format changed, so 5xx and 429 answers could not be counted.`);
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const limited = statuses.get(429) ?? 0;
    if (serverErrors) problems.push(`The server answered ${serverErrors} request(s) with a 5xx: see ${path.join(prepared.dataDir, 'server.log')}`);
    if (limited) problems.push(`The server answered ${limited} request(s) with 429: the scanners went faster than the limits, so some answers were not real.`);

    console.log('\n| Scanner | Session | Requests | Findings |\n| --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
    console.log(`\nServer answers by status: ${[...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')}`);
  } finally {
    proxy.close();
    await server.stop();
  }
  if (problems.length) {
    log(`\nThe scan FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}\nReports kept in ${out}`);
    process.exitCode = 1;
  } else {
    log(`\nNo medium or high finding, no injection, no 5xx, no 429.${process.env.SCAN_KEEP ? ` Reports kept in ${out}` : ' (SCAN_KEEP=1 keeps the reports.)'}`);
  }
} finally {
  if (!process.exitCode && !process.env.SCAN_KEEP) rmSync(tmp, { recursive: true, force: true });
}
