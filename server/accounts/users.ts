/**
 * Staff accounts: invitations with one-time set-password links, roles,
 * deactivation and MFA resets. Every change is audited; deactivation and
 * MFA resets end the person's sessions at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceContext } from '../platform/serviceContext.ts';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import type { StaffRole } from '#shared/statuses.ts';
import { passkeys, sessions, setPasswordLinks, twoFactors, users, verifications } from '../../drizzle/schema/index.ts';
import type { Auth } from './betterAuth.ts';
import { hashVerificationIdentifier, setPasswordIdentifier } from './identifiers.ts';
import { SET_PASSWORD_LINK_SECONDS } from './policy.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { enqueueEmail, type MailSettings } from '../platform/mail/outbox.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';

export interface UserServiceDeps {
  db: Db;
  auth: Auth;
  publicUrl: string;
  mail: Pick<MailSettings, 'smtpUrl'>;
}

export function listUsers(db: Db) {
  const factorCounts = db
    .select({ userId: passkeys.userId, n: count().as('n') })
    .from(passkeys)
    .groupBy(passkeys.userId)
    .as('pk');
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      totp: users.twoFactorEnabled,
      passkeys: factorCounts.n,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(factorCounts, eq(factorCounts.userId, users.id))
    .orderBy(asc(users.name))
    .all()
    .map((u) => ({ ...u, passkeys: u.passkeys ?? 0 }));
}

/**
 * Stores a new one-time set-password link for a user and voids any earlier
 * one, so a user has at most one live link. The token is 256 random bits;
 * only its hash is stored, in the row better-auth's reset-password endpoint
 * reads. Call inside the transaction that audits and emails it.
 */
function storeSetPasswordLink(tx: Tx, publicUrl: string, userId: string, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const earlier = tx.select({ verificationId: setPasswordLinks.verificationId }).from(setPasswordLinks).where(eq(setPasswordLinks.userId, userId)).get();
  if (earlier) tx.delete(verifications).where(eq(verifications.id, earlier.verificationId)).run();
  const verificationId = randomUUID();
  tx.insert(verifications)
    .values({
      id: verificationId,
      identifier: hashVerificationIdentifier(setPasswordIdentifier(token)),
      value: userId,
      expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_SECONDS * 1000),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  tx.insert(setPasswordLinks)
    .values({ userId, verificationId, issuedAt: now })
    .onConflictDoUpdate({ target: setPasswordLinks.userId, set: { verificationId, issuedAt: now } })
    .run();
  return `${publicUrl}/set-password?token=${token}`;
}

export interface IssuedSetPasswordLink {
  setPasswordUrl: string;
  /** What became of the email to the account owner: on its way through the mail server, or held in the Outbox (no SMTP). */
  email: EmailDelivery;
}

/**
 * A new set-password link for an existing user (e.g. they forgot their
 * password): earlier links stop working, the owner is emailed at the
 * address on record, and the issue is audited, all at once.
 */
export function issueSetPasswordLink(deps: ServiceContext, userId: string): IssuedSetPasswordLink {
  const { actor, now } = deps;
  return deps.db.transaction((tx) => {
    const user = getUser(tx, userId);
    const hadLiveLink = Boolean(tx.select({ userId: setPasswordLinks.userId }).from(setPasswordLinks).where(eq(setPasswordLinks.userId, userId)).get());
    const setPasswordUrl = storeSetPasswordLink(tx, deps.publicUrl, userId, now);
    const expires = new Date(now.getTime() + SET_PASSWORD_LINK_SECONDS * 1000);
    recordAudit(tx, {
      actor,
      action: 'user.set_password_link.issue',
      targetType: 'user',
      targetId: userId,
      after: { email: user.email, expiresAt: expires.toISOString(), earlierLinkVoided: hadLiveLink },
      at: now,
    });
    const email = enqueueEmail(
      tx,
      deps.mail,
      {
        to: user.email,
        subject: 'A link to set your Tollgate password',
        text: `${actor.label} created a link for you to set a new Tollgate password on ${now.toUTCString()}.\n\nSet your password before ${expires.toUTCString()}: ${setPasswordUrl}\n\nThe link works once, and any earlier link no longer works. If you did not ask for this, do not use the link and contact your security team at once: someone may be trying to take over your account.`,
      },
      now,
    );
    return { setPasswordUrl, email };
  });
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: StaffRole;
}

/**
 * The user row, the set-password link, the audit entry and the invitation
 * email are written in one transaction: a failure at any step leaves
 * nothing behind, so the same command can simply be run again (an account
 * without its link or audit entry would block a retry with "already
 * exists"). The row is written here rather than through better-auth's
 * adapter, which would commit it on its own.
 */
export async function createUser(deps: UserServiceDeps, input: CreateUserInput, actor: AuditActor): Promise<{ id: string; setPasswordUrl: string; email: EmailDelivery }> {
  const email = input.email.trim().toLowerCase();
  const context = await deps.auth.$context;
  const now = new Date();
  return deps.db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw conflict(`A user with the email ${email} already exists.`);
    }
    const id = context.generateId({ model: 'user' }) || randomUUID();
    tx.insert(users).values({ id, email, name: input.name.trim(), emailVerified: true, role: input.role, active: true, createdAt: now, updatedAt: now }).run();
    const url = storeSetPasswordLink(tx, deps.publicUrl, id, now);
    recordAudit(tx, { actor, action: 'user.create', targetType: 'user', targetId: id, after: { email, name: input.name, role: input.role }, at: now });
    const sent = enqueueEmail(
      tx,
      deps.mail,
      {
        to: email,
        subject: 'You have been invited to Tollgate',
        text: `${actor.label} invited you to Tollgate as ${input.role}.

Set your password within 24 hours: ${url}

If you did not expect this, ignore this email.`,
      },
      now,
    );
    return { id, setPasswordUrl: url, email: sent };
  });
}

