/** A year of monthly snapshots: residual risk, vendors by band, and the remediation burn-down. */
import { Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { LoadingState } from '../../../components/QueryStates.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { trpc } from '../../../lib/trpc.ts';
import { TrendCharts } from '../charts/lazyCharts.ts';
import { monthLabel } from '../dashboardLabels.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { TrendMonth } from '../types.ts';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { NumbersDetails } from './NumbersDetails.tsx';
import { QueryContent } from './QueryContent.tsx';

const COLUMNS = [
  ['Month', (m: TrendMonth) => monthLabel(m.month)],
  ['Vendors', (m: TrendMonth) => m.vendors],
  ['Total residual', (m: TrendMonth) => m.totalResidual],
  ['Average residual', (m: TrendMonth) => m.averageResidual ?? ''],
  ['Critical', (m: TrendMonth) => m.critical],
  ['High', (m: TrendMonth) => m.high],
  ['Medium', (m: TrendMonth) => m.medium],
  ['Low', (m: TrendMonth) => m.low],
  ['Not assessed', (m: TrendMonth) => m.notAssessed],
  ['Open tasks', (m: TrendMonth) => m.openTasks],
  ['Overdue tasks', (m: TrendMonth) => m.overdueTasks],
] as const;

const CSV_COLUMNS = COLUMNS.map(([name]) => name);

function csvRows(months: readonly TrendMonth[]) {
  return months.map((m) => Object.fromEntries(COLUMNS.map(([name, value]) => [name, value(m)])));
}

export function TrendsSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.trends.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <DashboardSection
      title="Trends over 12 months"
      description="Month by month, from the risk snapshot of each vendor in view: where the portfolio is heading, and whether remediation keeps up."
      actions={data?.length ? <CsvButton name="trends" columns={CSV_COLUMNS} rows={() => csvRows(data)} /> : null}
    >
      <QueryContent query={query} what="the trends">
        {(months) =>
          months.length === 0 ? (
            <Text size="sm">No monthly snapshots yet: the first is taken at the start of next month.</Text>
          ) : (
            <Stack gap="sm">
              <Suspense fallback={<LoadingState label="Loading the charts" />}>
                <TrendCharts months={months} />
              </Suspense>
              <NumbersDetails>
                <ScrollTable caption="Monthly snapshots" minWidth={860} verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      {COLUMNS.map(([name], i) => (
                        <Table.Th key={name} ta={i ? 'right' : undefined}>
                          {name}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {months.map((m) => (
                      <Table.Tr key={m.month}>
                        {COLUMNS.map(([name, value], i) =>
                          i === 0 ? (
                            <Table.Th key={name} scope="row" fw={400}>
                              {value(m)}
                            </Table.Th>
                          ) : (
                            <Table.Td key={name} ta="right">
                              {value(m)}
                            </Table.Td>
                          ),
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </NumbersDetails>
            </Stack>
          )
        }
      </QueryContent>
    </DashboardSection>
  );
}
