/** Display labels and colours for the model's values, shared by every feature. */
import type { RiskBand } from '#shared/scoring/constants.ts';
import type { Severity } from '#shared/catalogue/types.ts';
import { findDataCategory } from '#shared/taxonomy.ts';

/** A data category's name ("Payment card numbers"); an id the taxonomy does not know shows as it is. */
export function categoryLabel(id: string | null | undefined): string {
  if (!id) return '-';
  return findDataCategory(id)?.label ?? id;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Philippines (PH)" from an ISO 3166 code as written, or undefined when it names no region. */
export function regionName(code: string): string | undefined {
  try {
    const name = REGION_NAMES.of(code);
    return name && name !== code ? `${name} (${code})` : undefined;
  } catch {
    return undefined;
  }
}

/** "Philippines (PH)" from a stored country code in any case; the code alone if it is not one. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '-';
  return regionName(code.toUpperCase()) ?? code;
}

export const BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** Badge colours; badges use autoContrast so the text keeps >= 4.5:1 (checked by axe in the browser tests). */
export const BAND_COLORS: Record<RiskBand, string> = {
  low: 'green.7',
  medium: 'yellow.6',
  high: 'orange.6',
  critical: 'red.9',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const SEVERITY_COLORS: Record<Severity, string> = BAND_COLORS;

export const GRADE_COLORS: Record<string, string> = {
  A: 'green.7',
  B: 'teal.6',
  C: 'yellow.6',
  D: 'orange.6',
  F: 'red.9',
};
