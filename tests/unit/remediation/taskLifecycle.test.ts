/**
 * The task lifecycle of docs/remediation.md, checked on every (from, to)
 * pair for every kind of actor. The expected table below is written out
 * from the document, not derived from the code's table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableTaskTransitions,
  checkTaskTransition,
  TASK_LIFECYCLE_STATUSES,
  TASK_TRANSITIONS,
  type TaskActor,
  type TaskFacts,
  type TaskLifecycleStatus,
  type TaskTransitionInput,
} from '#shared/remediation/taskLifecycle.ts';

type Capacity = 'vendor' | 'owner' | 'assessor' | 'ciso' | 'system';

/** docs/remediation.md, "Who may do what". */
const EXPECTED: Record<string, { rule: string; by: Capacity[] }[]> = {
  'open>in_progress': [{ rule: 'start_work', by: ['vendor', 'owner', 'assessor'] }],
  'open>ready_for_verification': [{ rule: 'mark_ready', by: ['vendor', 'owner'] }],
  'in_progress>ready_for_verification': [{ rule: 'mark_ready', by: ['vendor', 'owner'] }],
  'ready_for_verification>closed': [
    { rule: 'verify', by: ['assessor'] },
    { rule: 'close_by_reassessment', by: ['system'] },
  ],
  'open>closed': [{ rule: 'close_by_reassessment', by: ['system'] }],
  'in_progress>closed': [{ rule: 'close_by_reassessment', by: ['system'] }],
  'ready_for_verification>in_progress': [{ rule: 'send_back', by: ['assessor'] }],
  'open>risk_accepted': [{ rule: 'accept_risk', by: ['ciso'] }],
  'in_progress>risk_accepted': [{ rule: 'accept_risk', by: ['ciso'] }],
  'ready_for_verification>risk_accepted': [{ rule: 'accept_risk', by: ['ciso'] }],
  'risk_accepted>open': [
    { rule: 'revoke_acceptance', by: ['ciso'] },
    { rule: 'reopen_on_expiry', by: ['system'] },
  ],
  'open>superseded': [{ rule: 'supersede', by: ['system'] }],
  'in_progress>superseded': [{ rule: 'supersede', by: ['system'] }],
  'ready_for_verification>superseded': [{ rule: 'supersede', by: ['system'] }],
  'risk_accepted>superseded': [{ rule: 'supersede', by: ['system'] }],
};

const NOW = new Date('2026-03-15T10:00:00Z');
const OWNER = 'user-owner';

/** Every kind of actor, with the capacities it holds on a task owned by OWNER of assessment 7. */
const ACTORS: { name: string; actor: TaskActor; holds: Capacity[] }[] = [
  { name: 'the vendor of the assessment', actor: { kind: 'vendor', assessmentId: 7 }, holds: ['vendor'] },
  { name: 'the vendor of another assessment', actor: { kind: 'vendor', assessmentId: 8 }, holds: [] },
  { name: 'Tollgate itself', actor: { kind: 'system' }, holds: ['system'] },
  { name: 'an admin who owns the task', actor: { kind: 'staff', userId: OWNER, role: 'admin' }, holds: ['owner', 'assessor'] },
  { name: 'an admin', actor: { kind: 'staff', userId: 'u-admin', role: 'admin' }, holds: ['assessor'] },
  { name: 'procurement owning the task', actor: { kind: 'staff', userId: OWNER, role: 'procurement' }, holds: ['owner', 'assessor'] },
  { name: 'procurement', actor: { kind: 'staff', userId: 'u-proc', role: 'procurement' }, holds: ['assessor'] },
  { name: 'a CISO owning the task', actor: { kind: 'staff', userId: OWNER, role: 'ciso' }, holds: ['owner', 'ciso'] },
  { name: 'a CISO', actor: { kind: 'staff', userId: 'u-ciso', role: 'ciso' }, holds: ['ciso'] },
  { name: 'an auditor owning the task', actor: { kind: 'staff', userId: OWNER, role: 'auditor' }, holds: [] },
  { name: 'an auditor', actor: { kind: 'staff', userId: 'u-aud', role: 'auditor' }, holds: [] },
];

const task = (status: TaskLifecycleStatus, extra: Partial<TaskFacts> = {}): TaskFacts => ({
  status,
  assessmentId: 7,
  ownerId: OWNER,
  readyByUserId: null,
  // Already expired at NOW, so the scheduler may reopen it; the bound is tested on its own below.
  acceptanceExpiresOn: status === 'risk_accepted' ? '2026-03-15' : null,
  ...extra,
});

