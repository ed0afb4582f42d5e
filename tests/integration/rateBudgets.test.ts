/**
 * The per-minute request budget (RATE_LIMIT_PER_MINUTE) over real HTTP:
 * one budget per signed-in staff session, one per vendor link session, and
 * one per client address for requests with neither, so that people behind
 * one office address (NAT) do not share a single budget. A made-up cookie
 * names no budget of its own: it counts against its address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, users } from '../../drizzle/schema/index.ts';
import { openShareLink } from '../../server/assessments/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { LINK_COOKIE } from '../../server/portal/index.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const BUDGET = 6;
let db: Db;
let server: TestServer;
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db, { rateLimitPerMinute: BUDGET });
});
afterAll(() => server.close());

/** A vendor's session on a new link, opened as /q/TOKEN opens it (in process, so opening spends no request of the address). */
async function vendorSession(recipientName: string): Promise<string> {
  const vendorId = createVendor(db, { name: `${recipientName} Ltd`, holdings: [{ category: 'contact.email', records: 1000 }] });
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user: priya, services: { publicUrl: server.base } }));
  const link = await staff.assessments.createShareLink({ assessmentId, recipientName, recipientEmail: `${recipientName.toLowerCase()}@vendor.example`, expiresInDays: 14 });
  const opened = openShareLink(db, new URL(link.url).pathname.split('/').at(-1)!, new Date(), { ip: '127.0.0.1', userAgent: null });
  if (opened.kind !== 'opened') throw new Error(`The link did not open: ${opened.kind}`);
  return `${LINK_COOKIE}=${opened.sessionToken}`;
}

const statusOf = async (path: string, cookie?: string) => (await fetch(`${server.base}${path}`, { headers: cookie ? { cookie } : {} })).status;
const statuses = async (n: number, path: string, cookie?: string) => Promise.all(Array.from({ length: n }, () => statusOf(path, cookie)));

describe('the per-minute request budget', () => {
  it('is one per link session and per staff session, and one per address for everyone else, all from one address', async () => {
    const vendor = linkClient(server.base);
    const ann = await vendorSession('Ann');
    const bob = await vendorSession('Bob');
    const user = await createUserWithPassword(server.auth, 'procurement', 'sam@tollgate.example');
    // Signing in carries no session yet: it spends one request of the address's budget.
    const staffCookie = (await signIn(server.base, user.email)).cookie!;

    // Ann spends her whole budget...
    for (let i = 0; i < BUDGET; i++) expect((await vendor.portal(ann, 'gate')).status).toBe(200);
    expect((await vendor.portal(ann, 'gate')).status).toBe(429);
    // ...and Bob, at the same address, still has all of his.
    expect(await statuses(BUDGET, '/trpc/portal.gate', bob)).toEqual(Array(BUDGET).fill(200));
    expect(await statusOf('/trpc/portal.gate', bob)).toBe(429);

    // Requests without a session share the address's budget (one went on signing in).
    expect(await statuses(BUDGET - 1, '/healthz')).toEqual(Array(BUDGET - 1).fill(200));
    expect(await statusOf('/healthz')).toBe(429);
    // A made-up link or staff cookie buys no budget of its own.
    expect(await statusOf('/trpc/portal.gate', `${LINK_COOKIE}=made-up-session-token-0123456789`)).toBe(429);
    expect(await statusOf('/trpc/account.me', 'tollgate.session_token=made-up.c2lnbmF0dXJlIHRoYXQgaXMgbm90IHRoZSBzZXJ2ZXJzIQ%3D%3D')).toBe(429);

    // The signed-in person has a budget of their own, untouched by the vendors and the address.
    expect(await statuses(BUDGET, '/trpc/account.me', staffCookie)).toEqual(Array(BUDGET).fill(200));
    expect(await statusOf('/trpc/account.me', staffCookie)).toBe(429);
  });
});
