/**
 * Start-up as `npm start` runs it (`node server/main.ts`): configuration
 * checked with a clear message, migrations applied, demo data on the first
 * start only, data kept across restarts, DATA_DIR readable by the server's
 * user only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { vendors } from '../../drizzle/schema/index.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

const MAIN = path.resolve('server/main.ts');

interface Started {
  url: string;
  output: string;
  stop: () => Promise<void>;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          output,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/** Counts vendors straight from the SQLite file, once the server has stopped. */
function vendorCount(dataDir: string): number {
  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  try {
    return db.select({ n: count() }).from(vendors).get()!.n;
  } finally {
    db.$client.close();
  }
}

describe('start-up', { timeout: 150_000 }, () => {
  it('seeds the demo portfolio on the first start, and keeps the data on the second', async () => {
    const dataDir = makeTempDir('start-');
    const first = await start({ DATA_DIR: dataDir });
    expect(first.output).toMatch(/Seeded the demo portfolio: \d+ vendors/);
    // Demo users get generated passwords, printed once; no setup link is needed.
    expect(first.output).toMatch(/demo-user role=admin email=\S+ password=\S{12,}/);
    expect(first.output).not.toMatch(/Create the first administrator/);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    await first.stop();
    const seeded = vendorCount(dataDir);
    expect(seeded).toBeGreaterThanOrEqual(20);

    const second = await start({ DATA_DIR: dataDir });
    expect(second.output).not.toMatch(/Seeded|password=/);
    await second.stop();
    expect(vendorCount(dataDir)).toBe(seeded);
  });

  it('starts empty when SEED_DEMO=false, printing a one-time link to create the first administrator', async () => {
    const dataDir = makeTempDir('empty-');
    const started = await start({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    expect(started.output).toMatch(/Create the first administrator[\s\S]*\/setup\?token=[\w-]{43}/);
    await started.stop();
    expect(vendorCount(dataDir)).toBe(0);
  });

  it('keeps DATA_DIR private: directories 0700 and files 0600, also those an older version left open', async () => {
    const dataDir = makeTempDir('private-');
    chmodSync(dataDir, 0o755);
    const modeOf = (name: string) => (statSync(path.join(dataDir, name)).mode & 0o777).toString(8);
    const expectPrivate = (files: string[]) => {
      expect(modeOf('.')).toBe('700');
      expect(modeOf('uploads')).toBe('700');
      for (const file of files) expect([file, modeOf(file)]).toEqual([file, '600']);
    };
    const database = ['tollgate.sqlite', 'tollgate.sqlite-wal', 'tollgate.sqlite-shm'];

    const first = await start({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      // Checked while it runs, when SQLite's -wal and -shm files exist.
      expectPrivate([...database, 'auth-secret']);
    } finally {
      await first.stop();
    }

    // As an older version, a restore or a hand copy may leave them.
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, 'uploads'), 0o755);
    for (const file of ['tollgate.sqlite', 'auth-secret']) chmodSync(path.join(dataDir, file), 0o644);
    writeFileSync(path.join(dataDir, 'uploads', 'evidence-from-before'), 'evidence', { mode: 0o644 });
    chmodSync(path.join(dataDir, 'uploads', 'evidence-from-before'), 0o644);
    const second = await start({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      expectPrivate([...database, 'auth-secret', 'uploads/evidence-from-before']);
    } finally {
      await second.stop();
    }
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty": PORT must be a number'],
    ['PORT', '70000', 'PORT="70000": PORT must be from 0 to 65535'],
    ['SEED_DEMO', 'perhaps', 'SEED_DEMO="perhaps": SEED_DEMO must be true or false'],
    ['HOST', 'not a host!', 'HOST="not a host!": HOST must be a host name or IP address'],
    ['TRUST_PROXY', 'true', 'TRUST_PROXY="true": TRUST_PROXY=true would take each client\'s IP from the left of X-Forwarded-For'],
    ['TRUST_PROXY', '10.0.0.300', 'TRUST_PROXY="10.0.0.300": TRUST_PROXY must list the proxies\' IP addresses or ranges'],
    ['RATE_LIMIT_PER_MINUTE', 'lots', 'RATE_LIMIT_PER_MINUTE="lots": RATE_LIMIT_PER_MINUTE must be a number'],
    ['RATE_LIMIT_PER_MINUTE', '0', 'RATE_LIMIT_PER_MINUTE="0": RATE_LIMIT_PER_MINUTE must be at least 1'],
    ['RATE_LIMIT_PER_MINUTE', '2.5', 'RATE_LIMIT_PER_MINUTE="2.5": RATE_LIMIT_PER_MINUTE must be a whole number'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    // A server that wrongly accepts the value would keep running: the timeout ends it and the test fails.
    const result = spawnSync(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: makeTempDir('bad-'), PORT: '0', [name]: value }, encoding: 'utf8', timeout: 90_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(message);
  });

  /** Sends `n` requests for /healthz, a few at a time, and returns their statuses in order. */
  async function healthStatuses(url: string, n: number): Promise<Response[]> {
    const responses: Response[] = [];
    for (let i = 0; i < n; i += 50) {
      responses.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => fetch(`${url}/healthz`)))));
    }
    return responses;
  }

  it('RATE_LIMIT_PER_MINUTE sets how many requests a client may make per minute', async () => {
    const started = await start({ DATA_DIR: makeTempDir('limit-'), SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '5' });
    try {
      // Sent at once, so which one arrives sixth is up to the network stack: count them.
      const responses = await healthStatuses(started.url, 6);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
      const refused = responses.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await started.stop();
    }
  });

  it('keeps a budget of 600 requests a minute when RATE_LIMIT_PER_MINUTE is not set', async () => {
    const started = await start({ DATA_DIR: makeTempDir('default-limit-'), SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '' });
    try {
      const statuses = (await healthStatuses(started.url, 601)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(600);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    } finally {
      await started.stop();
    }
  });
});
