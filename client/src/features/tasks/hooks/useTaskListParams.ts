/** The Tasks page's filters, read from and written to the URL (client/src/lib/taskFilters.ts). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseTaskListParams, taskListSearchParams, type TaskListParams } from '../../../lib/taskFilters.ts';

export function useTaskListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseTaskListParams(searchParams), [searchParams]);
  const update = useCallback((change: Partial<TaskListParams>) => setSearchParams((current) => taskListSearchParams({ ...parseTaskListParams(current), ...change })), [setSearchParams]);
  const hasFilters = params.vendorId !== null || params.severities.length > 0 || params.statuses.length > 0 || params.owner !== '' || params.dueWithinDays !== null || params.overdue;
  return {
    params,
    hasFilters,
    update,
    clear: useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]),
  };
}
