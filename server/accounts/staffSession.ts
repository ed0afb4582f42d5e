/**
 * Who is calling: the staff session behind a request's cookie, checked
 * against Tollgate's own rules (active account, absolute timeout, MFA).
 */
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../drizzle/schema/index.ts';
import type { StaffSession } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import type { Auth } from './betterAuth.ts';
import { mfaStateFor } from './mfaState.ts';
import { ABSOLUTE_TIMEOUT_SECONDS } from './policy.ts';

export { mfaStateFor } from './mfaState.ts';

export async function resolveStaffSession(auth: Auth, db: Db, headers: Headers, now: Date): Promise<StaffSession | null> {
  const found = await auth.api.getSession({ headers, query: { disableCookieCache: true } }).catch(() => null);
  if (!found) return null;
  const session = db.select().from(sessions).where(eq(sessions.id, found.session.id)).get();
  const user = db.select().from(users).where(eq(users.id, found.user.id)).get();
  if (!session || !user?.active) return null;
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_SECONDS * 1000) {
    // However active, a session ends 12 hours after sign-in.
    db.delete(sessions).where(eq(sessions.id, session.id)).run();
    return null;
  }
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    sessionId: session.id,
    mfa: mfaStateFor(db, user, session.authMethod),
  };
}
