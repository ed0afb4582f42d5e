/**
 * Who may add, change or remove a sign-in factor (issue 10 item 1). A
 * password alone used to be enough to enrol an attacker's own authenticator
 * app or passkey on an account protected by a passkey, and that enrolment
 * then counted as the second factor. The rule now: an account with any
 * factor must present one before its factors change; only an account with
 * none may enrol its first from a password sign-in. Everything here goes
 * over real HTTP, with a software passkey authenticator standing in for the
 * person's device.
 */
import { and, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, passkeys, twoFactors, users } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { createUserWithPassword } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { SoftwareAuthenticator } from '../helpers/webauthn.ts';

let db: Db;
let server: TestServer;

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db);
});
afterAll(() => server.close());

const SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED';
const attackerApp = () => new OTPAuth.TOTP({ secret: new OTPAuth.Secret() });

/** An administrator whose only factor is a passkey, enrolled at their first sign-in as Tollgate asks. */
async function passkeyOnlyAdmin(email: string) {
  const admin = await createUserWithPassword(server.auth, 'admin', email);
  const device = new SoftwareAuthenticator(server.base);
  const owner = new StaffClient(server.base);
  expect((await owner.signIn(admin.email)).status).toBe(200);
  const { verification } = await owner.registerPasskey(device, 'Work laptop');
  expect(verification?.status).toBe(200);
  return { ...admin, device, owner };
}

const factorsOf = (userId: string) => ({
  passkeys: db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).all().length,
  totpRows: db.select({ id: twoFactors.id }).from(twoFactors).where(eq(twoFactors.userId, userId)).all().length,
  totpEnabled: db.select({ t: users.twoFactorEnabled }).from(users).where(eq(users.id, userId)).get()?.t,
});

describe('passkeys count as a factor only when they verify the user', () => {
  it('asks for user verification, and refuses to enrol a key that only shows presence', async () => {
    const admin = await createUserWithPassword(server.auth, 'admin', 'presence-only@tollgate.example');
    const owner = new StaffClient(server.base);
    expect((await owner.signIn(admin.email)).status).toBe(200);
    const { options, verification } = await owner.registerPasskey(new SoftwareAuthenticator(server.base, { verifiesUser: false }), 'Key without PIN');
    expect(options.body).toMatchObject({ authenticatorSelection: { userVerification: 'required' } });
    expect(verification?.status).toBe(400);
    expect(JSON.stringify(verification?.body)).toContain('did not check that it is you');
    expect(factorsOf(admin.id).passkeys).toBe(0);
    // The session still owes its second factor.
    expect((await owner.trpcQuery('users.list')).status).toBe(403);
  });

  it('refuses a passkey sign-in whose authenticator did not verify the user this time', async () => {
    const { device } = await passkeyOnlyAdmin('verified-once@tollgate.example');
    // The same credential, answering this time with presence only (as a key whose PIN was skipped would).
    device.verifiesUser = false;
    const thief = new StaffClient(server.base);
    const answer = await thief.signInWithPasskey(device);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).toContain('did not check that it is you');
    expect((await thief.trpcQuery('users.list')).status).toBe(401);
    // With verification the owner still signs in.
    device.verifiesUser = true;
    expect((await new StaffClient(server.base).signInWithPasskey(device)).status).toBe(200);
  });
});

describe('an account with no factor yet', () => {
  it('enrols its first factor from a password sign-in, and that session then counts as multi-factor', async () => {
    const { id, device, owner } = await passkeyOnlyAdmin('first@tollgate.example');
    expect(factorsOf(id)).toMatchObject({ passkeys: 1, totpEnabled: false });
    expect((await owner.trpcQuery('users.list')).status).toBe(200);

    const later = new StaffClient(server.base);
    expect((await later.signInWithPasskey(device)).status).toBe(200);
    expect((await later.trpcQuery('users.list')).status).toBe(200);
  });
});

