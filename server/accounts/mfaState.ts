/** A user's second factors, and whether a session proved one, read from the database. */
import { count, eq } from 'drizzle-orm';
import { passkeys, sessions, users } from '../../drizzle/schema/index.ts';
import type { MfaState } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { getSecuritySettings } from '../platform/settings.ts';
import { MFA_AUTH_METHODS } from './policy.ts';

/** What decides a session's MFA state, however it was read. */
export interface MfaFacts {
  role: string;
  twoFactorEnabled: boolean;
  passkeys: number;
  requireMfaForAll: boolean;
}

/** The one rule: admins (or, by the security setting, everyone) must prove a second factor; these sign-in methods prove one. */
export function mfaStateFrom(facts: MfaFacts, authMethod: string | null): MfaState {
  return {
    required: facts.role === 'admin' || facts.requireMfaForAll,
    satisfied: (MFA_AUTH_METHODS as readonly string[]).includes(authMethod ?? ''),
    totp: facts.twoFactorEnabled,
    passkeys: facts.passkeys,
  };
}

export function mfaStateFor(db: Db, user: { id: string; role: string; twoFactorEnabled: boolean }, authMethod: string | null): MfaState {
  const passkeyCount = db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, user.id)).get()?.n ?? 0;
  return mfaStateFrom({ role: user.role, twoFactorEnabled: user.twoFactorEnabled, passkeys: passkeyCount, requireMfaForAll: getSecuritySettings(db).requireMfaForAll }, authMethod);
}

/** The MFA state of one session, or null when the session or its user is gone. */
export function mfaStateOfSession(db: Db, sessionId: string): (MfaState & { userId: string }) | null {
  const row = db
    .select({ userId: users.id, role: users.role, twoFactorEnabled: users.twoFactorEnabled, authMethod: sessions.authMethod })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row) return null;
  return { userId: row.userId, ...mfaStateFor(db, { id: row.userId, role: row.role, twoFactorEnabled: row.twoFactorEnabled }, row.authMethod) };
}
