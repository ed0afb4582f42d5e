/**
 * The server as an operator runs it (`node server/main.ts`), as a real
 * process: graceful shutdown on SIGTERM and SIGINT, one server per
 * DATA_DIR, a taken port refused before anything is migrated, and plain
 * start-up messages for a DATA_DIR that cannot be used.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../server/platform/db/database.ts';
import { describeStartupError } from '../../server/platform/startupChecks.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

const MAIN = path.resolve('server/main.ts');

interface Running {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

interface Staging {
  /** Run the server as this user (root only). */
  uid?: number;
  gid?: number;
  /** Shell run first in a private mount namespace (DATA_DIR in the environment), e.g. to mount a tmpfs over it. */
  mountScript?: string;
}

const NOBODY = 65534;

function launch(env: Record<string, string>, staging: Staging = {}) {
  const fullEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_DEMO: 'false', ...env };
  const [command, args] = staging.mountScript
    ? // Root needs only a mount namespace; anyone else maps themselves to root in a user namespace for the mount.
      ['unshare', [...(process.getuid?.() === 0 ? [] : ['--map-root-user']), '--mount', 'sh', '-c', `set -e; ${staging.mountScript}; exec "$0" "$1"`, process.execPath, MAIN]]
    : [process.execPath, [MAIN]];
  const child = spawn(command as string, args as string[], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(staging.uid !== undefined ? { uid: staging.uid, gid: staging.gid ?? staging.uid } : {}),
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function start(env: Record<string, string>): Promise<Running> {
  const launched = launch(env);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /running at (http:\/\/\S+)/.exec(launched.output());
    if (match) return { ...launched, url: match[1]! };
    if (launched.child.exitCode !== null) throw new Error(`exited with ${launched.child.exitCode}:\n${launched.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  launched.child.kill('SIGKILL');
  throw new Error(`no URL within 60 s:\n${launched.output()}`);
}

/** Starts a server expected to refuse: its exit code and what it printed. */
async function refusedStart(env: Record<string, string>, staging: Staging = {}): Promise<{ code: number | null; output: string }> {
  const launched = launch(env, staging);
  const timer = setTimeout(() => launched.child.kill('SIGKILL'), 60_000);
  const code = await launched.exited;
  clearTimeout(timer);
  return { code, output: launched.output() };
}

/** A DATA_DIR holding a migrated database, reachable by any user (its parent is open), itself private. */
function migratedDataDir(prefix: string): string {
  const parent = makeTempDir(prefix);
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  migrateDatabase(db);
  db.$client.close();
  return dataDir;
}

const NO_STACK = /\n\s+at \S+ \(|node:internal|SqliteError|SQLITE_|EACCES|ENOENT/;

describe('graceful shutdown', { timeout: 120_000 }, () => {
  it('on SIGTERM: stops accepting, finishes the request in progress, checkpoints and closes the database, exits 0; SIGINT too', async () => {
    const dataDir = makeTempDir('shutdown-');
    const server = await start({ DATA_DIR: dataDir });
    const { port } = new URL(server.url);

    // A request in progress: its body arrives in two halves, with SIGTERM in between.
    const body = JSON.stringify({ email: 'nobody@tollgate.example', password: 'not the password at all' });
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/api/auth/sign-in/email', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: server.url } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(async () => {
          // Meanwhile, nothing new is accepted.
          await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
          req.end(body.slice(10));
        }, 500);
      }, 300);
    });
    expect(await inFlight).toBe(401);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    // Checkpointed and closed: the WAL is folded into the database file.
    const wal = path.join(dataDir, 'tollgate.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);

    // The lock went with it: the same DATA_DIR starts again, and Ctrl-C stops it cleanly too.
    const again = await start({ DATA_DIR: dataDir });
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('a request that never finishes holds shutdown for at most 10 seconds, then the server exits 0', async () => {
    const server = await start({ DATA_DIR: makeTempDir('shutdown-') });
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/api/auth/sign-in/email', headers: { 'content-type': 'application/json', 'content-length': 1000, origin: server.url } });
    req.on('error', () => {}); // its connection is closed at the deadline
    req.write('{"email":');
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(9_500);
    expect(took).toBeLessThan(20_000);
    expect(server.output()).toContain('closing their connections');
  });
});

describe('one server per DATA_DIR', { timeout: 120_000 }, () => {
  it('a second server on the same DATA_DIR refuses to start, naming it; the first goes on serving', async () => {
    const dataDir = makeTempDir('lock-');
    const first = await start({ DATA_DIR: dataDir });
    const second = await refusedStart({ DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Another Tollgate server is already using DATA_DIR ${dataDir}`);
    expect(second.output).toContain(`process ${first.child.pid}`);
    expect(second.output).toContain('stop the other one first, or give this one its own DATA_DIR');
    expect(second.output).not.toMatch(NO_STACK);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('a server killed outright leaves no stale lock: the next start just works', async () => {
    const dataDir = makeTempDir('lock-');
    const first = await start({ DATA_DIR: dataDir });
    first.child.kill('SIGKILL');
    await first.exited;
    const next = await start({ DATA_DIR: dataDir });
    expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('a port already in use fails before any migration or job runs', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = makeTempDir('port-');
    try {
      const refused = await refusedStart({ DATA_DIR: dataDir, PORT: String(port) });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(refused.output).not.toMatch(NO_STACK);
      // No database was created, so nothing was migrated and no job ran.
      expect(existsSync(path.join(dataDir, 'tollgate.sqlite'))).toBe(false);
    } finally {
      taken.close();
    }
  });
});

describe('start-up checks', { timeout: 120_000 }, () => {
  it('DATA_DIR that is a file: a message naming it and what to do', async () => {
    const file = path.join(makeTempDir('file-'), 'data');
    writeFileSync(file, 'not a directory');
    const refused = await refusedStart({ DATA_DIR: file });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Tollgate did not start. DATA_DIR ${file} is not a directory`);
    expect(refused.output).not.toMatch(NO_STACK);
  });

  it('a damaged database file: a message naming DATA_DIR and the restore command, and the file is left as it was', async () => {
    const dataDir = makeTempDir('corrupt-');
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(path.join(dataDir, 'tollgate.sqlite'), garbage);
    const refused = await refusedStart({ DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The database in DATA_DIR ${dataDir} (tollgate.sqlite) is damaged or is not a Tollgate database`);
    expect(refused.output).toContain('npm run cli -- restore');
    expect(refused.output).not.toMatch(NO_STACK);
    expect(statSync(path.join(dataDir, 'tollgate.sqlite')).size).toBe(garbage.length);
  });

  it('a database from a newer version of Tollgate: refused, not silently half-migrated', async () => {
    const dataDir = makeTempDir('newer-');
    mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
    migrateDatabase(db);
    // What a later version's migration leaves behind.
    db.$client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-a-later-version', 4_102_444_800_000);
    db.$client.close();
    const refused = await refusedStart({ DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The database in DATA_DIR ${dataDir} was last used by a newer version of Tollgate`);
    expect(refused.output).not.toMatch(NO_STACK);
    // Nor may this version's CLI write to it.
    const cli = spawnSync(process.execPath, [path.resolve('server/cli/index.ts'), 'user', 'create', '--email', 'x@tollgate.example', '--role', 'admin'], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('was last used by a newer version of Tollgate');
  });

  it('a DATA_DIR the server user may not write (left owned by root): a message naming it, the user and what to do', async () => {
    const dataDir = migratedDataDir('owned-');
    const asRoot = process.getuid?.() === 0;
    // Root is not stopped by permissions, so the server runs as "nobody", as a service user would; anyone else
    // is stopped by a directory closed to them.
    if (!asRoot) chmodSync(dataDir, 0o000);
    try {
      const refused = await refusedStart({ DATA_DIR: dataDir }, asRoot ? { uid: NOBODY, gid: NOBODY } : {});
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`Tollgate did not start. Tollgate cannot read and write DATA_DIR ${dataDir}: permission denied.`);
      expect(refused.output).toContain(`owned by the user the server runs as (user id ${asRoot ? NOBODY : process.getuid?.()})`);
      expect(refused.output).not.toMatch(NO_STACK);
    } finally {
      chmodSync(dataDir, 0o700);
    }
  });

  // Read-only and full disks are real file systems: a tmpfs mounted over DATA_DIR in the server's own mount
  // namespace (unshare), so nothing outside the test sees it.
  it('a DATA_DIR on a file system mounted read-only, with the data already there: a message naming it and what to do', async () => {
    const source = migratedDataDir('ro-source-');
    const dataDir = makeTempDir('ro-');
    const refused = await refusedStart(
      { DATA_DIR: dataDir },
      { mountScript: `mount -t tmpfs tmpfs "$DATA_DIR" && cp -a "${source}/." "$DATA_DIR" && mount -o remount,ro "$DATA_DIR"` },
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Tollgate did not start. DATA_DIR ${dataDir} is read-only, and Tollgate must write there`);
    expect(refused.output).toContain('Mount it read-write');
    expect(refused.output).not.toMatch(NO_STACK);
  });

  it('a full disk, and one too nearly full to migrate safely: each refused with a message naming DATA_DIR and what to do', async () => {
    const full = makeTempDir('full-');
    const refusedFull = await refusedStart(
      { DATA_DIR: full },
      // dd stops with "no space left"; the disk is then full to the last block.
      { mountScript: `mount -t tmpfs -o size=1m tmpfs "$DATA_DIR" && { dd if=/dev/zero of="$DATA_DIR/filler" bs=4k 2>/dev/null || true; }` },
    );
    expect(refusedFull.code).toBe(1);
    expect(refusedFull.output).toContain(`Tollgate did not start. The disk holding DATA_DIR ${full} is full. Free some space there`);
    expect(refusedFull.output).not.toMatch(NO_STACK);

    const nearlyFull = makeTempDir('nearly-full-');
    const refusedNearly = await refusedStart({ DATA_DIR: nearlyFull }, { mountScript: 'mount -t tmpfs -o size=16m tmpfs "$DATA_DIR"' });
    expect(refusedNearly.code).toBe(1);
    expect(refusedNearly.output).toMatch(new RegExp(`The disk holding DATA_DIR ${nearlyFull} is nearly full \\(1[0-9] MB free; Tollgate needs at least 64 MB`));
    expect(refusedNearly.output).not.toMatch(NO_STACK);
  });

  // The remaining codes the operating system and SQLite may report, for the same words.
  it.each([
    ['EACCES', 'permission denied. Make the directory and everything in it owned by the user the server runs as'],
    ['SQLITE_CANTOPEN', 'permission denied'],
    ['EROFS', 'is read-only, and Tollgate must write there'],
    ['SQLITE_READONLY_DIRECTORY', 'is read-only, and Tollgate must write there'],
    ['ENOSPC', 'is full. Free some space there'],
    ['SQLITE_FULL', 'is full. Free some space there'],
  ])('%s: a message naming DATA_DIR and what to do', (code, words) => {
    const error = Object.assign(new Error(`raw ${code}`), { code });
    const message = describeStartupError(error, '/srv/tollgate');
    expect(message).toContain('DATA_DIR /srv/tollgate');
    expect(message).toContain(words);
    expect(message).not.toContain(code);
  });
});

describe('the request log', { timeout: 120_000 }, () => {
  it('writes one line per request when it ends, with its method, status and time, and never a link token or a cookie', async () => {
    const server = await start({ DATA_DIR: makeTempDir('request-log-') });
    try {
      const token = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4';
      expect((await fetch(`${server.url}/q/${token}`, { redirect: 'manual', headers: { cookie: 'tollgate.session_token=secret-cookie-value' } })).status).toBe(404);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const requestLines = () =>
        server
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((entry) => typeof entry.url === 'string');
      // The lines reach us through a pipe, a moment after the answers.
      for (let waited = 0; requestLines().length < 2 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      const lines = requestLines();
      expect(lines.map((entry) => [entry.method, entry.url, entry.status])).toEqual([
        ['GET', '/q/[token]', 404],
        ['GET', '/healthz', 200],
      ]);
      expect(lines.every((entry) => typeof entry.ms === 'number' && entry.ip === '127.0.0.1')).toBe(true);
      expect(server.output()).not.toContain(token);
      expect(server.output()).not.toContain('secret-cookie-value');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
