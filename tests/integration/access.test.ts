/**
 * Every procedure of the router states who may call it, and is refused to
 * everyone else. The list comes from the router itself, so a procedure
 * added later cannot slip through untested.
 */
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../shared/statuses.ts';
import { createContextInner, type LinkScope, type StaffUser } from '../../server/context.ts';
import { appRouter, createCaller } from '../../server/routers/_app.ts';
import { MFA_REQUIRED_MESSAGE, type ProcedureMeta } from '../../server/trpc.ts';
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
