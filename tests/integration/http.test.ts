/**
 * The server over real HTTP on a free loopback port: health check,
 * security headers, tRPC with superjson, and the SPA's history fallback.
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../server/router.ts';
import { transformer } from '#shared/transformer.ts';
import { createVendor } from '../helpers/factories.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let server: TestServer;
let base: string;
let cookie: string;
let db: ReturnType<typeof createTestDatabase>['db'];

beforeAll(async () => {
  db = createTestDatabase().db;
  createVendor(db, { name: 'Over The Wire Ltd', holdings: [{ category: 'contact.email', records: 1_234 }] });
  server = await startTestServer(db);
  base = server.base;
  const user = await createUserWithPassword(server.auth, 'procurement');
  cookie = (await signIn(base, user.email)).cookie!;
});

afterAll(async () => {
  await server.close();
});

const authed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...init.headers, cookie } });

describe('HTTP server', () => {
  it('answers an unexpected error on a plain route with a fixed sentence, never its own text (ASVS 16.5.1)', async () => {
    // A fault on our side: the table the export reads is gone for a moment.
    db.$client.exec('alter table data_holdings rename to data_holdings_away');
    try {
      const response = await authed(`${base}/api/export/holdings.csv`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: 'Something went wrong on our side. Nothing was changed; please try again.', reason: 'INTERNAL' });
      expect(text).not.toMatch(/data_holdings|SQLITE|no such table|at \//i);
    } finally {
      db.$client.exec('alter table data_holdings_away rename to data_holdings');
    }
  });

  it('answers the health check once the database answers', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('sends the security headers', async () => {
    const response = await fetch(`${base}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Plain HTTP: HSTS would be meaningless.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves tRPC with superjson', async () => {
    const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/trpc`, transformer, headers: { cookie } })] });
    const list = await client.vendors.list.query({});
    expect(list.rows.map((r) => [r.name, r.largestHolding])).toEqual([['Over The Wire Ltd', 1_234]]);
  });

  it('answers bad input with 400 and the field at fault, not 500', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { pageSize: 'many' } }));
    const response = await authed(`${base}/trpc/vendors.list?input=${input}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.message).toContain('pageSize');
    expect(body.error.json.data.fieldErrors).toHaveProperty('pageSize');
  });

  it('answers an unknown vendor with 404', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { id: 424242 } }));
    const response = await authed(`${base}/trpc/vendors.get?input=${input}`);
    expect(response.status).toBe(404);
  });

  it('serves index.html for deep links so a reload keeps the page', async () => {
    const response = await fetch(`${base}/vendors/12`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('caches hashed assets for long and answers unknown API paths with 404', async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${base}/trpc-nothing-here`, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
  });

  it('never serves a source map, even one left in the build, nor the page in place of a missing asset', async () => {
    for (const accept of ['*/*', 'text/html,*/*']) {
      const map = await fetch(`${base}/assets/app-abc123.js.map`, { headers: { accept } });
      expect(map.status, accept).toBe(404);
      expect(await map.text()).not.toContain('sources');
      expect((await fetch(`${base}/assets/app-abc123.JS.MAP?x=1`, { headers: { accept } })).status).toBe(404);
      expect((await fetch(`${base}/assets/gone-123.js`, { headers: { accept } })).status).toBe(404);
    }
    expect((await fetch(`${base}/assets/app-abc123.js`)).status).toBe(200);
  });
});
