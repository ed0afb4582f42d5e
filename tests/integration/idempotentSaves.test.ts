/**
 * A save sent again after its reply was lost (a timeout, a dropped
 * connection, a server restart) carries the same request id and is
 * recognised: "saved", at the revision the first attempt wrote, with no
 * second revision or audit entry. Real conflicts are still conflicts.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, users } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { linkClient } from '../helpers/linkClient.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db);
});
afterAll(() => server.close());

async function vendorSessions(n: number) {
  const vendorId = createVendor(db, { name: `Retry Vendor ${Math.random()}`, holdings: [{ category: 'contact.email', records: 10 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id, dueDate: '2030-01-31' }).returning().get().id;
  const staff = createCaller(createContextInner({ db, user: priya, now: () => new Date(), services: { publicUrl: server.base } }));
  const { url } = await staff.assessments.createShareLink({ assessmentId, recipientName: 'Vera', recipientEmail: 'vera@vendor.example' });
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) cookies.push((await linkClient(server.base).openLink(url)).cookie!);
  return { assessmentId, cookies };
}

const vendor = () => linkClient(server.base);
const saves = (assessmentId: number) =>
  db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'answer.save'), eq(auditEvents.targetType, 'assessment'), eq(auditEvents.targetId, String(assessmentId)))).get()!.n;

describe('a save retried after a lost reply', () => {
  it('is answered as saved, at the revision its first attempt wrote, without a second revision or audit entry', async () => {
    const { assessmentId, cookies } = await vendorSessions(1);
    const save = { controlId: 'IAM-01', value: 'partial', comment: 'Keys for admins', baseRevision: 0, requestId: 'save-0001-aaaaaaaaaaaa' };
    const first = await vendor().portal(cookies[0]!, 'saveAnswer', save, 'POST');
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ revision: 1, value: 'partial' });

    // The reply never arrived; the browser sends the same save again.
    const retry = await vendor().portal(cookies[0]!, 'saveAnswer', save, 'POST');
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
    expect(db.select({ revision: answers.revision }).from(answers).where(eq(answers.assessmentId, assessmentId)).all()).toEqual([{ revision: 1 }]);
    expect(saves(assessmentId)).toBe(1);
  });

  it('a different save from the same old revision is still a conflict, and so is a retry once a colleague saved over it', async () => {
    const { cookies } = await vendorSessions(2);
    const [ann, bob] = cookies as [string, string];
    const annSave = { controlId: 'IAM-01', value: 'yes', comment: '', baseRevision: 0, requestId: 'ann-save-1-bbbbbbbbbbbb' };
    expect((await vendor().portal(ann, 'saveAnswer', annSave, 'POST')).status).toBe(200);

    const bobSave = await vendor().portal(bob, 'saveAnswer', { controlId: 'IAM-01', value: 'no', comment: '', baseRevision: 0, requestId: 'bob-save-1-cccccccccccc' }, 'POST');
    expect(bobSave.status).toBe(409);

    expect((await vendor().portal(bob, 'saveAnswer', { controlId: 'IAM-01', value: 'no', comment: '', baseRevision: 1, requestId: 'bob-save-2-dddddddddddd' }, 'POST')).status).toBe(200);
    // Ann's answer was saved, then replaced by Bob's: her retry now meets his answer, which she has not seen.
    const annRetry = await vendor().portal(ann, 'saveAnswer', annSave, 'POST');
    expect(annRetry.status).toBe(409);
    expect(annRetry.error?.data.details).toMatchObject({ current: { value: 'no', revision: 2 } });
  });

  it('a retry arriving after the questionnaire was submitted is still recognised as saved', async () => {
    const { cookies } = await vendorSessions(1);
    const save = { controlId: 'IAM-01', value: 'yes', comment: '', baseRevision: 0, requestId: 'late-retry-eeeeeeeeeeee' };
    expect((await vendor().portal(cookies[0]!, 'saveAnswer', save, 'POST')).status).toBe(200);
    expect((await vendor().portal(cookies[0]!, 'submit', { confirmUnanswered: true }, 'POST')).data).toMatchObject({ submitted: true });
    expect((await vendor().portal(cookies[0]!, 'saveAnswer', save, 'POST')).status).toBe(200);
    // A new save is refused: the questionnaire is read-only.
    expect((await vendor().portal(cookies[0]!, 'saveAnswer', { ...save, requestId: 'late-other-ffffffffffff' }, 'POST')).status).toBe(412);
  });

  it('refuses a malformed request id as bad input', async () => {
    const { cookies } = await vendorSessions(1);
    const bad = await vendor().portal(cookies[0]!, 'saveAnswer', { controlId: 'IAM-01', value: 'yes', baseRevision: 0, requestId: 'x' }, 'POST');
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain('requestId must be 16 to 64 letters');
  });
});
