/**
 * Vendors never assessed, or whose assessment expired: kept apart from the
 * matrix with their inherent impact, as knowing nothing is not low risk.
 */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IMPACT_LABELS, TIER_LABELS } from '#shared/scoring/constants.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { pluralise } from '../../../lib/format.ts';
import { STANDING_LABELS } from '../dashboardLabels.ts';
import type { Heatmap } from '../types.ts';

export function NotAssessedList({ heatmap }: { heatmap: Heatmap }) {
  const { notAssessed, notAssessedTotal, view } = heatmap;
  const title = `Not assessed: ${pluralise(notAssessedTotal, 'vendor')}`;
  return (
    <Stack gap="xs" className="not-assessed">
      <Title order={4} size="h5">
        {title}
      </Title>
      <Text size="sm" c="gray.7">
        {notAssessedTotal === 0
          ? 'Every vendor in view has a current assessment.'
          : view === 'residual'
            ? 'No current assessment, so no residual position: shown at their inherent impact. Treat them as high risk until assessed.'
            : 'Counted in the matrix at their inherent position; listed here because no current assessment vouches for them.'}
      </Text>
      {notAssessed.length > 0 ? (
        <ScrollTable caption={title} minWidth={300} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Vendor</Table.Th>
              <Table.Th>Inherent impact</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notAssessed.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/vendors/${v.id}`} size="sm">
                    {v.name}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {STANDING_LABELS[v.standing]} · {TIER_LABELS[v.tier]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color="gray.8" variant="outline" radius="sm">
                    {v.impact} {IMPACT_LABELS[v.impact as keyof typeof IMPACT_LABELS]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : null}
      {notAssessedTotal > notAssessed.length ? (
        <Text size="xs" c="gray.7">
          Showing the {notAssessed.length} with the highest impact.
        </Text>
      ) : null}
    </Stack>
  );
}
