/**
 * Which address counts as the client's, with and without reverse proxies,
 * over real HTTP. It keys the per-IP rate limits and is the IP the audit
 * log records, so a client must never choose it by writing its own
 * X-Forwarded-For. TRUST_PROXY goes through the real configuration parser.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../drizzle/schema/index.ts';
import { ConfigError, loadConfig } from '../../server/platform/config.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createUserWithPassword, TEST_PASSWORD } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const REAL_CLIENT = '198.51.100.7';
let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serverWith(trustProxy: string | undefined): Promise<{ db: Db; base: string; email: string }> {
  const { db } = createTestDatabase();
  const config = loadConfig(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy });
  server = await startTestServer(db, { trustProxy: config.trustProxy });
  const { email } = await createUserWithPassword(server.auth, 'procurement');
  return { db, base: server.base, email };
}

function signInVia(base: string, forwardedFor: string, email: string, password: string) {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
}

/** The IP the audit log recorded for the last successful sign-in. */
const signInIp = (db: Db) => db.select({ ip: auditEvents.ip }).from(auditEvents).where(eq(auditEvents.action, 'auth.sign_in')).all().at(-1)?.ip;

describe('the client address behind reverse proxies', () => {
  it('behind a proxy on this machine (TRUST_PROXY=loopback) is the address the proxy saw, never one the client wrote', async () => {
    const { db, base, email } = await serverWith('loopback');
    // The client wrote "6.6.6.6"; the proxy appended the address it saw.
    expect((await signInVia(base, `6.6.6.6, ${REAL_CLIENT}`, email, TEST_PASSWORD)).status).toBe(200);
    expect(signInIp(db)).toBe(REAL_CLIENT);

    // A new made-up address on every attempt does not give a new rate-limit budget.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await signInVia(base, `203.0.113.${i}, ${REAL_CLIENT}`, `nobody-${i}@example.com`, 'wrong password here')).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThan(24);
  });

  it('takes the first address from the right that is not a listed proxy', async () => {
    const { db, base, email } = await serverWith('127.0.0.1, 10.0.0.0/8');
    // Client-written, the real client, then a second proxy of ours on 10.x.
    expect((await signInVia(base, `203.0.113.9, ${REAL_CLIENT}, 10.1.2.3`, email, TEST_PASSWORD)).status).toBe(200);
    expect(signInIp(db)).toBe(REAL_CLIENT);
  });

  it('ignores X-Forwarded-For when no proxy is configured', async () => {
    const { db, base, email } = await serverWith(undefined);
    expect((await signInVia(base, REAL_CLIENT, email, TEST_PASSWORD)).status).toBe(200);
    expect(signInIp(db)).toBe('127.0.0.1');
  });
});

describe('TRUST_PROXY values', () => {
  it.each([
    ['true', 'TRUST_PROXY="true": TRUST_PROXY=true would take each client\'s IP from the left of X-Forwarded-For'],
    ['yes', 'TRUST_PROXY=true would take'],
    ['1', 'not a number of hops'],
    ['2', 'not a number of hops'],
    ['10.0.0.300', '"10.0.0.300" is not an IP address'],
    ['10.0.0.0/33', '"10.0.0.0/33" has a range size that is not from 0 to 32'],
    ['proxy.example.com', '"proxy.example.com" is not an IP address'],
    [',', 'none given'],
  ])('refuses TRUST_PROXY=%s with a message naming it', (value, message) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(message);
  });

  it('reads off-values as "no proxy" and lists of addresses, ranges or loopback', () => {
    for (const off of ['false', 'no', '0', 'none', '']) expect(loadConfig({ TRUST_PROXY: off }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: ' LoopBack , 10.0.0.5,fd00::/8 ' }).trustProxy).toEqual(['loopback', '10.0.0.5', 'fd00::/8']);
  });
});
