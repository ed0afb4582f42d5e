/**
 * The vendor's cell on the 5 x 5 risk matrix, laid out as on the dashboard
 * (RiskMatrix owns the axes: likelihood in rows, impact in columns).
 */
import { Text, VisuallyHidden } from '@mantine/core';
import type { Level } from '#shared/scoring/constants.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import { RiskMatrix } from '../../../../components/RiskMatrix.tsx';
import { BAND_LABELS } from '../../../../lib/labels.ts';

export function RiskHeatmap({ likelihood, impact }: { likelihood: Level; impact: Level }) {
  return (
    <div>
      <RiskMatrix
        size="compact"
        caption={`Risk position: this vendor at likelihood ${likelihood} × impact ${impact}`}
        renderCell={(l, i) => {
          const band = bandForResidual(l * i);
          const here = l === likelihood && i === impact;
          return (
            <td key={i} className="risk-matrix-cell report-matrix-cell" data-band={band} data-filled={here || undefined} data-likelihood={l} data-impact={i} title={`${BAND_LABELS[band]} (${l * i})`}>
              {here ? <span aria-hidden="true">● </span> : null}
              {l * i}
              <VisuallyHidden>{`, ${BAND_LABELS[band]}${here ? ', this vendor' : ''}`}</VisuallyHidden>
            </td>
          );
        }}
      />
      <Text size="xs" c="gray.7" mt={4}>
        Likelihood runs up, from rare to almost certain; impact runs across, from negligible to severe, as on the dashboard. ● marks this vendor, in
        its band&apos;s full colour.
      </Text>
    </div>
  );
}
