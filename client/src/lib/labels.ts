/** Display labels and colours for the model's values, shared by every feature. */
import type { RiskBand } from '../../../shared/scoring/constants.ts';
import type { Severity } from '../../../shared/catalogue/types.ts';

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
