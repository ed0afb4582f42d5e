/**
 * The bulk readers' rows (server/platform/db/decodedRows.ts) are drizzle's own: every kind of column (JSON, boolean,
 * timestamp, enum, null) decoded as `.all()` decodes it, keys in the same order.
 */
import { asc, getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { vendorRisk } from '../../drizzle/schema/index.ts';
import { allDecoded } from '../../server/platform/db/decodedRows.ts';
import { completeAssessment, createVendor } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

describe('decoded rows', () => {
  it('are the rows drizzle gives for the same select', () => {
    const { db } = createTestDatabase();
    const assessed = createVendor(db, { name: 'Romeo Records', holdings: [{ category: 'contact.email', records: 200 }] });
    createVendor(db, { name: 'Sierra Support', holdings: [] });
    completeAssessment(db, assessed, { exceptions: { 'IAM-04': 'no' } });

    const query = (fields: ReturnType<typeof getTableColumns<typeof vendorRisk>>) => db.select(fields).from(vendorRisk).orderBy(asc(vendorRisk.vendorId));
    const expected = query(getTableColumns(vendorRisk)).all();
    const rows = allDecoded(getTableColumns(vendorRisk), query);

    expect(rows).toHaveLength(2);
    // One assessed position (JSON, dates, a boolean) and one with every assessed column null.
    expect(rows[0]!.assessedAt).toBeInstanceOf(Date);
    expect(rows[0]!.failingControls).toContain('IAM-04');
    expect(rows[1]!.assessmentId).toBeNull();
    expect(rows).toStrictEqual(expected);
    expect(rows.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
  });
});
