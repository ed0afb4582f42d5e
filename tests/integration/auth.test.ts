/**
 * Staff sign-in over real HTTP on a real SQLite file: sessions, the
 * password policy, MFA enforcement and enrolment, deactivation, fresh
 * sign-in for factor changes, rate limits and the cross-site check.
 */
import { and, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailOutbox, sessions, totpCodeClaims } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { issueSetPasswordLink, setActive } from '../../server/accounts/users.ts';
import { createUserWithPassword, signIn, TEST_PASSWORD } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { StaffClient } from '../helpers/staffClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let db: Db;
let server: TestServer;

beforeAll(async () => {
  db = createTestDatabase().db;
  server = await startTestServer(db);
});
afterAll(() => server.close());

const json = (cookie: string | null, body: unknown, base = server.base) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: new URL(base).origin, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

const trpcQueryOn = (path: string, cookie: string | null, base: string) => trpcQuery(path, cookie, {}, base);

async function trpcQuery(path: string, cookie: string | null, input: unknown = {}, base = server.base) {
  const q = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${base}/trpc/${path}?input=${q}`, { headers: cookie ? { cookie } : {} });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string } } } };
  return { status: response.status, data: body.result?.data.json, error: body.error?.json };
}

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and a new session id at every sign-in', async () => {
    const user = await createUserWithPassword(server.auth, 'procurement', 'p1@tollgate.example');
    const response = await fetch(`${server.base}/api/auth/sign-in/email`, json(null, { email: user.email, password: TEST_PASSWORD }));
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/tollgate\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    // Plain HTTP here: the Secure flag is set only when PUBLIC_URL is https.
    const first = (await signIn(server.base, user.email)).cookie;
    const second = (await signIn(server.base, user.email)).cookie;
    expect(first).not.toEqual(second);
    expect((await trpcQuery('vendors.list', first)).status).toBe(200);
  });

  it('answers a wrong password and an unknown account alike, in similar time', async () => {
    await createUserWithPassword(server.auth, 'procurement', 'p2@tollgate.example');
    const attempt = async (email: string) => {
      const started = performance.now();
      const result = await signIn(server.base, email, 'not the right password at all');
      return { ...result, ms: performance.now() - started };
    };
    const wrong = [await attempt('p2@tollgate.example'), await attempt('p2@tollgate.example'), await attempt('p2@tollgate.example')];
    const unknown = [await attempt('nobody@tollgate.example'), await attempt('nobody2@tollgate.example'), await attempt('nobody3@tollgate.example')];
    for (const r of [...wrong, ...unknown]) {
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ message: 'Invalid email or password' });
      expect(r.cookie).toBeNull();
    }
    // Both paths hash a password: an unknown email must not answer much faster.
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    expect(median(unknown.map((r) => r.ms))).toBeGreaterThan(median(wrong.map((r) => r.ms)) * 0.4);
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const user = await createUserWithPassword(server.auth, 'ciso', 'c1@tollgate.example');
    const { cookie } = await signIn(server.base, user.email);
    expect((await trpcQuery('vendors.list', cookie)).status).toBe(200);
    const out = await fetch(`${server.base}/api/auth/sign-out`, json(cookie, {}));
    expect(out.status).toBe(200);
    expect((await trpcQuery('vendors.list', cookie)).status).toBe(401);
    const signedOut = db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign_out')).all();
    expect(signedOut).toEqual([expect.objectContaining({ actorId: user.id, targetId: user.id, ip: '127.0.0.1' })]);
  });

  it('ends every session of a deactivated user and refuses their sign-in', async () => {
    const user = await createUserWithPassword(server.auth, 'procurement', 'p3@tollgate.example');
    const { cookie } = await signIn(server.base, user.email);
    setActive({ db, actor: { type: 'system', id: null, label: 'test' }, now: new Date(), mail: { smtpUrl: null }, publicUrl: server.base }, user.id, false);
    expect((await trpcQuery('vendors.list', cookie)).status).toBe(401);
    const again = await signIn(server.base, user.email);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ message: 'Invalid email or password' });
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const user = await createUserWithPassword(server.auth, 'procurement', 'p4@tollgate.example');
    const { cookie } = await signIn(server.base, user.email);
    db.update(sessions).set({ createdAt: new Date(Date.now() - 13 * 3600_000) }).where(eq(sessions.userId, user.id)).run();
    expect((await trpcQuery('vendors.list', cookie)).status).toBe(401);
  });

  // The next two sign in on a server of their own: the sign-ins of this file would otherwise pass the 20 a minute allowed per IP.
  it('ends a session 30 minutes after its last use, and pushes that end back while it is used', async () => {
    const own = await startTestServer(db);
    const trpcQuery = (path: string, cookie: string | null) => trpcQueryOn(path, cookie, own.base);
    const user = await createUserWithPassword(own.auth, 'procurement', 'p5@tollgate.example');
    const { cookie } = await signIn(own.base, user.email);
    const endOf = () => db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, user.id)).get()?.expiresAt;

    // Last pushed back ten minutes ago: this use pushes the end to 30 minutes from now.
    db.update(sessions).set({ expiresAt: new Date(Date.now() + 20 * 60_000) }).where(eq(sessions.userId, user.id)).run();
    expect((await trpcQuery('account.me', cookie)).data).toMatchObject({ user: { email: user.email } });
    expect(endOf()!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);

    // Unused for 30 minutes: the session has ended, and is gone from the server.
    db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id)).run();
    expect((await trpcQuery('vendors.list', cookie)).status).toBe(401);
    expect(endOf()).toBeUndefined();
    await own.close();
  });

  it('keeps a session in the browser past its first end while it is used, as on the server', async () => {
    const own = await startTestServer(db);
    const user = await createUserWithPassword(own.auth, 'procurement', 'p7@tollgate.example');
    // The browser's cookie jar: it keeps a cookie until the end the last Set-Cookie gave it, on a clock the test moves on.
    const browser = new CookieJar();
    const me = async () => {
      const response = await fetch(`${own.base}/trpc/account.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`, { headers: { cookie: browser.cookieHeader() } });
      browser.take(response);
      const body = (await response.json()) as { result?: { data: { json: { user: { email: string } } | null } } };
      return body.result?.data.json ?? null;
    };
    const shiftSessionEnd = (ms: number) => {
      const row = db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, user.id)).get()!;
      db.update(sessions).set({ expiresAt: new Date(row.expiresAt.getTime() + ms) }).where(eq(sessions.userId, user.id)).run();
    };
    browser.take(await fetch(`${own.base}/api/auth/sign-in/email`, json(null, { email: user.email, password: TEST_PASSWORD }, own.base)));
    expect(await me()).toMatchObject({ user: { email: user.email } });

    // Ten minutes on, the person is still at work: this call slides the session, and its new end reaches the browser.
    browser.advance(10 * 60_000);
    shiftSessionEnd(-10 * 60_000);
    expect(await me()).toMatchObject({ user: { email: user.email } });
    const slid = browser.lastSetCookie.find((value) => value.startsWith('tollgate.session_token='));
    expect(slid).toMatch(/HttpOnly/i);

    // Twenty-five minutes later: 35 minutes after sign-in, past the end the sign-in's cookie had, but 25 after the last use.
    browser.advance(25 * 60_000);
    shiftSessionEnd(-25 * 60_000);
    expect(await me()).toMatchObject({ user: { email: user.email } });
    await own.close();
  });

  it('treats a session cookie whose signature is not the server\'s as no session at all', async () => {
    const own = await startTestServer(db);
    const trpcQuery = (path: string, cookie: string | null) => trpcQueryOn(path, cookie, own.base);
    const user = await createUserWithPassword(own.auth, 'procurement', 'p6@tollgate.example');
    const { cookie } = await signIn(own.base, user.email);
    expect((await trpcQuery('account.me', cookie)).data).toMatchObject({ user: { email: user.email } });
    // The session's own token, with someone else's signature.
    const forged = cookie!
      .split('; ')
      .map((pair) => {
        const [name, value] = pair.split(/=(.*)/s) as [string, string];
        if (!name.endsWith('session_token')) return pair;
        const token = decodeURIComponent(value).split('.')[0]!;
        return `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32, 7).toString('base64')}`)}`;
      })
      .join('; ');
    expect(forged).not.toBe(cookie);
    expect((await trpcQuery('vendors.list', forged)).status).toBe(401);
    expect((await trpcQuery('account.me', forged)).data).toBeNull();
    await own.close();
  });
});

