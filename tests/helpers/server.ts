/** The real HTTP server on a free loopback port, for integration tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import type { Auth } from '../../server/accounts/betterAuth.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { freePort } from '../../server/platform/http/freePort.ts';
import type { EvidenceLimits } from '../../server/assessments/evidence/evidence.ts';
import { createTestAuth } from './auth.ts';
import { makeTempDir } from './testDatabase.ts';

export interface TestServer {
  base: string;
  app: FastifyInstance;
  auth: Auth;
  /** Where this server stores evidence files. */
  uploadsDir: string;
  close: () => Promise<void>;
}

/** A stand-in for the built SPA: the server's fallback and caching are what is tested, not the UI. */
function fakeClientDir(): string {
  const dir = makeTempDir('client-');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tollgate</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  // A source map a build left behind: the server must never hand it out.
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.map'), '{"version":3,"sources":["../src/secret.ts"],"mappings":""}');
  return dir;
}

/** `smtpUrl` configures mail as an operator would; nothing is delivered (tests start no delivery loop), emails wait as pending. */
export async function startTestServer(db: Db, opts: { now?: () => Date; evidenceLimits?: EvidenceLimits; smtpUrl?: string; trustProxy?: string[] | false; rateLimitPerMinute?: number; uploadsDir?: string } = {}): Promise<TestServer> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const auth = createTestAuth(db, base);
  // A server on a real DATA_DIR keeps evidence in DATA_DIR/uploads, where the CLI's backup looks.
  const uploadsDir = opts.uploadsDir ?? makeTempDir('uploads-');
  const app = await buildApp({
    db,
    auth,
    config: { logLevel: 'silent', publicUrl: base, smtpUrl: opts.smtpUrl ?? null, trustProxy: opts.trustProxy ?? false, uploadsDir, ...(opts.rateLimitPerMinute ? { rateLimitPerMinute: opts.rateLimitPerMinute } : {}) },
    clientDir: fakeClientDir(),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.evidenceLimits ? { evidenceLimits: opts.evidenceLimits } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { base, app, auth, uploadsDir, close: () => app.close() };
}
