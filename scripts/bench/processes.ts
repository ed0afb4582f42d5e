/**
 * The servers under test, each in a process of its own, so the load
 * generator (this process) never shares a thread with them:
 *   - the real server, started as `npm start` starts it (`node <its flags> server/main.ts`);
 *   - the ceiling (ceiling.ts): a bare Fastify + tRPC server doing nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../server/platform/http/freePort.ts';

export interface ServerProcess {
  pid: number;
  /** Where the bench sends requests (loopback only). */
  base: string;
  /** The origin the server believes it has (PUBLIC_URL), for the Origin header of writes. */
  origin: string;
  /** From spawning the process to the first healthy answer. */
  startupMs: number;
  /** performance.now() at that first healthy answer. */
  healthyAt: number;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb: () => number;
  stop: () => Promise<void>;
  /** Where its output goes (JSON lines); null for the ceiling server, which runs no jobs. */
  logFile: string | null;
  /** Where this process's output starts in `logFile`: servers started one after another on one DATA_DIR share the file. */
  logFrom: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The peak resident set size of a process, from Linux's /proc. */
export function peakRssMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitHealthy(child: ChildProcess, url: string, logFile: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The server exited (code ${exited}) before it was healthy. Its log:\n${tail(logFile)}`);
    // A slow answer still counts: at start, on a busy machine, the jobs' batches can hold the server for seconds at a time.
    const ok = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`The server was not healthy within ${timeoutMs / 1000} s. Its log:\n${tail(logFile)}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      // The server's own shutdown: closes the database and, under --cpu-prof, writes the profile.
      child.kill('SIGTERM');
    });
}

/**
 * The Node flags `npm start` gives the server (package.json's start script, between `node` and the entry point),
 * so the bench starts it exactly as an operator does.
 */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const match = /\bnode((?: --?[\w-]+(?:=\S+)?)*) server\/main\.ts/.exec(start);
  if (!match) throw new Error(`package.json's start script does not run "node ... server/main.ts": ${start}`);
  return match[1]!.trim().split(' ').filter(Boolean);
}

/** Variables of the developer's shell that would change what is measured. */
const CONFIG_VARIABLES = ['PUBLIC_URL', 'TRUST_PROXY', 'CLIENT_DIR', 'SMTP_URL', 'AUTH_SECRET', 'AUDIT_KEY', 'ORGANISATION_NAME', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'SEED_DEMO', 'HOST', 'PORT', 'DATA_DIR'];

/**
 * Starts `node server/main.ts` on `dataDir`, logging (at the default level,
 * info, as a server runs by default) to a file there, with the global rate
 * limit lifted so that load is served rather than refused.
 */
export async function startRealServer(opts: { dataDir: string; nodeArgs?: string[]; /** null: the server's own default limit (the scan uses it); otherwise lifted. */ rateLimitPerMinute?: number | null }): Promise<ServerProcess> {
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.includes(name)));
  const logFile = path.join(opts.dataDir, 'server.log');
  const logFrom = existsSync(logFile) ? statSync(logFile).size : 0;
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), ...(opts.nodeArgs ?? []), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: opts.dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...(opts.rateLimitPerMinute === null ? {} : { RATE_LIMIT_PER_MINUTE: String(opts.rateLimitPerMinute ?? 1_000_000_000) }) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(child, `${base}/healthz`, logFile);
  const healthyAt = performance.now();
  const startupMs = healthyAt - started;
  return { pid: child.pid!, base, origin: `http://localhost:${port}`, startupMs, healthyAt, peakRssMb: () => peakRssMb(child.pid!), stop: stopper(child), logFile, logFrom };
}

/**
 * CPU time a process has used so far (user + system), in microseconds, from Linux's /proc: a rate on a shared
 * 2-core machine follows the process's share of the machine, its CPU time per request much less so.
 */
export function cpuUs(pid: number): number {
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}
/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Starts the ceiling server (ceiling.ts) in its own process. */
export async function startCeilingServer(logDir: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const logFile = path.join(logDir, 'ceiling.log');
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, path.join(import.meta.dirname, 'ceiling.ts')], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', log, log] });
  closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(child, `${base}/bare`, logFile);
  const healthyAt = performance.now();
  return { pid: child.pid!, base, origin: base, startupMs: healthyAt - started, healthyAt, peakRssMb: () => peakRssMb(child.pid!), stop: stopper(child), logFile: null, logFrom: 0 };
}

/**
 * Waits until the server's first run of its scheduled jobs (snapshots, reminders, ...) has finished, as its log
 * says ("scheduled jobs finished"), then until it answers /healthz promptly five times in a row: a load measured
 * while the jobs run measures them. The jobs give requests half the server's time while they run (server/jobs.ts),
 * so prompt health checks alone do not show they are done. Gives up (and measures anyway) after `timeoutMs`.
 */
export async function waitQuiet(server: ServerProcess, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  // Only this process's lines: an earlier server on the same DATA_DIR wrote the same words.
  const jobsFinished = () => server.logFile !== null && readFileSync(server.logFile).subarray(server.logFrom).toString('utf8').includes('"msg":"scheduled jobs finished"');
  while (!jobsFinished() && performance.now() - started < timeoutMs) await sleep(500);
  let prompt = 0;
  while (prompt < 5 && performance.now() - started < timeoutMs) {
    const sent = performance.now();
    const ok = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false);
    prompt = ok && performance.now() - sent < 50 ? prompt + 1 : 0;
    await sleep(200);
  }
  return performance.now() - started;
}
