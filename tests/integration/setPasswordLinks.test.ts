/**
 * One-time set-password links over real HTTP (issue 10 item 4): issuing one
 * is audited and emails the account owner, a user has one live link at a
 * time, an unknown user is refused, using a link is audited, and the email
 * rule of the password policy applies there too (item 14).
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailOutbox, users, verifications } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;
let admin: StaffClient;
let adminId: string;

/** An administrator who has set up an authenticator app, so admin procedures open. */
async function signedInAdmin(target: TestServer, email: string) {
  const created = await createUserWithPassword(target.auth, 'admin', email);
  const client = new StaffClient(target.base);
  await client.signIn(created.email);
  const { totp } = await client.enableTotp();
  expect((await client.verifyTotp(totp!.generate())).status).toBe(200);
  return { client, id: created.id };
}

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db);
  ({ client: admin, id: adminId } = await signedInAdmin(server, 'links-admin@tollgate.example'));
});
afterAll(() => server.close());

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const setPassword = (token: string, newPassword: string) => new StaffClient(server.base).post<{ code?: string; message?: string }>('/api/auth/reset-password', { token, newPassword });

interface Issued {
  setPasswordUrl: string;
  email: { to: string; route: string };
}

describe('issuing a set-password link', () => {
  it('audits it, emails the owner (held in the outbox without a mail server), and voids the earlier link', async () => {
    const invited = await admin.trpcMutation<{ id: string; setPasswordUrl: string }>('users.invite', { email: 'robin@tollgate.example', name: 'Robin', role: 'procurement' });
    expect(invited.status).toBe(200);
    const first = invited.data!;

    const issued = await admin.trpcMutation<Issued>('users.newSetPasswordLink', { userId: first.id });
    expect(issued.status).toBe(200);
    expect(issued.data).toEqual({ setPasswordUrl: expect.stringMatching(/\/set-password\?token=[\w-]{43}$/), email: { to: 'robin@tollgate.example', route: 'outbox' } });
    const second = issued.data!.setPasswordUrl;

    const event = db.select().from(auditEvents).where(eq(auditEvents.action, 'user.set_password_link.issue')).get();
    expect(event).toMatchObject({ actorId: adminId, targetType: 'user', targetId: first.id, ip: '127.0.0.1', after: { email: 'robin@tollgate.example', earlierLinkVoided: true } });
    const mail = db.select().from(emailOutbox).where(and(eq(emailOutbox.to, 'robin@tollgate.example'), eq(emailOutbox.subject, 'A link to set your Tollgate password'))).get();
    expect(mail).toMatchObject({ status: 'held' });
    expect(mail?.textBody).toContain(second);
    // Only a hash of the token is stored.
    expect(db.select().from(verifications).all().some((v) => v.identifier.includes(tokenOf(second)))).toBe(false);

    // One live link per user: the invitation's link no longer works, the new one does, once.
    const viaFirst = await setPassword(tokenOf(first.setPasswordUrl), 'an old link should not work');
    expect(viaFirst.status).toBe(400);
    expect(viaFirst.body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await setPassword(tokenOf(second), 'lantern orbit plum kettle')).status).toBe(200);
    expect((await setPassword(tokenOf(second), 'another try with the same link')).status).toBe(400);
    expect((await new StaffClient(server.base).signIn('robin@tollgate.example', 'lantern orbit plum kettle')).status).toBe(200);
  });

  it('records the use of a link, and tells the owner their password was set', async () => {
    const invited = await admin.trpcMutation<{ id: string; setPasswordUrl: string }>('users.invite', { email: 'sasha@tollgate.example', name: 'Sasha', role: 'auditor' });
    const response = await new StaffClient(server.base).post('/api/auth/reset-password', { token: tokenOf(invited.data!.setPasswordUrl), newPassword: 'copper meadow violin tide' });
    expect(response.status).toBe(200);
    const used = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.set_password_link.use'), eq(auditEvents.targetId, invited.data!.id))).all();
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({ actorId: invited.data!.id, actorLabel: 'Sasha', ip: '127.0.0.1' });
    expect(db.select().from(emailOutbox).where(and(eq(emailOutbox.to, 'sasha@tollgate.example'), eq(emailOutbox.subject, 'Your Tollgate password was set'))).all()).toHaveLength(1);
  });

  it('refuses a user that does not exist with a clear 404, and changes nothing', async () => {
    const counts = () => ({
      audit: db.select({ n: count() }).from(auditEvents).get()!.n,
      outbox: db.select({ n: count() }).from(emailOutbox).get()!.n,
      verifications: db.select({ n: count() }).from(verifications).get()!.n,
    });
    const before = counts();
    const answer = await admin.trpcMutation('users.newSetPasswordLink', { userId: 'no-such-user' });
    expect(answer.status).toBe(404);
    expect(answer.error).toMatchObject({ message: 'The user was not found.', data: { code: 'NOT_FOUND' } });
    expect(counts()).toEqual(before);
  });

  it('refuses a password built from the email address when it is set through a link', async () => {
    const invited = await admin.trpcMutation<{ id: string; setPasswordUrl: string }>('users.invite', { email: 'dana.fischer@tollgate.example', name: 'Dana', role: 'ciso' });
    const token = tokenOf(invited.data!.setPasswordUrl);
    const fromEmail = await setPassword(token, 'Dana.Fischer rides her bike');
    expect(fromEmail.status).toBe(400);
    expect(fromEmail.body).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Do not build the password from your email address or the product name.' });
    // Refused without spending the link.
    expect((await setPassword(token, 'granite harbour mosaic')).status).toBe(200);
  });

  it('holds a token given in the query string to the same rules, and records its use', async () => {
    const invited = await admin.trpcMutation<{ id: string; setPasswordUrl: string }>('users.invite', { email: 'lee.okafor@tollgate.example', name: 'Lee', role: 'ciso' });
    const path = `/api/auth/reset-password?token=${tokenOf(invited.data!.setPasswordUrl)}`;
    const fromEmail = await new StaffClient(server.base).post(path, { newPassword: 'lee.okafor likes long walks' });
    expect(fromEmail.status).toBe(400);
    expect((await new StaffClient(server.base).post(path, { newPassword: 'willow ember canyon drift' })).status).toBe(200);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.set_password_link.use'), eq(auditEvents.targetId, invited.data!.id))).all()).toHaveLength(1);
  });
});

describe('with a mail server configured', () => {
  it('says the email is queued for sending, not that it was sent', async () => {
    const mailDb = createTestDatabase().db;
    const withSmtp = await startTestServer(mailDb, { smtpUrl: 'smtp://mail.tollgate.example:587' });
    const { client } = await signedInAdmin(withSmtp, 'smtp-admin@tollgate.example');
    const invited = await client.trpcMutation<{ id: string }>('users.invite', { email: 'kim@tollgate.example', name: 'Kim', role: 'procurement' });
    const issued = await client.trpcMutation<Issued>('users.newSetPasswordLink', { userId: invited.data!.id });
    expect(issued.data?.email).toEqual({ to: 'kim@tollgate.example', route: 'mail_server' });
    const mail = mailDb.select().from(emailOutbox).where(eq(emailOutbox.subject, 'A link to set your Tollgate password')).get();
    expect(mail).toMatchObject({ to: 'kim@tollgate.example', status: 'pending', sentAt: null });
    expect(mailDb.select({ email: users.email }).from(users).where(eq(users.id, invited.data!.id)).get()).toEqual({ email: 'kim@tollgate.example' });
    await withSmtp.close();
  });
});
