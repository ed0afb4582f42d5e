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
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { StaffRole } from '#shared/statuses.ts';
import { sessions } from '../../drizzle/schema/index.ts';
import type { StaffSession } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { prepared, preparedSql } from '../platform/db/prepared.ts';
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

interface SessionRow {
  sessionId: string;
  expiresAt: number;
  createdAt: number;
  authMethod: string | null;
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  active: 0 | 1;
  twoFactorEnabled: 0 | 1;
  passkeys: number;
  /** The security setting's stored JSON, if an admin ever saved one. */
  security: string | null;
}

/**
 * The session with everything the checks below need: one indexed read, prepared once and read as plain values
 * (every staff request makes it; platform/db/prepared.ts says why not through drizzle).
 */
const SESSION_SELECT = `
  select s.id as sessionId, s.expires_at as expiresAt, s.created_at as createdAt, s.auth_method as authMethod,
         u.id as userId, u.name as name, u.email as email, u.role as role, u.active as active, u.two_factor_enabled as twoFactorEnabled,
         (select count(*) from passkeys p where p.user_id = u.id) as passkeys,
         (select value from settings where key = '${SECURITY_SETTINGS_KEY}') as security
  from sessions s join users u on u.id = s.user_id`;
// `(select ?)`, not `?`: see preparedSql (platform/db/prepared.ts).
const sessionByToken = preparedSql<[string], SessionRow>(`${SESSION_SELECT} where s.token = (select ?)`);
const sessionById = preparedSql<[string], SessionRow>(`${SESSION_SELECT} where s.id = (select ?)`);
const deleteSession = prepared((db) =>
  db
    .delete(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

/** Tollgate's own rules on a session better-auth accepts: an active account, and the 12-hour absolute end. */
function checked(db: Db, row: SessionRow | undefined, now: Date): StaffSession | null {
  if (row?.active !== 1) return null;
  if (now.getTime() - row.createdAt > ABSOLUTE_TIMEOUT_SECONDS * 1000) {
    // However active, a session ends 12 hours after sign-in.
    deleteSession(db).run({ id: row.sessionId });
    return null;
  }
  return {
    user: { id: row.userId, name: row.name, email: row.email, role: row.role },
    sessionId: row.sessionId,
    mfa: mfaStateFrom({ role: row.role, twoFactorEnabled: row.twoFactorEnabled === 1, passkeys: row.passkeys, requireMfaForAll: requireMfaForAll(row.security) }, row.authMethod),
  };
}

/** The stored security setting, parsed once per change of its text rather than on every request. */
let lastSecurity: { text: string | null; requireMfaForAll: boolean } | null = null;
function requireMfaForAll(text: string | null): boolean {
  if (lastSecurity?.text !== text) lastSecurity = { text, requireMfaForAll: securitySettingsFrom(text === null ? undefined : JSON.parse(text)).requireMfaForAll };
  return lastSecurity.requireMfaForAll;
}

/** The token inside better-auth's signed cookie value ("token.signature"), if the signature is the auth secret's. */
function verifiedToken(value: string, secret: KeyObject): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

export async function createStaffSessionResolver(auth: Auth, db: Db): Promise<StaffSessionResolver> {
  const { authCookies, secret: secretText } = await auth.$context;
  // Imported once as a key, rather than from the text at every request's HMAC.
  const secret = createSecretKey(secretText, 'utf8');
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
    return checked(db, sessionById(db).get(found.session.id), now);
  };

  return async (request, now) => {
    const cookie = request.cookies[cookieName];
    if (!cookie) return null;
    const token = verifiedToken(cookie, secret);
    // A forged or garbled cookie is nobody, as better-auth would find.
    if (!token) return null;
    const row = sessionByToken(db).get(token);
    // better-auth's idle rules run on the real time, as they do inside better-auth.
    const real = Date.now();
    const live = row !== undefined && row.expiresAt > real;
    const dueForRefresh = row !== undefined && row.expiresAt - IDLE_TIMEOUT_SECONDS * 1000 + SESSION_REFRESH_SECONDS * 1000 <= real;
    if (!live || dueForRefresh || request.cookies[dontRememberName] !== undefined) return throughBetterAuth(request, now);
    return checked(db, row, now);
  };
}
