/** Every assessment, overdue first: where each stands, how far the vendor has got, and who reviews it. */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { PageNav } from '../../components/PageNav.tsx';
import { trpc } from '../../lib/trpc.ts';
import { AssessmentFilters } from './components/AssessmentFilters.tsx';
import { AssessmentTable } from './components/AssessmentTable.tsx';
import { useAssessmentListParams } from './hooks/useAssessmentListParams.ts';

const PAGE_SIZE = 50;

export function AssessmentsPage() {
  const list = useAssessmentListParams();
  const { params } = list;
  const query = useQuery(
    trpc.assessments.list.queryOptions(
      {
        status: params.statuses.length ? params.statuses : undefined,
        overdue: params.overdue || undefined,
        assessorId: params.assessor || undefined,
        page: params.page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const pages = query.data ? Math.ceil(query.data.total / query.data.pageSize) : 0;

  return (
    <Stack gap="md">
      <title>Assessments · Tollgate</title>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Assessments</Title>
        <Text c="gray.7" role="status">
          {query.data ? `${query.data.total} ${query.data.total === 1 ? 'assessment' : 'assessments'}` : ''}
        </Text>
      </Group>
      <AssessmentFilters list={list} />
      {query.isPending ? (
        <LoadingState label="Loading assessments" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The assessments could not be loaded" onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <EmptyState title={list.hasFilters ? 'No assessments match these filters' : 'No assessments yet'}>
          {list.hasFilters ? (
            <Button variant="subtle" size="compact-sm" onClick={list.clear}>
              Clear filters
            </Button>
          ) : (
            'Start one from a vendor’s page.'
          )}
        </EmptyState>
      ) : query.data.rows.length === 0 ? (
        <EmptyState title={`There is no page ${params.page}`}>
          <Button variant="subtle" size="compact-sm" onClick={() => list.setPage(1)}>
            Go to the first page
          </Button>
        </EmptyState>
      ) : (
        <>
          <AssessmentTable rows={query.data.rows} busy={query.isPlaceholderData} />
          <PageNav label="Assessment list pages" pages={pages} page={params.page} onChange={list.setPage} />
        </>
      )}
    </Stack>
  );
}
