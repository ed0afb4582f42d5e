/**
 * The real server (`node server/main.ts`) on the demo portfolio, whose
 * dates are relative to today: the reminders that are due go out at start,
 * each recorded once with its emails in the Outbox (no mail server), and a
 * restart sends none of them again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { count, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, remindersSent } from '../../drizzle/schema/index.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { makeTempDir } from '../helpers/testDatabase.ts';

const MAIN = path.resolve('server/main.ts');

/** Starts the server and resolves once its reminder job has finished its first run, with how many it sent; then stops it. */
function startUntilRemindersRan(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the reminder job did not report within 120 s:\n${output.slice(-3000)}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('"job":"reminders"'));
      if (!line) return;
      clearTimeout(timer);
      const done = (JSON.parse(line) as { done: number }).done;
      child.once('exit', () => resolve(done));
      child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
  });
}

function counts(dataDir: string) {
  const db = openDatabase(path.join(dataDir, 'tollgate.sqlite'));
  try {
    const sent = db.select({ n: count(), emails: sum(remindersSent.emails) }).from(remindersSent).get()!;
    const held = db.select({ n: count() }).from(emailOutbox).get()!.n;
    return { reminders: sent.n, emailsRecorded: Number(sent.emails ?? 0), outbox: held };
  } finally {
    db.$client.close();
  }
}

describe('reminders in the running server', { timeout: 300_000 }, () => {
  it('sends what is due at start, and a restart sends none of it again', async () => {
    const dataDir = makeTempDir('reminders-start-');
    const firstRun = await startUntilRemindersRan(dataDir);
    const afterFirst = counts(dataDir);
    // The demo portfolio has overdue tasks and questionnaires, so there is something to send.
    expect(firstRun).toBeGreaterThan(0);
    expect(afterFirst.reminders).toBe(firstRun);
    // Every email a reminder recorded is in the Outbox (the demo seeds no other mail).
    expect(afterFirst.outbox).toBe(afterFirst.emailsRecorded);

    const secondRun = await startUntilRemindersRan(dataDir);
    expect(secondRun).toBe(0);
    expect(counts(dataDir)).toEqual(afterFirst);
  });
});
