/**
 * The reminder schedule of docs/remediation.md, kind by kind: when each
 * falls due, whom it goes to, its key, what happens after an outage, and
 * when it is not sent at all.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS, reminderKey, remindersDue, type Reminder, type ReminderOptions } from '#shared/remediation/reminders.ts';
import type { RemediationState } from '#shared/remediation/state.ts';
import { at, dailyTicks, link, questionnaire, state, task, vendor } from './fixtures.ts';

/** A server that sends what is due at each tick and records the key: what was sent, on which day. */
function run(s: RemediationState, ticks: readonly Date[], options: ReminderOptions = {}): { key: string; on: string; reminder: Reminder }[] {
  const sent = new Set<string>();
  const log: { key: string; on: string; reminder: Reminder }[] = [];
  for (const now of ticks) {
    for (const r of remindersDue(s, now, options)) {
      if (sent.has(r.key)) continue;
      sent.add(r.key);
      log.push({ key: r.key, on: now.toISOString().slice(0, 10), reminder: r });
    }
  }
  return log;
}
const sentOn = (log: ReturnType<typeof run>) => log.map(({ key, on }) => `${on} ${key}`);
const without = (ticks: Date[], from: string, to: string) => ticks.filter((t) => t < at(`${from}T00:00:00Z`) || t > at(`${to}T23:59:59Z`));

describe('keys', () => {
  it('name the kind, the subject and the occasion, never the moment', () => {
    expect(reminderKey('task_due', { type: 'task', id: 41 }, { date: '2026-06-30', offsetDays: 7 })).toBe('task-due-7d:41:2026-06-30');
    expect(reminderKey('questionnaire_overdue', { type: 'assessment', id: 12 }, { date: '2026-05-01', week: 2 })).toBe('questionnaire-overdue:12:2026-05-01:w2');
    expect(reminderKey('link_not_opened', { type: 'share_link', id: 5 }, { offsetDays: 3 })).toBe('link-not-opened-3d:5');
  });
});

