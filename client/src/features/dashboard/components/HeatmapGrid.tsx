/**
 * The portfolio on the 5 x 5 risk matrix (axes as RiskMatrix lays them out
 * everywhere), each cell coloured by the band of likelihood x impact and
 * saying it in words too. A cell with vendors is a button that lists them.
 */
import { UnstyledButton } from '@mantine/core';
import type { Level } from '#shared/scoring/constants.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import { RiskMatrix } from '../../../components/RiskMatrix.tsx';
import { BAND_LABELS } from '../../../lib/labels.ts';
import { cellDescription } from '../dashboardLabels.ts';
import type { HeatmapCellRef } from '../hooks/useDashboardParams.ts';
import type { Heatmap } from '../types.ts';

interface HeatmapGridProps {
  heatmap: Heatmap;
  selected: HeatmapCellRef | null;
  onSelect: (cell: HeatmapCellRef | null) => void;
}

export function countsByCell(cells: Heatmap['cells']): Map<string, number> {
  return new Map(cells.map((c) => [`${c.likelihood}x${c.impact}`, c.count]));
}

export function HeatmapGrid({ heatmap, selected, onSelect }: HeatmapGridProps) {
  const counts = countsByCell(heatmap.cells);
  const caption =
    heatmap.view === 'residual'
      ? 'Residual risk: assessed vendors by likelihood and impact'
      : 'Inherent risk: every vendor by impact, at the worst credible likelihood';
  return (
    // On a narrow screen the grid scrolls sideways; the area takes focus so a keyboard can scroll it.
    <div className="heatmap-scroll" tabIndex={0} role="region" aria-label="Heatmap table">
      <RiskMatrix
        caption={caption}
        renderCell={(likelihood, impact) => {
          const isSelected = selected?.likelihood === likelihood && selected.impact === impact;
          return (
            <HeatmapCell
              key={impact}
              likelihood={likelihood}
              impact={impact}
              count={counts.get(`${likelihood}x${impact}`) ?? 0}
              selected={isSelected}
              onClick={() => onSelect(isSelected ? null : { likelihood, impact })}
            />
          );
        }}
      />
    </div>
  );
}

interface HeatmapCellProps {
  likelihood: Level;
  impact: Level;
  count: number;
  selected: boolean;
  onClick: () => void;
}

function HeatmapCell({ likelihood, impact, count, selected, onClick }: HeatmapCellProps) {
  const residual = likelihood * impact;
  const band = bandForResidual(residual);
  const content = (
    <>
      <span className="heatmap-count">{count}</span>
      <span className="heatmap-band">
        {BAND_LABELS[band]} ({residual})
      </span>
    </>
  );
  return (
    <td
      className="risk-matrix-cell heatmap-cell"
      data-band={band}
      data-filled={count > 0 || undefined}
      data-selected={selected || undefined}
      data-likelihood={likelihood}
      data-impact={impact}
    >
      {count > 0 ? (
        <UnstyledButton className="heatmap-button" aria-label={cellDescription(likelihood, impact, count)} aria-pressed={selected} onClick={onClick}>
          {content}
        </UnstyledButton>
      ) : (
        <div className="heatmap-empty">{content}</div>
      )}
    </td>
  );
}
