/**
 * A catalogue change is versioned: a completed assessment keeps the
 * questionnaire version and the score it was completed with.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assessments, questionnaireTemplates, templateVersions } from '../../drizzle/schema/index.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/templates/questionnaires.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

describe('questionnaire versions', () => {
  it('publishes each built-in template once, and a restart adds no version', () => {
    const { db } = createTestDatabase();
    ensureBuiltInTemplates(db, NOW);
    ensureBuiltInTemplates(db, NOW);
    const rows = db
      .select({ key: questionnaireTemplates.key, version: templateVersions.version, controls: templateVersions.content })
      .from(templateVersions)
      .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
      .all();
    expect(rows.map((r) => [r.key, r.version, r.controls.controls.length])).toEqual([
      ['core', 1, 46],
      ['lite', 1, 15],
    ]);
  });

  it('keeps a completed assessment on its version and score when a new version is published', () => {
    const { db } = createTestDatabase();
    const vendorId = createVendor(db, { name: 'Versioned Vendor', holdings: [{ category: 'contact.email', records: 5_000 }] });
    const assessmentId = completeAssessment(db, vendorId, { exceptions: { 'IAM-03': 'no' } });
    const before = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    expect(before.score).toBe(97.4);

    // A catalogue v2 that, say, makes IAM-03 critical: a new published version of Core.
    const v1 = latestPublishedVersion(db, 'core');
    const v2Controls = v1.content.controls.map((c) => (c.id === 'IAM-03' ? { ...c, severity: 'critical' as const, critical: true } : c));
    db.insert(templateVersions)
      .values({ templateId: v1.templateId, version: 2, status: 'published', catalogueKey: v1.catalogueKey, catalogueVersion: 2, content: { ...v1.content, controls: v2Controls }, publishedAt: NOW })
      .run();
    ensureBuiltInTemplates(db, NOW);

    const after = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    expect(after.templateVersionId).toBe(v1.id);
    expect([after.score, after.grade, after.residual]).toEqual([before.score, before.grade, before.residual]);
    const stored = db.select().from(templateVersions).where(eq(templateVersions.id, v1.id)).get()!;
    expect(stored.content.controls.find((c) => c.id === 'IAM-03')?.severity).toBe('high');
    expect(latestPublishedVersion(db, 'core').version).toBe(2);
  });
});