const ACCEPTANCE: TaskTransitionInput = { justification: 'Compensating control: calls are recorded and reviewed daily.', expiresOn: '2026-09-30' };
const NOTE: TaskTransitionInput = { note: 'MFA is now enforced for every agent; screenshot attached.' };

describe('the transition table, every (from, to) pair for every actor', () => {
  for (const from of TASK_LIFECYCLE_STATUSES) {
    for (const to of TASK_LIFECYCLE_STATUSES) {
      const expected = EXPECTED[`${from}>${to}`] ?? [];
      for (const { name, actor, holds } of ACTORS) {
        const allowedBy = expected.find((r) => r.by.some((c) => holds.includes(c)));
        it(`${from} -> ${to} by ${name}: ${allowedBy ? `allowed (${allowedBy.rule})` : 'refused'}`, () => {
          const input = allowedBy?.rule === 'accept_risk' ? ACCEPTANCE : NOTE;
          const result = checkTaskTransition(task(from), to, actor, input, NOW);
          if (allowedBy) {
            expect(result).toMatchObject({ ok: true, rule: { name: allowedBy.rule } });
          } else {
            expect(result.ok).toBe(false);
            if (result.ok) return;
            // No rule at all for the pair is "illegal"; a rule for someone else is "forbidden" and names that rule.
            expect(result.reason).toBe(expected.length === 0 ? 'illegal' : 'forbidden');
            if (expected.length > 0) expect(result.message).toMatch(new RegExp(`rule (${expected.map((r) => r.rule).join('|')})`));
            expect(result.message.length).toBeGreaterThan(20);
          }
        });
      }
    }
  }

  it('has no rule the expected table does not list', () => {
    const inCode = TASK_TRANSITIONS.flatMap((r) => r.from.map((from) => `${from}>${r.to}:${r.name}:${[...r.by].sort().join(',')}`)).sort();
    const inDoc = Object.entries(EXPECTED)
      .flatMap(([pair, rules]) => rules.map((r) => `${pair}:${r.rule}:${[...r.by].sort().join(',')}`))
      .sort();
    expect(inCode).toEqual(inDoc);
  });

  it('lists, for the screen, exactly the moves the check allows', () => {
    for (const from of TASK_LIFECYCLE_STATUSES) {
      for (const { actor } of ACTORS) {
        const offered = availableTaskTransitions(task(from), actor, NOW).map((r) => r.to);
        const allowed = TASK_LIFECYCLE_STATUSES.filter((to) => checkTaskTransition(task(from), to, actor, to === 'risk_accepted' ? ACCEPTANCE : NOTE, NOW).ok);
        expect(new Set(offered)).toEqual(new Set(allowed));
      }
    }
  });
});

