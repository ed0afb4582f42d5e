/** Filters above the assessment list: status, overdue only, and assessor. */
import { Button, Checkbox, Group, MultiSelect, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, type AssessmentStatus } from '#shared/assessmentLifecycle.ts';
import { useMe } from '../../../lib/session.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { useAssessmentListParams } from '../hooks/useAssessmentListParams.ts';

const STATUS_OPTIONS = ASSESSMENT_STATUSES.map((s) => ({ value: s, label: ASSESSMENT_STATUS_LABELS[s] }));

interface AssessmentFiltersProps {
  list: ReturnType<typeof useAssessmentListParams>;
}

export function AssessmentFilters({ list }: AssessmentFiltersProps) {
  const me = useMe().data;
  const assessors = useQuery(trpc.assessments.assessors.queryOptions());
  const people = new Map<string, string>();
  if (me) people.set(me.user.id, `${me.user.name} (you)`);
  for (const p of assessors.data ?? []) if (!people.has(p.id)) people.set(p.id, p.name);
  if (list.params.assessor && !people.has(list.params.assessor)) people.set(list.params.assessor, 'The chosen assessor');
  const { params } = list;
  return (
    <Group role="search" aria-label="Filter assessments" align="flex-end" gap="sm" wrap="wrap">
      <MultiSelect
        label="Status"
        placeholder={params.statuses.length ? undefined : 'Any status'}
        data={STATUS_OPTIONS}
        value={params.statuses}
        onChange={(values) => list.setStatuses(values as AssessmentStatus[])}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear status filter' }}
        w={{ base: '100%', sm: 320 }}
      />
      <NativeSelect
        label="Assessor"
        data={[{ value: '', label: 'Anyone' }, ...[...people].map(([value, label]) => ({ value, label }))]}
        value={params.assessor}
        onChange={(e) => list.setAssessor(e.currentTarget.value)}
        w={{ base: '100%', sm: 240 }}
      />
      <Checkbox label="Overdue only" checked={params.overdue} onChange={(e) => list.setOverdue(e.currentTarget.checked)} mb={8} />
      {list.hasFilters ? (
        <Button variant="subtle" onClick={list.clear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
