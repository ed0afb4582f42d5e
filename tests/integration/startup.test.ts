/**
 * Start-up as `npm start` runs it (`node server/main.ts`): configuration
 * checked with a clear message, migrations applied, demo data on the first
 * start only, data kept across restarts.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${output}`)), 30_000);
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

async function vendorCount(url: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  const response = await fetch(`${url}/trpc/vendors.list?input=${input}`);
  const body = (await response.json()) as { result: { data: { json: { total: number } } } };
  return body.result.data.json.total;
}

describe('start-up', () => {
  it('seeds the demo portfolio on the first start, and keeps the data on the second', async () => {
    const dataDir = makeTempDir('start-');
    const first = await start({ DATA_DIR: dataDir });
    expect(first.output).toMatch(/Seeded the demo portfolio: \d+ vendors/);
    const seeded = await vendorCount(first.url);
    expect(seeded).toBeGreaterThanOrEqual(20);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    await first.stop();

    const second = await start({ DATA_DIR: dataDir });
    expect(second.output).not.toMatch(/Seeded/);
    expect(await vendorCount(second.url)).toBe(seeded);
    await second.stop();
  });

  it('starts with an empty portfolio when SEED_DEMO=false', async () => {
    const started = await start({ DATA_DIR: makeTempDir('empty-'), SEED_DEMO: 'false' });
    expect(await vendorCount(started.url)).toBe(0);
    await started.stop();
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty": PORT must be a number'],
    ['PORT', '70000', 'PORT="70000": PORT must be from 0 to 65535'],
    ['SEED_DEMO', 'perhaps', 'SEED_DEMO="perhaps": SEED_DEMO must be true or false'],
    ['HOST', 'not a host!', 'HOST="not a host!": HOST must be a host name or IP address'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    const result = spawnSync(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: makeTempDir('bad-'), [name]: value }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(message);
  });
});
