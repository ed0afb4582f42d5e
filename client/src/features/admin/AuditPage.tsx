/** The audit trail, for administrators and auditors: filtered in the URL, newest first, a page at a time. */
import { Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { PageNav } from '../../components/PageNav.tsx';
import { trpc } from '../../lib/trpc.ts';
import { AuditFilters } from './components/AuditFilters.tsx';
import { AuditTable } from './components/AuditTable.tsx';
import { useAuditParams } from './hooks/useAuditParams.ts';

const PAGE_SIZE = 50;

export function AuditPage() {
  const state = useAuditParams();
  const { params } = state;
  const query = useQuery(
    trpc.audit.list.queryOptions(
      {
        actorId: params.actor || undefined,
        targetType: params.targetType || undefined,
        targetId: params.targetId || undefined,
        from: params.from || undefined,
        to: params.to || undefined,
        page: params.page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const total = query.data?.total;
  const pages = total ? Math.ceil(total / PAGE_SIZE) : 0;

  return (
    <Stack gap="md">
      <title>Audit log · Tollgate</title>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Audit log</Title>
        <Text c="gray.7" role="status">
          {total === undefined ? '' : `${total} ${total === 1 ? 'event' : 'events'}`}
        </Text>
      </Group>
      <AuditFilters state={state} />
      {query.isPending ? (
        <LoadingState label="Loading the audit log" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The audit log could not be loaded" onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 ? (
        <EmptyState title={state.hasFilters ? 'No events match these filters' : 'No events yet'}>
          {state.hasFilters ? 'Try a wider date range or fewer filters.' : 'Changes and sign-ins appear here as they happen.'}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={query.data.rows} busy={query.isPlaceholderData} />
          <PageNav label="Audit log pages" pages={pages} page={params.page} onChange={state.setPage} />
        </>
      )}
    </Stack>
  );
}
