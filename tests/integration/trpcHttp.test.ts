/**
 * tRPC over real HTTP (server/platform/trpcHttp.ts): answers go out whole,
 * with a Content-Length, and keep the status and error shape callers rely
 * on; a client that asks for a JSON Lines stream still gets one; and a
 * multipart body never reaches a procedure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, users } from '../../drizzle/schema/index.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
});

const batchGet = (procedures: string[], headers: Record<string, string> = {}) => {
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(procedures.map((_, i) => [i, { json: null }]))));
  return fetch(`${server.base}/trpc/${procedures.join(',')}?batch=1&input=${input}`, { headers });
};

/** The answer's body, checked to be exactly as long as its Content-Length says and not chunked. */
async function wholeBody(response: Response): Promise<unknown> {
  const text = await response.text();
  expect(response.headers.get('transfer-encoding')).toBeNull();
  expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  return JSON.parse(text);
}

describe('tRPC answers over HTTP', () => {
  it('a batch of queries comes back whole, in one JSON body with its length, behind the security headers', async () => {
    const response = await batchGet(['account.setupStatus', 'account.me']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // No users yet: set-up is required; nobody is signed in.
    expect(await wholeBody(response)).toEqual([{ result: { data: { json: { setupRequired: true } } } }, { result: { data: { json: null } } }]);
  });

  it('a refused call keeps its status and error shape, whole', async () => {
    const response = await batchGet(['vendors.list']);
    expect(response.status).toBe(401);
    const [answer] = (await wholeBody(response)) as [{ error: { json: { message: string; data: { code: string; httpStatus: number } } } }];
    expect(answer.error.json.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    expect(answer.error.json.message).toBe('Please sign in.');
  });

  it('an unknown procedure is a 404 with a message naming it', async () => {
    const response = await fetch(`${server.base}/trpc/vendors.nothingHere`);
    expect(response.status).toBe(404);
    const body = (await wholeBody(response)) as { error: { json: { message: string } } };
    expect(body.error.json.message).toContain('vendors.nothingHere');
  });

  it('a mutation whose body is not JSON is a 400 that says so, not a server error', async () => {
    const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
    db.insert(users).values({ ...priya }).run();
    const vendorId = createVendor(db, { name: 'Parse Vendor', holdings: [{ category: 'contact.email', records: 10 }] });
    const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft', assessorId: priya.id }).returning().get().id;
    const staff = createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: server.base } }));
    const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Pat', recipientEmail: 'pat@vendor.example', sendEmail: false });
    const { cookie } = await linkClient(server.base).openLink(url);
    const response = await fetch(`${server.base}/trpc/portal.saveAnswer`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base, cookie: cookie ?? '' }, body: '{not json' });
    expect(response.status).toBe(400);
    const body = (await wholeBody(response)) as { error: { json: { message: string; data: { code: string; reason: string } } } };
    expect(body.error.json.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_INPUT' });
    expect(body.error.json.message).toContain('JSON');
  });

  it('a client that asks for a JSON Lines stream still gets one, with every answer in it', async () => {
    const response = await batchGet(['account.setupStatus', 'account.me'], { 'trpc-accept': 'application/jsonl' });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    const text = await response.text();
    expect(text).toMatch(/"setupRequired":(true|false)/);
    expect(text.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('a multipart body is refused with 415 before any procedure reads it', async () => {
    const form = new FormData();
    form.set('file', new Blob(['x'.repeat(1000)]), 'x.bin');
    const response = await fetch(`${server.base}/trpc/account.setupStatus`, { method: 'POST', headers: { origin: server.base }, body: form });
    expect(response.status).toBe(415);
  });
});