describe('set-password links and the password policy', () => {
  it('refuses short and common passwords with a clear message, accepts a good one once', async () => {
    const context = await server.auth.$context;
    const user = await context.internalAdapter.createUser({ email: 'new@tollgate.example', name: 'New', role: 'auditor', active: true }, { method: 'admin' });
    const { setPasswordUrl: url } = issueSetPasswordLink({ db, actor: SYSTEM_ACTOR, now: new Date(), publicUrl: server.base, mail: { smtpUrl: null } }, user.id);
    const token = new URL(url).searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const set = (newPassword: string) => fetch(`${server.base}/api/auth/reset-password`, json(null, { token, newPassword }));

    const short = await set('short1');
    expect(short.status).toBe(400);
    const common = await set('password1234');
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ message: expect.stringContaining('too common') });
    expect((await set('a long and unusual passphrase')).status).toBe(200);
    expect((await set('another long unusual passphrase')).status).toBe(400); // used up
    expect((await signIn(server.base, 'new@tollgate.example', 'a long and unusual passphrase')).status).toBe(200);
  });
});

describe('changing one\'s password', () => {
  it('applies the whole policy, including "not built from your email", then records the change and tells the person', async () => {
    const user = await createUserWithPassword(server.auth, 'auditor', 'morgan.lee@tollgate.example');
    const client = new StaffClient(server.base);
    await client.signIn(user.email);
    const change = (newPassword: string) => client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword });

    const fromEmail = await change('morgan.lee keeps bees at home');
    expect(fromEmail.status).toBe(400);
    expect(fromEmail.body).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Do not build the password from your email address or the product name.' });
    expect((await change('password1234')).status).toBe(400);
    expect((await change('quartz heron sail quiet')).status).toBe(200);

    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.password.change'), eq(auditEvents.targetId, user.id))).all()).toHaveLength(1);
    const mail = db.select().from(emailOutbox).where(eq(emailOutbox.to, user.email)).all();
    expect(mail.map((m) => m.subject)).toEqual(['Your Tollgate password was changed']);
    expect((await signIn(server.base, user.email, 'quartz heron sail quiet')).status).toBe(200);
  });
});

