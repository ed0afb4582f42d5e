/**
 * The 5 x 5 risk matrix with the vendor's cell marked: likelihood across,
 * impact up. A table, so each cell is read with its row and column.
 */
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '../../../../../../shared/scoring/constants.ts';
import { bandForResidual } from '../../../../../../shared/scoring/residual.ts';
import { BAND_LABELS } from '../../../../lib/labels.ts';

const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];
/** Light tints, so the dark numbers on them keep >= 4.5:1 contrast. */
const TINTS = { low: 'var(--mantine-color-green-1)', medium: 'var(--mantine-color-yellow-2)', high: 'var(--mantine-color-orange-2)', critical: 'var(--mantine-color-red-2)' } as const;

export function RiskHeatmap({ likelihood, impact }: { likelihood: Level; impact: Level }) {
  return (
    <div>
      <Table withTableBorder withColumnBorders layout="fixed" maw={520} verticalSpacing={6} horizontalSpacing={4} ta="center" fz="sm">
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, paddingBottom: 4 }}>
          Risk position: this vendor at likelihood {likelihood} × impact {impact}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={1} w={110} ta="left" fz="xs" tt="uppercase">
              Impact ↓ / Likelihood →
            </Table.Th>
            {LEVELS.map((l) => (
              <Table.Th key={l} scope="col" ta="center" fz="xs">
                {l} {LIKELIHOOD_LABELS[l]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...LEVELS].reverse().map((i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row" ta="left" fz="xs">
                {i} {IMPACT_LABELS[i]}
              </Table.Th>
              {LEVELS.map((l) => {
                const band = bandForResidual(l * i);
                const here = l === likelihood && i === impact;
                return (
                  <Table.Td
                    key={l}
                    style={{ background: TINTS[band], outline: here ? '3px solid var(--mantine-color-dark-9)' : undefined, outlineOffset: -3, fontWeight: here ? 800 : 400 }}
                    title={`${BAND_LABELS[band]} (${l * i})`}
                  >
                    {here ? <span aria-hidden="true">● </span> : null}
                    {l * i}
                    <VisuallyHidden>{`, ${BAND_LABELS[band]}${here ? ', this vendor' : ''}`}</VisuallyHidden>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7" mt={4}>
        LIKELIHOOD runs across, from rare to almost certain; IMPACT runs up, from negligible to severe. ● marks this vendor.
      </Text>
    </div>
  );
}
