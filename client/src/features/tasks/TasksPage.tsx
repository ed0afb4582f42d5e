/**
 * Every remediation task across vendors: filter by vendor, severity,
 * status, owner, due window and overdue (all in the URL), sorted by due
 * date; assessors hand several out at once; the view downloads as CSV.
 */
import { Anchor, Button, Checkbox, Group, MultiSelect, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { SEVERITIES } from '#shared/catalogue/types.ts';
import { DUE_WINDOWS, OWNER_NONE } from '#shared/schemas/remediation.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '#shared/statuses.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { SeverityBadge } from '../../components/RiskBadges.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { TaskDueCell, TaskStatusCell } from '../../components/TaskCells.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { SuccessNote } from '../../components/SuccessNote.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pluralise } from '../../lib/format.ts';
import { SEVERITY_LABELS } from '../../lib/labels.ts';
import { hasRole, MANAGER_ROLES, useMe } from '../../lib/session.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { csvFilename, toCsv } from '../../lib/csv.ts';
import { downloadText } from '../../lib/download.ts';
import { useTaskListParams } from './hooks/useTaskListParams.ts';

type TaskRow = RouterOutputs['tasks']['list']['tasks'][number];

const SEVERITY_OPTIONS = [...SEVERITIES].reverse().map((s) => ({ value: s, label: SEVERITY_LABELS[s] }));
const STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }));
const CSV_COLUMNS = ['Task', 'Vendor', 'Control', 'Title', 'Severity', 'Status', 'Due', 'Overdue', 'Owner', 'Accepted by', 'Accepted until'];

