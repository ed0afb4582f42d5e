/** The vendors in the heatmap cell the reader picked, each a link to its page. */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DashboardFilters } from '#shared/schemas/dashboard.ts';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { GradeBadge, StandingBadge, TierBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { cellName } from '../dashboardLabels.ts';
import type { HeatmapCellRef } from '../hooks/useDashboardParams.ts';
import type { HeatmapView } from '../types.ts';
import { QueryContent } from './QueryContent.tsx';

interface CellVendorsProps {
  cell: HeatmapCellRef;
  view: HeatmapView;
  filters: DashboardFilters;
  onClose: () => void;
}

export function CellVendors({ cell, view, filters, onClose }: CellVendorsProps) {
  const query = useQuery(trpc.dashboard.heatmapCell.queryOptions({ filters, view, ...cell }, { placeholderData: keepPreviousData }));
  const heading = cellName(cell.likelihood, cell.impact);
  return (
    <Stack gap="xs" className="heatmap-cell-vendors" role="region" aria-label={`Vendors in ${heading}`}>
      <Group justify="space-between" align="baseline">
        <Title order={4} size="h5">
          {heading}
          {query.data ? `: ${pluralise(query.data.length, 'vendor')}` : ''}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={onClose} className="no-print">
          Close list
        </Button>
      </Group>
      <QueryContent query={query} what="the vendors in this cell">
        {(vendors) =>
          vendors.length === 0 ? (
            <Text size="sm">No vendors in this cell with the current filters.</Text>
          ) : (
            <ScrollTable caption={`Vendors in ${heading}`} minWidth={560} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Vendor</Table.Th>
                  <Table.Th>Tier</Table.Th>
                  <Table.Th>Grade</Table.Th>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th ta="right">Largest holding</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {vendors.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/vendors/${v.id}`}>
                        {v.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <TierBadge tier={v.tier} />
                    </Table.Td>
                    <Table.Td>
                      <GradeBadge grade={v.grade} />
                    </Table.Td>
                    <Table.Td>
                      <StandingBadge standing={v.standing} band={v.band} residual={v.residual} impact={cell.impact} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <RecordCount records={v.largestHolding} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )
        }
      </QueryContent>
    </Stack>
  );
}
