/** Display labels and colours for the model's values, shared by every feature. */
import type { RiskBand } from '../../../shared/scoring/constants.ts';
import type { Severity } from '../../../shared/catalogue/types.ts';

export const BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** Colours chosen to keep >= 4.5:1 contrast for the badge text. */
export const BAND_COLORS: Record<RiskBand, string> = {
  low: 'green.8',
  medium: 'yellow.9',
  high: 'orange.9',
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
  A: 'green.8',
  B: 'teal.8',
  C: 'yellow.9',
  D: 'orange.9',
  F: 'red.9',
};
