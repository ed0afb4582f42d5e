/** How much personal data sits with which vendors, by category, with the data held but not needed picked out. */
import { Stack, Switch, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { LoadingState } from '../../../components/QueryStates.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatExact, formatRecords } from '../../../lib/format.ts';
import { categoryLabel } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { exposureCategories } from '../charts/chartData.ts';
import { ExposureChart } from '../charts/lazyCharts.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { DataExposure } from '../types.ts';
import { CategoryList } from './CategoryList.tsx';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { NumbersDetails } from './NumbersDetails.tsx';
import { NoVendors, QueryContent } from './QueryContent.tsx';

const CSV_COLUMNS = ['Vendor', 'Category', 'Records', 'Records not needed'];

function csvRows(exposure: DataExposure) {
  return exposure.vendors.flatMap((v) =>
    v.holdings.map((h) => ({ Vendor: v.name, Category: categoryLabel(h.category), Records: h.records, 'Records not needed': h.excess })),
  );
}

export function DataExposureSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.dataExposure.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  const [logScale, setLogScale] = useState(false);
  const exposure = query.data;
  return (
    <DashboardSection
      title="Data exposure"
      description="Records of personal data held, per vendor (the 20 holding most) and per category: the blast radius of a breach at each."
      actions={exposure?.vendors.length ? <CsvButton name="data exposure by vendor" columns={CSV_COLUMNS} rows={() => csvRows(exposure)} /> : null}
    >
      <QueryContent query={query} what="the data exposure">
        {(data) =>
          data.vendors.length === 0 ? (
            <NoVendors hasFilters={state.hasFilters} />
          ) : (
            <Stack gap="md">
              <Switch label="Log scale" checked={logScale} onChange={(e) => setLogScale(e.currentTarget.checked)} className="no-print" w="fit-content" />
              <Suspense fallback={<LoadingState label="Loading the chart" />}>
                <ExposureChart vendors={data.vendors} logScale={logScale} />
              </Suspense>
              <Text size="xs" c="gray.7">
                Bars add up the records of every category, so one customer's name and email count twice.{' '}
                {logScale ? 'On a log scale the first category of each bar looks largest: the table has exact numbers. ' : ''}
                “(excess)” marks a vendor holding data it does not need for the service.
              </Text>
              <NumbersDetails summary="Show records per vendor as a table">
                <VendorTable vendors={data.vendors} />
              </NumbersDetails>
              <CategoryList categories={data.byCategory} />
            </Stack>
          )
        }
      </QueryContent>
    </DashboardSection>
  );
}

function VendorTable({ vendors }: { vendors: DataExposure['vendors'] }) {
  const order = exposureCategories(vendors);
  return (
    <ScrollTable caption="Records held per vendor, by category" minWidth={640} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vendor</Table.Th>
          <Table.Th ta="right">Largest holding</Table.Th>
          <Table.Th>Records by category</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {vendors.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Th scope="row" fw={400}>
              {v.name}
            </Table.Th>
            <Table.Td ta="right">{formatExact(v.largestHolding)}</Table.Td>
            <Table.Td>
              {[...v.holdings]
                .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
                .map((h) => `${categoryLabel(h.category)} ${formatRecords(h.records)}${h.excess ? ` (${formatRecords(h.excess)} not needed)` : ''}`)
                .join('; ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
