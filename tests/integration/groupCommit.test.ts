/**
 * Saves that arrive together are committed together (one transaction, one
 * fsync: server/platform/db/groupCommit.ts), and each is still answered on
 * its own: a refused save (a conflict) undoes only itself, a save is
 * acknowledged only once its batch is committed and visible to any other
 * reader of the file, and when the batch cannot commit none of its saves
 * is acknowledged. Every save keeps its audit entry in an intact chain.
 */
import Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, assessments, auditEvents, users } from '../../drizzle/schema/index.ts';
import { verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import type { LinkScope } from '../../server/platform/callers.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { linkActor } from '../../server/platform/callers.ts';
import { saveAnswer } from '../../server/portal/saveAnswer.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

function questionnaire(db: Db): LinkScope {
  db.insert(users).values({ id: 'u-priya', name: 'Priya Procurement', email: 'priya@tollgate.example', role: 'procurement' }).onConflictDoNothing().run();
  const vendorId = createVendor(db, { name: `Batch Vendor ${Math.random()}`, holdings: [{ category: 'contact.email', records: 10 }] });
  const assessmentId = db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'sent', assessorId: 'u-priya', dueDate: '2030-01-31' }).returning().get().id;
  return { shareLinkId: 1, assessmentId, recipientName: 'Vera' };
}

const save = (db: Db, link: LinkScope, controlId: string, baseRevision = 0) =>
  saveAnswer({ db, actor: linkActor(link, '127.0.0.1'), now: new Date(), mail: { smtpUrl: null }, publicUrl: 'http://localhost' }, link, { controlId, value: 'yes', response: null, comment: `Saved ${controlId}`, baseRevision, overwrite: false });

const answersOf = (db: Db, assessmentId: number) => db.select({ controlId: answers.controlId, revision: answers.revision }).from(answers).where(eq(answers.assessmentId, assessmentId)).orderBy(answers.controlId).all();
const savesAudited = (db: Db, assessmentId: number) => db.select().from(auditEvents).where(and(eq(auditEvents.action, 'answer.save'), eq(auditEvents.targetId, String(assessmentId)))).all().length;

describe('saves that arrive together', () => {
  it('commit together, and a refused one undoes only itself', async () => {
    const { db } = createTestDatabase();
    const link = questionnaire(db);
    await save(db, link, 'IAM-01');
    // Four saves sent at once: one of them starts from a revision that is no longer current.
    const results = await Promise.allSettled([save(db, link, 'IAM-02'), save(db, link, 'IAM-01', 0), save(db, link, 'IAM-03'), save(db, link, 'IAM-01', 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(answersOf(db, link.assessmentId)).toEqual([
      { controlId: 'IAM-01', revision: 2 },
      { controlId: 'IAM-02', revision: 1 },
      { controlId: 'IAM-03', revision: 1 },
    ]);
    expect(savesAudited(db, link.assessmentId)).toBe(4);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    // The first save of a questionnaire that was only sent also started it, once.
    expect(db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, link.assessmentId)).get()).toEqual({ status: 'in_progress' });
  });

  it('are acknowledged only once committed: another reader of the file sees each save when it is answered', async () => {
    const { db, file } = createTestDatabase();
    const link = questionnaire(db);
    const reader = new Database(file, { readonly: true });
    try {
      const seen = await Promise.all(
        ['IAM-01', 'IAM-02', 'IAM-03'].map(async (controlId) => {
          await save(db, link, controlId);
          return reader.prepare('select count(*) as n from answers where assessment_id = ? and control_id = ?').get(link.assessmentId, controlId) as { n: number };
        }),
      );
      expect(seen).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    } finally {
      reader.close();
    }
  });

  it('when their batch cannot be written (another process holds the write lock), none of them is acknowledged and none is kept', async () => {
    const { db, file } = createTestDatabase();
    const link = questionnaire(db);
    // Another process (say the operator's CLI) holds the write lock longer than the server waits for it.
    db.$client.pragma('busy_timeout = 200');
    const other = new Database(file);
    other.exec('begin immediate');
    try {
      const results = await Promise.allSettled([save(db, link, 'IAM-01'), save(db, link, 'IAM-02')]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    } finally {
      other.exec('rollback');
      other.close();
      db.$client.pragma('busy_timeout = 5000');
    }
    expect(answersOf(db, link.assessmentId)).toEqual([]);
    expect(savesAudited(db, link.assessmentId)).toBe(0);
    // And the next save goes through as usual.
    await save(db, link, 'IAM-01');
    expect(answersOf(db, link.assessmentId)).toEqual([{ controlId: 'IAM-01', revision: 1 }]);
  });
});
