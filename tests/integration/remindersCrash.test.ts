/**
 * Exactly once across a crash: a real process running a reminder batch on
 * a real SQLite file is killed with SIGKILL while a reminder's emails are
 * queued but not committed. The reminders committed before stay recorded
 * with their emails, the one in flight leaves no trace, and the restart
 * sends exactly the rest: every reminder once, every email once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assessments, emailOutbox, remindersSent, shareLinks } from '../../drizzle/schema/index.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { sendDueReminders } from '../../server/reminders/scheduler.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createUser, createVendor } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const BATCH = fileURLToPath(new URL('../helpers/reminderBatch.ts', import.meta.url));
const SENT_AT = new Date('2026-06-01T09:00:00Z');
const RUN_AT = '2026-06-05T09:00:00Z';

/** Five vendors, each with a questionnaire whose link was never opened: five reminders of two emails each. */
function fiveUnopenedLinks(db: Db) {
  createUser(db, 'u-proc', 'procurement');
  const version = latestPublishedVersion(db, 'lite').id;
  for (let i = 1; i <= 5; i++) {
    const vendorId = createVendor(db, { name: `Vendor ${i}` });
    const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: version, status: 'sent', sentAt: SENT_AT, assessorId: 'u-proc' }).returning().get().id;
    db.insert(shareLinks)
      .values({ assessmentId, tokenHash: `hash-${i}`, recipientName: `Contact ${i}`, recipientEmail: `contact${i}@vendor${i}.example`, expiresAt: new Date('2026-07-01T00:00:00Z'), createdAt: SENT_AT })
      .run();
  }
}

/**
 * Runs the batch in its own process and kills it with SIGKILL once `killAtInFlight` reminders have had their emails queued.
 * The child pauses `pauseMs` before each commit: long enough, on a busy machine, for the kill to land inside that transaction.
 */
function runAndKill(file: string, killAtInFlight: number, pauseMs: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BATCH, file, RUN_AT, String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (lines.filter((l) => l.startsWith('in-flight')).length === killAtInFlight) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === null && !lines.some((l) => l.startsWith('done')) ? reject(new Error(stderr)) : resolve({ lines, signal })));
  });
}

describe('reminders across a crash', () => {
  it('keeps what committed, drops the reminder in flight, and the restart sends each remaining one once', async () => {
    const { db, file } = createTestDatabase();
    fiveUnopenedLinks(db);

    const { lines, signal } = await runAndKill(file, 3, 2_000);
    expect(signal).toBe('SIGKILL');
    const committed = lines.filter((l) => l.startsWith('sent ')).map((l) => l.slice(5));
    const inFlight = lines.filter((l) => l.startsWith('in-flight ')).map((l) => l.slice(10));
    expect(committed).toHaveLength(2);
    expect(inFlight).toHaveLength(3);

    // Two reminders recorded, with their four emails; nothing of the third.
    const recorded = () => db.select({ key: remindersSent.key, emails: remindersSent.emails }).from(remindersSent).orderBy(asc(remindersSent.key)).all();
    const emails = () => db.select({ to: emailOutbox.to, subject: emailOutbox.subject }).from(emailOutbox).orderBy(asc(emailOutbox.id)).all();
    expect(recorded().map((r) => r.key)).toEqual([...committed].sort());
    expect(emails()).toHaveLength(4);
    expect(recorded().map((r) => r.key)).not.toContain(inFlight[2]);

    // The restart (a second process) sends the three others, then a third start finds nothing left.
    const restart = await runAndKill(file, Number.POSITIVE_INFINITY, 0);
    expect(restart.lines.at(-1)).toBe('done 3');
    expect(restart.lines.filter((l) => l.startsWith('sent ')).map((l) => l.slice(5))).toContain(inFlight[2]);
    expect(sendDueReminders(db, { publicUrl: 'https://tollgate.example', mail: { smtpUrl: null } }, new Date(RUN_AT))).toBe(0);

    expect(recorded()).toHaveLength(5);
    expect(recorded().every((r) => r.emails === 2)).toBe(true);
    const all = emails();
    expect(all).toHaveLength(10);
    // Each contact and the assessor once per vendor: no email twice.
    expect(new Set(all.map((e) => `${e.to}|${e.subject}`)).size).toBe(10);
    for (let i = 1; i <= 5; i++) expect(all.filter((e) => e.to === `contact${i}@vendor${i}.example`)).toHaveLength(1);
    // Two child processes, each loading the server's modules, and a deliberate pause of 2 s per reminder.
  }, 120_000);
});
