/**
 * Every procedure of the router and every plain HTTP route states who may
 * call it, and is refused to everyone else. The lists come from the router
 * and from the running server, so a procedure or route added later cannot
 * slip through untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '#shared/statuses.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { LinkScope, StaffUser } from '../../server/platform/callers.ts';
import { appRouter, createCaller } from '../../server/router.ts';
import type { ProcedureMeta } from '../../server/platform/trpc.ts';
import { MFA_REQUIRED_MESSAGE } from '../../server/platform/access.ts';
import type { DeclaredRoute } from '../../server/platform/http/routeAccess.ts';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const { db } = createTestDatabase();
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>);

const staff = (role: StaffRole): StaffUser => ({ id: `u-${role}`, name: role, email: `${role}@tollgate.example`, role });
const mfaOwed = { required: true, satisfied: false, totp: false, passkeys: 0 };
const otherLink: LinkScope = { shareLinkId: 999, assessmentId: 999, recipientName: 'Someone else' };

type Caller = ReturnType<typeof createCaller>;
async function call(caller: Caller, path: string): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
  return fn(undefined);
}

describe('procedure access', () => {
  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it('keeps the list of procedures open to anonymous callers short and deliberate', () => {
    const anonymous = procedures.filter(([, p]) => p._def.meta?.access.kind === 'anonymous').map(([path]) => path);
    expect(anonymous).toEqual(['account.me', 'account.setupStatus']);
  });

  it('lets every staff role read the re-assessment lists and their own attention list, and only administrators change cadence and reminders', () => {
    const rolesOf = (path: string) => {
      const access = procedures.find(([p]) => p === path)?.[1]._def.meta?.access;
      return access?.kind === 'staff' ? [...access.roles].sort() : access?.kind;
    };
    expect(rolesOf('reminders.reassessments')).toEqual([...STAFF_ROLES].sort());
    expect(rolesOf('reminders.attention')).toEqual([...STAFF_ROLES].sort());
    for (const path of ['reminders.settings', 'reminders.updateCadence', 'reminders.updateKinds']) expect(rolesOf(path)).toEqual(['admin']);
  });

  it.each(procedures)('%s declares who may call it', (_path, procedure) => {
    expect(procedure._def.meta?.access).toBeDefined();
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (access?.kind === 'signed_in') {
      it(`${path}: lets any signed-in role in, even before MFA, and refuses everyone else`, async () => {
        await expect(call(createCaller(createContextInner({ db })), path)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
        await expect(call(createCaller(createContextInner({ db, link: otherLink })), path)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
        for (const role of STAFF_ROLES) {
          const caller = createCaller(createContextInner({ db, user: staff(role), mfa: mfaOwed }));
          const outcome = await call(caller, path).then(() => 'ok', (e: { code?: string }) => e.code);
          expect(['ok', 'BAD_REQUEST', 'NOT_FOUND']).toContain(outcome);
        }
      });
      continue;
    }
    if (access?.kind !== 'staff') continue;

    it(`${path}: refuses a user who still owes a second factor`, async () => {
      const role = access.roles[0]!;
      await expect(call(createCaller(createContextInner({ db, user: staff(role), mfa: mfaOwed })), path)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: MFA_REQUIRED_MESSAGE,
        cause: { reason: 'MFA_REQUIRED' },
      });
    });

    it(`${path}: refuses anonymous callers and share-link sessions`, async () => {
      await expect(call(createCaller(createContextInner({ db })), path)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(call(createCaller(createContextInner({ db, link: otherLink })), path)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });

    for (const role of STAFF_ROLES) {
      const allowed = access.roles.includes(role);
      it(`${path}: ${allowed ? 'lets' : 'refuses'} ${role}`, async () => {
        const attempt = call(createCaller(createContextInner({ db, user: staff(role) })), path);
        if (allowed) {
          // Past the access check the procedure validates its input: anything but an access error means it was let in.
          const outcome = await attempt.then(() => 'ok', (e: { code?: string }) => e.code);
          expect(['ok', 'BAD_REQUEST', 'NOT_FOUND']).toContain(outcome);
        } else {
          await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
        }
      });
    }
  }
});

describe('HTTP route access', () => {
  const http = createTestDatabase();
  let server: TestServer;
  let routes: DeclaredRoute[];
  const cookies: Partial<Record<StaffRole | 'adminOwingMfa', string>> = {};

  beforeAll(async () => {
    server = await startTestServer(http.db);
    routes = server.app.declaredRoutes().filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    for (const role of STAFF_ROLES) {
      const user = await createUserWithPassword(server.auth, role);
      const session = await signIn(server.base, user.email);
      // Administrators must give a second factor: a password-only session owes one.
      cookies[role === 'admin' ? 'adminOwingMfa' : role] = session.cookie!;
    }
  });
  afterAll(() => server.close());

  /** A route's URL with its parameters filled in: ids that exist nowhere, so a let-in caller gets 404, never data. */
  const urlOf = (route: DeclaredRoute) => server.base + route.url.replace(/:id\b/g, '999999').replace(/:token\b/g, 'x'.repeat(40)).replace('*', 'session');
  const send = (route: DeclaredRoute, cookie?: string) =>
    fetch(urlOf(route), { method: route.method, headers: { origin: server.base, ...(cookie ? { cookie } : {}) }, redirect: 'manual' });

  it('knows every route, and each declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('keeps the routes open to anyone to sign-in, first set-up, link tokens, health and the built app', () => {
    const open = routes.filter((r) => r.access.kind === 'anonymous').map((r) => r.url);
    for (const url of open) {
      const deliberate = url === '/healthz' || url === '/api/setup' || url === '/q/:token' || url.startsWith('/api/auth/') || !(url.startsWith('/api') || url.startsWith('/trpc'));
      expect(deliberate, url).toBe(true);
    }
    expect(routes.filter((r) => r.access.kind === 'procedures').map((r) => r.url)).toEqual(expect.arrayContaining(['/trpc/:path']));
  });

  it('refuses staff routes to anonymous callers and link sessions with 401, and to a user owing MFA with 403, as procedures do', async () => {
    const staffRoutes = routes.filter((r) => r.access.kind === 'staff');
    expect(staffRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of staffRoutes) {
      const anonymous = await send(route);
      expect(anonymous.status, `${route.method} ${route.url}`).toBe(401);
      expect(await anonymous.json()).toMatchObject({ reason: 'SIGN_IN_REQUIRED' });
      const owing = await send(route, cookies.adminOwingMfa);
      expect(owing.status, `${route.method} ${route.url}`).toBe(403);
      expect(await owing.json()).toMatchObject({ error: MFA_REQUIRED_MESSAGE, reason: 'MFA_REQUIRED' });
    }
  });

  it('lets each staff role its routes allow past the access check', async () => {
    for (const route of routes) {
      if (route.access.kind !== 'staff') continue;
      for (const role of ['procurement', 'ciso', 'auditor'] as const) {
        const answer = await send(route, cookies[role]);
        const allowed = route.access.roles.includes(role);
        if (allowed) expect([200, 404], `${role} ${route.method} ${route.url}`).toContain(answer.status);
        else expect(answer.status, `${role} ${route.method} ${route.url}`).toBe(403);
      }
    }
  });

  it('refuses link routes without a link session, whatever staff session the caller holds', async () => {
    const linkRoutes = routes.filter((r) => r.access.kind === 'link');
    expect(linkRoutes.length).toBeGreaterThanOrEqual(3);
    for (const route of linkRoutes) {
      for (const cookie of [undefined, cookies.auditor]) {
        const answer = await send(route, cookie);
        expect(answer.status, `${route.method} ${route.url}`).toBe(401);
        expect(await answer.json()).toMatchObject({ reason: 'LINK_SESSION_ENDED' });
      }
    }
  });
});

describe('remediation task procedures', () => {
  const rolesOf = (path: string) => {
    const access = procedures.find(([p]) => p === path)?.[1]._def.meta?.access;
    return access?.kind === 'staff' ? [...access.roles].sort() : access?.kind;
  };

  it('let every staff role read tasks, the SLA days and the filter options', () => {
    for (const path of ['tasks.list', 'tasks.detail', 'tasks.filterOptions', 'tasks.sla']) expect(rolesOf(path), path).toEqual([...STAFF_ROLES].sort());
  });

  it('keep auditors from moving tasks (the lifecycle decides the rest per task), let assessors assign, and admins set the SLA', () => {
    expect(rolesOf('tasks.transition')).toEqual(['admin', 'ciso', 'procurement']);
    expect(rolesOf('tasks.assign')).toEqual(['admin', 'procurement']);
    expect(rolesOf('tasks.updateSla')).toEqual(['admin']);
  });
});
