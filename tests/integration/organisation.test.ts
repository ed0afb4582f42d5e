/**
 * The organisation's name and contact for vendors: asked for at first-run
 * setup, changed by administrators in Settings (audited, bad input refused
 * without a change), seeded once from ORGANISATION_NAME, and used where
 * vendors read who is asking: the portal, their emails and the report.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assessments, auditEvents, emailOutbox, settings, users } from '../../drizzle/schema/index.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { getReport } from '../../server/assessments/report/report.ts';
import { getOrganisation, seedOrganisation } from '../../server/platform/settings.ts';
import { createSetupLink } from '../../server/accounts/setup.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { completeAssessment, createVendor } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const admin: StaffUser = { id: 'u-admin', name: 'Ines Admin', email: 'ines@tollgate.example', role: 'admin' };
const procurement: StaffUser = { id: 'u-proc', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const NEW_ORGANISATION = { name: 'Skyline Air', vendorContactName: 'Vendor risk team', vendorContactEmail: 'Vendor-Risk@skyline.example' };

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function freshDb(): Db {
  const { db } = createTestDatabase();
  for (const u of [admin, procurement]) db.insert(users).values({ id: u.id, name: u.name, email: u.email, role: u.role }).run();
  return db;
}

const as = (db: Db, user: StaffUser, publicUrl = 'http://localhost:3000') =>
  createCaller(createContextInner({ db, user, mfa: { required: true, satisfied: true, totp: true, passkeys: 0 }, ip: '10.0.0.7', services: { publicUrl } }));

const organisationEvents = (db: Db) => db.select().from(auditEvents).where(eq(auditEvents.targetId, 'organisation')).all();

describe('the organisation in Settings', () => {
  it('an administrator names it and its contact for vendors; the change is audited with what it replaced', async () => {
    const db = freshDb();
    seedOrganisation(db, { name: 'Our organisation', vendorContact: null }, new Date());
    const saved = await as(db, admin).settings.updateOrganisation(NEW_ORGANISATION);
    expect(saved).toEqual({ name: 'Skyline Air', vendorContact: { name: 'Vendor risk team', email: 'vendor-risk@skyline.example' } });
    expect(await as(db, admin).settings.organisation()).toEqual(saved);
    const event = organisationEvents(db).at(-1);
    expect(event).toMatchObject({
      action: 'settings.organisation.update',
      actorId: admin.id,
      ip: '10.0.0.7',
      targetType: 'settings',
      before: { name: 'Our organisation', vendorContact: null },
      after: saved,
    });
  });

  it('refuses bad input with a clear message, and changes nothing', async () => {
    const db = freshDb();
    await as(db, admin).settings.updateOrganisation(NEW_ORGANISATION);
    const before = organisationEvents(db).length;
    for (const bad of [
      { ...NEW_ORGANISATION, name: '   ' },
      { ...NEW_ORGANISATION, vendorContactEmail: 'not-an-email' },
      { ...NEW_ORGANISATION, vendorContactName: '' },
      { ...NEW_ORGANISATION, name: 'x'.repeat(121) },
    ]) {
      await expect(as(db, admin).settings.updateOrganisation(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^(name|vendorContactName|vendorContactEmail): /) });
    }
    expect(getOrganisation(db).name).toBe('Skyline Air');
    expect(organisationEvents(db)).toHaveLength(before);
  });

  it('is for administrators only', async () => {
    const db = freshDb();
    await expect(as(db, procurement).settings.updateOrganisation(NEW_ORGANISATION)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(getOrganisation(db)).toEqual({ name: null, vendorContact: null });
  });
});

describe('ORGANISATION_NAME', () => {
  it('only seeds the name: stored once, never over a name someone set', async () => {
    const db = freshDb();
    seedOrganisation(db, { name: 'From the environment', vendorContact: null }, new Date());
    expect(getOrganisation(db).name).toBe('From the environment');
    expect(organisationEvents(db).map((e) => [e.action, e.actorType])).toEqual([['settings.organisation.seed', 'system']]);
    await as(db, admin).settings.updateOrganisation(NEW_ORGANISATION);
    // The next start, still with the variable set, keeps what the administrator chose.
    seedOrganisation(db, { name: 'From the environment', vendorContact: null }, new Date());
    expect(getOrganisation(db).name).toBe('Skyline Air');
  });

  it('is optional, with no made-up default', () => {
    expect(loadConfig({}).organisationName).toBeNull();
    expect(loadConfig({ ORGANISATION_NAME: ' Skyline Air ' }).organisationName).toBe('Skyline Air');
  });
});

describe('first-run setup', () => {
  async function setUp(db: Db, organisation: unknown) {
    server = await startTestServer(db);
    const link = await createSetupLink(server.auth, db, server.base);
    const token = new URL(link!).searchParams.get('token');
    const response = await fetch(`${server.base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ token, name: 'First Admin', email: 'first@skyline.example', password: 'plum kettle orbit lantern', organisation }),
    });
    return { status: response.status, body: (await response.json()) as { error?: string } };
  }

  it('asks for the organisation: without it nothing is created', async () => {
    const { db } = createTestDatabase();
    const answer = await setUp(db, { name: '', vendorContactName: 'Risk', vendorContactEmail: 'risk@skyline.example' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain("organisation.name: Enter your organisation's name");
    expect(db.select().from(users).all()).toEqual([]);
    expect(db.select().from(settings).where(eq(settings.key, 'organisation')).get()).toBeUndefined();
  });

  it('stores the organisation with the first administrator, audited as theirs', async () => {
    const { db } = createTestDatabase();
    const answer = await setUp(db, NEW_ORGANISATION);
    expect(answer.status).toBe(200);
    const first = db.select().from(users).get()!;
    expect(getOrganisation(db)).toEqual({ name: 'Skyline Air', vendorContact: { name: 'Vendor risk team', email: 'vendor-risk@skyline.example' } });
    expect(organisationEvents(db)).toMatchObject([{ action: 'settings.organisation.update', actorId: first.id, actorLabel: 'First Admin' }]);
  });
});

describe('where vendors read it', () => {
  it('the portal, the link email and the report show the name set in Settings', async () => {
    const db = freshDb();
    server = await startTestServer(db);
    await as(db, admin).settings.updateOrganisation(NEW_ORGANISATION);
    const vendorId = createVendor(db, { name: 'Portal Vendor' });
    const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'draft', assessorId: procurement.id }).returning().get().id;
    const { url } = await as(db, procurement, server.base).assessments.createShareLink({ assessmentId, recipientName: 'Olga', recipientEmail: 'olga@vendor.example' });

    const email = db.select().from(emailOutbox).where(eq(emailOutbox.to, 'olga@vendor.example')).get()!;
    expect(email.textBody).toContain('Priya Procurement of Skyline Air asks Portal Vendor');
    expect(email.textBody).toContain('Contact Vendor risk team at vendor-risk@skyline.example');

    const opened = await fetch(url, { redirect: 'manual' });
    const cookie = opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const overview = async () => {
      const response = await fetch(`${server!.base}/trpc/portal.overview`, { headers: { cookie } });
      return ((await response.json()) as { result: { data: { json: Record<string, unknown> } } }).result.data.json;
    };
    expect(await overview()).toMatchObject({ organisation: 'Skyline Air', vendorContact: { name: 'Vendor risk team', email: 'vendor-risk@skyline.example' } });

    // A later change shows at once, with no restart.
    await as(db, admin).settings.updateOrganisation({ ...NEW_ORGANISATION, name: 'Skyline Airways' });
    expect(await overview()).toMatchObject({ organisation: 'Skyline Airways' });

    const completed = completeAssessment(db, vendorId);
    expect(getReport(db, completed).organisation).toBe('Skyline Airways');
  });
});
