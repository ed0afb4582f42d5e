/** Words for the dashboard: labels for stored ids, cells of the risk matrix and months. */
import { format } from 'date-fns';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_BAND_CEILINGS, type Level, type RiskBand } from '../../../../shared/scoring/constants.ts';
import { findDataCategory } from '../../../../shared/taxonomy.ts';
import { BAND_LABELS } from '../../lib/labels.ts';

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function categoryLabel(id: string): string {
  return findDataCategory(id)?.label ?? id;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  try {
    const name = REGION_NAMES.of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code;
  } catch {
    return code;
  }
}

/** The band a residual score falls in: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical. */
export function bandOf(residual: number): RiskBand {
  return RISK_BAND_CEILINGS.find((c) => residual <= c.maxResidual)?.band ?? 'critical';
}

/** "Likely × Severe", the name of one cell of the 5 x 5 matrix. */
export function cellName(likelihood: Level, impact: Level): string {
  return `${LIKELIHOOD_LABELS[likelihood]} × ${IMPACT_LABELS[impact]}`;
}

/** "Likely × Severe: 3 vendors, critical (20)": everything the cell's colour says, in words. */
export function cellDescription(likelihood: Level, impact: Level, count: number): string {
  const residual = likelihood * impact;
  return `${cellName(likelihood, impact)}: ${pluralise(count, 'vendor')}, ${BAND_LABELS[bandOf(residual)].toLowerCase()} (${residual})`;
}

/** "2026-05" -> "May 2026". */
export function monthLabel(month: string): string {
  return format(new Date(`${month}-01T00:00:00`), 'MMM yyyy');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const STANDING_LABELS = { assessed: 'Assessed', not_assessed: 'Never assessed', expired: 'Assessment expired' } as const;