function getUser(tx: Db | Tx, userId: string) {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound('The user');
  return user;
}

/** Refuses a change that would leave nobody able to administer Tollgate. */
function assertOtherActiveAdmin(tx: Db | Tx, userId: string) {
  const others = tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId))).get();
  if (!others?.n) throw badRequest('This is the last active administrator: make someone else an administrator first.');
}

export function changeRole(svc: ServiceContext, userId: string, role: StaffRole) {
  const { db, actor, now } = svc;
  db.transaction((tx) => {
    const user = getUser(tx, userId);
    if (user.role === role) return;
    if (user.role === 'admin') assertOtherActiveAdmin(tx, userId);
    tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).run();
    recordAudit(tx, { actor, action: 'user.role.change', targetType: 'user', targetId: userId, before: { role: user.role }, after: { role }, at: now });
  });
}

export function setActive(svc: ServiceContext, userId: string, active: boolean) {
  const { db, actor, now } = svc;
  db.transaction((tx) => {
    const user = getUser(tx, userId);
    if (user.active === active) return;
    if (!active && user.role === 'admin') assertOtherActiveAdmin(tx, userId);
    tx.update(users).set({ active, updatedAt: now }).where(eq(users.id, userId)).run();
    // Deactivation ends every session at once, not at their next expiry.
    const ended = active ? 0 : tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
    recordAudit(tx, {
      actor,
      action: active ? 'user.reactivate' : 'user.deactivate',
      targetType: 'user',
      targetId: userId,
      before: { active: user.active },
      after: { active, sessionsEnded: ended },
      at: now,
    });
  });
}

/**
 * Removes every second factor so the person can enrol again, after an
 * identity check the admin vouches for in `reason`. Their sessions end and
 * they are told by email.
 */
export function resetMfa(deps: ServiceContext, userId: string, reason: string): { email: EmailDelivery } {
  const { actor, now } = deps;
  return deps.db.transaction((tx) => {
    const user = getUser(tx, userId);
    const removed = {
      totp: tx.delete(twoFactors).where(eq(twoFactors.userId, userId)).run().changes,
      passkeys: tx.delete(passkeys).where(eq(passkeys.userId, userId)).run().changes,
    };
    tx.update(users).set({ twoFactorEnabled: false, updatedAt: now }).where(eq(users.id, userId)).run();
    const sessionsEnded = tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
    recordAudit(tx, { actor, action: 'user.mfa.reset', targetType: 'user', targetId: userId, before: removed, after: { reason, sessionsEnded }, at: now });
    const email = enqueueEmail(tx, deps.mail, {
      to: user.email,
      subject: 'Your Tollgate sign-in methods were reset',
      text: `${actor.label} removed your authenticator app and passkeys on ${now.toUTCString()}.\nReason given: ${reason}\n\nYou will set up multi-factor authentication again at your next sign-in. If you did not ask for this, contact your security team at once.`,
    });
    return { email };
  });
}
