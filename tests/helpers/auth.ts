/** Real accounts for tests: users with passwords, signed in over real HTTP. */
import type { StaffRole } from '#shared/statuses.ts';
import { createAuth, type Auth } from '../../server/accounts/betterAuth.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { setUserPassword } from '../../server/accounts/setup.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-better-auth';
export const TEST_PASSWORD = 'correct horse battery staple 42';

export function createTestAuth(db: Db, publicUrl = 'http://localhost:3000'): Auth {
  return createAuth(db, { publicUrl, secret: TEST_SECRET, smtpUrl: null });
}

export async function createUserWithPassword(auth: Auth, role: StaffRole, email = `${role}@tollgate.example`, password = TEST_PASSWORD) {
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser({ email, name: `Test ${role}`, emailVerified: true, role, active: true }, { method: 'admin' });
  await setUserPassword(auth, user.id, password);
  return { id: user.id, email, password };
}

/** Signs in over HTTP and returns the session cookie to send with later requests. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<{ status: number; cookie: string | null; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || null;
  return { status: response.status, cookie, body: await response.json().catch(() => null) };
}
