/**
 * The emailed code of a sensitive link, over real HTTP: wrong codes count per
 * link across every code and session (a new code does not reset them), five
 * lock the link's codes for a while that grows with each lock, sends are
 * limited per link, and every send, wrong code and lock is in the audit log.
 */
import { and, asc, eq } from 'drizzle-orm';
import { addMinutes } from 'date-fns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessments, auditEvents, emailOutbox, shareLinks, users } from '../../drizzle/schema/index.ts';
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
let vendor: ReturnType<typeof linkClient>;
let clock = new Date('2026-06-15T09:00:00Z');
const priya: StaffUser = { id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' };
const staff = () => createCaller(createContextInner({ db, user: priya, now: () => clock, services: { publicUrl: server.base } }));

let counter = 0;
/** A new code-protected link to a new assessment, for a recipient of its own. */
async function codeLink() {
  counter += 1;
  const vendorId = createVendor(db, { name: `Code Vendor ${counter}`, holdings: [{ category: 'contact.email', records: 1000 }] });
  const version = latestPublishedVersion(db, 'lite');
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version.id, status: 'draft', assessorId: priya.id }).returning().get().id;
  const email = `cody${counter}@vendor.example`;
  const link = await staff().assessments.createShareLink({ assessmentId, recipientName: 'Cody', recipientEmail: email, emailCodeRequired: true, sendEmail: false });
  return { ...link, assessmentId, email };
}

async function session(url: string): Promise<string> {
  return (await vendor.openLink(url)).cookie!;
}

/** The codes emailed to this address, oldest first. */
const codesSentTo = (email: string) =>
  db
    .select({ body: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email))
    .orderBy(asc(emailOutbox.id))
    .all()
    .map((m) => /code is (\d{6})/.exec(m.body)?.[1])
    .filter((c): c is string => Boolean(c));

const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000');
const send = (cookie: string) => vendor.portal(cookie, 'sendCode', undefined, 'POST');
const verify = (cookie: string, code: string) => vendor.portal(cookie, 'verifyCode', { code }, 'POST');

const audit = (assessmentId: number, action: string) =>
  db
    .select({ after: auditEvents.after, actorType: auditEvents.actorType })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, String(assessmentId)), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id))
    .all();

beforeAll(async () => {
  db = createTestDatabase().db;
  db.insert(users).values({ id: priya.id, name: priya.name, email: priya.email, role: 'procurement' }).run();
  server = await startTestServer(db, { now: () => clock });
  vendor = linkClient(server.base);
});
beforeEach(() => {
  clock = addMinutes(clock, 24 * 60);
});
afterAll(() => server.close());

