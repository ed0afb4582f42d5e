/**
 * No default passwords. A new installation prints a one-time link to
 * create the first administrator; demo users get generated passwords,
 * printed once and stored only as hashes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, users, verifications } from '../../drizzle/schema/index.ts';
import type { Auth } from './betterAuth.ts';
import { passwordProblem } from './passwordPolicy.ts';
import { SET_PASSWORD_LINK_SECONDS } from './policy.ts';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { OrganisationSettingsInput } from '#shared/schemas/admin.ts';
import { recordAudit } from '../platform/audit/auditTrail.ts';
import { applyOrganisation } from '../platform/settings.ts';

const SETUP_PREFIX = 'first-admin-setup:';

export function hasUsers(db: Db): boolean {
  return (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;
}

/** A link to create the first administrator, valid 24 hours; null once any user exists. */
export async function createSetupLink(auth: Auth, db: Db, publicUrl: string): Promise<string | null> {
  if (hasUsers(db)) return null;
  const context = await auth.$context;
  const token = randomBytes(32).toString('base64url');
  await context.internalAdapter.createVerificationValue({
    identifier: `${SETUP_PREFIX}${token}`,
    value: 'first-admin',
    expiresAt: new Date(Date.now() + SET_PASSWORD_LINK_SECONDS * 1000),
  });
  return `${publicUrl}/setup?token=${token}`;
}

export const SetupInput = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
  email: z.email({ error: 'Enter a valid email address' }).max(254),
  password: z.string().max(128),
  /** Who vendors will read is asking them, and whom they may contact. */
  organisation: OrganisationSettingsInput,
});
export type SetupInput = z.infer<typeof SetupInput>;

/** Sets a password hash (better-auth's scrypt) on a user that has none. */
export async function setUserPassword(auth: Auth, userId: string, password: string) {
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  await context.internalAdapter.createAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
}

/**
 * The first administrator: the user row, the password, the used-up setup
 * link, the audit entry and the organisation are written in one
 * transaction, so a failure leaves nothing and the same link works again.
 * Only the password hash (slow by design) is worked out before it.
 */
export async function completeSetup(auth: Auth, db: Db, input: SetupInput, ip: string | null): Promise<{ userId: string }> {
  if (hasUsers(db)) throw conflict('Tollgate is already set up: sign in instead.');
  const context = await auth.$context;
  const identifier = `${SETUP_PREFIX}${input.token}`;
  const verification = await context.internalAdapter.findVerificationValue(identifier);
  if (!verification || verification.expiresAt < new Date()) {
    throw badRequest('This setup link is not valid or has expired. Restart Tollgate to print a new one.');
  }
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw badRequest(problem);
  const email = input.email.toLowerCase();
  const hash = await context.password.hash(input.password);
  const userId = context.generateId({ model: 'user' }) || randomUUID();
  const now = new Date();
  db.transaction((tx) => {
    // Checked again inside: two people racing through the same link create one administrator.
    if (tx.select({ n: count() }).from(users).get()!.n > 0) throw conflict('Tollgate is already set up: sign in instead.');
    if (tx.delete(verifications).where(eq(verifications.id, verification.id)).run().changes !== 1) {
      throw badRequest('This setup link is not valid or has expired. Restart Tollgate to print a new one.');
    }
    tx.insert(users).values({ id: userId, email, name: input.name, emailVerified: true, role: 'admin', active: true, createdAt: now, updatedAt: now }).run();
    tx.insert(accounts).values({ id: context.generateId({ model: 'account' }) || randomUUID(), userId, providerId: 'credential', accountId: userId, password: hash, createdAt: now, updatedAt: now }).run();
    const actor = { type: 'user' as const, id: userId, label: input.name, ip };
    recordAudit(tx, { actor, action: 'setup.first_admin', targetType: 'user', targetId: userId, after: { email, role: 'admin' }, at: now });
    applyOrganisation(tx, input.organisation, actor, now);
  });
  return { userId };
}

/** Gives each seeded demo user without a password a generated one; returns them to print once. */
export async function assignDemoPasswords(auth: Auth, db: Db): Promise<{ email: string; role: string; password: string }[]> {
  const active = db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.active, true)).all();
  const assigned: { email: string; role: string; password: string }[] = [];
  for (const user of active) {
    const hasCredential = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.userId, user.id)).get();
    if (hasCredential) continue;
    const password = randomBytes(12).toString('base64url');
    await setUserPassword(auth, user.id, password);
    assigned.push({ email: user.email, role: user.role, password });
  }
  return assigned;
}
