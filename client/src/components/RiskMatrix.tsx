/**
 * The 5 x 5 risk matrix, in the one orientation Tollgate uses everywhere
 * (dashboard heatmap, assessment report): likelihood in rows, almost
 * certain at the top; impact in columns, negligible on the left. A real
 * table, so each cell is read with its row and column. Screens supply the
 * cells; the axes are decided only here.
 */
import './riskMatrix.css';
import type { ReactNode } from 'react';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';

const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];
/** Rows, top to bottom. */
export const MATRIX_LIKELIHOODS: readonly Level[] = [...LEVELS].reverse();
/** Columns, left to right. */
export const MATRIX_IMPACTS: readonly Level[] = LEVELS;

interface RiskMatrixProps {
  caption: ReactNode;
  /** One <td> per cell, for the likelihood (row) and impact (column) given. */
  renderCell: (likelihood: Level, impact: Level) => ReactNode;
  /** Room for each cell's content; the dashboard's cells hold counts and bands, the report's a single number. */
  size?: 'compact' | 'large';
}

export function RiskMatrix({ caption, renderCell, size = 'large' }: RiskMatrixProps) {
  return (
    <table className="risk-matrix" data-size={size}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2} className="risk-matrix-corner">
            Likelihood
          </th>
          <th scope="colgroup" colSpan={5} className="risk-matrix-axis">
            Impact
          </th>
        </tr>
        <tr>
          {MATRIX_IMPACTS.map((impact) => (
            <th scope="col" key={impact} className="risk-matrix-col">
              <span className="risk-matrix-level">{impact}</span> {IMPACT_LABELS[impact]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {MATRIX_LIKELIHOODS.map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row" className="risk-matrix-row">
              <span className="risk-matrix-level">{likelihood}</span> {LIKELIHOOD_LABELS[likelihood]}
            </th>
            {MATRIX_IMPACTS.map((impact) => renderCell(likelihood, impact))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
