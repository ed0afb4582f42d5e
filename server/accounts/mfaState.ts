/** A user's second factors, and whether a session proved one, read from the database. */
import { count, eq } from 'drizzle-orm';
import { passkeys, sessions, users } from '../../drizzle/schema/index.ts';
import type { MfaState } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { getSecuritySettings } from '../platform/settings.ts';
import { MFA_AUTH_METHODS } from './policy.ts';

export function mfaStateFor(db: Db, user: { id: string; role: string; twoFactorEnabled: boolean }, authMethod: string | null): MfaState {
  const passkeyCount = db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, user.id)).get()?.n ?? 0;
  const required = user.role === 'admin' || getSecuritySettings(db).requireMfaForAll;
  return {
    required,
    satisfied: (MFA_AUTH_METHODS as readonly string[]).includes(authMethod ?? ''),
    totp: user.twoFactorEnabled,
    passkeys: passkeyCount,
  };
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
