/** The vendor inventory: every vendor with its risk position, riskiest first. */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { PageNav } from '../../components/PageNav.tsx';
import { pluralise } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { VendorFilters } from './components/VendorFilters.tsx';
import { VendorTable } from './components/VendorTable.tsx';
import { VendorsToolbar } from './components/VendorsToolbar.tsx';
import { useVendorListParams } from './hooks/useVendorListParams.ts';
import type { VendorList } from './types.ts';

const PAGE_SIZE = 50;

export function VendorsPage() {
  const list = useVendorListParams();
  const { params } = list;
  const search = params.search.trim();
  const query = useQuery(
    trpc.vendors.list.queryOptions(
      {
        search: search || undefined,
        bands: params.bands.length ? params.bands : undefined,
        tiers: params.tiers.length ? params.tiers : undefined,
        sort: params.sort,
        direction: params.direction,
        page: params.page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <Stack gap="md">
      <title>Vendors · Tollgate</title>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Vendors</Title>
        <Text c="gray.7" role="status">
          {query.data ? pluralise(query.data.total, 'vendor') : ''}
        </Text>
      </Group>
      <VendorsToolbar />
      <VendorFilters
        search={params.search}
        bands={params.bands}
        tiers={params.tiers}
        hasFilters={list.hasFilters}
        onSearch={list.setSearch}
        onBands={list.setBands}
        onTiers={list.setTiers}
        onClear={list.clearFilters}
      />
      <VendorListBody query={query} list={list} />
    </Stack>
  );
}

type ListQuery = UseQueryResult<VendorList, unknown>;

function VendorListBody({ query, list }: { query: ListQuery; list: ReturnType<typeof useVendorListParams> }) {
  const { params } = list;
  if (query.isPending) return <LoadingState label="Loading vendors" />;
  if (query.isError) {
    return <ErrorState error={query.error} title="The vendor list could not be loaded" onRetry={() => void query.refetch()} />;
  }
  const { rows, total, pageSize } = query.data;
  const pages = Math.ceil(total / pageSize);

  if (total === 0 && list.hasFilters) {
    return (
      <EmptyState title="No vendors match these filters">
        Try a shorter name or fewer filters.{' '}
        <Button variant="subtle" size="compact-sm" onClick={list.clearFilters}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  if (total === 0) {
    return <EmptyState title="No vendors yet">Vendors appear here once they are added to the inventory.</EmptyState>;
  }
  if (rows.length === 0) {
    return (
      <EmptyState title={`There is no page ${params.page}`}>
        The list has {pluralise(pages, 'page')}.{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => list.setPage(1)}>
          Go to the first page
        </Button>
      </EmptyState>
    );
  }
  return (
    <>
      <VendorTable
        rows={rows}
        sort={params.sort}
        direction={params.direction}
        onSort={list.toggleSort}
        busy={query.isPlaceholderData}
      />
      <PageNav label="Vendor list pages" pages={pages} page={params.page} onChange={list.setPage} />
    </>
  );
}
