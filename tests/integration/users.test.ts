/** User administration through the router: invitations, roles, deactivation and MFA resets, all audited. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailOutbox, passkeys, twoFactors, users } from '../../drizzle/schema/index.ts';
import { mfaStateFor } from '../../server/accounts/staffSession.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createCaller } from '../../server/router.ts';
import { createTestAuth, createUserWithPassword } from '../helpers/auth.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let admin: StaffUser;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  db = createTestDatabase().db;
  const auth = createTestAuth(db);
  const created = await createUserWithPassword(auth, 'admin', 'boss@tollgate.example');
  admin = { id: created.id, name: 'Boss', email: created.email, role: 'admin' };
  caller = createCaller(
    createContextInner({ db, user: admin, mfa: { required: true, satisfied: true, totp: true, passkeys: 0 }, ip: '10.0.0.9', services: { auth, publicUrl: 'https://tollgate.example' } }),
  );
});

describe('users router', () => {
  it('invites a user: the account exists, a set-password link is returned once, and the invitation waits in the outbox', async () => {
    const invited = await caller.users.invite({ email: 'Pat@Example.com', name: 'Pat', role: 'procurement' });
    expect(invited.setPasswordUrl).toMatch(/^https:\/\/tollgate\.example\/set-password\?token=[\w-]{43}$/);
    expect((await caller.users.list()).map((u) => [u.email, u.role, u.active])).toContainEqual(['pat@example.com', 'procurement', true]);
    const mail = db.select().from(emailOutbox).where(eq(emailOutbox.to, 'pat@example.com')).get();
    expect(mail).toMatchObject({ subject: 'You have been invited to Tollgate', status: 'held' });
    expect(mail?.textBody).toContain(invited.setPasswordUrl);
    await expect(caller.users.invite({ email: 'pat@example.com', name: 'Pat again', role: 'ciso' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(caller.users.invite({ email: 'not-an-email', name: 'X', role: 'ciso' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('email') });
  });

  it('changes a role, recording before and after with the actor and IP', async () => {
    const { id } = await caller.users.invite({ email: 'role@example.com', name: 'Role Person', role: 'auditor' });
    await caller.users.changeRole({ userId: id, role: 'ciso' });
    const event = db.select().from(auditEvents).where(eq(auditEvents.action, 'user.role.change')).get();
    expect(event).toMatchObject({ actorId: admin.id, actorLabel: 'Boss', ip: '10.0.0.9', targetId: id, before: { role: 'auditor' }, after: { role: 'ciso' } });
  });

  it('never leaves Tollgate without an active administrator', async () => {
    await expect(caller.users.setActive({ userId: admin.id, active: false })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('last active administrator') });
    await expect(caller.users.changeRole({ userId: admin.id, role: 'auditor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('resets a user\'s MFA only with a reason, removing their factors and telling them', async () => {
    const { id } = await caller.users.invite({ email: 'lost@example.com', name: 'Lost Phone', role: 'procurement' });
    db.insert(twoFactors).values({ id: 'tf1', userId: id, secret: 's', backupCodes: 'b' }).run();
    db.insert(passkeys).values({ id: 'pk1', userId: id, publicKey: 'k', credentialID: 'c', counter: 0, deviceType: 'singleDevice', backedUp: false }).run();
    db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, id)).run();
    await expect(caller.users.resetMfa({ userId: id, reason: 'lost' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('how you verified') });
    await caller.users.resetMfa({ userId: id, reason: 'Called back on the number in the HR system; manager confirmed' });
    expect(db.select().from(twoFactors).where(eq(twoFactors.userId, id)).all()).toEqual([]);
    expect(db.select().from(passkeys).where(eq(passkeys.userId, id)).all()).toEqual([]);
    expect(db.select({ t: users.twoFactorEnabled }).from(users).where(eq(users.id, id)).get()).toEqual({ t: false });
    const event = db.select().from(auditEvents).where(eq(auditEvents.action, 'user.mfa.reset')).get();
    expect(event?.after).toMatchObject({ reason: 'Called back on the number in the HR system; manager confirmed' });
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.subject, 'Your Tollgate sign-in methods were reset')).all()).toHaveLength(1);
  });

  it('lets admins and auditors read the audit log with filters', async () => {
    const byActor = await caller.audit.list({ actorId: admin.id });
    expect(byActor.total).toBeGreaterThanOrEqual(5);
    expect(byActor.rows.every((r) => r.actorId === admin.id)).toBe(true);
    const future = await caller.audit.list({ from: '2999-01-01' });
    expect(future.total).toBe(0);
    const auditor = createCaller(createContextInner({ db, user: { ...admin, id: 'u-a', role: 'auditor' } }));
    expect((await auditor.audit.list({ targetType: 'user' })).total).toBeGreaterThan(0);
    await expect(auditor.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('requires MFA for everyone once an admin turns the setting on', async () => {
    const procurement = { id: 'u-p', role: 'procurement', twoFactorEnabled: false };
    expect(mfaStateFor(db, procurement, 'password')).toMatchObject({ required: false });
    await caller.settings.updateSecurity({ requireMfaForAll: true });
    expect(await caller.settings.security()).toEqual({ requireMfaForAll: true });
    expect(mfaStateFor(db, procurement, 'password')).toMatchObject({ required: true, satisfied: false });
    expect(mfaStateFor(db, procurement, 'passkey')).toMatchObject({ required: true, satisfied: true });
    await caller.settings.updateSecurity({ requireMfaForAll: false });
  });
});
