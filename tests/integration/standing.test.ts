/**
 * "An expired assessment no longer vouches for the vendor" has one home
 * (shared/standing.ts); the SQL the lists and dashboards filter with must
 * say the same for every vendor, before, at and after the expiry instant.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { vendorRisk } from '../../drizzle/schema/index.ts';
import { standingAt } from '#shared/standing.ts';
import { standingSql } from '../../server/risk/index.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

describe('assessment standing', () => {
  it('reads the same in SQL as in the shared rule, at every instant around expiry', () => {
    const { db } = createTestDatabase();
    const assessed = createVendor(db, { name: 'Assessed Ltd' });
    completeAssessment(db, assessed);
    const never = createVendor(db, { name: 'Never Assessed Ltd' });
    const expiresAt = db.select({ at: vendorRisk.assessmentExpiresAt }).from(vendorRisk).where(eq(vendorRisk.vendorId, assessed)).get()!.at!;
    expect(expiresAt.getTime()).toBeGreaterThan(NOW.getTime());

    const instants = [NOW, new Date(expiresAt.getTime() - 1), expiresAt, new Date(expiresAt.getTime() + 86_400_000)];
    const seen = new Set<string>();
    for (const at of instants) {
      for (const vendorId of [assessed, never]) {
        const row = db.select({ assessmentId: vendorRisk.assessmentId, expiresAt: vendorRisk.assessmentExpiresAt, standing: standingSql(at) }).from(vendorRisk).where(eq(vendorRisk.vendorId, vendorId)).get()!;
        expect(row.standing, `vendor ${vendorId} at ${at.toISOString()}`).toBe(standingAt(row.assessmentId, row.expiresAt, at));
        seen.add(row.standing);
      }
    }
    // The cases above reach every standing, so the comparison is not vacuous.
    expect([...seen].sort()).toEqual(['assessed', 'expired', 'not_assessed']);
  });
});
