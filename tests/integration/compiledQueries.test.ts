/**
 * `compiled` (server/platform/db/prepared.ts) runs a drizzle-built query
 * without drizzle's per-call work. What it writes and reads back must be
 * what drizzle's own prepared query writes and reads: the same row, with
 * JSON, times, booleans and nulls decoded alike, and the same stored
 * values, on a real SQLite file.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, assessments, users } from '../../drizzle/schema/index.ts';
import { compiled } from '../../server/platform/db/prepared.ts';
import type { Db } from '../../server/platform/db/database.ts';
import { latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { createVendor } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const FIELDS = {
  id: answers.id,
  controlId: answers.controlId,
  value: answers.value,
  response: answers.response,
  comment: answers.comment,
  answeredAt: answers.answeredAt,
  carriedOver: answers.carriedOver,
  confirmedAt: answers.confirmedAt,
};

const insertQuery = (db: Db, fields: typeof FIELDS) =>
  db
    .insert(answers)
    .values({
      assessmentId: sql.placeholder('assessmentId'),
      controlId: sql.placeholder('controlId'),
      value: sql.placeholder('value'),
      response: sql.placeholder('response'),
      comment: sql.placeholder('comment'),
      answeredAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
      createdAt: sql.placeholder('now'),
      carriedOver: sql.placeholder('carriedOver'),
    })
    .returning(fields);
const selectQuery = (db: Db, fields: typeof FIELDS) => db.select(fields).from(answers).where(eq(answers.id, sql.placeholder('id')));

const insertCompiled = compiled(insertQuery, FIELDS);
const selectCompiled = compiled(selectQuery, FIELDS);
const stored = (db: Db, id: number) => db.$client.prepare('select value, response, comment, answered_at, carried_over, confirmed_at from answers where id = ?').get(id);

function anAssessment(db: Db): number {
  db.insert(users).values({ id: 'u-p', name: 'P', email: 'p@tollgate.example', role: 'procurement' }).run();
  const vendorId = createVendor(db, { name: 'Compiled Vendor' });
  return db.insert(assessments).values({ vendorId, templateVersionId: latestPublishedVersion(db, 'lite').id, status: 'sent', assessorId: 'u-p', dueDate: '2030-01-31' }).returning().get().id;
}

describe('a compiled query', () => {
  it('writes and reads back what drizzle does: JSON, times, booleans and nulls', () => {
    const { db } = createTestDatabase();
    const assessmentId = anAssessment(db);
    const now = new Date('2026-12-04T10:11:12.345Z');
    const cases = [
      { controlId: 'IAM-01', value: 'yes', response: { choices: ['a', 'b'] }, comment: 'With a custom answer', carriedOver: true },
      { controlId: 'IAM-02', value: null, response: null, comment: '', carriedOver: false },
    ];
    for (const c of cases) {
      const values = { ...c, assessmentId, now };
      const ours = insertCompiled(db).get(values)!;
      const theirs = insertQuery(db, FIELDS).prepare().get({ ...values, controlId: `${c.controlId}-drizzle` })!;
      expect({ ...ours, id: 0, controlId: '' }).toEqual({ ...theirs, id: 0, controlId: '' });
      expect(ours).toMatchObject({ controlId: c.controlId, value: c.value, response: c.response, comment: c.comment, answeredAt: now, carriedOver: c.carriedOver, confirmedAt: null });
      expect(stored(db, ours.id)).toEqual(stored(db, theirs.id));
      expect(selectCompiled(db).get({ id: ours.id })).toEqual(selectQuery(db, FIELDS).prepare().get({ id: ours.id }));
    }
  });

  it('answers undefined when there is no row, and refuses a call that leaves out a placeholder', () => {
    const { db } = createTestDatabase();
    expect(selectCompiled(db).get({ id: 999_999 })).toBeUndefined();
    expect(() => selectCompiled(db).get({})).toThrow('No value for placeholder "id" was provided');
  });
});
