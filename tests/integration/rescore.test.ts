/**
 * Rescoring every vendor (what a change to the scoring model costs, ADR 0032) stores each vendor's position as its
 * own edit would, and rewrites only the positions that moved (ADR 0036): a position that stands keeps its row, its
 * computed time and every dashboard answer built on it.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, users, vendorRisk } from '../../drizzle/schema/index.ts';
import { createContextInner } from '../../server/platform/context.ts';
import type { StaffUser } from '../../server/platform/callers.ts';
import { createCaller } from '../../server/router.ts';
import { recomputeAllVendorRisk } from '../../server/risk/index.ts';
import { recomputeVendorRisk } from '../../server/risk/vendorRisk.ts';
import { completeAssessment, createVendor, NOW } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const ciso: StaffUser = { id: 'u-ciso', name: 'Cara', email: 'cara@tollgate.example', role: 'ciso' };

describe('rescoring every vendor', () => {
  it('puts back a position that no longer matches its inputs, and leaves the others as they were', async () => {
    const { db } = createTestDatabase();
    db.insert(users).values({ id: ciso.id, name: ciso.name, email: ciso.email, role: 'ciso' }).run();
    const dashboard = () => createCaller(createContextInner({ db, user: ciso, now: () => NOW })).dashboard;
    const stale = createVendor(db, { name: 'Papa Payroll', holdings: [{ category: 'contact.email', records: 200 }] });
    const standing = createVendor(db, { name: 'Quebec Queues', holdings: [{ category: 'contact.email', records: 200 }] });
    completeAssessment(db, stale, { exceptions: { 'IAM-04': 'no' } });
    completeAssessment(db, standing, { exceptions: { 'IAM-04': 'no' } });
    const position = (id: number) => db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, id)).get()!;
    const right = position(stale);
    const heatmap = await dashboard().heatmap({});

    // As if stored by an older scoring model: another residual and no failing controls.
    db.update(vendorRisk).set({ residual: right.residual! + 5, failingControls: [] }).where(eq(vendorRisk.vendorId, stale)).run();
    const beforeRescore = position(standing);
    const later = new Date(NOW.getTime() + 60_000);

    expect(db.transaction((tx) => recomputeAllVendorRisk(tx, later))).toBe(1);
    expect({ ...position(stale), computedAt: null }).toEqual({ ...right, computedAt: null });
    expect(position(stale).computedAt).toEqual(later);
    expect(position(standing)).toEqual(beforeRescore);
    // The dashboard shows the restored position: the same heatmap as before the tampering, and IAM-04 failing twice.
    expect(await dashboard().heatmap({})).toEqual(heatmap);
    const iam04 = (await dashboard().failingControls({})).domains.flatMap((d) => d.controls).find((c) => c.controlId === 'IAM-04');
    expect(iam04?.failing).toBe(2);

    // Nothing left to move: nothing written.
    expect(db.transaction((tx) => recomputeAllVendorRisk(tx, later))).toBe(0);
  });

  it("reads last time's answers the vendor never confirmed as unanswered, as the vendor's own rescore does", () => {
    const { db } = createTestDatabase();
    const id = createVendor(db, { name: 'Romeo Relay', holdings: [{ category: 'contact.email', records: 200 }] });
    const assessmentId = completeAssessment(db, id, { value: 'yes' });
    const position = () => {
      const { computedAt: _computedAt, ...rest } = db.select().from(vendorRisk).where(eq(vendorRisk.vendorId, id)).get()!;
      return rest;
    };
    const allMet = position();
    // A completed assessment holding last time's answer to IAM-04, carried over and never confirmed (submission asks
    // only the questions it requires to be confirmed): not this assessment's answer.
    db.update(answers).set({ carriedOver: true, confirmedAt: null }).where(and(eq(answers.assessmentId, assessmentId), eq(answers.controlId, 'IAM-04'))).run();
    recomputeVendorRisk(db, id, NOW);
    const ownRescore = position();
    expect(ownRescore.failingControls).toContain('IAM-04');
    expect(ownRescore).not.toEqual(allMet);

    // Every vendor rescored: the same position, IAM-04 still unanswered.
    db.update(vendorRisk).set({ residual: 1, failingControls: [] }).where(eq(vendorRisk.vendorId, id)).run();
    expect(db.transaction((tx) => recomputeAllVendorRisk(tx, NOW))).toBe(1);
    expect(position()).toEqual(ownRescore);
  });
});
