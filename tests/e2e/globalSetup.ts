/**
 * Starts the real server (`node server/main.ts`, as `npm start` does after
 * building) on a free port with a fresh DATA_DIR, waits for its URL, and
 * stops it when the run ends. Tests read the URL from E2E_BASE_URL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-e2e-'));
  const server = spawn(process.execPath, ['server/main.ts'], {
    // TOLLGATE_TEST_CLOCK: a clock the remediation spec moves forward (server/platform/http/testClockRoutes.ts).
    // The whole suite is one client address: lift the per-minute budget as load tests do (the sign-in and upload routes keep their own limits).
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn', TOLLGATE_TEST_CLOCK: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
  // The demo users' passwords are printed once, at the first start: the tests sign in with them.
  const users = [...output.matchAll(/demo-user role=(\w+) email=(\S+) password=(\S+)/g)].map(([, role, email, password]) => ({ role, email, password }));
  if (users.length === 0) throw new Error(`The server printed no demo users:\n${output}`);
  process.env.E2E_USERS = JSON.stringify(users);
  process.env.E2E_BASE_URL = url;
  process.env.E2E_DATA_DIR = dataDir;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
