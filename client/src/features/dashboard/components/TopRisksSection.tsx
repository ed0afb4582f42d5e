/** The ten riskiest vendors, now and once their open tasks close. Unassessed vendors rank at their inherent risk. */
import { Anchor, Grid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { BandBadge, StandingBadge, TierBadge } from '../../../components/RiskBadges.tsx';
import { LoadingState } from '../../../components/QueryStates.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { BAND_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { currentRisk } from '../charts/chartData.ts';
import { TopRisksChart } from '../charts/lazyCharts.ts';
import { STANDING_LABELS } from '../dashboardLabels.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { TopRisk } from '../types.ts';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { NoVendors, QueryContent } from './QueryContent.tsx';

const CSV_COLUMNS = ['Rank', 'Vendor', 'Tier', 'Standing', 'Current residual', 'Current band', 'Inherent residual', 'Projected residual', 'Projected band', 'Open tasks', 'Overdue tasks'];

function csvRows(vendors: readonly TopRisk[]) {
  return vendors.map((v, i) => ({
    Rank: i + 1,
    Vendor: v.name,
    Tier: v.tier,
    Standing: STANDING_LABELS[v.standing],
    'Current residual': v.standing === 'assessed' ? v.residual : null,
    'Current band': v.standing === 'assessed' && v.band ? BAND_LABELS[v.band] : 'Not assessed',
    'Inherent residual': v.inherentResidual,
    'Projected residual': v.standing === 'assessed' ? v.projectedResidual : null,
    'Projected band': v.standing === 'assessed' && v.projectedBand ? BAND_LABELS[v.projectedBand] : null,
    'Open tasks': v.openTasks,
    'Overdue tasks': v.overdueTasks,
  }));
}

export function TopRisksSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.topRisks.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <DashboardSection
      title="Top risks"
      description="The ten riskiest vendors, and where each would stand once its open remediation tasks close. A vendor without a current assessment ranks at its inherent risk."
      actions={data?.length ? <CsvButton name="top risks" columns={CSV_COLUMNS} rows={() => csvRows(data)} /> : null}
    >
      <QueryContent query={query} what="the top risks">
        {(vendors) =>
          vendors.length === 0 ? (
            <NoVendors hasFilters={state.hasFilters} />
          ) : (
            <Grid gap="lg">
              <Grid.Col span={12}>
                <TopRisksTable vendors={vendors} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Suspense fallback={<LoadingState label="Loading the chart" />}>
                  <TopRisksChart vendors={vendors} />
                </Suspense>
              </Grid.Col>
            </Grid>
          )
        }
      </QueryContent>
    </DashboardSection>
  );
}

function TopRisksTable({ vendors }: { vendors: readonly TopRisk[] }) {
  return (
    <ScrollTable caption="Top risks" minWidth={560} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vendor</Table.Th>
          <Table.Th>Tier</Table.Th>
          <Table.Th>Now</Table.Th>
          <Table.Th>Projected</Table.Th>
          <Table.Th ta="right">Open tasks</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {vendors.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Anchor component={Link} to={`/vendors/${v.id}`} size="sm">
                {v.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <TierBadge tier={v.tier} />
            </Table.Td>
            <Table.Td>
              <StandingBadge standing={v.standing} band={v.band} residual={v.residual} impact={v.impact} />
            </Table.Td>
            <Table.Td>
              {v.standing === 'assessed' && v.projectedBand ? (
                <BandBadge band={v.projectedBand} residual={v.projectedResidual} />
              ) : (
                <Text size="sm" c="gray.7" title={`Inherent risk ${currentRisk(v)}`}>
                  Assess first
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {v.openTasks}
              {v.overdueTasks ? (
                <Text span size="sm" c="red.9" fw={600}>
                  {' '}
                  ({v.overdueTasks} overdue)
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
