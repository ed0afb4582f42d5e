/** Filters above the audit log: who, what kind of record, which record, and when. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DebouncedSearchInput } from '../../../components/DebouncedSearchInput.tsx';
import { trpc } from '../../../lib/trpc.ts';
import type { AuditParamsState } from '../hooks/useAuditParams.ts';

export function AuditFilters({ state }: { state: AuditParamsState }) {
  const options = useQuery(trpc.audit.filterOptions.queryOptions());
  const { params, setFilter } = state;
  const actors = (options.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }));
  // Keep a filter from the URL selectable even before the options load.
  if (params.actor && !actors.some((a) => a.value === params.actor)) actors.push({ value: params.actor, label: params.actor });
  const targetTypes = [...(options.data?.targetTypes ?? [])];
  if (params.targetType && !targetTypes.includes(params.targetType)) targetTypes.push(params.targetType);

  return (
    <Group role="search" aria-label="Filter the audit log" align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Actor"
        placeholder="Anyone"
        data={actors}
        value={params.actor || null}
        onChange={(value) => setFilter('actor', value ?? '')}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear actor filter' }}
        searchable
        w={{ base: '100%', sm: 220 }}
      />
      <Select
        label="Target type"
        placeholder="Any"
        data={targetTypes}
        value={params.targetType || null}
        onChange={(value) => setFilter('targetType', value ?? '')}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear target type filter' }}
        w={{ base: '100%', sm: 180 }}
      />
      <DebouncedSearchInput label="Target id" value={params.targetId} onSearch={(value) => setFilter('targetId', value.trim())} w={{ base: '100%', sm: 180 }} />
      <TextInput label="From" type="date" value={params.from} max={params.to || undefined} onChange={(e) => setFilter('from', e.currentTarget.value)} w={{ base: '100%', sm: 160 }} />
      <TextInput label="To" type="date" value={params.to} min={params.from || undefined} onChange={(e) => setFilter('to', e.currentTarget.value)} w={{ base: '100%', sm: 160 }} />
      {state.hasFilters ? (
        <Button variant="subtle" onClick={state.clear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
