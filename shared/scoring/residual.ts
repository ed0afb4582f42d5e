/** Residual risk on the 5x5 likelihood x impact matrix, and its band. */
import { RISK_BAND_CEILINGS, type Level, type RiskBand } from './constants.ts';

export function computeResidualRisk(likelihood: Level, impact: Level): number {
  return likelihood * impact;
}

export function bandForResidual(residual: number): RiskBand {
  for (const { band, maxResidual } of RISK_BAND_CEILINGS) {
    if (residual <= maxResidual) return band;
  }
  return 'critical';
}
