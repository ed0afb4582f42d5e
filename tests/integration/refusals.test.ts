/**
 * Refused calls go into the audit log: a 403 from a procedure or an HTTP
 * route, and a vendor's link reaching into another assessment (answered
 * "not found"), with who, what and why; and whoever causes them cannot
 * flood the log.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditEvents, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { flushRefusals, REFUSALS_OVERALL, REFUSALS_PER_CALLER, REFUSAL_WINDOW_MS } from '../../server/platform/audit/refusals.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { createVendor, NOW } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const refusals = (db: Db, actorId?: string) =>
  db
    .select()
    .from(auditEvents)
    .where(actorId ? and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorId, actorId)) : eq(auditEvents.action, 'access.denied'))
    .orderBy(asc(auditEvents.id))
    .all();

describe('refused calls', () => {
  let db: Db;
  let server: TestServer;
  let clock = new Date('2026-06-15T09:00:00Z');
  let procurement: { id: string; email: string };
  let cookie: string;

  beforeAll(async () => {
    db = createTestDatabase().db;
    server = await startTestServer(db, { now: () => clock });
    procurement = await createUserWithPassword(server.auth, 'procurement');
    cookie = (await signIn(server.base, procurement.email)).cookie!;
  });
  afterAll(() => server.close());

  it('a role calling a procedure it may not gets 403, recorded with who, what and why', async () => {
    const response = await fetch(`${server.base}/trpc/users.list`, { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(refusals(db, procurement.id)).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actorLabel: 'Test procurement',
        targetType: 'procedure',
        targetId: 'users.list',
        ip: '127.0.0.1',
        after: { reason: 'Your role does not allow this.', role: 'procurement' },
      }),
    ]);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('a refusal on a plain HTTP route is recorded too: a cross-site request', async () => {
    const response = await fetch(`${server.base}/trpc/vendors.create`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
    expect(refusals(db, procurement.id).at(-1)).toMatchObject({
      targetType: 'route',
      targetId: 'POST /trpc/:path',
      after: { reason: expect.stringContaining('another site'), role: 'procurement', params: { path: 'vendors.create' }, status: 403 },
    });
  });

  it('a vendor link reaching into another assessment is answered "not found", and recorded as refused', async () => {
    const staff = createCaller(createContextInner({ db, user: { id: procurement.id, name: 'Test procurement', email: procurement.email, role: 'procurement' }, now: () => clock, services: { publicUrl: server.base } }));
    const linkFor = async (name: string) => {
      const vendorId = createVendor(db, { name, holdings: [{ category: 'contact.email', records: 1000 }] });
      const version = latestPublishedVersion(db, 'lite');
      const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', dueDate: '2030-01-31' }).returning().get().id;
      const { url, linkId } = await staff.assessments.createShareLink({ assessmentId, recipientName: `${name} contact`, recipientEmail: 'someone@vendor.example' });
      const opened = await fetch(url, { redirect: 'manual' });
      return { linkId, cookie: opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
    };
    const a = await linkFor('Scope Vendor A');
    const b = await linkFor('Scope Vendor B');
    const form = new FormData();
    form.append('controlId', 'IAM-01');
    form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'policy.pdf');
    const upload = await fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie: b.cookie }, body: form });
    expect(upload.status).toBe(201);
    const evidence = (await upload.json()) as { id: number };

    expect((await fetch(`${server.base}/api/portal/evidence/${evidence.id}`, { headers: { cookie: a.cookie } })).status).toBe(404);
    expect(refusals(db, String(a.linkId))).toEqual([
      expect.objectContaining({
        actorType: 'vendor_link',
        actorLabel: 'Scope Vendor A contact',
        targetType: 'route',
        targetId: 'GET /api/portal/evidence/:id',
        after: { reason: 'The file was not found.', params: { id: String(evidence.id) }, status: 404 },
      }),
    ]);
    // A file that does not exist at all is only "not found": nothing was reached for.
    expect((await fetch(`${server.base}/api/portal/evidence/99999`, { headers: { cookie: a.cookie } })).status).toBe(404);
    expect(refusals(db, String(a.linkId))).toHaveLength(1);
  });

  it('refusals past the limit are counted, not recorded one by one, and the count is written when the window ends', async () => {
    const ciso = await createUserWithPassword(server.auth, 'ciso');
    const cisoCookie = (await signIn(server.base, ciso.email)).cookie!;
    clock = new Date(clock.getTime() + REFUSAL_WINDOW_MS); // a fresh window
    const attempts = REFUSALS_PER_CALLER + 15;
    for (let i = 0; i < attempts; i += 1) {
      expect((await fetch(`${server.base}/trpc/users.list`, { headers: { cookie: cisoCookie } })).status).toBe(403);
    }
    expect(refusals(db, ciso.id)).toHaveLength(REFUSALS_PER_CALLER);
    // Another caller still gets recorded: one caller's flood does not hide another's.
    expect((await fetch(`${server.base}/trpc/users.list`, { headers: { cookie } })).status).toBe(403);
    const procurementBefore = refusals(db, procurement.id).length;

    clock = new Date(clock.getTime() + REFUSAL_WINDOW_MS + 1000);
    expect((await fetch(`${server.base}/trpc/users.list`, { headers: { cookie: cisoCookie } })).status).toBe(403);
    const counted = db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied.counted')).all();
    expect(counted).toEqual([
      expect.objectContaining({
        actorType: 'system',
        after: expect.objectContaining({ count: 15, callers: [{ type: 'user', id: ciso.id, label: 'Test ciso', ip: '127.0.0.1', count: 15 }], otherCallers: 0 }),
      }),
    ]);
    expect(refusals(db, ciso.id)).toHaveLength(REFUSALS_PER_CALLER + 1);
    expect(refusals(db, procurement.id)).toHaveLength(procurementBefore);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});

describe('refusals across many callers', () => {
  it(`stay at ${REFUSALS_OVERALL} entries a window, however many callers, and the rest are counted`, async () => {
    const { db } = createTestDatabase();
    const callers = 30;
    const perCaller = 5;
    for (let n = 0; n < callers; n += 1) {
      const user: StaffUser = { id: `u-${n}`, name: `Caller ${n}`, email: `c${n}@tollgate.example`, role: 'auditor' };
      db.insert(users).values({ ...user }).run();
      const caller = createCaller(createContextInner({ db, user, now: () => NOW }));
      for (let i = 0; i < perCaller; i += 1) await expect(caller.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(refusals(db)).toHaveLength(REFUSALS_OVERALL);
    // When the server stops, what is only counted is written.
    flushRefusals(db, NOW);
    const [counted] = db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied.counted')).all();
    expect(counted?.after).toMatchObject({ count: callers * perCaller - REFUSALS_OVERALL });
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