describe('multi-factor authentication', () => {
  it('holds an admin at enrolment until a second factor is proven, then asks for it at every sign-in', async () => {
    const admin = await createUserWithPassword(server.auth, 'admin', 'a1@tollgate.example');
    const { cookie } = await signIn(server.base, admin.email);
    const blocked = await trpcQuery('vendors.list', cookie);
    expect(blocked.status).toBe(403);
    expect(blocked.error?.message).toBe('Set up or use multi-factor authentication to continue.');
    expect((await trpcQuery('account.me', cookie)).data).toMatchObject({ mfa: { required: true, satisfied: false, totp: false } });

    const enable = await fetch(`${server.base}/api/auth/two-factor/enable`, json(cookie, { password: TEST_PASSWORD }));
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
    expect(backupCodes).toHaveLength(10);
    const totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;
    const enrolmentCode = totp.generate();
    const verify = await fetch(`${server.base}/api/auth/two-factor/verify-totp`, json(cookie, { code: enrolmentCode }));
    expect(verify.status).toBe(200);
    const upgraded = verify.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || cookie;
    expect((await trpcQuery('vendors.list', upgraded)).status).toBe(200);

    // The person is told by email (held in the outbox without SMTP), and the change is audited.
    const mail = db.select().from(emailOutbox).where(eq(emailOutbox.to, admin.email)).all();
    expect(mail.map((m) => [m.subject, m.status])).toContainEqual(['An authenticator app was added to your Tollgate account', 'held']);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.factor.two-factor.verify-totp')).all()).toHaveLength(1);

    // Next time the password alone is not enough.
    const second = await signIn(server.base, admin.email);
    expect(second.body).toMatchObject({ twoFactorRedirect: true });
    const pending = await fetch(`${server.base}/api/auth/two-factor/verify-totp`, json(second.cookie, { code: 'bad000' }));
    expect(pending.status).toBe(401);
    // A code works once: the one used at enrolment cannot be replayed, even inside its 30-second step.
    const replay = await fetch(`${server.base}/api/auth/two-factor/verify-totp`, json(second.cookie, { code: enrolmentCode }));
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'TOTP_CODE_REUSED' });
    const recovery = await fetch(`${server.base}/api/auth/two-factor/verify-backup-code`, json(second.cookie, { code: backupCodes[0] }));
    expect(recovery.status).toBe(200);
    const viaRecovery = recovery.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await trpcQuery('vendors.list', viaRecovery)).status).toBe(200);
  });

  it('refuses to remember a device, so no later sign-in skips the second factor', async () => {
    const admin = await createUserWithPassword(server.auth, 'admin', 'a2@tollgate.example');
    const { cookie } = await signIn(server.base, admin.email);
    const enable = await fetch(`${server.base}/api/auth/two-factor/enable`, json(cookie, { password: TEST_PASSWORD }));
    const totp = OTPAuth.URI.parse(((await enable.json()) as { totpURI: string }).totpURI) as OTPAuth.TOTP;
    const response = await fetch(`${server.base}/api/auth/two-factor/verify-totp`, json(cookie, { code: totp.generate(), trustDevice: true }));
    expect(response.status).toBe(400);
  });

  it('needs a fresh sign-in to add or remove a factor', async () => {
    const user = await createUserWithPassword(server.auth, 'ciso', 'c2@tollgate.example');
    const { cookie } = await signIn(server.base, user.email);
    db.update(sessions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(sessions.userId, user.id)).run();
    const response = await fetch(`${server.base}/api/auth/two-factor/enable`, json(cookie, { password: TEST_PASSWORD }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'SESSION_NOT_FRESH' });
  });
});