describe('questionnaire due in 7, 3 and 1 days, then overdue weekly', () => {
  const s = state({ questionnaires: [questionnaire({ links: [link({ id: 50 }), link({ id: 51, revokedAt: at('2026-05-02') })] })] });
  const ticks = dailyTicks('2026-06-01', '2026-07-31');

  it('with the server up every day: 7, 3 and 1 days before, then on days 1, 8, 15... after', () => {
    expect(sentOn(run(s, ticks))).toEqual([
      '2026-06-23 questionnaire-due-7d:10:2026-06-30',
      '2026-06-27 questionnaire-due-3d:10:2026-06-30',
      '2026-06-29 questionnaire-due-1d:10:2026-06-30',
      '2026-07-01 questionnaire-overdue:10:2026-06-30:w1',
      '2026-07-08 questionnaire-overdue:10:2026-06-30:w2',
      '2026-07-15 questionnaire-overdue:10:2026-06-30:w3',
      '2026-07-22 questionnaire-overdue:10:2026-06-30:w4',
      '2026-07-29 questionnaire-overdue:10:2026-06-30:w5',
    ]);
  });

  it('hourly ticks send the same, each once', () => {
    const hourly = dailyTicks('2026-06-20', '2026-07-09').flatMap((d) => Array.from({ length: 24 }, (_, h) => new Date(d.getTime() - 9 * 3_600_000 + h * 3_600_000)));
    expect(run(s, hourly).map((l) => l.key)).toEqual([
      'questionnaire-due-7d:10:2026-06-30',
      'questionnaire-due-3d:10:2026-06-30',
      'questionnaire-due-1d:10:2026-06-30',
      'questionnaire-overdue:10:2026-06-30:w1',
      'questionnaire-overdue:10:2026-06-30:w2',
    ]);
  });

  it('go to the live links only; overdue ones to the assessor as well', () => {
    const log = run(s, ticks);
    expect(log[0]!.reminder).toMatchObject({ kind: 'questionnaire_due', recipients: [{ kind: 'vendor_link', linkId: 50 }], action: { kind: 'questionnaire', assessmentId: 10 } });
    expect(log[3]!.reminder.recipients).toEqual([
      { kind: 'vendor_link', linkId: 50 },
      { kind: 'staff', userId: 'proc-1' },
    ]);
  });

  it('down over the 7-day mark: sent once when the server is back, while more than 3 days are left', () => {
    expect(sentOn(run(s, without(ticks, '2026-06-22', '2026-06-24'))).slice(0, 2)).toEqual([
      '2026-06-25 questionnaire-due-7d:10:2026-06-30',
      '2026-06-27 questionnaire-due-3d:10:2026-06-30',
    ]);
  });

  it('down until 2 days are left: only "due in 3 days", never a stale "due in 7 days"', () => {
    expect(sentOn(run(s, without(ticks, '2026-06-20', '2026-06-27'))).slice(0, 2)).toEqual([
      '2026-06-28 questionnaire-due-3d:10:2026-06-30',
      '2026-06-29 questionnaire-due-1d:10:2026-06-30',
    ]);
  });

  it('down until the due day: "due in 1 day" still goes on the day itself', () => {
    expect(sentOn(run(s, without(ticks, '2026-06-20', '2026-06-29'))).slice(0, 1)).toEqual(['2026-06-30 questionnaire-due-1d:10:2026-06-30']);
  });

  it('down for three weeks after the due date: one overdue reminder for the current week, no backlog', () => {
    expect(sentOn(run(s, without(ticks, '2026-06-20', '2026-07-19'))).slice(0, 2)).toEqual([
      '2026-07-20 questionnaire-overdue:10:2026-06-30:w3',
      '2026-07-22 questionnaire-overdue:10:2026-06-30:w4',
    ]);
  });

  it('skips a countdown whose window opened before the questionnaire was sent: the invitation gave the date', () => {
    const late = state({ questionnaires: [questionnaire({ sentAt: at('2026-06-25') })] });
    expect(run(late, ticks).map((l) => l.key).slice(0, 2)).toEqual(['questionnaire-due-3d:10:2026-06-30', 'questionnaire-due-1d:10:2026-06-30']);
    const sentOnTheDay = state({ questionnaires: [questionnaire({ sentAt: at('2026-06-27') })] });
    expect(run(sentOnTheDay, ticks)[0]!.key).toBe('questionnaire-due-1d:10:2026-06-30');
  });

  it('a new due date starts a new series', () => {
    const moved = state({ questionnaires: [questionnaire({ dueDate: '2026-07-14' })] });
    const before = run(s, dailyTicks('2026-06-01', '2026-06-24'));
    const after = run(moved, dailyTicks('2026-06-25', '2026-07-12'));
    expect([...before, ...after].map((l) => l.key)).toEqual([
      'questionnaire-due-7d:10:2026-06-30',
      'questionnaire-due-7d:10:2026-07-14',
      'questionnaire-due-3d:10:2026-07-14',
    ]);
  });

  it('stop once the vendor submits, and never start for a draft, a cancelled questionnaire or an archived vendor', () => {
    for (const status of ['submitted', 'in_review', 'completed', 'cancelled', 'draft'] as const) {
      expect(run(state({ questionnaires: [questionnaire({ status })] }), ticks)).toEqual([]);
    }
    expect(run(state({ vendors: [vendor({ active: false })], questionnaires: [questionnaire()] }), ticks)).toEqual([]);
  });

  it('with no live link the assessor hears instead, to send a new one', () => {
    const noLink = state({ questionnaires: [questionnaire({ links: [link({ expiresAt: at('2026-06-01') })] })] });
    expect(run(noLink, ticks)[0]!.reminder.recipients).toEqual([{ kind: 'staff', userId: 'proc-1' }]);
  });
});

describe('link not opened after 3 days', () => {
  const s = state({ questionnaires: [questionnaire({ dueDate: null, links: [link({ id: 5, opened: false, createdAt: at('2026-06-01T10:00:00Z') })] })] });

  it('falls due 72 hours after the link was created, to its recipient and the assessor', () => {
    expect(remindersDue(s, at('2026-06-04T09:59:59Z'))).toEqual([]);
    expect(remindersDue(s, at('2026-06-04T10:00:00Z'))).toEqual([
      {
        key: 'link-not-opened-3d:5',
        kind: 'link_not_opened',
        subject: { type: 'share_link', id: 5 },
        occasion: { offsetDays: 3 },
        vendorId: 1,
        recipients: [
          { kind: 'vendor_link', linkId: 5 },
          { kind: 'staff', userId: 'proc-1' },
        ],
        action: { kind: 'questionnaire', assessmentId: 10 },
      },
    ]);
  });

  it('is caught up after an outage, once', () => {
    expect(run(s, [at('2026-06-02'), at('2026-06-20'), at('2026-06-21')]).map((l) => `${l.on} ${l.key}`)).toEqual(['2026-06-20 link-not-opened-3d:5']);
  });

  it('not for a link opened, revoked or expired', () => {
    const later = at('2026-06-10');
    for (const l of [link({ id: 5, opened: true }), link({ id: 5, opened: false, revokedAt: at('2026-06-02') }), link({ id: 5, opened: false, expiresAt: at('2026-06-09') })]) {
      expect(remindersDue(state({ questionnaires: [questionnaire({ dueDate: null, links: [l] })] }), later)).toEqual([]);
    }
  });
});

