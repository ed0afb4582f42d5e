/**
 * The vendor's inherent position as its holdings would make it with the
 * editor's unsaved row, for the live preview beside the form. It runs the
 * shared scoring model (shared/scoring), as the server does when the
 * holding is saved, so the preview needs no round trip and says what
 * saving will store.
 */
import { describeIssues } from '#shared/schemas/common.ts';
import { PreviewImpactInput } from '#shared/schemas/inventory.ts';
import { INHERENT_LIKELIHOOD } from '#shared/scoring/constants.ts';
import { computeInherentImpact, type HoldingInput } from '#shared/scoring/impact.ts';
import { bandForResidual, computeResidualRisk } from '#shared/scoring/residual.ts';
import { suggestTier } from '#shared/scoring/tier.ts';
import type { AccessLevel } from '#shared/taxonomy.ts';

interface PreviewArgs {
  /** The saved holdings; the one being edited (by id) gives way to the draft. */
  holdings: readonly (HoldingInput & { id: number })[];
  editingId: number | null;
  /** The editor's row, once it has a category and a record count. */
  draft: HoldingInput | null;
  access: AccessLevel;
  criticality: number;
}

/** Impact, suggested tier and inherent risk; or, for rows the server would refuse, its words for why. */
export function previewImpact({ holdings, editingId, draft, access, criticality }: PreviewArgs) {
  const rows = holdings.filter((h) => h.id !== editingId).map(({ category, subjects, records, needed }): HoldingInput => ({ category, subjects, records, needed }));
  const parsed = PreviewImpactInput.safeParse({ holdings: draft ? [...rows, draft] : rows, access, criticality });
  if (!parsed.success) return { problem: describeIssues(parsed.error.issues) } as const;
  const impact = computeInherentImpact(parsed.data);
  const inherentResidual = computeResidualRisk(INHERENT_LIKELIHOOD, impact.impact);
  return { position: { ...impact, suggestedTier: suggestTier(impact.impact, parsed.data.criticality), inherentResidual, inherentBand: bandForResidual(inherentResidual) } } as const;
}