describe('single-use codes', () => {
  it('accepts one TOTP code once even when three sign-ins race with it', async () => {
    const freshDb = createTestDatabase().db;
    const fresh = await startTestServer(freshDb);
    const sessionCount = (userId: string) => freshDb.select().from(sessions).where(eq(sessions.userId, userId)).all().length;
    const admin = await createUserWithPassword(fresh.auth, 'admin', 'race@tollgate.example');
    const enrol = new StaffClient(fresh.base);
    await enrol.signIn(admin.email);
    const { totp } = await enrol.enableTotp();
    const enrolmentCode = totp!.generate();
    expect((await enrol.verifyTotp(enrolmentCode)).status).toBe(200);

    // Three password sign-ins, each waiting for its code: three challenges an attacker who saw one code could race.
    const pending = [new StaffClient(fresh.base), new StaffClient(fresh.base), new StaffClient(fresh.base)];
    for (const client of pending) expect((await client.signIn(admin.email)).body).toMatchObject({ twoFactorRedirect: true });
    // The next step's code is valid now too, and differs from the one spent at enrolment.
    const code = totp!.generate({ timestamp: Date.now() + 30_000 });
    const before = sessionCount(admin.id);
    const answers = await Promise.all(pending.map((client) => client.verifyTotp(code)));

    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401]);
    expect(answers.filter((a) => a.status === 401).map((a) => a.body)).toEqual([
      expect.objectContaining({ code: 'TOTP_CODE_REUSED' }),
      expect.objectContaining({ code: 'TOTP_CODE_REUSED' }),
    ]);
    expect(sessionCount(admin.id) - before).toBe(1);
    await fresh.close();
  });

  it('records wrong authenticator and recovery codes in the audit log, and a wrong guess spends no code', async () => {
    const freshDb = createTestDatabase().db;
    const fresh = await startTestServer(freshDb);
    const admin = await createUserWithPassword(fresh.auth, 'admin', 'codes@tollgate.example');
    const enrol = new StaffClient(fresh.base);
    await enrol.signIn(admin.email);
    const { totp } = await enrol.enableTotp();
    expect((await enrol.verifyTotp(totp!.generate())).status).toBe(200);

    const pending = new StaffClient(fresh.base);
    await pending.signIn(admin.email);
    const later = totp!.generate({ timestamp: Date.now() + 90_000 }); // a real code, but not valid yet
    expect((await pending.verifyTotp(later)).status).toBe(401);
    expect(freshDb.select().from(totpCodeClaims).where(eq(totpCodeClaims.code, later)).all()).toEqual([]);
    expect((await pending.post('/api/auth/two-factor/verify-backup-code', { code: 'wrong-code1' })).status).toBe(401);

    const events = freshDb.select().from(auditEvents).where(eq(auditEvents.targetId, admin.id)).all();
    expect(events.filter((e) => e.action === 'auth.totp.failed').map((e) => e.after)).toEqual([{ reason: 'INVALID_CODE', stage: 'sign_in' }]);
    expect(events.filter((e) => e.action === 'auth.recovery_code.failed').map((e) => e.after)).toEqual([{ reason: 'INVALID_BACKUP_CODE', stage: 'sign_in' }]);
    expect(events.find((e) => e.action === 'auth.totp.failed')).toMatchObject({ actorId: admin.id, ip: '127.0.0.1' });
    await fresh.close();
  });
});