describe('task due in 7 days, then overdue weekly', () => {
  const s = state({ questionnaires: [questionnaire({ status: 'completed' })], tasks: [task({ id: 41, dueDate: '2026-06-30' })] });
  const ticks = dailyTicks('2026-06-01', '2026-07-20');

  it('7 days before, then days 1, 8, 15 after; to the vendor and the owner; the action is the task', () => {
    const log = run(s, ticks);
    expect(sentOn(log)).toEqual([
      '2026-06-23 task-due-7d:41:2026-06-30',
      '2026-07-01 task-overdue:41:2026-06-30:w1',
      '2026-07-08 task-overdue:41:2026-06-30:w2',
      '2026-07-15 task-overdue:41:2026-06-30:w3',
    ]);
    expect(log[0]!.reminder).toMatchObject({
      recipients: [
        { kind: 'vendor_link', linkId: 50 },
        { kind: 'staff', userId: 'proc-1' },
      ],
      action: { kind: 'task', taskId: 41 },
    });
  });

  it('down from 6 days before until the due date passed: the overdue reminder, not "due in 7 days"', () => {
    expect(sentOn(run(s, without(ticks, '2026-06-23', '2026-07-02')))).toEqual([
      '2026-07-03 task-overdue:41:2026-06-30:w1',
      '2026-07-08 task-overdue:41:2026-06-30:w2',
      '2026-07-15 task-overdue:41:2026-06-30:w3',
    ]);
  });

  it('is sent while open or in progress; not while ready for verification, closed, accepted or superseded', () => {
    expect(run(state({ ...s, tasks: [task({ id: 41, status: 'in_progress' })] }), ticks)).toHaveLength(4);
    for (const status of ['ready_for_verification', 'closed', 'risk_accepted', 'superseded'] as const) {
      expect(run(state({ ...s, tasks: [task({ id: 41, status })] }), ticks)).toEqual([]);
    }
  });

  it('skips "due in 7 days" for a task raised within its last 7 days (a tight SLA)', () => {
    expect(run(state({ ...s, tasks: [task({ id: 41, createdAt: at('2026-06-25') })] }), ticks)[0]!.key).toBe('task-overdue:41:2026-06-30:w1');
  });

  it('a reopened task with a new due date starts a new series', () => {
    const reopened = state({ ...s, tasks: [task({ id: 41, dueDate: '2026-09-15', createdAt: at('2026-05-01') })] });
    expect(remindersDue(reopened, at('2026-09-08')).map((r) => r.key)).toEqual(['task-due-7d:41:2026-09-15']);
  });

  it('an owner who left is replaced by the assessment assessor, and both gone by every assessor', () => {
    const ownerGone = state({ ...s, tasks: [task({ id: 41, ownerId: 'gone-1' })], questionnaires: [questionnaire({ status: 'completed', assessorId: 'proc-2' })] });
    expect(remindersDue(ownerGone, at('2026-06-23'))[0]!.recipients).toContainEqual({ kind: 'staff', userId: 'proc-2' });
    const bothGone = state({ ...s, tasks: [task({ id: 41, ownerId: null })], questionnaires: [questionnaire({ status: 'completed', assessorId: 'gone-1', links: [] })] });
    expect(remindersDue(bothGone, at('2026-06-23'))[0]!.recipients).toEqual([
      { kind: 'staff', userId: 'admin-1' },
      { kind: 'staff', userId: 'proc-1' },
      { kind: 'staff', userId: 'proc-2' },
    ]);
  });

  it('an auditor named as owner cannot act: the assessor is told instead', () => {
    const auditorOwner = state({ ...s, tasks: [task({ id: 41, ownerId: 'aud-1' })] });
    expect(remindersDue(auditorOwner, at('2026-06-23'))[0]!.recipients).toContainEqual({ kind: 'staff', userId: 'proc-1' });
  });
});