describe('a password alone cannot change the factors of an account that has one', () => {
  it('refuses an attacker\'s authenticator app on a passkey-only administrator, who stays locked out of admin work', async () => {
    const admin = await passkeyOnlyAdmin('victim1@tollgate.example');
    const attacker = new StaffClient(server.base);
    expect((await attacker.signIn(admin.email)).status).toBe(200);
    expect((await attacker.trpcQuery('users.list')).status).toBe(403);

    // The attacker sets up an authenticator app with the password, scans the secret (if any) into
    // an app of their own, and proves it.
    const enable = await attacker.enableTotp();
    const verify = await attacker.verifyTotp((enable.totp ?? attackerApp()).generate());
    expect((await attacker.trpcQuery('users.list')).status).toBe(403);

    expect(enable.status).toBe(403);
    expect(enable.body).toMatchObject({ code: SECOND_FACTOR_REQUIRED });
    expect(enable.totp).toBeNull();
    expect(verify.status).toBe(403);
    expect(verify.body).toMatchObject({ code: SECOND_FACTOR_REQUIRED });
    expect((await attacker.trpcQuery('account.me')).data).toMatchObject({ mfa: { required: true, satisfied: false, passkeys: 1, totp: false } });
    expect(factorsOf(admin.id)).toEqual({ passkeys: 1, totpRows: 0, totpEnabled: false });

    const refused = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.factor.change_refused'), eq(auditEvents.targetId, admin.id)))
      .all();
    expect(refused.map((e) => (e.after as { path: string }).path)).toEqual(['/two-factor/enable', '/two-factor/verify-totp']);
  });

  it('refuses an attacker\'s passkey on a passkey-only administrator', async () => {
    const admin = await passkeyOnlyAdmin('victim2@tollgate.example');
    const attacker = new StaffClient(server.base);
    expect((await attacker.signIn(admin.email)).status).toBe(200);

    // Options for a new passkey, answered by the attacker's own authenticator (if the server gave any).
    const { options, verification } = await attacker.registerPasskey(new SoftwareAuthenticator(server.base), 'Attacker key');
    expect((await attacker.trpcQuery('users.list')).status).toBe(403);
    expect(options.status).toBe(403);
    expect(options.body).toMatchObject({ code: SECOND_FACTOR_REQUIRED });
    expect(verification).toBeNull();
    // Completing a registration is refused on its own too, whatever the body.
    const direct = await attacker.post('/api/auth/passkey/verify-registration', { response: {} });
    expect(direct.status).toBe(403);
    expect((await attacker.trpcQuery('users.list')).status).toBe(403);
    expect(factorsOf(admin.id).passkeys).toBe(1);
  });

  it('refuses to remove or rename the passkey, change the password, or touch an authenticator app from a password-only sign-in', async () => {
    const admin = await passkeyOnlyAdmin('victim3@tollgate.example');
    const [key] = db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, admin.id)).all();
    const attacker = new StaffClient(server.base);
    await attacker.signIn(admin.email);
    expect((await attacker.post('/api/auth/passkey/delete-passkey', { id: key!.id })).status).toBe(403);
    expect((await attacker.post('/api/auth/passkey/update-passkey', { id: key!.id, name: 'Mine now' })).status).toBe(403);
    expect((await attacker.post('/api/auth/change-password', { currentPassword: admin.password, newPassword: 'a brand new passphrase here' })).status).toBe(403);
    for (const path of ['/api/auth/two-factor/disable', '/api/auth/two-factor/generate-backup-codes', '/api/auth/two-factor/get-totp-uri']) {
      const answer = await attacker.post(path, { password: admin.password });
      expect([path, answer.status, answer.body]).toEqual([path, 403, expect.objectContaining({ code: SECOND_FACTOR_REQUIRED })]);
    }
    expect(factorsOf(admin.id).passkeys).toBe(1);
  });

  it('closes an enrolment that began before the account had a factor, once it has one', async () => {
    const victim = await createUserWithPassword(server.auth, 'admin', 'victim4@tollgate.example');
    const attacker = new StaffClient(server.base);
    await attacker.signIn(victim.email);
    // The attacker starts an authenticator app set-up while the account still has no factor...
    const enable = await attacker.enableTotp();
    expect(enable.status).toBe(200);
    // ...the owner then adds their passkey...
    const owner = new StaffClient(server.base);
    await owner.signIn(victim.email);
    expect((await owner.registerPasskey(new SoftwareAuthenticator(server.base))).verification?.status).toBe(200);
    // ...and the attacker's half-done set-up can no longer be completed.
    const verify = await attacker.verifyTotp(enable.totp!.generate());
    expect(verify.status).toBe(403);
    expect((await attacker.trpcQuery('users.list')).status).toBe(403);
    expect(factorsOf(victim.id).totpEnabled).toBe(false);
  });

  it('closes a passkey registration that began before the account had a factor, once it has one', async () => {
    const victim = await createUserWithPassword(server.auth, 'admin', 'victim5@tollgate.example');
    const attacker = new StaffClient(server.base);
    await attacker.signIn(victim.email);
    const options = await attacker.get<{ challenge: string; user: { id: string } }>('/api/auth/passkey/generate-register-options');
    expect(options.status).toBe(200);
    const owner = new StaffClient(server.base);
    await owner.signIn(victim.email);
    const enable = await owner.enableTotp();
    expect((await owner.verifyTotp(enable.totp!.generate())).status).toBe(200);

    const response = new SoftwareAuthenticator(server.base).register(options.body);
    expect((await attacker.post('/api/auth/passkey/verify-registration', { response })).status).toBe(403);
    expect(factorsOf(victim.id).passkeys).toBe(0);
  });
});

describe('presenting a factor opens changes again', () => {
  it('lets a passkey sign-in add an authenticator app and remove the passkey', async () => {
    const admin = await passkeyOnlyAdmin('owner1@tollgate.example');
    const owner = new StaffClient(server.base);
    expect((await owner.signInWithPasskey(admin.device)).status).toBe(200);
    const enable = await owner.enableTotp();
    expect(enable.status).toBe(200);
    expect((await owner.verifyTotp(enable.totp!.generate())).status).toBe(200);
    const [key] = db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, admin.id)).all();
    expect((await owner.post('/api/auth/passkey/delete-passkey', { id: key!.id })).status).toBe(200);
    expect(factorsOf(admin.id)).toEqual({ passkeys: 0, totpRows: 1, totpEnabled: true });
  });

  it('applies to every role: a procurement user with a passkey signs in with it before adding an authenticator app', async () => {
    const user = await createUserWithPassword(server.auth, 'procurement', 'buyer@tollgate.example');
    const device = new SoftwareAuthenticator(server.base);
    const first = new StaffClient(server.base);
    await first.signIn(user.email);
    expect((await first.registerPasskey(device)).verification?.status).toBe(200);

    const byPassword = new StaffClient(server.base);
    await byPassword.signIn(user.email);
    // MFA is optional for this role, so the password opens the app; it does not open the sign-in methods.
    expect((await byPassword.trpcQuery('vendors.list')).status).toBe(200);
    expect((await byPassword.enableTotp()).status).toBe(403);

    const byPasskey = new StaffClient(server.base);
    await byPasskey.signInWithPasskey(device);
    expect((await byPasskey.enableTotp()).status).toBe(200);
  });
});
