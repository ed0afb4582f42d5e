/**
 * A separate process that runs one reminder batch on a database file, for
 * the crash test: it says on stdout when a reminder's emails are queued
 * but not yet committed ("in-flight KEY") and when it committed ("sent
 * KEY"), pausing in between so the test can kill it with SIGKILL at that
 * exact point. Arguments: database file, ISO time, pause in ms.
 */
import { useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { sendDueReminders } from '../../server/reminders/scheduler.ts';
import { TEST_AUDIT_KEY } from './auditKey.ts';

const [file, at, pause] = process.argv.slice(2);
if (!file || !at) throw new Error('usage: reminderBatch.ts FILE ISO_TIME [PAUSE_MS]');
const db = openDatabase(file);
// Reminders to vendors audit the link they carry, in the same keyed chain as the server.
useAuditKey(db, TEST_AUDIT_KEY);
const wait = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sent = sendDueReminders(db, { publicUrl: 'https://tollgate.example', mail: { smtpUrl: null } }, new Date(at), Number.MAX_SAFE_INTEGER, {
  beforeCommit: (r) => {
    process.stdout.write(`in-flight ${r.key}\n`);
    wait(Number(pause ?? 0));
  },
  afterCommit: (r) => process.stdout.write(`sent ${r.key}\n`),
});
process.stdout.write(`done ${sent}\n`);
db.$client.close();