describe('clear refusals', () => {
  const admin: TaskActor = { kind: 'staff', userId: 'u-admin', role: 'admin' };
  const procurement: TaskActor = { kind: 'staff', userId: 'u-proc', role: 'procurement' };

  it('an administrator may not accept a risk: only a CISO may', () => {
    const result = checkTaskTransition(task('open'), 'risk_accepted', admin, ACCEPTANCE, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', rule: 'accept_risk' });
    expect(!result.ok && result.message).toMatch(/^Only a CISO-role user may accept a risk \(rule accept_risk/);
  });

  it('a closed task is final', () => {
    const result = checkTaskTransition(task('closed'), 'open', admin, NOTE, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'illegal', message: 'A task that is closed cannot become open: closed is final.' });
  });

  it('an open task cannot be verified before someone marks it ready', () => {
    const result = checkTaskTransition(task('open'), 'closed', procurement, NOTE, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', rule: 'close_by_reassessment' });
    expect(!result.ok && result.message).toMatch(/ You may verify a fix and close its task once it is ready for verification \(rule verify: ready for verification -> closed\)\.$/);
  });

  it('says which statuses can follow', () => {
    const result = checkTaskTransition(task('in_progress'), 'open', admin, NOTE, NOW);
    expect(!result.ok && result.message).toBe('A task that is in progress cannot become open: from in progress it can only become ready for verification, risk accepted, closed or superseded by a later assessment.');
  });

  it('refuses a move to the status the task already has', () => {
    expect(checkTaskTransition(task('open'), 'open', admin, NOTE, NOW)).toMatchObject({ ok: false, reason: 'illegal', message: 'The task is already open.' });
  });

  it('auditors are read-only, even when named as owner', () => {
    const result = checkTaskTransition(task('open'), 'ready_for_verification', { kind: 'staff', userId: OWNER, role: 'auditor' }, NOTE, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', message: 'Auditors are read-only: they cannot mark a task ready for verification (rule mark_ready: open or in progress -> ready for verification).' });
  });

  it("a vendor's link acts only on its own assessment's tasks", () => {
    const result = checkTaskTransition(task('open'), 'ready_for_verification', { kind: 'vendor', assessmentId: 99 }, NOTE, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(!result.ok && result.message).toMatch(/another assessment/);
  });

  it('only the owner or the vendor marks a task ready, not any assessor', () => {
    const result = checkTaskTransition(task('in_progress'), 'ready_for_verification', procurement, NOTE, NOW);
    expect(!result.ok && result.message).toMatch(/^Only the vendor through its questionnaire link or the task's owner may mark a task ready/);
  });
});

describe('four eyes on verification', () => {
  const proc1: TaskActor = { kind: 'staff', userId: 'proc-1', role: 'procurement' };
  const proc2: TaskActor = { kind: 'staff', userId: 'proc-2', role: 'procurement' };

  it('who marked a task ready may not verify it', () => {
    const result = checkTaskTransition(task('ready_for_verification', { readyByUserId: 'proc-1' }), 'closed', proc1, {}, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', rule: 'verify' });
    expect(!result.ok && result.message).toMatch(/someone else must verify it/);
  });

  it('another assessor may', () => {
    expect(checkTaskTransition(task('ready_for_verification', { readyByUserId: 'proc-1' }), 'closed', proc2, {}, NOW).ok).toBe(true);
  });

  it('when the vendor marked it ready, the owner who is an assessor may verify', () => {
    expect(checkTaskTransition(task('ready_for_verification', { ownerId: 'proc-1' }), 'closed', proc1, {}, NOW).ok).toBe(true);
  });

  it('who marked it ready may still send it back (it only delays the close)', () => {
    expect(checkTaskTransition(task('ready_for_verification', { readyByUserId: 'proc-1' }), 'in_progress', proc1, NOTE, NOW).ok).toBe(true);
  });
});

describe('what each move requires', () => {
  const vendor: TaskActor = { kind: 'vendor', assessmentId: 7 };
  const procurement: TaskActor = { kind: 'staff', userId: 'u-proc', role: 'procurement' };
  const ciso: TaskActor = { kind: 'staff', userId: 'u-ciso', role: 'ciso' };

  it('marking ready needs a note saying what was done', () => {
    for (const note of [undefined, '', '   ']) {
      const result = checkTaskTransition(task('open'), 'ready_for_verification', vendor, { note }, NOW);
      expect(result).toMatchObject({ ok: false, reason: 'invalid_input', rule: 'mark_ready' });
      expect(!result.ok && result.message).toMatch(/A note is required to mark a task ready for verification: say what was done/);
    }
  });

  it('sending back needs a note the vendor reads', () => {
    const result = checkTaskTransition(task('ready_for_verification'), 'in_progress', procurement, {}, NOW);
    expect(!result.ok && result.message).toMatch(/say what is still missing: the vendor reads it \(rule send_back/);
  });

  it('revoking an acceptance needs a note', () => {
    expect(checkTaskTransition(task('risk_accepted'), 'open', ciso, {}, NOW)).toMatchObject({ ok: false, reason: 'invalid_input', rule: 'revoke_acceptance' });
  });

  it('notes are trimmed and bounded', () => {
    expect(checkTaskTransition(task('open'), 'ready_for_verification', vendor, { note: '  done  ' }, NOW)).toMatchObject({ ok: true, input: { note: 'done' } });
    expect(checkTaskTransition(task('open'), 'ready_for_verification', vendor, { note: 'x'.repeat(2001) }, NOW)).toMatchObject({ ok: false, reason: 'invalid_input' });
  });

  it('a justification or an expiry on another move is refused, not ignored', () => {
    const result = checkTaskTransition(task('ready_for_verification'), 'closed', procurement, { expiresOn: '2026-09-30' }, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_input', rule: 'verify' });
  });

  it('accepting needs a written justification of at least 20 characters', () => {
    const result = checkTaskTransition(task('open'), 'risk_accepted', ciso, { justification: 'fine', expiresOn: '2026-09-30' }, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_input', rule: 'accept_risk' });
    expect(!result.ok && result.message).toMatch(/written justification of at least 20 characters/);
  });

  it('accepting needs an expiry', () => {
    const result = checkTaskTransition(task('open'), 'risk_accepted', ciso, { justification: ACCEPTANCE.justification }, NOW);
    expect(!result.ok && result.message).toMatch(/needs an expiry date, at most 12 months ahead \(no later than 2027-03-15\)/);
  });

  it('the expiry must be a real date', () => {
    for (const expiresOn of ['2026-02-30', '30/09/2026', '2026-9-30', '']) {
      expect(checkTaskTransition(task('open'), 'risk_accepted', ciso, { ...ACCEPTANCE, expiresOn }, NOW)).toMatchObject({ ok: false, reason: 'invalid_input' });
    }
  });
});

describe('the expiry bound: after today, at most 12 months ahead', () => {
  const ciso: TaskActor = { kind: 'staff', userId: 'u-ciso', role: 'ciso' };
  const accept = (expiresOn: string, now = NOW) => checkTaskTransition(task('open'), 'risk_accepted', ciso, { ...ACCEPTANCE, expiresOn }, now);

  it('accepts tomorrow and the same day next year; refuses today and the day after next year', () => {
    expect(accept('2026-03-16').ok).toBe(true);
    expect(accept('2027-03-15')).toMatchObject({ ok: true, input: { expiresOn: '2027-03-15' } });
    expect(accept('2026-03-15')).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(accept('2026-01-01')).toMatchObject({ ok: false, reason: 'invalid_input' });
    const late = accept('2027-03-16');
    expect(!late.ok && late.message).toMatch(/at most 12 months: choose an expiry no later than 2027-03-15/);
  });

  it('from 29 February, twelve months end on 28 February', () => {
    const leap = new Date('2028-02-29T23:00:00Z');
    expect(accept('2029-02-28', leap).ok).toBe(true);
    expect(accept('2029-03-01', leap).ok).toBe(false);
  });

  it('counts in UTC days, whatever the hour', () => {
    const lateEvening = new Date('2026-03-15T23:59:59Z');
    expect(accept('2026-03-15', lateEvening).ok).toBe(false);
    expect(accept('2026-03-16', lateEvening).ok).toBe(true);
  });

  it('holds for any day and any expiry (checked against plain calendar arithmetic)', () => {
    const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -40, max: 800 }), (now, offset) => {
        const y = now.getUTCFullYear();
        const m = now.getUTCMonth();
        const d = now.getUTCDate();
        const expiry = new Date(Date.UTC(y, m, d + offset));
        const expiresOn = iso(expiry.getUTCFullYear(), expiry.getUTCMonth(), expiry.getUTCDate());
        const lastDayNextYear = new Date(Date.UTC(y + 1, m + 1, 0)).getUTCDate();
        const latest = iso(y + 1, m, Math.min(d, lastDayNextYear));
        const shouldPass = offset > 0 && expiresOn <= latest;
        expect(accept(expiresOn, now).ok).toBe(shouldPass);
      }),
    );
  });
});

describe('an accepted risk reopens by itself only once it has expired', () => {
  const system: TaskActor = { kind: 'system' };

  it('from the expiry date on', () => {
    expect(checkTaskTransition(task('risk_accepted', { acceptanceExpiresOn: '2026-03-15' }), 'open', system, {}, NOW)).toMatchObject({ ok: true, rule: { name: 'reopen_on_expiry' } });
    expect(checkTaskTransition(task('risk_accepted', { acceptanceExpiresOn: '2026-01-01' }), 'open', system, {}, NOW).ok).toBe(true);
  });

  it('not the day before', () => {
    const result = checkTaskTransition(task('risk_accepted', { acceptanceExpiresOn: '2026-03-16' }), 'open', system, {}, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'too_early', rule: 'reopen_on_expiry' });
    expect(!result.ok && result.message).toMatch(/stays accepted until 2026-03-16/);
  });

  it('a CISO may revoke it earlier, with a note', () => {
    const ciso: TaskActor = { kind: 'staff', userId: 'u-ciso', role: 'ciso' };
    expect(checkTaskTransition(task('risk_accepted', { acceptanceExpiresOn: '2026-09-30' }), 'open', ciso, { note: 'The compensating control was withdrawn.' }, NOW)).toMatchObject({
      ok: true,
      rule: { name: 'revoke_acceptance' },
    });
  });
});