describe('risk acceptance expiring in 14 days', () => {
  const accepted = task({ id: 41, status: 'risk_accepted', acceptedBy: 'ciso-1', acceptedAt: at('2026-07-01'), acceptanceExpiresOn: '2027-01-01', ownerId: 'proc-1' });
  const s = state({ tasks: [accepted] });

  it('14 days before the expiry, to the CISO who accepted it and the owner', () => {
    expect(remindersDue(s, at('2026-12-17T23:00:00Z'))).toEqual([]);
    const [r] = remindersDue(s, at('2026-12-18'));
    expect(r).toMatchObject({
      key: 'acceptance-expiring-14d:41:2027-01-01',
      recipients: [
        { kind: 'staff', userId: 'ciso-1' },
        { kind: 'staff', userId: 'proc-1' },
      ],
      action: { kind: 'task', taskId: 41 },
    });
  });

  it('caught up until the day before the expiry; not on the expiry date, when the task reopens instead', () => {
    expect(remindersDue(s, at('2026-12-31')).map((r) => r.key)).toEqual(['acceptance-expiring-14d:41:2027-01-01']);
    expect(remindersDue(s, at('2027-01-01'))).toEqual([]);
  });

  it('goes to every CISO when the one who accepted has left', () => {
    const gone = state({ tasks: [{ ...accepted, acceptedBy: 'gone-1' }] });
    expect(remindersDue(gone, at('2026-12-20'))[0]!.recipients).toEqual([
      { kind: 'staff', userId: 'ciso-1' },
      { kind: 'staff', userId: 'ciso-2' },
      { kind: 'staff', userId: 'proc-1' },
    ]);
  });

  it('an acceptance made within the last 14 days is not chased: it was just decided', () => {
    expect(remindersDue(state({ tasks: [{ ...accepted, acceptedAt: at('2026-12-20') }] }), at('2026-12-21'))).toEqual([]);
  });
});

describe('re-assessment due in 30 days', () => {
  const completed = at('2025-07-15T12:00:00Z');
  const s = state({ vendors: [vendor({ id: 3, tier: 1, lastCompletedAt: completed, ownerId: 'proc-2' })] });

  it('30 days before the last assessment expires, to the vendor owner, acting on the vendor', () => {
    expect(remindersDue(s, at('2026-06-14T23:00:00Z'))).toEqual([]);
    expect(remindersDue(s, at('2026-06-15'))).toEqual([
      {
        key: 'reassessment-due-30d:3:2026-07-15',
        kind: 'reassessment_due',
        subject: { type: 'vendor', id: 3 },
        occasion: { date: '2026-07-15', offsetDays: 30 },
        vendorId: 3,
        recipients: [{ kind: 'staff', userId: 'proc-2' }],
        action: { kind: 'vendor', vendorId: 3 },
      },
    ]);
  });

  it('follows the cadence setting', () => {
    expect(remindersDue(s, at('2027-06-15'), { cadence: { 1: 24, 2: 24, 3: 24, 4: 36 } }).map((r) => r.key)).toEqual(['reassessment-due-30d:3:2027-07-15']);
  });

  it('not once a re-assessment is under way, not once overdue, not for a vendor never assessed', () => {
    expect(remindersDue(state({ vendors: [vendor({ id: 3, lastCompletedAt: completed, reassessmentOpen: true })] }), at('2026-06-20'))).toEqual([]);
    expect(remindersDue(s, at('2026-07-15T12:00:00Z'))).toEqual([]);
    expect(remindersDue(state({ vendors: [vendor({ id: 3, lastCompletedAt: null })] }), at('2026-06-20'))).toEqual([]);
  });
});

describe('settings', () => {
  it('turn each kind off on its own', () => {
    const busy = state({
      vendors: [vendor({ lastCompletedAt: at('2025-07-15') })],
      questionnaires: [questionnaire({ dueDate: '2026-07-05', links: [link({ opened: false, createdAt: at('2026-06-01') })] })],
      tasks: [
        task({ id: 1, dueDate: '2026-07-05' }),
        task({ id: 2, dueDate: '2026-06-01' }),
        task({ id: 3, status: 'risk_accepted', acceptedBy: 'ciso-1', acceptedAt: at('2026-01-01'), acceptanceExpiresOn: '2026-07-10' }),
      ],
    });
    const now = at('2026-06-29');
    const kinds = (options?: ReminderOptions) => remindersDue(busy, now, options).map((r) => r.kind).sort();
    expect(kinds()).toEqual(['acceptance_expiring', 'link_not_opened', 'questionnaire_due', 'reassessment_due', 'task_due', 'task_overdue']);
    expect(kinds({ kinds: { ...DEFAULT_REMINDER_SETTINGS, task_due: false, link_not_opened: false } })).toEqual(['acceptance_expiring', 'questionnaire_due', 'reassessment_due', 'task_overdue']);
    const overdueNow = remindersDue(busy, at('2026-07-06'), { kinds: { ...DEFAULT_REMINDER_SETTINGS, questionnaire_overdue: false } }).map((r) => r.kind);
    expect(overdueNow).not.toContain('questionnaire_overdue');
    expect(remindersDue(busy, at('2026-07-06')).map((r) => r.kind)).toContain('questionnaire_overdue');
  });
});
