/**
 * Who is calling: the staff session behind a request's cookie, checked
 * against Tollgate's own rules (active account, absolute timeout, MFA).
 *
 * Every staff request comes through here, so the usual case is one
 * prepared query and no call into better-auth: the cookie's signature is
 * checked as better-auth checks it (HMAC-SHA256 with the auth secret), and
 * the session, its user, the user's passkey count and the MFA setting are
 * read together. Whenever better-auth would do more than read (the session
 * is unknown or past its idle end, so it deletes it; or it is due for its
 * sliding refresh; or the browser asked not to be remembered), the request
 * takes better-auth's own `getSession`, as every request did before, and
 * the same checks follow. A request with no staff cookie costs nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { passkeys, sessions, settings, users } from '../../drizzle/schema/index.ts';
import type { StaffSession } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { prepared } from '../platform/db/prepared.ts';
import { SECURITY_SETTINGS_KEY, securitySettingsFrom } from '../platform/settings.ts';
import type { Auth } from './betterAuth.ts';
import { mfaStateFrom } from './mfaState.ts';
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS, SESSION_REFRESH_SECONDS } from './policy.ts';

export { mfaStateFor } from './mfaState.ts';

/** What a request shows of itself: its parsed cookies, and its headers for better-auth when it is needed. */
export interface StaffRequest {
  cookies: Record<string, string | undefined>;
  headers: () => Headers;
  /**
   * Receives the Set-Cookie values better-auth wrote while looking the session up (the slid session's cookie with
   * its new end, or the clearing of an ended one), for the response to carry to the browser.
   */
  setCookies?: (values: string[]) => void;
}

export type StaffSessionResolver = (request: StaffRequest, now: Date) => Promise<StaffSession | null>;

const sessionColumns = {
  sessionId: sessions.id,
  expiresAt: sessions.expiresAt,
  createdAt: sessions.createdAt,
  authMethod: sessions.authMethod,
  userId: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  twoFactorEnabled: users.twoFactorEnabled,
  passkeys: sql<number>`(select count(*) from ${passkeys} where ${passkeys.userId} = ${users.id})`.mapWith(Number),
  security: sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${SECURITY_SETTINGS_KEY})`.mapWith(settings.value),
};

/** The session by its token, with everything the checks below need: one indexed read, prepared once. */
const sessionByToken = prepared((db) =>
  db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare(),
);
const sessionById = prepared((db) =>
  db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);
const deleteSession = prepared((db) =>
  db
    .delete(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

type SessionRow = NonNullable<ReturnType<ReturnType<typeof sessionByToken>['get']>>;

/** Tollgate's own rules on a session better-auth accepts: an active account, and the 12-hour absolute end. */
function checked(db: Db, row: SessionRow | undefined, now: Date): StaffSession | null {
  if (!row?.active) return null;
  if (now.getTime() - row.createdAt.getTime() > ABSOLUTE_TIMEOUT_SECONDS * 1000) {
    // However active, a session ends 12 hours after sign-in.
    deleteSession(db).run({ id: row.sessionId });
    return null;
  }
  return {
    user: { id: row.userId, name: row.name, email: row.email, role: row.role },
    sessionId: row.sessionId,
    mfa: mfaStateFrom({ role: row.role, twoFactorEnabled: row.twoFactorEnabled, passkeys: row.passkeys, requireMfaForAll: securitySettingsFrom(row.security).requireMfaForAll }, row.authMethod),
  };
}

/** The token inside better-auth's signed cookie value ("token.signature"), if the signature is the auth secret's. */
function verifiedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

export async function createStaffSessionResolver(auth: Auth, db: Db): Promise<StaffSessionResolver> {
  const { authCookies, secret } = await auth.$context;
  const cookieName = authCookies.sessionToken.name;
  const dontRememberName = authCookies.dontRememberToken.name;

  /** better-auth's own lookup: it deletes ended sessions and slides the idle end; then Tollgate's checks. */
  const throughBetterAuth = async (request: StaffRequest, now: Date): Promise<StaffSession | null> => {
    const result = await auth.api.getSession({ headers: request.headers(), query: { disableCookieCache: true }, returnHeaders: true }).catch(() => null);
    if (!result) return null;
    // Without this the browser kept the cookie's first end: a session slid on the server still vanished from the browser 30 minutes after sign-in.
    const cookies = result.headers.getSetCookie();
    if (cookies.length) request.setCookies?.(cookies);
    const found = result.response;
    if (!found) return null;
    return checked(db, sessionById(db).get({ id: found.session.id }), now);
  };

  return async (request, now) => {
    const cookie = request.cookies[cookieName];
    if (!cookie) return null;
    const token = verifiedToken(cookie, secret);
    // A forged or garbled cookie is nobody, as better-auth would find.
    if (!token) return null;
    const row = sessionByToken(db).get({ token });
    // better-auth's idle rules run on the real time, as they do inside better-auth.
    const real = Date.now();
    const live = row !== undefined && row.expiresAt.getTime() > real;
    const dueForRefresh = row !== undefined && row.expiresAt.getTime() - IDLE_TIMEOUT_SECONDS * 1000 + SESSION_REFRESH_SECONDS * 1000 <= real;
    if (!live || dueForRefresh || request.cookies[dontRememberName] !== undefined) return throughBetterAuth(request, now);
    return checked(db, row, now);
  };
}
