/**
 * tRPC batches over real HTTP: at most 10 calls in one request, refused
 * with a clear 400 before any call runs; and every call in a batch counts
 * against the caller's request budget, so batching is no way around it.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, emailOutbox, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const staff = () => createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: server.base } }));
const servers: TestServer[] = [];

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db);
  servers.push(server);
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** A code-protected questionnaire link opened by the vendor: the cookie, and where the codes go. */
async function codeSession(): Promise<{ cookie: string; email: string }> {
  const vendorId = createVendor(db, { name: 'Batch Vendor', holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id }).returning().get().id;
  const email = 'batch@vendor.example';
  const { url } = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Bea', recipientEmail: email, emailCodeRequired: true, sendEmail: false });
  const opened = await fetch(url, { redirect: 'manual' });
  return { cookie: opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), email };
}

const batchUrl = (base: string, procedure: string, calls: number) => `${base}/trpc/${Array(calls).fill(procedure).join(',')}?batch=1`;
const emailsTo = (email: string) => db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.to, email)).get()!.n;

describe('tRPC batches', () => {
  it('50 sendCode calls in one request: refused with 400 before any runs, so no email is queued', async () => {
    const { cookie, email } = await codeSession();
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, {}])));
    const response = await fetch(batchUrl(server.base, 'portal.sendCode', 50), { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.base }, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'One request may carry at most 10 calls; this one carries 50. Send them in smaller batches.' });
    expect(emailsTo(email)).toBe(0);

    // Ten in one batch run as ten calls: the link's own limit (3 codes per 15 minutes) holds.
    const ten = await fetch(batchUrl(server.base, 'portal.sendCode', 10), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.base },
      body: JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, {}]))),
    });
    const results = (await ten.json()) as { error?: { json: { data: { httpStatus: number } } } }[];
    expect(results).toHaveLength(10);
    expect(results.filter((r) => !r.error)).toHaveLength(3);
    expect(results.filter((r) => r.error?.json.data.httpStatus === 429)).toHaveLength(7);
    expect(emailsTo(email)).toBe(3);
  });

  it('100 vendors.list calls in one request: 400 at once, without running them', async () => {
    const started = performance.now();
    const response = await fetch(`${batchUrl(server.base, 'vendors.list', 100)}&input=${encodeURIComponent('{}')}`);
    expect(response.status).toBe(400);
    expect((await response.json()) as { message: string }).toMatchObject({ message: expect.stringContaining('at most 10 calls; this one carries 100') });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('every call in a batch counts against the per-minute budget', async () => {
    const limited = await startTestServer(db, { rateLimitPerMinute: 30 });
    servers.push(limited);
    // Three batches of ten use the whole budget of 30...
    for (let i = 0; i < 3; i++) expect((await fetch(`${batchUrl(limited.base, 'account.me', 10)}&input=${encodeURIComponent('{}')}`)).status).not.toBe(429);
    // ...so the next request, even a single call, waits.
    const next = await fetch(`${limited.base}/trpc/account.me`);
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a batch that would go over the budget is refused as a whole', async () => {
    const limited = await startTestServer(db, { rateLimitPerMinute: 15 });
    servers.push(limited);
    expect((await fetch(`${batchUrl(limited.base, 'account.me', 10)}&input=${encodeURIComponent('{}')}`)).status).not.toBe(429);
    const over = await fetch(`${batchUrl(limited.base, 'account.me', 10)}&input=${encodeURIComponent('{}')}`);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
