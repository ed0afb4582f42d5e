/** A section's loading, error and loaded states; while new filters load, the previous numbers stay, marked busy. */
import { Box } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';

interface QueryContentProps<T> {
  query: UseQueryResult<T, unknown>;
  /** What is loading, in words: "the heatmap". */
  what: string;
  children: (data: T) => ReactNode;
}

export function QueryContent<T>({ query, what, children }: QueryContentProps<T>) {
  if (query.isPending) return <LoadingState label={`Loading ${what}`} />;
  if (query.isError) {
    return <ErrorState error={query.error} title={`${what[0]!.toUpperCase()}${what.slice(1)} could not be loaded`} onRetry={() => void query.refetch()} />;
  }
  const busy = query.isPlaceholderData || query.isFetching;
  return (
    <Box aria-busy={busy || undefined} style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
      {children(query.data)}
    </Box>
  );
}

/** Nothing to show: no vendors at all yet, or none that match the filters. */
export function NoVendors({ hasFilters, onClear }: { hasFilters: boolean; onClear?: () => void }) {
  if (hasFilters) {
    return (
      <EmptyState title="No vendors match these filters">
        {onClear ? 'Clear the filters to see the whole portfolio.' : 'Try fewer filters.'}
      </EmptyState>
    );
  }
  return <EmptyState title="No vendors yet">The dashboard fills in once vendors are added to the inventory and assessed.</EmptyState>;
}
