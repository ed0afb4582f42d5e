/** Words for the dashboard: labels for stored ids, cells of the risk matrix and months. */
import { format } from 'date-fns';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import { pluralise } from '../../lib/format.ts';
import { BAND_LABELS } from '../../lib/labels.ts';

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** "Likely × Severe", the name of one cell of the 5 x 5 matrix. */
export function cellName(likelihood: Level, impact: Level): string {
  return `${LIKELIHOOD_LABELS[likelihood]} × ${IMPACT_LABELS[impact]}`;
}

/** "Likely × Severe: 3 vendors, critical (20)": everything the cell's colour says, in words. */
export function cellDescription(likelihood: Level, impact: Level, count: number): string {
  const residual = likelihood * impact;
  return `${cellName(likelihood, impact)}: ${pluralise(count, 'vendor')}, ${BAND_LABELS[bandForResidual(residual)].toLowerCase()} (${residual})`;
}

/** "2026-05" -> "May 2026". */
export function monthLabel(month: string): string {
  return format(new Date(`${month}-01T00:00:00`), 'MMM yyyy');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const STANDING_LABELS = { assessed: 'Assessed', not_assessed: 'Never assessed', expired: 'Assessment expired' } as const;
