/**
 * The holdings editor's live preview (client/src/features/vendors/impactPreview.ts),
 * worked out in the browser from the shared scoring model instead of asked
 * of the server. Expected values are worked by hand from docs/scoring.md
 * (sections 5 and 8), as the inventory integration tests do for what a save stores.
 */
import { describe, expect, it } from 'vitest';
import { previewImpact } from '../../client/src/features/vendors/impactPreview.ts';

const none = { holdings: [], editingId: null, draft: null, access: 'none', criticality: 1 } as const;

describe('the holdings preview', () => {
  it('scores the draft row with the saved ones', () => {
    // The catering supplier of docs/scoring.md section 10: 200 employee names, no access, criticality 1 -> impact 1, tier 4, inherent 5 x 1, medium.
    const catering = previewImpact({ ...none, draft: { category: 'contact.name', subjects: 'employees', records: 200, needed: true } });
    expect(catering.position).toMatchObject({ impact: 1, suggestedTier: 4, inherentResidual: 5, inherentBand: 'medium', combinations: [], excessCategories: [] });

    // Emails of 500 children: level 1 + 1 = 2, band 1 -> data impact 2; criticality 3 -> 2. Impact 2, tier from max(2, 3) -> 3. Not needed -> excess.
    const children = previewImpact({ ...none, criticality: 3, draft: { category: 'contact.email', subjects: 'children', records: 500, needed: false } });
    expect(children.position).toMatchObject({ impact: 2, sensitivity: 2, dataImpact: 2, suggestedTier: 3, excessCategories: ['contact.email'] });
  });

  it('puts the draft in place of the holding being edited, and keeps the others', () => {
    const saved = [
      { id: 1, category: 'financial.payment_card', subjects: 'customers', records: 500_000, needed: true },
      { id: 2, category: 'contact.email', subjects: 'customers', records: 200, needed: true },
    ] as const;
    const draft = { category: 'contact.email', subjects: 'customers', records: 1_000, needed: true } as const;
    // Half a million payment cards alone make impact 5 (docs/scoring.md section 5): while they are saved, the vendor stays there.
    expect(previewImpact({ ...none, holdings: saved, editingId: 2, draft }).position).toMatchObject({ impact: 5, inherentResidual: 25, inherentBand: 'critical' });
    // Editing the cards row into 1,000 emails leaves emails only: level 1, 1,000 records -> volume band 2, impact 2, tier from max(2, 1) -> 4.
    expect(previewImpact({ ...none, holdings: saved, editingId: 1, draft }).position).toMatchObject({ impact: 2, suggestedTier: 4, inherentResidual: 10, inherentBand: 'high' });
    // While the row being edited has no record count, it counts for nothing: 200 emails are left, impact 1.
    expect(previewImpact({ ...none, holdings: saved, editingId: 1 }).position).toMatchObject({ impact: 1 });
  });

  it("answers in the server's words for rows the server would refuse, and scores nothing", () => {
    const refused = previewImpact({ ...none, criticality: 9 });
    expect(refused).toEqual({ problem: 'criticality: must be from 1 to 5' });
    expect(previewImpact({ ...none, draft: { category: 'health', subjects: 'customers', records: -1, needed: true } }).problem).toBe('holdings[0].records: records must be 0 or more');
  });
});