describe('abuse resistance', () => {
  it('ends a pending sign-in after five wrong second-factor codes, so guessing is bounded per account', async () => {
    // Each password sign-in allows five code attempts, and ten wrong codes in a row lock the account's
    // second factor for 15 minutes (better-auth): at most 10 guesses per 15 minutes, from however many addresses.
    // (Wrong passwords are bounded in signInThrottle.test.ts.)
    const fresh = await startTestServer(createTestDatabase().db);
    const admin = await createUserWithPassword(fresh.auth, 'admin', 'a9@tollgate.example');
    const enrol = await signIn(fresh.base, admin.email);
    const enable = await fetch(`${fresh.base}/api/auth/two-factor/enable`, json(enrol.cookie, { password: TEST_PASSWORD }, fresh.base));
    const totp = OTPAuth.URI.parse(((await enable.json()) as { totpURI: string }).totpURI) as OTPAuth.TOTP;
    expect((await fetch(`${fresh.base}/api/auth/two-factor/verify-totp`, json(enrol.cookie, { code: totp.generate() }, fresh.base))).status).toBe(200);

    const pending = await signIn(fresh.base, admin.email);
    expect(pending.body).toMatchObject({ twoFactorRedirect: true });
    const wrong = totp.generate({ timestamp: Date.now() + 10 * 60_000 }); // a real code, but from ten minutes ahead
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${fresh.base}/api/auth/two-factor/verify-totp`, json(pending.cookie, { code: wrong }, fresh.base))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The right code no longer helps: the password has to be entered again.
    const late = await fetch(`${fresh.base}/api/auth/two-factor/verify-totp`, json(pending.cookie, { code: totp.generate({ timestamp: Date.now() + 30_000 }) }, fresh.base));
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' });
    const again = await fetch(`${fresh.base}/api/auth/two-factor/verify-totp`, json(pending.cookie, { code: totp.generate({ timestamp: Date.now() + 30_000 }) }, fresh.base));
    expect(await again.json()).toMatchObject({ code: 'INVALID_TWO_FACTOR_COOKIE' });
    await fresh.close();
  });

  it('locks the second factor for 15 minutes after ten wrong codes in a row, however many password sign-ins start challenges', async () => {
    // Right passwords are not limited per account (only wrong ones are), so this lock is what bounds code guessing.
    const fresh = await startTestServer(createTestDatabase().db);
    const admin = await createUserWithPassword(fresh.auth, 'admin', 'a10@tollgate.example');
    const enrol = new StaffClient(fresh.base);
    await enrol.signIn(admin.email);
    const { totp } = await enrol.enableTotp();
    expect((await enrol.verifyTotp(totp!.generate())).status).toBe(200);

    const wrongCode = totp!.generate({ timestamp: Date.now() + 10 * 60_000 });
    const first = new StaffClient(fresh.base);
    await first.signIn(admin.email);
    for (let i = 0; i < 5; i++) expect((await first.verifyTotp(wrongCode)).status).toBe(401);
    const second = new StaffClient(fresh.base);
    await second.signIn(admin.email);
    for (let i = 0; i < 5; i++) expect((await second.post('/api/auth/two-factor/verify-backup-code', { code: `wrong-${i}0000` })).status).toBe(401);

    const third = new StaffClient(fresh.base);
    await third.signIn(admin.email);
    const locked = await third.verifyTotp(totp!.generate({ timestamp: Date.now() + 30_000 }));
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_TEMPORARILY_LOCKED' });
    await fresh.close();
  });

  it('refuses state-changing requests sent from another site', async () => {
    const fromElsewhere = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'x@tollgate.example', password: 'whatever whatever' }),
    });
    expect(fromElsewhere.status).toBe(403);
    const crossSite = await fetch(`${server.base}/trpc/users.invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('audit trail of sign-ins', () => {
  it('records successful and failed sign-ins with the client IP, in an intact chain', () => {
    const events = db.select().from(auditEvents).all();
    expect(events.some((e) => e.action === 'auth.sign_in' && e.ip === '127.0.0.1')).toBe(true);
    expect(events.some((e) => e.action === 'auth.sign_in_failed' && e.actorLabel === 'p2@tollgate.example')).toBe(true);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: events.length });
  });
});

/** Just enough of a browser's cookie store: a cookie is sent until the end its last Set-Cookie gave it. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; endsAt: number }>();
  private skew = 0;
  lastSetCookie: string[] = [];

  advance(ms: number): void {
    this.skew += ms;
  }

  private now(): number {
    return Date.now() + this.skew;
  }

  take(response: Response): void {
    this.lastSetCookie = response.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attribute('max-age');
      const expires = attribute('expires');
      const endsAt = maxAge !== undefined ? this.now() + Number(maxAge) * 1000 : expires !== undefined ? Date.parse(expires) + this.skew : Number.POSITIVE_INFINITY;
      if (endsAt <= this.now() || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, endsAt });
    }
  }

  cookieHeader(): string {
    return [...this.cookies].filter(([, c]) => c.endsAt > this.now()).map(([name, c]) => `${name}=${c.value}`).join('; ');
  }
}