describe('guessing the emailed code', () => {
  it('counts wrong codes per link across new codes and sessions, then locks the link and says when to try again', async () => {
    const link = await codeLink();
    const first = await session(link.url);
    expect((await send(first)).data).toEqual({ sentTo: '…@vendor.example' });
    const [code1] = codesSentTo(link.email);
    expect((await verify(first, wrongFor(code1!))).error?.message).toBe(
      'That code is not right. Check the latest email and try again: after 4 more wrong codes, codes are paused for 15 minutes.',
    );
    expect((await verify(first, wrongFor(code1!))).status).toBe(400);

    // A new code, and a second browser session: neither starts the count again.
    expect((await send(first)).status).toBe(200);
    const second = await session(link.url);
    expect((await send(second)).status).toBe(200);
    const code3 = codesSentTo(link.email)[2]!;
    expect((await verify(second, wrongFor(code3))).error?.message).toContain('after 2 more wrong codes');
    expect((await verify(first, wrongFor(code3))).error?.message).toContain('after 1 more wrong code,');

    const locked = await verify(second, wrongFor(code3));
    expect(locked.status).toBe(429);
    expect(locked.error?.message).toBe('Too many wrong codes were entered for this link, so codes are paused for your security. You can try again in 15 minutes.');
    expect(locked.error?.data.details).toEqual({ retryAt: addMinutes(clock, 15).toISOString() });

    // While locked even the right code is refused, and no code can be sent.
    expect((await verify(second, code3)).status).toBe(429);
    const refusedSend = await send(second);
    expect(refusedSend.status).toBe(429);
    expect(refusedSend.error?.message).toContain('You can try again in 15 minutes.');
    expect(codesSentTo(link.email)).toHaveLength(3);
    expect((await vendor.portal(second, 'gate')).data).toEqual({ codeRequired: true, lockedUntil: addMinutes(clock, 15).toISOString() });
    expect((await staff().assessments.shareLinks({ assessmentId: link.assessmentId }))[0]?.codeLockedUntil).toEqual(addMinutes(clock, 15));
    expect((await vendor.portal(second, 'overview')).status).toBe(403);

    // Every send, wrong code and the lock are in the audit log, never a code.
    expect(audit(link.assessmentId, 'share_link.email_code_sent').map((e) => e.after)).toEqual(Array(3).fill({ linkId: link.linkId, to: link.email }));
    expect(audit(link.assessmentId, 'share_link.email_code_failed').map((e) => e.after)).toEqual([1, 2, 3, 4, 5].map((failures) => ({ linkId: link.linkId, failures })));
    expect(audit(link.assessmentId, 'share_link.email_code_locked')).toEqual([
      { actorType: 'vendor_link', after: { linkId: link.linkId, failures: 5, lockedUntil: addMinutes(clock, 15).toISOString() } },
    ]);
    const log = JSON.stringify(db.select().from(auditEvents).all());
    for (const code of codesSentTo(link.email)) expect(log).not.toContain(code);

    // After the lock: a new code, and the right one lets the vendor in and clears the count.
    clock = addMinutes(clock, 15);
    expect((await send(second)).status).toBe(200);
    expect((await verify(second, codesSentTo(link.email)[3]!)).data).toEqual({ verified: true });
    expect((await vendor.portal(second, 'overview')).status).toBe(200);
    expect(db.select({ failures: shareLinks.codeFailures }).from(shareLinks).where(eq(shareLinks.id, link.linkId)).get()).toEqual({ failures: 0 });
  });

  it('makes each further lock twice as long, up to a day', async () => {
    const link = await codeLink();
    const cookie = await session(link.url);
    const lockAfterFiveWrong = async () => {
      await send(cookie);
      const code = codesSentTo(link.email).at(-1)!;
      let last = await verify(cookie, wrongFor(code));
      for (let i = 1; i < 5; i += 1) last = await verify(cookie, wrongFor(code));
      return last;
    };
    expect((await lockAfterFiveWrong()).error?.message).toContain('try again in 15 minutes');
    clock = addMinutes(clock, 15);
    expect((await lockAfterFiveWrong()).error?.message).toContain('try again in 30 minutes');
    clock = addMinutes(clock, 30);
    expect((await lockAfterFiveWrong()).error?.message).toContain('try again in 1 hour.');
    // Past the sixth lock, every lock lasts a day.
    db.update(shareLinks).set({ codeFailures: 40, codeLockedUntil: null }).where(eq(shareLinks.id, link.linkId)).run();
    clock = addMinutes(clock, 60);
    expect((await lockAfterFiveWrong()).error?.message).toContain('try again in 24 hours.');
  });

  it('keeps sessions that already gave the right code working while the link is locked', async () => {
    const link = await codeLink();
    const owner = await session(link.url);
    await send(owner);
    expect((await verify(owner, codesSentTo(link.email)[0]!)).status).toBe(200);
    const stranger = await session(link.url);
    await send(stranger);
    const code = codesSentTo(link.email)[1]!;
    for (let i = 0; i < 5; i += 1) await verify(stranger, wrongFor(code));
    expect((await verify(stranger, code)).status).toBe(429);
    expect((await vendor.portal(owner, 'overview')).status).toBe(200);
  });
});

describe('sending codes', () => {
  it('emails at most 3 codes per 15 minutes per link, across sessions, and says when another can be asked for', async () => {
    const link = await codeLink();
    const a = await session(link.url);
    const b = await session(link.url);
    expect((await send(a)).status).toBe(200);
    clock = addMinutes(clock, 5);
    expect((await send(b)).status).toBe(200);
    expect((await send(a)).status).toBe(200);
    const refused = await send(b);
    expect(refused.status).toBe(429);
    expect(refused.error?.message).toBe('3 codes were already emailed for this link in the last 15 minutes: use the latest one, or ask for another in 10 minutes.');
    expect(refused.error?.data.details).toEqual({ retryAt: addMinutes(clock, 10).toISOString() });
    expect(codesSentTo(link.email)).toHaveLength(3);
    expect(audit(link.assessmentId, 'share_link.email_code_sent')).toHaveLength(3);

    // The window slides: ten minutes on, the first send has left it.
    clock = addMinutes(clock, 10);
    expect((await send(b)).status).toBe(200);
    expect((await send(a)).status).toBe(429);
    expect(codesSentTo(link.email)).toHaveLength(4);
  });

  it('emails at most 20 codes a day per link, however they are spread', async () => {
    const link = await codeLink();
    const cookie = await session(link.url);
    const first = clock;
    for (let i = 0; i < 20; i += 1) {
      expect((await send(cookie)).status).toBe(200);
      clock = addMinutes(clock, 5);
    }
    const refused = await send(cookie);
    expect(refused.status).toBe(429);
    expect(refused.error?.message).toBe('20 codes were already emailed for this link in the last 24 hours: use the latest one, or ask for another in 22 hours and 20 minutes.');
    expect(refused.error?.data.details).toEqual({ retryAt: addMinutes(first, 24 * 60).toISOString() });
    expect(codesSentTo(link.email)).toHaveLength(20);
    clock = addMinutes(first, 24 * 60);
    expect((await send(await session(link.url))).status).toBe(200);
  });
});