export function TasksPage() {
  const list = useTaskListParams();
  const { params } = list;
  const me = useMe().data;
  const canAssign = hasRole(me, MANAGER_ROLES);
  const options = useQuery(trpc.tasks.filterOptions.queryOptions());
  const query = useQuery(
    trpc.tasks.list.queryOptions(
      {
        vendorId: params.vendorId ?? undefined,
        severity: params.severities.length ? params.severities : undefined,
        status: params.statuses.length ? params.statuses : undefined,
        ownerId: params.owner || undefined,
        dueWithinDays: params.dueWithinDays ?? undefined,
        overdue: params.overdue || undefined,
        sort: params.sort,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const rows = query.data?.tasks ?? [];
  const visibleSelected = rows.filter((r) => selected.has(r.id)).map((r) => r.id);

  const vendorOptions = [{ value: '', label: 'Any vendor' }, ...(options.data?.vendors ?? []).map((v) => ({ value: String(v.id), label: v.name }))];
  if (params.vendorId && !vendorOptions.some((o) => o.value === String(params.vendorId))) vendorOptions.push({ value: String(params.vendorId), label: 'The chosen vendor' });
  const ownerOptions = [
    { value: '', label: 'Anyone' },
    { value: OWNER_NONE, label: 'Nobody (unassigned)' },
    ...(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.id === me?.user.id ? `${o.name} (you)` : o.name })),
  ];

  const exportCsv = () => {
    const csv = toCsv(
      CSV_COLUMNS,
      rows.map((r) => ({
        Task: r.id,
        Vendor: r.vendorName,
        Control: r.controlId,
        Title: r.title,
        Severity: SEVERITY_LABELS[r.severity],
        Status: TASK_STATUS_LABELS[r.status],
        Due: r.dueDate,
        Overdue: r.overdue ? 'yes' : 'no',
        Owner: r.ownerName ?? '',
        'Accepted by': r.status === 'risk_accepted' ? (r.acceptedByName ?? '') : '',
        'Accepted until': r.status === 'risk_accepted' ? (r.acceptanceExpiresOn ?? '') : '',
      })),
    );
    downloadText(csvFilename('tasks'), csv);
  };

  return (
    <Stack gap="md">
      <title>Tasks · Tollgate</title>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Remediation tasks</Title>
        <Text c="gray.7" role="status">
          {query.data ? `${pluralise(rows.length, 'task')}${query.data.truncated ? ' shown; narrow the filters to see the rest' : ''}` : ''}
        </Text>
      </Group>
      <Text size="sm" c="gray.7" maw={760}>
        Without a status filter the list shows the tasks still waiting on someone and the accepted risks. Due dates come from the SLA days of each
        task’s severity on the day it was raised.
      </Text>

      <Group role="search" aria-label="Filter tasks" align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Vendor"
          data={vendorOptions}
          value={params.vendorId ? String(params.vendorId) : ''}
          onChange={(e) => list.update({ vendorId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          w={{ base: '100%', sm: 220 }}
        />
        <MultiSelect
          label="Severity"
          placeholder={params.severities.length ? undefined : 'Any severity'}
          data={SEVERITY_OPTIONS}
          value={params.severities}
          onChange={(values) => list.update({ severities: values as typeof params.severities })}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear severity filter' }}
          w={{ base: '100%', sm: 220 }}
        />
        <MultiSelect
          label="Status"
          placeholder={params.statuses.length ? undefined : 'Open work and accepted risks'}
          data={STATUS_OPTIONS}
          value={params.statuses}
          onChange={(values) => list.update({ statuses: values as TaskStatus[] })}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear status filter' }}
          w={{ base: '100%', sm: 260 }}
        />
        <NativeSelect label="Owner" data={ownerOptions} value={params.owner} onChange={(e) => list.update({ owner: e.currentTarget.value })} w={{ base: '100%', sm: 200 }} />
        <NativeSelect
          label="Due within"
          data={[{ value: '', label: 'Any time' }, ...DUE_WINDOWS.map((d) => ({ value: String(d), label: `${d} days` }))]}
          value={params.dueWithinDays ? String(params.dueWithinDays) : ''}
          onChange={(e) => list.update({ dueWithinDays: e.currentTarget.value ? (Number(e.currentTarget.value) as (typeof DUE_WINDOWS)[number]) : null })}
          w={{ base: '100%', sm: 140 }}
        />
        <Checkbox label="Overdue only" checked={params.overdue} onChange={(e) => list.update({ overdue: e.currentTarget.checked })} mb={8} />
        {list.hasFilters ? (
          <Button variant="subtle" onClick={list.clear}>
            Clear filters
          </Button>
        ) : null}
      </Group>

      <Group gap="sm">
        <Button variant="default" onClick={exportCsv} disabled={rows.length === 0}>
          Download CSV
        </Button>
      </Group>

      {canAssign ? <BulkAssign taskIds={visibleSelected} owners={options.data?.owners ?? []} onDone={() => setSelected(new Set())} /> : null}

      {query.isPending ? (
        <LoadingState label="Loading tasks" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The tasks could not be loaded" onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={list.hasFilters ? 'No tasks match these filters' : 'No open remediation tasks'}>
          {list.hasFilters ? (
            <Button variant="subtle" size="compact-sm" onClick={list.clear}>
              Clear filters
            </Button>
          ) : (
            'Completing an assessment raises a task for each control the vendor fails.'
          )}
        </EmptyState>
      ) : (
        <TaskTable
          rows={rows}
          busy={query.isPlaceholderData}
          selectable={canAssign}
          selected={selected}
          onSelect={setSelected}
          sort={params.sort}
          onSort={() => list.update({ sort: params.sort === 'due_asc' ? 'due_desc' : 'due_asc' })}
        />
      )}
    </Stack>
  );
}

function BulkAssign({ taskIds, owners, onDone }: { taskIds: number[]; owners: RouterOutputs['tasks']['filterOptions']['owners']; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState('');
  const [done, setDone] = useState('');
  const assign = useMutation(
    trpc.tasks.assign.mutationOptions({
      onSuccess: (result) => {
        const name = owners.find((o) => o.id === owner)?.name ?? 'nobody';
        setDone(`${pluralise(result.changed, 'task')} now owned by ${owner === OWNER_NONE ? 'nobody' : name}${result.unchanged ? `; ${result.unchanged} already were` : ''}.`);
        onDone();
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
      },
    }),
  );
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Owner for the selected tasks"
          description={taskIds.length ? `${pluralise(taskIds.length, 'task')} selected` : 'Select tasks in the table first'}
          data={[{ value: '', label: 'Choose an owner' }, { value: OWNER_NONE, label: 'Nobody' }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Button
          disabled={taskIds.length === 0 || owner === ''}
          loading={assign.isPending}
          onClick={() => {
            setDone('');
            assign.mutate({ taskIds, ownerId: owner === OWNER_NONE ? null : owner });
          }}
        >
          Assign
        </Button>
      </Group>
      {done ? <SuccessNote onDismiss={() => setDone('')}>{done}</SuccessNote> : null}
      {assign.isError ? <ErrorAlert>{errorMessage(assign.error)}</ErrorAlert> : null}
    </Stack>
  );
}

interface TaskTableProps {
  rows: TaskRow[];
  busy: boolean;
  selectable: boolean;
  selected: Set<number>;
  onSelect: (next: Set<number>) => void;
  sort: 'due_asc' | 'due_desc';
  onSort: () => void;
}

function TaskTable({ rows, busy, selectable, selected, onSelect, sort, onSort }: TaskTableProps) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <ScrollTable caption="Remediation tasks" minWidth={900} aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          {selectable ? (
            <Table.Th w={40}>
              <Checkbox aria-label="Select every task shown" checked={allSelected} indeterminate={!allSelected && rows.some((r) => selected.has(r.id))} onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
            </Table.Th>
          ) : null}
          <Table.Th>Task</Table.Th>
          <Table.Th>Vendor</Table.Th>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Status</Table.Th>
          <SortableTh sorted={sort === 'due_asc' ? 'asc' : 'desc'} onSort={onSort}>
            Due
          </SortableTh>
          <Table.Th>Owner</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            {selectable ? (
              <Table.Td>
                <Checkbox aria-label={`Select task ${r.id}: ${r.title} at ${r.vendorName}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </Table.Td>
            ) : null}
            <Table.Td>
              <Anchor component={Link} to={`/tasks/${r.id}`}>
                {r.title}
              </Anchor>
              <Text size="xs" c="gray.7">
                {r.controlId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/vendors/${r.vendorId}`}>
                {r.vendorName}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <SeverityBadge severity={r.severity} />
            </Table.Td>
            <TaskStatusCell task={r} />
            <TaskDueCell task={r} />
            <Table.Td>{r.ownerName ?? <Text span c="gray.7">Nobody</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
